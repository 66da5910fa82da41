import { restoreFlowDocument, type FlowDocument } from '../../core';

/** A designs row that passed its check: the document is restored (migrated, checked). */
export interface HealthyDesign {
  ok: true;
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  revision: number;
  /** Which tab wrote this revision, at which of its edits (absent on rows from before version 2). */
  savedBy: { tabId: string; seq: number } | undefined;
  doc: FlowDocument;
}

/** A designs row that cannot be opened, with what is wrong in plain words. */
export interface DamagedDesign {
  ok: false;
  id: string;
  /** The stored name when there is a readable one, else the id. */
  name: string;
  updatedAt: number | undefined;
  revision: number;
  problem: string;
}

export type CheckedDesign = HealthyDesign | DamagedDesign;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finiteOr = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The revision of a stored row: a whole number ≥ 0; rows from before revisions (or damaged) read as 0. */
export function revisionOf(record: unknown): number {
  const value = isObject(record) ? record.revision : undefined;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

function savedByOf(record: Record<string, unknown>): HealthyDesign['savedBy'] {
  const value = record.savedBy;
  if (!isObject(value) || typeof value.tabId !== 'string' || typeof value.seq !== 'number' || !Number.isFinite(value.seq)) return undefined;
  return { tabId: value.tabId, seq: value.seq };
}

/** Says where in the stored document the first problem is, in words a user can pass on. */
function describeRestoreFailure(errors: readonly { path: string; message: string }[]): string {
  const [first] = errors;
  if (!first) return 'its saved document cannot be read';
  const where = first.path ? ` (at ${first.path})` : '';
  const more = errors.length > 1 ? ` and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''}` : '';
  return `its saved document is damaged: ${first.message}${where}${more}`;
}

/**
 * Checks one row read from the designs table; never throws. The document goes through
 * `restoreFlowDocument`; the row's key wins over an id inside the document (the key is what the
 * list, the journal and the runs use).
 */
export function checkDesignRecord(key: string, record: unknown): CheckedDesign {
  if (!isObject(record)) {
    return { ok: false, id: key, name: key, updatedAt: undefined, revision: 0, problem: 'its saved row is not a design at all' };
  }
  const storedName = typeof record.name === 'string' && record.name.trim() !== '' ? record.name : key;
  const updatedAt = finiteOr(record.updatedAt, NaN);
  const revision = revisionOf(record);
  const damaged = (problem: string): DamagedDesign => ({
    ok: false, id: key, name: storedName, updatedAt: Number.isNaN(updatedAt) ? undefined : updatedAt, revision, problem,
  });
  if (record.document === undefined || record.document === null) return damaged('its saved document is missing');
  const restored = restoreFlowDocument(record.document);
  if (!restored.ok) return damaged(describeRestoreFailure(restored.errors));
  const doc = restored.doc.id === key ? restored.doc : { ...restored.doc, id: key };
  return {
    ok: true,
    id: key,
    name: doc.name,
    createdAt: finiteOr(record.createdAt, finiteOr(record.updatedAt, 0)),
    updatedAt: finiteOr(record.updatedAt, 0),
    revision,
    savedBy: savedByOf(record),
    doc,
  };
}
