import { useCallback, useState } from 'react';
import type { ImportWarning } from '../../core';
import { filesOfDrop } from './filesOfDrop';
import type { GivenFile } from './runImport';

// The import (importers, file collector with its unzip, the parser's worker) loads on first use.
const importer = () => import('./runImport');

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

const failed = (error: unknown): ImportFailure => ({ fileName: '', message: `The import failed: ${error instanceof Error ? error.message : String(error)}` });

/**
 * Imports what the user chose or dropped — one file, several files, a `.zip` or a folder (one
 * document set: relative references resolve among its files) — as a NEW design (`importGiven`);
 * the current design is never replaced. A refusal leaves everything as it was and is kept for the
 * error dialog; warnings (parts kept but not understood, renamed duplicates) for the warnings dialog.
 */
export function useDesignImport() {
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [notice, setNotice] = useState<ImportNotice | null>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(async (given: Promise<readonly GivenFile[]>) => {
    setBusy(true);
    // Settled at once, so a failed read waits for the importer without going unhandled.
    const files = given.then((list) => ({ list }), (error: unknown) => ({ error }));
    try {
      const { importGiven } = await importer();
      const read = await files;
      const outcome = 'error' in read ? { failure: failed(read.error) } : await importGiven(read.list);
      if ('failure' in outcome) setFailure(outcome.failure);
      else if (outcome.notice) setNotice(outcome.notice);
    } catch (error) {
      setFailure(failed(error));
    } finally {
      setBusy(false);
    }
  }, []);

  /** Files from a file picker (several at once, a `.zip`, or a folder picker's files with their paths). */
  const importFiles = useCallback((files: FileList | File[]) => run(Promise.resolve([...files].map((file) => ({ file })))), [run]);
  /** Whatever was dropped: files, a `.zip` or folders (read at once: the transfer empties when the drop event ends). */
  const importDrop = useCallback((transfer: DataTransfer) => run(filesOfDrop(transfer)), [run]);

  return {
    importFiles, importDrop, failure, notice, busy,
    clearFailure: () => setFailure(null),
    clearNotice: () => setNotice(null),
  };
}
