/**
 * Run mode's reads for consistency at scale (issue 13): the lock table, the cache server's entries,
 * and a consumer's deliveries (for its partitions' offsets and lag). Whole-table reads per run (these
 * tables hold one row per locked or cached projection row); the deliveries of one consumer only.
 */
import type { CacheEntryRecord, DeliveryRecord, LockRecord } from '../../core';
import type { SimulationDb } from '../simulation';
import { wherePrefix } from './prefixRange';

/** Every row lock of the run, by projection and key. */
export function lockRows(db: SimulationDb, runId: string): Promise<LockRecord[]> {
  return wherePrefix(db.locks, '[runId+projectionId+key]', [runId]).toArray();
}

/** Every cache entry of the run, by projection and key. */
export function cacheEntryRows(db: SimulationDb, runId: string): Promise<CacheEntryRecord[]> {
  return wherePrefix(db.cacheEntries, '[runId+projectionId+key]', [runId]).toArray();
}

/** The deliveries of one consumer that carry a partition (its partitioned subscriptions), in seq order. */
export async function partitionedDeliveries(db: SimulationDb, runId: string, consumerId: string): Promise<DeliveryRecord[]> {
  const rows = await wherePrefix(db.deliveries, '[runId+consumerId+seq]', [runId, consumerId]).toArray();
  return rows.filter((r) => r.partition !== undefined);
}
