import { useEffect, useRef } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { EditorMode } from '../state/uiSlice';
import { fitViewOptionsFor } from './fitViewOptions';

const REFIT_DELAY_MS = 80;

/**
 * The mode the canvas was last shown in. Module-level on purpose: a wrapper around the canvas
 * may remount it when the mode switches, and the refit must still happen then.
 */
let lastShownMode: EditorMode | undefined;

/** Switching Design | Run resizes the canvas (the run dock opens or closes): fit the design again. */
export function useRefitOnModeChange(mode: EditorMode): void {
  const { fitView } = useReactFlow();
  const fit = useRef(fitView);
  useEffect(() => {
    fit.current = fitView;
  }, [fitView]);
  useEffect(() => {
    const switched = lastShownMode !== undefined && lastShownMode !== mode;
    lastShownMode = mode;
    if (!switched) return undefined;
    // After React Flow has measured its new size (its ResizeObserver runs after layout).
    const timer = setTimeout(() => void fit.current({ ...fitViewOptionsFor(mode), duration: 200 }), REFIT_DELAY_MS);
    return () => clearTimeout(timer);
  }, [mode]);
}
