/**
 * The design snapshot of a run, stored apart from its run row (database version 5). The run row is
 * rewritten by every step; the snapshot (most of its bytes) changes only when the run's design does
 * (a new run, a reset with a newer design, a new seed). So IndexedDB keeps it in `runDesigns`
 * (one row per run, `{ runId, key, flow }`) and the run row names it by `designKey`; the engine
 * still sees one `RunRecord` with its `flow`: the Dexie store splits the row on write and joins it
 * on read (`dexieSimulationStore.ts`), other readers join through `joinRunRow`.
 */
import type { FlowDocument, RunRecord } from '../../core';

/** A run's design snapshot as stored. `key` changes whenever the snapshot does. */
export interface RunDesignRecord {
  runId: string;
  key: string;
  flow: FlowDocument;
}

/**
 * The run row as IndexedDB stores it: the run without its design, naming the snapshot by key. A
 * row with its own `flow` (written before version 5, or edited by hand) is read as it stands.
 */
export type StoredRunRow = Omit<RunRecord, 'flow'> & { designKey?: string; flow?: RunRecord['flow'] };

/** A new snapshot key (unique: two tabs starting a run of one design never pick the same). */
export function newDesignKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

/** The run row to store: the run without its design, naming snapshot `key`. */
export function splitRunRow(run: RunRecord, key: string): StoredRunRow {
  const { flow: _flow, ...rest } = run;
  return { ...rest, designKey: key };
}

/**
 * The run as the engine sees it, from its stored row and its snapshot row (`undefined` when the
 * snapshot is missing or is not the one the row names: the run is then read without a design, and
 * `checkRunRecord` calls it damaged). Pure.
 */
export function joinRunRow(row: StoredRunRow, design: Pick<RunDesignRecord, 'key' | 'flow'> | undefined): RunRecord {
  if (Object.hasOwn(row, 'flow')) {
    const { designKey: _key, ...rest } = row;
    return rest as RunRecord;
  }
  const { designKey, ...rest } = row;
  const flow = design && design.key === designKey ? design.flow : undefined;
  return { ...rest, flow } as RunRecord;
}

/** Whether a stored run row needs its snapshot row to be read (it has no design of its own). */
export function namesDesign(row: StoredRunRow): row is StoredRunRow & { designKey: string } {
  return !Object.hasOwn(row, 'flow') && typeof row.designKey === 'string';
}
