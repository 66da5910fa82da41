/**
 * Cache-aside (issue 13): a projection read through a cache has a reader process (its queries).
 * Each write to one of its rows invalidates the row's entry and asks the reader to read that row.
 * A read is two micro-steps: `cache-read` (a hit, or a miss that loads the row — and, with leases,
 * takes a lease) and `cache-fill` (puts what it loaded into the cache). A write between the load
 * and the fill leaves a stale entry, unless leases refuse the fill.
 */
import { bump } from '../counters';
import type { FlowIndex } from '../flowIndex';
import { getOwn } from '../../model/ownKeys';
import type { ProcessRecord, RunRecord } from '../records';
import type { RunSettings } from '../settings';
import type { StepContext, StepReport } from '../stepContext';

export const readerProcess = (projectionId: string) => `reader:${projectionId}`;

/** Whether a cached projection's reader takes leases: the run's override (`settings.cacheLeases`), else the design's `cache.leases`. Pure. */
export function cacheLeases(settings: Pick<RunSettings, 'cacheLeases'>, index: FlowIndex, projectionId: string): boolean {
  return getOwn(settings.cacheLeases, projectionId) ?? index.projection(projectionId)?.cache?.leases === true;
}

/** The reader processes of a design's cached projections. Pure. */
export function initialReaders(projections: readonly { id: string; cache?: object }[]): ProcessRecord[] {
  return projections.filter((p) => p.cache !== undefined).map((p): ProcessRecord => ({ id: readerProcess(p.id), kind: 'reader', nodeId: p.id, incarnation: 1 }));
}

/** A write to a row of a cached projection: invalidate its entry (same transaction) and ask the reader to read it. */
export async function invalidate(ctx: StepContext, projectionId: string, key: string): Promise<void> {
  const { run, tx, index } = ctx;
  if (!index.projection(projectionId)?.cache) return;
  const entry = await tx.get('cacheEntries', [run.runId, projectionId, key]);
  if (entry) {
    await tx.delete('cacheEntries', [run.runId, projectionId, key]);
    bump((run.stats.cacheInvalidations ??= {}), projectionId);
  }
  const reader = readerOf(run, projectionId);
  if (reader) (reader.readQueue ??= []).push(key);
  run.quiet = false;
}

function readerOf(run: RunRecord, projectionId: string): ProcessRecord | undefined {
  return run.processes.find((p) => p.kind === 'reader' && p.nodeId === projectionId);
}

const where = (index: FlowIndex, projectionId: string, key: string) => `${index.nodeName(projectionId)} row ${key}`;

/** Micro-step of a cache reader: its next read (hit, or miss and load), or the fill after a miss. */
export async function cacheStep(ctx: StepContext, process: ProcessRecord): Promise<StepReport | undefined> {
  const { run, tx, index, mutants } = ctx;
  const projectionId = process.nodeId;
  const leases = cacheLeases(run.settings, index, projectionId);
  const held = process.reader;
  if (held) {
    delete process.reader;
    const entry = await tx.get('cacheEntries', [run.runId, projectionId, held.key]);
    const refused = leases && !mutants.fillIgnoresLease && (entry?.lease === undefined || entry.lease !== held.lease);
    if (refused) {
      bump((run.stats.cacheFillsRefused ??= {}), projectionId);
      return {
        kind: 'cache', phase: 'cache-fill-refused', nodeIds: [projectionId], edgeIds: [],
        text: `cache of ${where(index, projectionId, held.key)}: fill refused — a write invalidated the entry after the miss (its lease is gone), so the loaded v${held.version} is not put in the cache`,
      };
    }
    await tx.put('cacheEntries', { runId: run.runId, projectionId, key: held.key, values: held.values, version: held.version, filledStep: run.step });
    return {
      kind: 'cache', phase: 'cache-fill', nodeIds: [projectionId], edgeIds: [],
      text: `cache of ${where(index, projectionId, held.key)}: filled with the row as loaded (v${held.version})${entry && entry.values !== undefined ? ', over an entry filled meanwhile' : ''}`,
    };
  }
  const key = process.readQueue?.shift();
  if (key === undefined) return undefined;
  if (process.readQueue?.length === 0) delete process.readQueue;
  const entry = await tx.get('cacheEntries', [run.runId, projectionId, key]);
  if (entry && entry.values !== undefined) {
    bump((run.stats.cacheHits ??= {}), projectionId);
    return { kind: 'cache', phase: 'cache-hit', nodeIds: [projectionId], edgeIds: [], text: `cache of ${where(index, projectionId, key)}: hit (v${entry.version ?? 0})` };
  }
  const row = await tx.get('projectionRows', [run.runId, projectionId, key]);
  const version = row?.version ?? 0;
  const lease = leases ? run.step : undefined;
  if (lease !== undefined) await tx.put('cacheEntries', { runId: run.runId, projectionId, key, lease });
  process.reader = { key, values: row?.values ?? null, version, ...(lease !== undefined ? { lease } : {}) };
  bump((run.stats.cacheMisses ??= {}), projectionId);
  return {
    kind: 'cache', phase: 'cache-miss', nodeIds: [projectionId], edgeIds: [],
    text: `cache of ${where(index, projectionId, key)}: miss; loaded the row (v${version}) from the store${lease !== undefined ? `, lease ${lease} taken` : ''}; the fill is a later step`,
  };
}
