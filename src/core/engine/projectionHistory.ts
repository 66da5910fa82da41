/**
 * Projections through time: as the consumers had built them at an event-store position (from
 * their change log), beside what a rebuild from the store up to that position gives; and the
 * rebuild of the live projections, compared read-only or written at quiet.
 */
import { bump } from './counters';
import { isQuiet } from './scheduler';
import type { HandlingRecord, Payload, ProjectionRowRecord, RowChange, RunRecord } from './records';
import { diffProjections, emptyProjectionState, replayProjections, stateFromRows, type ProjectionDifference, type ProjectionState } from './replay';
import type { StoreTx } from './store';
import { allRows } from './runReport';

export interface ProjectionsAt {
  /** Event-store position asked for. */
  position: number;
  /** The last step at which the store held exactly `position` events (the moment shown). */
  step: number;
  /** The projections as the consumers had built them at that step (their change log replayed). */
  built: ProjectionState;
  /** What a rebuild from the event store up to `position` gives. */
  rebuilt: ProjectionState;
}

export interface RebuildReport {
  /** True when the rebuild from the event store equals the incrementally maintained projections. */
  equal: boolean;
  differences: ProjectionDifference[];
  rebuilt: ProjectionState;
  /** Event-store position the rebuild went up to. */
  position: number;
}

/** Applies logged row changes in order to a state. Mutates `state`. */
export function applyChanges(state: ProjectionState, handlings: Iterable<Pick<HandlingRecord, 'changes'>>): ProjectionState {
  for (const h of handlings) {
    for (const c of h.changes) {
      let rows = state.get(c.projectionId);
      if (!rows) state.set(c.projectionId, (rows = new Map()));
      if (c.after === null) rows.delete(c.key);
      else rows.set(c.key, c.after);
    }
  }
  return state;
}

/** Time travel to an event-store position, inside the caller's transaction. */
export async function projectionsAt(tx: StoreTx, run: RunRecord, position: number): Promise<ProjectionsAt> {
  const p = Math.max(0, Math.min(position, run.position));
  const events = await tx.query('events', '[runId+position]', { prefix: [run.runId], to: p + 1 });
  const next = events.find((e) => e.position === p + 1);
  const at = events.find((e) => e.position === p);
  const step = next ? Math.max(at?.step ?? 0, next.step - 1) : run.step;
  const handlings = await tx.query('handlings', '[runId+step]', { prefix: [run.runId], to: step });
  return {
    position: p,
    step,
    built: applyChanges(emptyProjectionState(run.flow), handlings.sort((a, b) => a.seq - b.seq)),
    rebuilt: replayProjections(run.flow, events.filter((e) => e.position <= p)),
  };
}

/** Rebuilds every projection from the event store and compares it with the stored rows. Read-only. */
export async function compareWithRebuild(tx: StoreTx, run: RunRecord): Promise<RebuildReport & { lastEventIds: Map<string, string> }> {
  const events = await allRows(tx, 'events', run.runId);
  const lastEventIds = new Map<string, string>();
  const rebuilt = replayProjections(run.flow, events, (projectionId, key, eventId) => lastEventIds.set(`${projectionId}\u0000${key}`, eventId));
  const stored = await allRows(tx, 'projectionRows', run.runId);
  const differences = diffProjections(stateFromRows(run.flow, stored), rebuilt);
  return { equal: differences.length === 0, differences, rebuilt, position: run.position, lastEventIds };
}

/**
 * Replaces the projections with the rebuild, only when the run is quiet (nothing in flight that
 * would then be applied on top of rows that already hold it). The replacement is logged as one
 * `rebuild` handling with every row change, so time travel stays true. Mutates and writes `run`.
 */
export async function replaceWithRebuild(tx: StoreTx, run: RunRecord): Promise<RebuildReport> {
  if (!isQuiet(run)) {
    throw new Error('the projections are replaced by a rebuild only when the run is quiet: messages are still in flight and would be applied on top of the rebuild. Run until quiet first.');
  }
  const report = await compareWithRebuild(tx, run);
  if (report.equal) return report;
  const changes: RowChange[] = report.differences.map((d) => ({ projectionId: d.projectionId, key: d.key, before: d.incremental ?? null, after: d.rebuilt ?? null }));
  for (const d of report.differences) {
    // The cache (issue 13) holds the rows as they were: their entries go with them.
    await tx.delete('cacheEntries', [run.runId, d.projectionId, d.key]);
    const previous = await tx.get('projectionRows', [run.runId, d.projectionId, d.key]);
    if (d.rebuilt === undefined) {
      await tx.delete('projectionRows', [run.runId, d.projectionId, d.key]);
      bump(run.stats.projectionRows, d.projectionId, -1);
      continue;
    }
    const row: ProjectionRowRecord = {
      runId: run.runId, projectionId: d.projectionId, key: d.key, values: d.rebuilt as Payload,
      lastEventId: report.lastEventIds.get(`${d.projectionId}\u0000${d.key}`) ?? '', updatedStep: run.step,
      version: (previous?.version ?? 0) + 1,
    };
    await tx.put('projectionRows', row);
    if (d.incremental === undefined) bump(run.stats.projectionRows, d.projectionId);
  }
  await tx.put('handlings', {
    runId: run.runId, seq: ++run.seq.handling, consumerId: '', eventId: '', eventTypeId: '', streamId: '', version: 0, deliverySeq: 0,
    outcome: 'rebuild', changes, emitted: [], step: run.step,
  });
  run.stats.handlings += 1;
  await tx.put('runs', run);
  return report;
}
