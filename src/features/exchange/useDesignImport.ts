import { useCallback, useState } from 'react';
import { useAppStore } from '../../state/store';

/** The outcome of the last import attempt, for the error dialog. */
export interface ImportFailure {
  fileName: string;
  message: string;
}

/**
 * Imports files the user chose or dropped: each one is read, checked by the core's
 * `importDesign`, and opened as a NEW design (`openDesign`); the current design is never
 * replaced. A refusal leaves everything as it was and is kept for the error dialog.
 */
export function useDesignImport() {
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const importFile = useCallback(async (file: File) => {
    setBusy(true);
    try {
      // The importers (JSON, YAML, AsyncAPI) load on first use.
      const { importDesign, MAX_IMPORT_BYTES } = await import('../../core/exporters/importDesign');
      // A file over the limit is refused before its content is read.
      const text = file.size > MAX_IMPORT_BYTES ? '' : await file.text();
      const result = importDesign(text, file.name, file.size);
      if (!result.ok) {
        setFailure({ fileName: file.name, message: result.message });
        return;
      }
      await useAppStore.getState().openDesign(result.doc);
      const what = result.kind === 'flow-document' ? 'design' : `AsyncAPI ${result.kind === 'asyncapi-3' ? '3.0' : '2.x'} document`;
      const migrated = result.migratedFrom === undefined ? '' : ` (upgraded from format ${result.migratedFrom})`;
      useAppStore.getState().showToast(`Imported ${what} "${file.name}" as a new design${migrated}`, 'info');
    } catch (error) {
      setFailure({ fileName: file.name, message: `"${file.name}" could not be imported: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(false);
    }
  }, []);

  const importFiles = useCallback(async (files: FileList | File[]) => {
    const list = [...files];
    if (list.length === 0) return;
    if (list.length > 1) {
      setFailure({ fileName: '', message: `Drop one file at a time (${list.length} were dropped).` });
      return;
    }
    await importFile(list[0]!);
  }, [importFile]);

  return { importFiles, failure, clearFailure: () => setFailure(null), busy };
}
