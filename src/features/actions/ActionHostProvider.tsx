import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { NodeKind } from '../../core';
import { fitViewOptionsFor } from '../../canvas/fitViewOptions';
import { useAutoLayout } from '../../canvas/useAutoLayout';
import { useAppStore } from '../../state/store';
import { placeNewNode } from '../palette/placement';
import { ActionHostContext, type ActionHost } from './ActionHostContext';
import { ActionOverlays } from './ActionOverlays';
import type { CanvasCommands, RunControls } from './types';
import { useActionKeyboard } from './useActionKeyboard';

/**
 * Gives every action what it needs (the store, the canvas, the run workspace's controls), installs
 * the one keyboard handler, and shows the command palette, the shortcuts help and the deletion
 * confirmation. Inside the ReactFlowProvider.
 */
export function ActionHostProvider({ children }: { children: ReactNode }) {
  const { fitView, screenToFlowPosition } = useReactFlow();
  const autoLayout = useAutoLayout();
  const [run, setRun] = useState<RunControls | null>(null);
  const runRef = useRef<RunControls | null>(null);

  const canvas = useMemo<CanvasCommands>(() => ({
    fitView: () => void fitView({ ...fitViewOptionsFor(useAppStore.getState().mode), duration: 300 }),
    autoLayout: () => void autoLayout(),
    addNodeAtCenter: (kind: NodeKind) => {
      const state = useAppStore.getState();
      if (!state.doc) return;
      const box = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
      const center = box ? screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 }) : { x: 0, y: 0 };
      const id = state.addNode(kind, placeNewNode(state.doc, kind, center));
      if (id) state.selectNode(id);
    },
  }), [fitView, autoLayout, screenToFlowPosition]);

  const setRunControls = useCallback((controls: RunControls | null) => {
    runRef.current = controls;
    setRun(controls);
  }, []);

  // A new host value when the run controls change re-renders the action buttons that read them.
  const host = useMemo<ActionHost & { run: RunControls | null }>(() => ({
    run,
    context: () => ({ state: useAppStore.getState(), canvas, run: runRef.current }),
    setRunControls,
  }), [canvas, run, setRunControls]);

  useActionKeyboard(host);

  return (
    <ActionHostContext.Provider value={host}>
      {children}
      <ActionOverlays />
    </ActionHostContext.Provider>
  );
}
