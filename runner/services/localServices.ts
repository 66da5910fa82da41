/**
 * A throw-away PostgreSQL and a `nats-server -js`, each in a temporary folder, on free loopback
 * ports: for the integration tests, the benchmark and a newcomer's first run (`flow services`,
 * `flow run --local`). PostgreSQL refuses to run as root, so as root the server runs as the
 * unprivileged `postgres` user (Debian's package creates it; `LOCAL_PG_USER` names another) in a
 * folder that user owns. Durability is relaxed (fsync off): these servers hold test data only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { connect } from 'nats';
import pg from 'pg';
import { localBinaries, type LocalBinaries } from './binaries';

export interface LocalServices {
  /** postgres://runner@127.0.0.1:<port>/postgres */
  pgUrl: string;
  /** nats://127.0.0.1:<port> */
  natsUrl: string;
  dir: string;
  /** A URL of a new, empty database on the local server. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1 (asks the kernel for one, then releases it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: string, probe: () => Promise<void>, child: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`${what} exited (${child.exitCode ?? child.signalCode}) while starting:\n${log()}`);
    try {
      await probe();
      return;
    } catch (error) {
      last = error;
      await sleep(150);
    }
  }
  throw new Error(`${what} did not become ready in ${timeoutMs} ms: ${last instanceof Error ? last.message : String(last)}\n${log()}`);
}

function capture(child: ChildProcess): () => string {
  let text = '';
  const add = (chunk: Buffer) => {
    text = (text + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', add);
  child.stderr?.on('data', add);
  return () => text;
}

/** uid/gid to run PostgreSQL as: the current user, or (as root) `postgres` / LOCAL_PG_USER. */
async function postgresUser(): Promise<{ uid: number; gid: number; name: string } | undefined> {
  if (userInfo().uid !== 0) return undefined;
  const name = process.env.LOCAL_PG_USER ?? 'postgres';
  const { execFileSync } = await import('node:child_process');
  try {
    const uid = Number(execFileSync('id', ['-u', name]).toString().trim());
    const gid = Number(execFileSync('id', ['-g', name]).toString().trim());
    return { uid, gid, name };
  } catch {
    throw new Error(`running as root, and PostgreSQL refuses to run as root: create an unprivileged user "${name}" (Debian's postgresql package does) or set LOCAL_PG_USER`);
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', () => r()));
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

async function startPostgres(bin: string, dir: string): Promise<{ child: ChildProcess; port: number }> {
  const data = join(dir, 'pg');
  const user = await postgresUser();
  const asUser = (command: string, args: string[]) =>
    user ? { command: 'setpriv', args: [`--reuid=${user.uid}`, `--regid=${user.gid}`, '--clear-groups', '--', command, ...args] } : { command, args };
  if (user) chownSync(dir, user.uid, user.gid);
  const init = asUser(join(bin, 'initdb'), ['-D', data, '-U', 'runner', '--auth=trust', '-E', 'UTF8', '--no-locale', '--no-sync']);
  const initChild = spawn(init.command, init.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  const initLog = capture(initChild);
  await exited(initChild);
  if (initChild.exitCode !== 0) throw new Error(`initdb failed (${initChild.exitCode ?? initChild.signalCode}):\n${initLog()}`);
  const port = await freePort();
  const settings = ['fsync=off', 'synchronous_commit=off', 'full_page_writes=off', 'max_connections=300', 'shared_buffers=64MB'];
  const start = asUser(join(bin, 'postgres'), ['-D', data, '-h', '127.0.0.1', '-p', String(port), '-k', dir, ...settings.flatMap((s) => ['-c', s])]);
  const child = spawn(start.command, start.args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_ALL: 'C' } });
  running.add(child);
  const log = capture(child);
  await waitFor('PostgreSQL', async () => {
    const client = new pg.Client({ connectionString: `postgres://runner@127.0.0.1:${port}/postgres` });
    await client.connect();
    await client.end();
  }, child, log);
  return { child, port };
}

async function startNats(binary: string, dir: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  const store = join(dir, 'jetstream');
  const config = join(dir, 'nats.conf');
  writeFileSync(config, `listen: "127.0.0.1:${port}"\njetstream { store_dir: "${store}" }\n`);
  const child = spawn(binary, ['-c', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  const log = capture(child);
  await waitFor('nats-server', async () => {
    const nc = await connect({ servers: `nats://127.0.0.1:${port}`, reconnect: false, timeout: 1000 });
    await nc.jetstreamManager();
    await nc.close();
  }, child, log);
  return { child, port };
}

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill(signal);
  const done = exited(child);
  const timeout = sleep(5_000).then(() => child.kill('SIGKILL'));
  await Promise.race([done, timeout]);
  await done;
  running.delete(child);
}

/**
 * Starts PostgreSQL and nats-server in a new temporary folder. Throws when the binaries are missing
 * (see `localBinaries()` for the reason without starting anything) or a server does not start.
 */
export async function startLocalServices(binaries?: LocalBinaries): Promise<LocalServices> {
  const found = binaries ?? (() => {
    const result = localBinaries();
    if (!result.ok) throw new Error(result.reason);
    return result.binaries;
  })();
  const dir = mkdtempSync(join(tmpdir(), 'efd-services-'));
  let postgres: { child: ChildProcess; port: number } | undefined;
  let nats: { child: ChildProcess; port: number } | undefined;
  try {
    [postgres, nats] = await Promise.all([startPostgres(found.postgresBin, dir), startNats(found.natsServer, dir)]);
  } catch (error) {
    await Promise.all([postgres && stopChild(postgres.child, 'SIGQUIT'), nats && stopChild(nats.child, 'SIGTERM')]);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const pgPort = postgres.port;
  const pgChild = postgres.child;
  const natsChild = nats.child;
  const pgUrl = `postgres://runner@127.0.0.1:${pgPort}/postgres`;
  return {
    pgUrl,
    natsUrl: `nats://127.0.0.1:${nats.port}`,
    dir,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        const safe = name.toLowerCase().replace(/[^a-z0-9_]/g, '_');
        await client.query(`DROP DATABASE IF EXISTS ${safe}`);
        await client.query(`CREATE DATABASE ${safe}`);
        return `postgres://runner@127.0.0.1:${pgPort}/${safe}`;
      } finally {
        await client.end();
      }
    },
    async stop() {
      // Immediate shutdown (SIGQUIT): the data is thrown away with the folder.
      await Promise.all([stopChild(pgChild, 'SIGQUIT'), stopChild(natsChild, 'SIGTERM')]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
