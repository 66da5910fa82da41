/**
 * The simulation panels' reads: the paged sources come from the persistence read API
 * (src/persistence/reads); the counters that stand in for counting are here.
 * TEMPORARY (eslint.boundaries.js): the run session takes these over.
 */
import { getOwn, type RunRecord } from '../../core';

export {
  anomalySource, businessRowSource, commandSource, deadLetterSource, deliverySource, eventSource, inboxSource,
  lastTrace, latestAnomalies, outboxSource, projectionSource, publicationSource, readRun, traceSource,
} from '../../persistence/reads';

/**
 * The row count of an unfiltered, dense table, known from the run's sequence counters without
 * counting (an IndexedDB count walks the whole range: too slow at 100,000 rows, several times a second).
 */
export function knownCount(run: RunRecord, table: 'outbox' | 'deliveries' | 'publications' | 'events' | 'deadLetters' | 'trace' | 'commands'): number {
  switch (table) {
    case 'outbox': return run.seq.outbox;
    case 'deliveries': return run.seq.delivery;
    case 'publications': return run.seq.publication;
    case 'events': return run.position;
    case 'deadLetters': return run.seq.deadLetter;
    case 'trace': return run.step;
    case 'commands': return run.seq.command;
  }
}

/**
 * Row counts of per-node views, from the run's counters (kept in the same transaction as the rows).
 * Undefined when the counters cannot tell; the table then counts in IndexedDB.
 */
export function knownNodeCount(run: RunRecord, view: 'outbox' | 'deliveries' | 'inbox' | 'projection', nodeId: string): number | undefined {
  const s = run.stats;
  const n = (counts: Record<string, number>) => getOwn(counts, nodeId) ?? 0;
  switch (view) {
    case 'outbox': return n(s.outboxPending) + n(s.outboxSent);
    case 'deliveries': return n(s.queued) + n(s.delivered) + n(s.handled) + n(s.acked) + n(s.dead);
    case 'inbox': return n(s.inboxProcessed);
    case 'projection': return n(s.projectionRows);
  }
}

