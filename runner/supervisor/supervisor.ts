/**
 * The supervisor: forks one OS process per producer, per relay and per consumer instance (plus the
 * dead-letter forwarder), restarts whatever dies, and deals out the chaos schedule: a child at a
 * crash point its schedule picked is sent SIGKILL; timed SIGKILLs hit random relays and consumers;
 * NATS connections are dropped through the proxy. Every start, exit and kill is written to
 * `<ns>_runner.process_events`.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type pg from 'pg';
import { Rng } from '../../src/core';
import type { ChildMessage, ProcessSpec } from '../processes/spec';
import { childBundle } from './childBundle';
import type { ChaosFaults } from './faults';
import type { NatsProxy } from './natsProxy';


/** A process the supervisor keeps alive. */
interface Managed {
  base: Omit<ProcessSpec, 'incarnation'>;
  incarnation: number;
  child?: ChildProcess;
  ready: boolean;
  /** A kill the supervisor sent and whose exit it expects. */
  killing: boolean;
  /** Exits since the last ready: a process that cannot start is a failed run, not a restart loop. */
  failedStarts: number;
}

export interface SupervisorOptions {
  db: pg.ClientBase;
  runnerSchema: string;
  faults: ChaosFaults;
  seed: number;
  proxy?: NatsProxy;
  /** Milliseconds between a death and the restart. */
  restartDelayMs?: number;
  /** Called for each line a child prints and each process event (for --verbose). */
  onLine?: (line: string) => void;
  /** Called when a producer process died: its taken commands go back to the caller's queue. */
  onProducerExit?: (producerId: string) => Promise<void>;
}

export interface Supervisor {
  start(specs: Omit<ProcessSpec, 'incarnation'>[]): Promise<void>;
  /** Every process is up and none is dying or restarting. */
  settled(): boolean;
  /** A fatal problem (a process that cannot start), if any. */
  failure(): string | undefined;
  counts(): { starts: number; kills: number; crashPoints: number; natsDrops: number };
  stop(): Promise<void>;
}

export function createSupervisor(options: SupervisorOptions): Supervisor {
  const { db, runnerSchema, faults } = options;
  const rng = new Rng(Rng.seedState(options.seed ^ 0x5eed));
  const managed: Managed[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const tally = { starts: 0, kills: 0, crashPoints: 0, natsDrops: 0 };
  let stopping = false;
  let fatal: string | undefined;
  let writes = Promise.resolve();

  const record = (process: string, kind: string, detail: string) => {
    options.onLine?.(`[${process}] ${kind}: ${detail}`);
    writes = writes
      .then(() => db.query(`INSERT INTO ${runnerSchema}.process_events (process, kind, detail) VALUES ($1, $2, $3)`, [process, kind, detail]))
      .then(() => undefined, () => undefined);
  };

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  function kill(m: Managed, why: string): void {
    if (!m.child || m.killing || m.child.exitCode !== null) return;
    m.killing = true;
    tally.kills += 1;
    record(`${m.base.name}@${m.incarnation}`, 'SIGKILL', why);
    m.child.kill('SIGKILL');
  }

  let entry = '';

  function spawn(m: Managed): void {
    m.incarnation += 1;
    m.ready = false;
    m.killing = false;
    const spec: ProcessSpec = { ...m.base, incarnation: m.incarnation };
    const child = fork(entry, [], { execArgv: ['--enable-source-maps'], stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
    m.child = child;
    tally.starts += 1;
    const who = `${spec.name}@${spec.incarnation}`;
    record(who, 'start', `pid ${child.pid ?? '?'}`);
    const lines = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) options.onLine?.(`[${who}] ${line}`);
    };
    child.stdout?.on('data', lines);
    child.stderr?.on('data', lines);
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        m.ready = true;
        m.failedStarts = 0;
        record(who, 'ready', 'connected to PostgreSQL and NATS');
      } else if (message.type === 'crash-point') {
        tally.crashPoints += 1;
        record(who, `crash-point ${message.point}`, message.detail);
        kill(m, `crash point ${message.point}`);
      } else {
        record(who, message.kind, message.detail);
      }
    });
    child.on('exit', (code, signal) => {
      const expected = m.killing || stopping;
      m.ready = false;
      m.child = undefined;
      record(who, 'exit', signal ? `signal ${signal}` : `code ${code}`);
      if (!expected) m.failedStarts += 1;
      if (m.failedStarts >= 5) fatal ??= `${spec.name} exited ${m.failedStarts} times in a row without becoming ready (last: ${signal ?? code}); see its output with --verbose`;
      if (stopping || fatal) return;
      const requeue = spec.role === 'producer' && spec.ownerId ? (options.onProducerExit?.(spec.ownerId) ?? Promise.resolve()) : Promise.resolve();
      void requeue.then(() => later(options.restartDelayMs ?? 250, () => !stopping && spawn(m)));
    });
    child.send(spec);
  }

  function scheduleKills(): void {
    const mean = faults.killEveryMs;
    if (mean === null) return;
    later(rng.int(Math.round(mean / 2), Math.round(mean * 1.5)), () => {
      const targets = managed.filter((m) => (m.base.role === 'relay' || m.base.role === 'consumer') && m.ready && !m.killing);
      if (targets.length > 0) kill(rng.pick(targets), 'chaos: timed kill');
      scheduleKills();
    });
  }

  function scheduleDrops(): void {
    const mean = faults.natsDropEveryMs;
    const proxy = options.proxy;
    if (mean === null || !proxy) return;
    later(rng.int(Math.round(mean / 2), Math.round(mean * 1.5)), () => {
      if (proxy.drop(rng.int(0, 1_000_000))) {
        tally.natsDrops += 1;
        record('nats-proxy', 'drop', 'chaos: a NATS connection was cut');
      }
      scheduleDrops();
    });
  }

  return {
    async start(specs) {
      entry = await childBundle();
      for (const base of specs) {
        const m: Managed = { base, incarnation: 0, ready: false, killing: false, failedStarts: 0 };
        managed.push(m);
        spawn(m);
      }
      const deadline = Date.now() + 60_000;
      while (!managed.every((m) => m.ready)) {
        if (fatal) throw new Error(fatal);
        if (Date.now() > deadline) throw new Error(`processes not ready after 60 s: ${managed.filter((m) => !m.ready).map((m) => m.base.name).join(', ')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      scheduleKills();
      scheduleDrops();
    },
    settled: () => managed.every((m) => m.ready && !m.killing),
    failure: () => fatal,
    counts: () => ({ ...tally }),
    async stop() {
      stopping = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      const exits = managed.map((m) => {
        const child = m.child;
        if (!child || child.exitCode !== null) return Promise.resolve();
        return new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
        });
      });
      await Promise.all(exits);
      await writes;
    },
  };
}
