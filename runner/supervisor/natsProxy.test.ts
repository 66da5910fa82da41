import { createServer, connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startNatsProxy, type NatsProxy } from './natsProxy';

/** An echo server standing in for nats-server. */
async function echoServer(): Promise<{ url: string; close(): void }> {
  const sockets: Socket[] = [];
  const server = createServer((s) => {
    sockets.push(s);
    s.on('data', (d) => s.write(d));
    s.on('error', () => undefined);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `nats://127.0.0.1:${port}`, close: () => { sockets.forEach((s) => s.destroy()); server.close(); } };
}

function client(url: string): Promise<Socket> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => resolve(socket));
  });
}

const reply = (socket: Socket, text: string) => new Promise<string>((resolve) => {
  socket.once('data', (d) => resolve(d.toString()));
  socket.write(text);
});

describe('the NATS proxy of the chaos schedule', () => {
  let proxy: NatsProxy | undefined;
  let echo: { close(): void } | undefined;
  afterEach(async () => {
    await proxy?.close();
    echo?.close();
  });

  it('forwards both ways, and a drop really cuts the connection', async () => {
    const server = await echoServer();
    echo = server;
    proxy = await startNatsProxy(server.url);
    const socket = await client(proxy.url);
    expect(await reply(socket, 'PING')).toBe('PING');
    expect(proxy.connections()).toBe(1);
    const closed = new Promise<boolean>((resolve) => socket.once('close', () => resolve(true)));
    expect(proxy.drop(7)).toBe(true);
    expect(await closed).toBe(true);
    expect(proxy.drop(0)).toBe(false);
  });

  it('delays every byte by the configured latency', async () => {
    const server = await echoServer();
    echo = server;
    proxy = await startNatsProxy(server.url, () => 60);
    const socket = await client(proxy.url);
    const started = performance.now();
    expect(await reply(socket, 'x')).toBe('x');
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    socket.destroy();
  });
});
