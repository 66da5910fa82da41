/**
 * Rules about a run that the shell asks about: whether a run is stale against the design being
 * edited, and which counter of the run row equals which table's row count (so a panel can show a
 * count without counting). Pure.
 */
import type { FlowDocument } from '../model';
import { countOf } from './counters';
import type { RunRecord } from './records';

/**
 * What of a design a run depends on: its semantics, not where its nodes sit or what it is
 * called. Two designs with the same fingerprint run the same; a run whose `flow` has another
 * fingerprint than the design is stale. Pure.
 */
export function designFingerprint(doc: FlowDocument): string {
  return JSON.stringify([doc.eventTypes, doc.producers, doc.consumers, doc.projections]);
}

/** Whether a run was started from another version of the design. Pure. */
export function isRunStale(run: Pick<RunRecord, 'flow'>, design: FlowDocument): boolean {
  return designFingerprint(run.flow) !== designFingerprint(design);
}

/** Tables whose whole row count a run's sequence counters give. */
export type CountedTable = 'outbox' | 'deliveries' | 'publications' | 'events' | 'deadLetters' | 'trace' | 'commands' | 'handlings';

/**
 * The row count of an unfiltered, dense table, known from the run's sequence counters without
 * counting (an IndexedDB count walks the whole range: too slow at 100,000 rows, several times a second).
 */
export function knownCount(run: RunRecord, table: CountedTable): number {
  switch (table) {
    case 'outbox': return run.seq.outbox;
    case 'deliveries': return run.seq.delivery;
    case 'publications': return run.seq.publication;
    case 'events': return run.position;
    case 'deadLetters': return run.seq.deadLetter;
    case 'trace': return run.step;
    case 'commands': return run.seq.command;
    case 'handlings': return run.seq.handling;
  }
}

/**
 * Row counts of per-node views, from the run's counters (kept in the same transaction as the rows).
 * Undefined when the counters cannot tell; the table then counts in IndexedDB.
 */
export function knownNodeCount(run: RunRecord, view: 'outbox' | 'deliveries' | 'inbox' | 'projection', nodeId: string): number | undefined {
  const s = run.stats;
  const n = (counts: Record<string, number>) => countOf(counts, nodeId);
  switch (view) {
    case 'outbox': return n(s.outboxPending) + n(s.outboxSent);
    case 'deliveries': return n(s.queued) + n(s.inFlight) + n(s.acked) + n(s.dead);
    case 'inbox': return n(s.inboxProcessed);
    case 'projection': return n(s.projectionRows);
  }
}
