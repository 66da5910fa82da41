/**
 * A TCP proxy between the child processes and nats-server, so the chaos schedule can drop a real
 * connection (both sockets destroyed: the client sees a reset, reconnects, and whatever was in
 * flight — a pull request, an ack, a publish — is lost) or delay every byte in both directions.
 */
import { createServer, connect as tcpConnect, type Server, type Socket } from 'node:net';

export interface NatsProxy {
  url: string;
  /** Open client connections. */
  connections(): number;
  /** Destroys the connection at `index` (mod the number open); false when none is open. */
  drop(index: number): boolean;
  close(): Promise<void>;
}

function pipeWithDelay(from: Socket, to: Socket, delayMs: () => number): void {
  from.on('data', (chunk) => {
    const delay = delayMs();
    if (delay <= 0) to.write(chunk);
    else setTimeout(() => to.writable && to.write(chunk), delay);
  });
}

/** Starts a proxy on a free loopback port forwarding to `target` (nats://host:port). */
export async function startNatsProxy(target: string, delayMs: () => number = () => 0): Promise<NatsProxy> {
  const url = new URL(target);
  const pairs: { client: Socket; upstream: Socket }[] = [];
  const server: Server = createServer((client) => {
    const upstream = tcpConnect(Number(url.port || 4222), url.hostname);
    const pair = { client, upstream };
    pairs.push(pair);
    const close = () => {
      client.destroy();
      upstream.destroy();
      const i = pairs.indexOf(pair);
      if (i >= 0) pairs.splice(i, 1);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
    pipeWithDelay(client, upstream, delayMs);
    pipeWithDelay(upstream, client, delayMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('the NATS proxy has no address');
  return {
    url: `nats://127.0.0.1:${address.port}`,
    connections: () => pairs.length,
    drop(index) {
      const pair = pairs[index % Math.max(1, pairs.length)];
      if (!pair) return false;
      pair.client.destroy();
      pair.upstream.destroy();
      return true;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const { client, upstream } of [...pairs]) {
          client.destroy();
          upstream.destroy();
        }
        server.close(() => resolve());
      }),
  };
}
