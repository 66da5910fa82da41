import { readFileSync } from 'node:fs';
import { startLocalServices } from './services/localServices';
import { runDesign } from './runDesign';
import { parseChaos } from './supervisor/faults';
const flow = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8'));
const s = await startLocalServices();
try {
  const pgUrl = await s.createDatabase('efd_try');
  const out = await runDesign(flow, { pgUrl, natsUrl: s.natsUrl, commands: Number(process.argv[2] ?? 20), seed: 7, faults: parseChaos(process.argv[3] ?? ''), timeoutMs: 60000, onLine: process.env.V ? (l) => console.log(Date.now() % 100000, l) : undefined });
  const r = out.rows;
  console.log({ quiet: out.quiet, pending: out.pending, failure: out.failure, ms: out.durationMs, processing: out.processing, processes: out.processes,
    events: r.events.length, commands: r.commands.filter(c=>c.status==='handled').length, rejected: r.commands.filter(c=>c.status==='rejected').map(c=>c.reason).slice(0,3),
    outbox: r.outbox.length, pubs: r.publications.length, handlings: r.handlings.length, dups: r.handlings.filter(h=>h.outcome==='duplicate-skipped').length,
    inbox: r.inbox.length, dead: r.deadLetters.length, proj: r.projectionRows.length, durables: r.durables });
  const pg = (await import('pg')).default; const c = new pg.Client({ connectionString: pgUrl }); await c.connect();
  for (const q of [
    "select consumer_id, count(*), extract(epoch from max(handled_at)-min(handled_at)) span from efd_runner.handlings group by 1",
    "select extract(epoch from max(committed_at)-min(committed_at)) span, count(*) from efd_event_store.events where source_id='content-ingest'",
    "select avg(extract(epoch from sent_at-created_at)) lag, max(extract(epoch from sent_at-created_at)) maxlag from efd_content_ingest.outbox",
  ]) { try { console.log((await c.query(q)).rows); } catch (e) { console.log(String(e)); } }
  await c.end();
} finally { await s.stop(); }
