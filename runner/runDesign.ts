/**
 * One run of a design on real PostgreSQL + NATS JetStream: plan, lay out, queue the seed-derived
 * workload, fork the processes under the supervisor with the chaos schedule, wait until quiet (or
 * the timeout), stop everything, and read back what the components hold.
 */
import { connect } from 'nats';
import pg from 'pg';
import { defaultRunSettings, mergeSettings, type FlowDocument, type RunSettings, type SettingsPatch } from '../src/core';
import { planToJson, type ProcessSpec } from './processes/spec';
import { readRealRun, type RealRunRows } from './read/readRealRun';
import { NO_CHAOS, type ChaosFaults } from './supervisor/faults';
import { startNatsProxy } from './supervisor/natsProxy';
import { prepareDatabase, prepareJetStream, queueCommands } from './supervisor/prepare';
import { describePending, isIdle, pendingWork, type PendingWork } from './supervisor/quiet';
import { createSupervisor } from './supervisor/supervisor';
import { DEFAULT_TOPOLOGY, planInfrastructure, type InfraPlan, type TopologyOptions } from './topology/plan';
import { seededWorkload } from './workload';

export interface RunOptions {
  pgUrl: string;
  natsUrl: string;
  commands: number;
  seed: number;
  faults?: ChaosFaults;
  /**
   * The simulator's settings: pattern overrides (`{ patterns: { inbox: { id: false } } }`), caller
   * retries, conflict retries. Its faults are not used: `faults` is the chaos schedule.
   */
  settings?: SettingsPatch;
  /** An outbox row waiting longer than this while the relays mark nothing sent is a stalled outbox. */
  stalledAfterMs?: number;
  topology?: Partial<Omit<TopologyOptions, 'settings'>>;
  /** Give up waiting for quiet after this long (milliseconds). */
  timeoutMs?: number;
  /** Every line the processes print and every process event. */
  onLine?: (line: string) => void;
}

