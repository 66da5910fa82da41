import { useReactFlow } from '@xyflow/react';
import { useCallback, useEffect, useState } from 'react';
import { designHasRun, readRunSnapshotOf } from '../../state/liveReads';
import { selectDesignId } from '../../state/selectors';
import { useAppStore } from '../../state/store';
import { whileEverythingIsDrawn } from '../../canvas/renderEverything';
import { downloadFile } from './download';
import type { DesignExportKind, RunExportKind } from './exportFiles';

// The exporters (JSON Schema, AsyncAPI, YAML, zip) and the image renderer load on first use.
const exportFiles = () => import('./exportFiles');
const canvasImage = () => import('./canvasImage');

/** Whether the design has a run, asked when the menu opens (the run database stays closed until then). */
function useHasRun(docId: string | undefined, asking: boolean): boolean {
  const [hasRun, setHasRun] = useState(false);
  useEffect(() => {
    if (!asking || !docId) return undefined;
    let current = true;
    void (async () => {
      const exists = await designHasRun(docId);
      if (current) setHasRun(exists);
    })();
    return () => { current = false; };
  }, [docId, asking]);
  return hasRun;
}

/** Every export the menu offers, as actions on the open design (and its run, if any, checked while `menuOpen`). */
export function useExportActions(menuOpen: boolean) {
  const docId = useAppStore(selectDesignId);
  const hasRun = useHasRun(docId, menuOpen);
  const { getNodes, getInternalNode } = useReactFlow();

  const report = useCallback((error: unknown, what: string) => {
    useAppStore.getState().showToast(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
  }, []);

  const exportDesign = useCallback(async (kind: DesignExportKind) => {
    const current = useAppStore.getState().doc;
    if (!current) return;
    try {
      const { designExport, isContractExport, baselineOf } = await exportFiles();
      const file = designExport(kind, current);
      downloadFile(file);
      // What was shipped is the baseline later edits are checked against (breaking changes on an unchanged version).
      if (isContractExport(kind)) {
        const label = `the export ${file.fileName} (${new Date().toLocaleString('en-GB')})`;
        useAppStore.getState().applyEdit((doc) => ({
          ...doc,
          evolution: { compatibility: doc.evolution?.compatibility ?? 'backward', baseline: baselineOf(doc, label) },
        }));
      }
    } catch (error) {
      report(error, 'Export');
    }
  }, [report]);

  const exportRun = useCallback(async (kind: RunExportKind) => {
    const current = useAppStore.getState().doc;
    if (!current) return;
    try {
      const [snapshot, { runExport }] = await Promise.all([readRunSnapshotOf(current.id), exportFiles()]);
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
      const { schemaBundleText } = await exportFiles();
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
      const [{ dataUrlToBlob, renderCanvas }, { exportBaseName }] = await Promise.all([canvasImage(), exportFiles()]);
      // A large design draws only what is on screen: the export has every node drawn first.
      // Measured sizes live on React Flow's own nodes (the canvas does not copy them back).
      const measuredNodes = () => getNodes().map((node) => getInternalNode(node.id) ?? node);
      const dataUrl = await whileEverythingIsDrawn(getNodes().length, () => renderCanvas(format, measuredNodes()));
      const content = await dataUrlToBlob(dataUrl);
      downloadFile({ fileName: `${exportBaseName(current)}.${format}`, mime: content.type, content });
    } catch (error) {
      report(error, `Canvas ${format.toUpperCase()} export`);
    }
  }, [getNodes, getInternalNode, report]);

  return { ready: docId !== undefined, hasRun, exportDesign, exportRun, copySchemas, exportImage };
}
