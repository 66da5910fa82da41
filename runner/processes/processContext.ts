/**
 * What every child process works with: one PostgreSQL connection, one NATS connection, the design,
 * the plan, its seeded fault source, and its crash points. A crash point the schedule picks tells
 * the supervisor and waits: the supervisor answers with SIGKILL, so the process dies there for real
 * (its open transaction is rolled back by PostgreSQL, its unacked messages come back after the ack
 * wait, whatever it held in memory is gone).
 */
import { connect, type JetStreamClient, type JetStreamManager, type NatsConnection } from 'nats';
import pg from 'pg';
import type { FlowDocument } from '../../src/core';
import { Rng } from '../../src/core';
import { indexFlow, type FlowIndex } from '../../src/core/engine/flowIndex';
import { shortHash } from '../topology/names';
import type { InfraPlan } from '../topology/plan';
import type { ChaosFaults } from '../supervisor/faults';
import { planFromJson, type ChildMessage, type CrashPoint, type ProcessSpec } from './spec';

export interface ProcessContext {
  spec: ProcessSpec;
  /** `<name>@<incarnation>`: who did something, in logs and in the rows it writes. */
  who: string;
  flow: FlowDocument;
  plan: InfraPlan;
  index: FlowIndex;
  faults: ChaosFaults;
  rng: Rng;
  db: pg.Client;
  nc: NatsConnection;
  js: JetStreamClient;
  jsm: JetStreamManager;
  /** Set on SIGTERM: loops finish the message in hand and return. */
  stopping: boolean;
  /** Draws the crash point's probability; when it fires, the process is killed before this resolves. */
  crashPoint(point: CrashPoint, probability: number, detail: string): Promise<void>;
  log(kind: string, detail: string): void;
  /** Wall-clock time as ISO text (the real runner runs on real time). */
  now(): string;
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function send(message: ChildMessage): void {
  if (process.send) process.send(message);
}

/** Connects and builds the context of one process. */
export async function openContext(spec: ProcessSpec): Promise<ProcessContext> {
  const db = new pg.Client({ connectionString: spec.pgUrl, application_name: spec.name.slice(0, 60) });
  db.on('error', (error) => {
    console.error(`${spec.name}: PostgreSQL connection lost: ${error.message}`);
    process.exit(3);
  });
  await db.connect();
  const nc = await connect({
    servers: spec.natsUrl,
    name: spec.name,
    maxReconnectAttempts: -1,
    reconnectTimeWait: 100,
    pingInterval: 2_000,
    timeout: 5_000,
  });
  const ctx: ProcessContext = {
    spec,
    who: `${spec.name}@${spec.incarnation}`,
    flow: spec.flow,
    plan: planFromJson(spec.plan),
    index: indexFlow(spec.flow),
    faults: spec.faults,
    rng: new Rng(Rng.seedState(parseInt(shortHash(`${spec.seed}:${spec.name}:${spec.incarnation}`), 16))),
    db,
    nc,
    js: nc.jetstream(),
    jsm: await nc.jetstreamManager(),
    stopping: false,
    async crashPoint(point, probability, detail) {
      if (!ctx.rng.chance(probability)) return;
      if (!process.send) process.kill(process.pid, 'SIGKILL');
      send({ type: 'crash-point', point, detail });
      await new Promise<never>(() => undefined);
    },
    log(kind, detail) {
      send({ type: 'log', kind, detail });
    },
    now: () => new Date().toISOString(),
  };
  return ctx;
}

/** Runs `fn` in one SQL transaction on the process's connection: COMMIT when it resolves, ROLLBACK when it throws. */
export async function transaction<T>(db: pg.ClientBase, fn: () => Promise<T>): Promise<T> {
  await db.query('BEGIN');
  try {
    const result = await fn();
    await db.query('COMMIT');
    return result;
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Tells the supervisor the process is up. */
export function ready(): void {
  send({ type: 'ready' });
}

/** A message for the logs. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