export interface RunOutcome {
  plan: InfraPlan;
  settings: RunSettings;
  /** PostgreSQL's clock at the start, epoch ms: the reader measures every row's time from it. */
  startedAt: number;
  /** PostgreSQL's clock when the run stopped, epoch ms. */
  endedAt: number;
  stalledAfterMs: number;
  quiet: boolean;
  /** What was still open when the run stopped (`nothing pending` when quiet). */
  pending: string;
  failure?: string;
  durationMs: number;
  /** From the first process start to quiet. */
  processing: { ms: number; commandsPerSecond: number };
  processes: { started: number; kills: number; crashPoints: number; natsDrops: number; count: number };
  rows: RealRunRows;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function databaseClock(db: pg.ClientBase): Promise<number> {
  const { rows } = await db.query<{ ms: string }>('SELECT (extract(epoch from clock_timestamp()) * 1000)::bigint AS ms');
  return Number(rows[0]?.ms ?? Date.now());
}

function processSpecs(flow: FlowDocument, plan: InfraPlan, settings: RunSettings, options: RunOptions, natsUrl: string): Omit<ProcessSpec, 'incarnation'>[] {
  const common = { flow, plan: planToJson(plan), pgUrl: options.pgUrl, natsUrl, seed: options.seed, faults: options.faults ?? NO_CHAOS, settings };
  const specs: Omit<ProcessSpec, 'incarnation'>[] = [{ ...common, name: 'dead-letters', role: 'dead-letters', instance: 0 }];
  for (const owner of [...plan.producers, ...plan.consumers]) {
    if (!owner.outbox || !owner.emits) continue;
    for (let i = 0; i < plan.relaysPerOutbox; i++) specs.push({ ...common, name: `relay:${owner.id}#${i + 1}`, role: 'relay', ownerId: owner.id, instance: i });
  }
  for (const consumer of plan.consumers) {
    if (consumer.durables.length === 0) continue;
    for (let i = 0; i < consumer.instances; i++) specs.push({ ...common, name: `consumer:${consumer.id}#${i + 1}`, role: 'consumer', ownerId: consumer.id, instance: i });
  }
  for (const producer of plan.producers) specs.push({ ...common, name: `producer:${producer.id}`, role: 'producer', ownerId: producer.id, instance: 0 });
  return specs;
}

/** Runs the design; resolves when the run is quiet or timed out and everything is stopped and read. */
export async function runDesign(flow: FlowDocument, options: RunOptions): Promise<RunOutcome> {
  const started = Date.now();
  const settings = mergeSettings(defaultRunSettings(options.seed), { ...options.settings, seed: options.seed, faults: {} });
  const plan = planInfrastructure(flow, { ...DEFAULT_TOPOLOGY, ...options.topology, settings });
  const db = new pg.Client({ connectionString: options.pgUrl, application_name: 'efd-runner' });
  await db.connect();
  // The supervisor logs process events and requeues requests while the main loop polls: its own connection.
  const supervisorDb = new pg.Client({ connectionString: options.pgUrl, application_name: 'efd-runner-supervisor' });
  await supervisorDb.connect();
  const nc = await connect({ servers: options.natsUrl, name: 'efd-runner' });
  const proxy = await startNatsProxy(options.natsUrl, () => options.faults?.natsDelayMs ?? 0);
  try {
    const jsm = await nc.jetstreamManager();
    await prepareDatabase(db, plan);
    const startedAt = await databaseClock(db);
    await prepareJetStream(jsm, plan);
    await queueCommands(db, plan, await seededWorkload(flow, options.seed, options.commands));
    const supervisor = createSupervisor({
      db: supervisorDb, runnerSchema: plan.schemas.runner, faults: options.faults ?? NO_CHAOS, seed: options.seed, proxy, onLine: options.onLine,
      // The caller of a request whose producer died heard nothing: it retries while it has retries left.
      onProducerExit: async (producerId) => {
        await supervisorDb.query(
          `UPDATE ${plan.schemas.runner}.commands SET taken_by = NULL,
             status = CASE WHEN attempts <= $2 THEN 'pending' ELSE 'crashed' END,
             reason = CASE WHEN attempts <= $2 THEN NULL ELSE 'no answer: the producer died and the caller retries no more' END
           WHERE producer_id = $1 AND status = 'taken'`,
          [producerId, settings.callerRetries],
        );
      },
    });
    const specs = processSpecs(flow, plan, settings, options, proxy.url);
    const processingStarted = Date.now();
    let quiet = false;
    let last: PendingWork | undefined;
    try {
      await supervisor.start(specs);
      const deadline = processingStarted + (options.timeoutMs ?? 120_000);
      let idlePolls = 0;
      while (Date.now() < deadline && !supervisor.failure()) {
        await sleep(250);
        const work = await pendingWork(db, jsm, plan);
        const unchanged = last !== undefined && last.activity === work.activity;
        idlePolls = isIdle(work) && unchanged && supervisor.settled() ? idlePolls + 1 : 0;
        last = work;
        if (idlePolls >= 3) {
          quiet = true;
          break;
        }
      }
    } finally {
      await supervisor.stop();
    }
    const processingMs = Date.now() - processingStarted;
    const endedAt = await databaseClock(db);
    const rows = await readRealRun(db, jsm, plan, startedAt);
    const counts = supervisor.counts();
    return {
      plan,
      settings,
      startedAt,
      endedAt,
      stalledAfterMs: options.stalledAfterMs ?? 10_000,
      quiet,
      pending: last ? describePending(last) : 'not started',
      failure: supervisor.failure(),
      durationMs: Date.now() - started,
      processing: { ms: processingMs, commandsPerSecond: options.commands / Math.max(0.001, processingMs / 1000) },
      processes: { started: counts.starts, kills: counts.kills, crashPoints: counts.crashPoints, natsDrops: counts.natsDrops, count: specs.length },
      rows,
    };
  } finally {
    await proxy.close();
    await nc.close();
    await db.end();
    await supervisorDb.end();
  }
}
