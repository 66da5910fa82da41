import { connect, AckPolicy } from 'nats';
import { startLocalServices } from './services/localServices';
const s = await startLocalServices();
try {
  const nc = await connect({ servers: s.natsUrl });
  const jsm = await nc.jetstreamManager();
  await jsm.streams.add({ name: 'T', subjects: ['t.>'] });
  await jsm.consumers.add('T', { durable_name: 'd', ack_policy: AckPolicy.Explicit, max_ack_pending: 1, ack_wait: 2e9 });
  const js = nc.jetstream();
  let t = Date.now();
  for (let i = 0; i < 200; i++) await js.publish('t.a', JSON.stringify({ i }));
  console.log('publish 200', Date.now() - t);
  const c = await js.consumers.get('T', 'd');
  t = Date.now();
  for (let i = 0; i < 200; i++) { const m = await c.next({ expires: 1000 }); await m!.ackAck(); }
  console.log('next+ackAck 200', Date.now() - t);
  await nc.close();
} catch (e) { console.error('ERR', e); } finally { await s.stop(); }
