import { CURRENT_SCHEMA_VERSION } from '../types';
import { migrate0to1 } from './migrate0to1';
import { migrate1to2 } from './migrate1to2';

/** A plain JSON object of unknown shape, as read from a file or an old database row. */
export type JsonObject = Record<string, unknown>;

/**
 * One step of the format's history: turns a document of version `from` into version `from + 1`.
 * `migrate` must not throw on odd input: it moves what it recognises and leaves the rest for
 * the structure check that runs after all migrations.
 */
export interface Migration {
  from: number;
  describe: string;
  migrate: (doc: JsonObject) => JsonObject;
}

/** Every migration, oldest first. Adding version 2 is one entry here (plus CURRENT_SCHEMA_VERSION). */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    describe: 'positions move from each node to layout.positions; consumers\' `inbox` becomes `useInbox`; publishMode defaults to outbox',
    migrate: migrate0to1,
  },
  {
    from: 1,
    describe: 'fields become JSON Schema payloads (`payload`, `input`); mappings, sources and aggregate ids address values by JSON Pointer; envelope reads become `envelope` sources; the design gets an envelope choice and a schema library',
    migrate: migrate1to2,
  },
];

export type MigrationResult =
  | { ok: true; doc: JsonObject; migratedFrom?: number }
  | { ok: false; path: string; message: string };

/** Runs the migrations from the document's `schemaVersion` up to the current one. Pure; never throws. */
export function migrateToCurrent(doc: JsonObject): MigrationResult {
  const version = doc.schemaVersion;
  if (version === undefined) return { ok: false, path: '/schemaVersion', message: 'schemaVersion is missing: this is not a flow document' };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, path: '/schemaVersion', message: `schemaVersion must be a whole number, found ${JSON.stringify(version)}` };
  }
  if (version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      path: '/schemaVersion',
      message: `This design was made by a newer version of the app (format ${version}; this version reads up to ${CURRENT_SCHEMA_VERSION}). Update the app to open it.`,
    };
  }
  let current = doc;
  for (let from = version; from < CURRENT_SCHEMA_VERSION; from++) {
    const step = MIGRATIONS.find((migration) => migration.from === from);
    if (!step) return { ok: false, path: '/schemaVersion', message: `No migration from format ${from} is known` };
    try {
      current = { ...step.migrate(current), schemaVersion: from + 1 };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { ok: false, path: '', message: `Could not upgrade the design from format ${from}: ${reason}` };
    }
  }
  return version === CURRENT_SCHEMA_VERSION ? { ok: true, doc: current } : { ok: true, doc: current, migratedFrom: version };
}
