/**
 * Where the PostgreSQL and nats-server binaries are, and why the local services cannot start when
 * they are not there. `PG_BIN` (a folder holding `postgres` and `initdb`) and `NATS_SERVER` (the
 * binary) override the search; otherwise Debian's places and the PATH are searched.
 */
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    const candidate = join(dir, name);
    if (executable(candidate)) return candidate;
  }
  return undefined;
}

/** The folder with `postgres` and `initdb`, or undefined. */
export function findPostgresBin(): string | undefined {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  try {
    const versions = readdirSync('/usr/lib/postgresql').filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // no Debian PostgreSQL folder
  }
  const initdb = onPath('initdb');
  if (initdb) candidates.push(initdb.slice(0, -'/initdb'.length));
  return candidates.find((dir) => executable(join(dir, 'postgres')) && executable(join(dir, 'initdb')));
}

/** The nats-server binary, or undefined. */
export function findNatsServer(): string | undefined {
  const candidates = [process.env.NATS_SERVER, '/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server', onPath('nats-server')];
  return candidates.find((c): c is string => c !== undefined && executable(c));
}

export interface LocalBinaries {
  postgresBin: string;
  natsServer: string;
}

/** The binaries, or the plain-words reason the local services cannot start (and how to fix it). */
export function localBinaries(): { ok: true; binaries: LocalBinaries } | { ok: false; reason: string } {
  const postgresBin = findPostgresBin();
  const natsServer = findNatsServer();
  const missing = [
    postgresBin ? undefined : 'PostgreSQL (initdb and postgres: Debian package `postgresql`, or set PG_BIN to their folder)',
    natsServer ? undefined : 'nats-server (Debian package `nats-server`, or set NATS_SERVER to the binary)',
  ].filter((m): m is string => m !== undefined);
  if (!postgresBin || !natsServer) return { ok: false, reason: `not installed: ${missing.join('; ')}` };
  return { ok: true, binaries: { postgresBin, natsServer } };
}
