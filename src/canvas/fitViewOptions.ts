import type { FitViewOptions } from '@xyflow/react';
import type { EditorMode } from '../state/uiSlice';

/**
 * How "fit view" frames a design: clear of the zoom controls (bottom left) and the minimap
 * (bottom right, design mode only), so no node sits under them. Every node counts, also those a
 * large design has not drawn yet (React Flow then uses their estimated size: `includeHiddenNodes`).
 */
export const FIT_VIEW_OPTIONS: FitViewOptions = {
  padding: { top: '32px', right: '24px', bottom: '136px', left: '24px' },
  maxZoom: 1.2,
  includeHiddenNodes: true,
};

/** In run mode the canvas is shorter and shows no minimap. */
export const RUN_FIT_VIEW_OPTIONS: FitViewOptions = {
  padding: { top: '24px', right: '24px', bottom: '24px', left: '56px' },
  maxZoom: 1.2,
  includeHiddenNodes: true,
};

export function fitViewOptionsFor(mode: EditorMode): FitViewOptions {
  return mode === 'run' ? RUN_FIT_VIEW_OPTIONS : FIT_VIEW_OPTIONS;
}
