import { importDesignFiles, type ImportResult } from '../../core/exporters/importDesign';
import { useAppStore } from '../../state/store';
import { asyncApiToolsInWorker } from './asyncApiToolsInWorker';
import { collectFiles } from './collectImportFiles';
import type { ImportFailure, ImportNotice } from './useDesignImport';

/** A file the user gave, with its path inside a folder when it came from one. */
export interface GivenFile {
  file: File;
  path?: string;
}

/** How an import ended: refused (for the error dialog), or opened with what it could not fully read. */
export type ImportOutcome = { failure: ImportFailure } | { notice: ImportNotice | null };

const KIND_WORDS: Record<Extract<ImportResult, { ok: true }>['kind'], string> = {
  'flow-document': 'design',
  'asyncapi-3': 'AsyncAPI 3 document',
  'asyncapi-2': 'AsyncAPI 2.x document',
  'asyncapi-set': 'AsyncAPI document set',
};

/**
 * The import itself, loaded on first use with the importers (JSON, YAML, AsyncAPI), the file
 * collector (with its unzip) and the parser's worker: collects what was given into one set, imports
 * it through the core's `importDesignFiles` and opens the result as a NEW design (`openDesign`).
 */
export async function importGiven(given: readonly GivenFile[]): Promise<ImportOutcome> {
  const collected = await collectFiles(given);
  const label = collected.setName ?? (collected.files.length === 1 ? collected.files[0]!.path : `${collected.files.length} files`);
  if (collected.files.length === 0) {
    return { failure: { fileName: label, message: `Nothing to import: no JSON or YAML file among what was given${collected.skipped.length > 0 ? ` (left out: ${collected.skipped.join(', ')})` : ''}.` } };
  }
  const result = await importDesignFiles(collected.files, { tools: asyncApiToolsInWorker, ...(collected.setName === undefined ? {} : { setName: collected.setName }) });
  if (!result.ok) return { failure: { fileName: label, message: result.message } };
  await useAppStore.getState().openDesign(result.doc);
  const migrated = result.migratedFrom === undefined ? '' : ` (upgraded from format ${result.migratedFrom})`;
  const warned = result.warnings.length > 0 ? ` with ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : '';
  useAppStore.getState().showToast(`Imported ${KIND_WORDS[result.kind]} "${label}" as a new design${migrated}${warned}`, 'info');
  const kept = result.warnings.length > 0 || collected.skipped.length > 0;
  return { notice: kept ? { design: result.doc.name, warnings: result.warnings, skipped: collected.skipped } : null };
}
