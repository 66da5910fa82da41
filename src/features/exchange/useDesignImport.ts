import { useCallback, useState } from 'react';
import type { ImportResult, ImportWarning } from '../../core';
import { useAppStore } from '../../state/store';
import type { CollectedFiles } from './collectImportFiles';
import { filesOfDrop } from './filesOfDrop';

// The importers (JSON, YAML, AsyncAPI), the file collector (with its unzip) and the parser's
// worker load on first use, never on the first visit.
const importers = () => Promise.all([
  import('../../core/exporters/importDesign'),
  import('./asyncApiToolsInWorker'),
  import('./collectImportFiles'),
]).then(([{ importDesignFiles }, { asyncApiToolsInWorker }, { collectFiles }]) => ({ importDesignFiles, asyncApiToolsInWorker, collectFiles }));

/** The outcome of the last import attempt, for the error dialog. */
export interface ImportFailure {
  fileName: string;
  message: string;
}

/** What the last import kept but could not fully read, for the warnings dialog. */
export interface ImportNotice {
  design: string;
  warnings: ImportWarning[];
  skipped: string[];
}

const KIND_WORDS: Record<Extract<ImportResult, { ok: true }>['kind'], string> = {
  'flow-document': 'design',
  'asyncapi-3': 'AsyncAPI 3 document',
  'asyncapi-2': 'AsyncAPI 2.x document',
  'asyncapi-set': 'AsyncAPI document set',
};

/**
 * Imports what the user chose or dropped — one file, several files, a `.zip` or a folder (one
 * document set: relative references resolve among its files) — through the core's
 * `importDesignFiles`, and opens the result as a NEW design (`openDesign`); the current design is
 * never replaced. A refusal leaves everything as it was and is kept for the error dialog;
 * warnings (parts kept but not understood, renamed duplicates) are kept for the warnings dialog.
 */
export function useDesignImport() {
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [notice, setNotice] = useState<ImportNotice | null>(null);
  const [busy, setBusy] = useState(false);

  const importCollected = useCallback(async (collected: CollectedFiles) => {
    const label = collected.setName ?? (collected.files.length === 1 ? collected.files[0]!.path : `${collected.files.length} files`);
    if (collected.files.length === 0) {
      setFailure({ fileName: label, message: `Nothing to import: no JSON or YAML file among what was given${collected.skipped.length > 0 ? ` (left out: ${collected.skipped.join(', ')})` : ''}.` });
      return;
    }
    const { importDesignFiles, asyncApiToolsInWorker } = await importers();
    const result = await importDesignFiles(collected.files, { tools: asyncApiToolsInWorker, ...(collected.setName === undefined ? {} : { setName: collected.setName }) });
    if (!result.ok) {
      setFailure({ fileName: label, message: result.message });
      return;
    }
    await useAppStore.getState().openDesign(result.doc);
    const migrated = result.migratedFrom === undefined ? '' : ` (upgraded from format ${result.migratedFrom})`;
    const warned = result.warnings.length > 0 ? ` with ${result.warnings.length} warning${result.warnings.length === 1 ? '' : 's'}` : '';
    useAppStore.getState().showToast(`Imported ${KIND_WORDS[result.kind]} "${label}" as a new design${migrated}${warned}`, 'info');
    if (result.warnings.length > 0 || collected.skipped.length > 0) setNotice({ design: result.doc.name, warnings: result.warnings, skipped: collected.skipped });
  }, []);

  const run = useCallback(async (collect: () => Promise<CollectedFiles>) => {
    setBusy(true);
    try {
      await importCollected(await collect());
    } catch (error) {
      setFailure({ fileName: '', message: `The import failed: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  }, [importCollected]);

  /** Files from a file picker (several at once, a `.zip`, or a folder picker's files with their paths). */
  const importFiles = useCallback((files: FileList | File[]) => {
    const given = [...files].map((file) => ({ file }));
    return run(async () => (await importers()).collectFiles(given));
  }, [run]);
  /** Whatever was dropped: files, a `.zip` or folders. */
  const importDrop = useCallback((transfer: DataTransfer) => {
    const dropped = filesOfDrop(transfer); // at once: the transfer empties when the drop event ends
    return run(async () => (await importers()).collectFiles(await dropped));
  }, [run]);

  return {
    importFiles, importDrop, failure, notice, busy,
    clearFailure: () => setFailure(null),
    clearNotice: () => setNotice(null),
  };
}
