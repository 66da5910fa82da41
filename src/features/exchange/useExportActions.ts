import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { exportBaseName } from '../../core';
import { readRunSnapshotOf, useHasRun } from '../../state/liveReads';
import { selectDesignId } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { dataUrlToBlob, renderCanvas } from './canvasImage';
import { downloadFile } from './download';
import { designExport, runExport, schemaBundleText, type DesignExportKind, type RunExportKind } from './exportFiles';

/** Every export the menu offers, as actions on the open design (and its run, if any). */
export function useExportActions() {
  const docId = useAppStore(selectDesignId);
  const hasRun = useHasRun(docId);
  const { getNodes } = useReactFlow();

  const report = useCallback((error: unknown, what: string) => {
    useAppStore.getState().showToast(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }, []);

  const exportDesign = useCallback((kind: DesignExportKind) => {
    const current = useAppStore.getState().doc;
    if (!current) return;
    try {
      downloadFile(designExport(kind, current));
    } catch (error) {
      report(error, 'Export');
    }
  }, [report]);

  const exportRun = useCallback(async (kind: RunExportKind) => {
    const current = useAppStore.getState().doc;
    if (!current) return;
    try {
      const snapshot = await readRunSnapshotOf(current.id);
      if (!snapshot) {
        useAppStore.getState().showToast('This design has no run yet: start one in Run mode first');
        return;
      }
      downloadFile(runExport(kind, snapshot));
    } catch (error) {
      report(error, 'Export');
    }
  }, [report]);

  const copySchemas = useCallback(async () => {
    const current = useAppStore.getState().doc;
    if (!current) return;
    try {
      await navigator.clipboard.writeText(schemaBundleText(current));
      useAppStore.getState().showToast('JSON Schema bundle copied to the clipboard', 'info');
    } catch (error) {
      report(error, 'Copy to clipboard');
    }
  }, [report]);

  const exportImage = useCallback(async (format: 'png' | 'svg') => {
    const current = useAppStore.getState().doc;
    if (!current) return;
    try {
      const dataUrl = await renderCanvas(format, getNodes());
      const content = await dataUrlToBlob(dataUrl);
      downloadFile({ fileName: `${exportBaseName(current)}.${format}`, mime: content.type, content });
    } catch (error) {
      report(error, `Canvas ${format.toUpperCase()} export`);
    }
  }, [getNodes, report]);

  return { ready: docId !== undefined, hasRun, exportDesign, exportRun, copySchemas, exportImage };
}
