import type { FlowDocument } from '../types';
import { checkBounds } from './bounds';
import { checkReferences } from './checkReferences';
import { checkScenarioIds, withScenarioDefaults } from './scenarioShape';
import { flowDocumentShape } from './documentShape';
import { migrateToCurrent, type JsonObject } from './migrations';
import { ShapeChecker, describeValue, type RestoreError } from './ShapeChecker';

export type RestoreResult =
  | { ok: true; doc: FlowDocument; migratedFrom?: number }
  | { ok: false; errors: RestoreError[] };

/** Caps the list so a badly broken file does not produce thousands of lines. */
const MAX_ERRORS = 50;

function plainCopy(input: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(JSON.stringify(input)) as unknown };
  } catch {
    return { ok: false };
  }
}

/** Drops positions of nodes that do not exist (left behind by old versions or hand edits). */
function dropStalePositions(doc: FlowDocument): FlowDocument {
  const ids = new Set([...doc.eventTypes, ...doc.producers, ...doc.consumers, ...doc.projections].map((n) => n.id));
  const positions = Object.fromEntries(Object.entries(doc.layout.positions).filter(([id]) => ids.has(id)));
  return { ...doc, layout: { ...doc.layout, positions } };
}

/**
 * Turns untrusted input (a parsed file, a database row) into a current flow document: migrates
 * older `schemaVersion`s step by step (`MIGRATIONS`), then checks the structure field by field
 * and the references between nodes. Errors carry JSON pointers. Unknown extra properties are
 * kept. Pure; never throws, whatever the input; the result never shares objects with the input.
 */
export function restoreFlowDocument(input: unknown): RestoreResult {
  const copy = plainCopy(input);
  if (!copy.ok) return { ok: false, errors: [{ path: '', message: 'The design is not plain JSON data' }] };
  const value = copy.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, errors: [{ path: '', message: `A flow document must be a JSON object, found ${describeValue(value)}` }] };
  }
  const migrated = migrateToCurrent(value as JsonObject);
  if (!migrated.ok) return { ok: false, errors: [{ path: migrated.path, message: migrated.message }] };
  const checker = new ShapeChecker();
  flowDocumentShape(checker, migrated.doc, '');
  if (checker.errors.length > 0) return { ok: false, errors: checker.errors.slice(0, MAX_ERRORS) };
  const checked = migrated.doc as unknown as FlowDocument;
  const doc = checked.scenarios === undefined ? checked : { ...checked, scenarios: checked.scenarios.map(withScenarioDefaults) };
  const boundErrors = checkBounds(doc);
  if (boundErrors.length > 0) return { ok: false, errors: boundErrors.slice(0, MAX_ERRORS) };
  const referenceErrors = [...checkReferences(doc), ...checkScenarioIds(doc.scenarios ?? [])];
  if (referenceErrors.length > 0) return { ok: false, errors: referenceErrors.slice(0, MAX_ERRORS) };
  const restored = dropStalePositions(doc);
  return migrated.migratedFrom === undefined
    ? { ok: true, doc: restored }
    : { ok: true, doc: restored, migratedFrom: migrated.migratedFrom };
}
