import type {
  DeliveryRecord, EngineOptions, FlowDocument, OutboxRecord, ProjectionRowRecord, RunRecord, SettingsPatch, SimulationEngine, TableName, TraceKind,
  TraceRecord,
} from '../../core';
import { createSimulationEngine } from '../../core';
import { createDexieSimulationStore } from './dexieSimulationStore';
import { createSimulationDb, type SimulationDb } from './simulationDb';

let dbCounter = 0;

/** A fresh engine on its own (fake-indexeddb) database, for tests. */
export function freshEngine(options: EngineOptions = {}): { engine: SimulationEngine; db: SimulationDb; close(): Promise<void> } {
  const db = createSimulationDb(`efd-simulation-test-${++dbCounter}`);
  return { engine: createSimulationEngine(createDexieSimulationStore(db), options), db, close: async () => { db.close(); await db.delete(); } };
}

/** CreateItem i-1 for ann in state a, on the pipeline flow. */
export const create = { producerId: 'shop', commandId: 'create', payload: { itemId: 'i-1', owner: 'ann', state: 'a' } };

/** Steps until a step of `kind` was taken; returns it. */
export async function stepUntil(engine: SimulationEngine, runId: string, kind: TraceKind, limit = 400): Promise<TraceRecord> {
  for (let i = 0; i < limit; i++) {
    const trace = await engine.step(runId);
    if (!trace) throw new Error(`run went quiet before a ${kind} step`);
    if (trace.kind === kind) return trace;
  }
  throw new Error(`no ${kind} step within ${limit} steps`);
}

/** Every row of a run's tables, in key order. */
export function rowsOf(db: SimulationDb, runId: string) {
  const all = <T>(t: TableName) => db.table(t).where(':id').between([runId], [runId, []]).toArray() as Promise<T[]>;
  return {
    outbox: () => all<OutboxRecord>('outbox'),
    deliveries: () => all<DeliveryRecord>('deliveries'),
    events: () => db.events.where(':id').between([runId], [runId, []]).toArray(),
    handlings: () => db.handlings.where(':id').between([runId], [runId, []]).toArray(),
    commands: () => db.commands.where(':id').between([runId], [runId, []]).toArray(),
    projection: (id: string) => db.projectionRows.where('[runId+projectionId+key]').between([runId, id], [runId, id, []]).toArray(),
  };
}

/**
 * Starts a run, fires `commands` random commands, runs until quiet (`stepsPerTransaction` 1: with
 * `step()`, one transaction per micro-step; else batched in memory); returns the quiet run.
 */
export async function runToQuiet(
  engine: SimulationEngine, flow: FlowDocument, settings: SettingsPatch, commands: number, stepsPerTransaction = 500,
): Promise<RunRecord> {
  await engine.startRun(flow, settings);
  await engine.fireMany(flow.id, { count: commands });
  if (stepsPerTransaction === 1) {
    // One IndexedDB transaction per micro-step, straight on the database (no in-memory batch).
    for (let i = 0; i < 20_000 && (await engine.step(flow.id)); i++);
    const run = await engine.getRun(flow.id);
    if (!run) throw new Error('run vanished');
    return run;
  }
  const result = await engine.runUntilQuiet(flow.id, { maxSteps: 20_000, stepsPerTransaction });
  return result.run;
}

/** Counters of the run row recomputed from the tables, to compare with `run.stats` (Maps: ids are user names). */
export async function countersFromTables(db: SimulationDb, runId: string) {
  const byNode = <T>(rows: T[], node: (r: T) => string) => {
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(node(r), (counts.get(node(r)) ?? 0) + 1);
    return counts;
  };
  const rows = rowsOf(db, runId);
  const outbox = await rows.outbox();
  const deliveries = await rows.deliveries();
  const projectionRows = (await db.projectionRows.where(':id').between([runId], [runId, []]).toArray()) as ProjectionRowRecord[];
  return {
    outboxPending: byNode(outbox.filter((r) => r.status !== 'sent'), (r) => r.ownerId),
    outboxSent: byNode(outbox.filter((r) => r.status === 'sent'), (r) => r.ownerId),
    acked: byNode(deliveries.filter((d) => d.status === 'acked'), (d) => d.consumerId),
    dead: byNode(deliveries.filter((d) => d.status === 'dead'), (d) => d.consumerId),
    projectionRows: byNode(projectionRows, (r) => r.projectionId),
  };
}

/** One write request as IndexedDB received it. */
export interface WriteSeen {
  table: string;
  method: 'put' | 'add' | 'delete' | 'clear';
  value?: unknown;
}

/**
 * Records every write request made to the tables named, by Dexie or by the engine's own native
 * transactions alike (it wraps IndexedDB's object store methods); `stop()` restores them.
 */
export function watchWrites(tables: readonly string[]): { seen: WriteSeen[]; stop(): void } {
  const proto = globalThis.IDBObjectStore.prototype as unknown as Record<WriteSeen['method'], (...args: unknown[]) => unknown>;
  const seen: WriteSeen[] = [];
  const methods: WriteSeen['method'][] = ['put', 'add', 'delete', 'clear'];
  const originals = methods.map((m) => proto[m]);
  methods.forEach((method) => {
    const original = proto[method];
    proto[method] = function (this: IDBObjectStore, ...args: unknown[]) {
      if (tables.includes(this.name)) seen.push({ table: this.name, method, ...(method === 'put' || method === 'add' ? { value: args[0] } : {}) });
      return original.apply(this, args);
    };
  });
  return { seen, stop: () => methods.forEach((m, i) => (proto[m] = originals[i] as (typeof proto)[typeof m])) };
}
