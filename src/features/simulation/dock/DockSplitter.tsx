import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { clampDockHeight, dockKeyStep } from './dockHeight';

interface Props {
  height: number;
  onResize(height: number): void;
}

/** The bar above the simulation dock: drag it, or focus it and use the arrow keys, to resize. */
export function DockSplitter({ height, onResize }: Props) {
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { startY: e.clientY, startHeight: height };
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current) onResize(drag.current.startHeight + drag.current.startY - e.clientY);
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    e.currentTarget.releasePointerCapture(e.pointerId);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = dockKeyStep(e.key, e.shiftKey, height, window.innerHeight);
    if (next === undefined) return;
    e.preventDefault();
    onResize(next);
  };
  return (
    <div
      className="dock-splitter"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the simulation panels (drag, or arrow keys)"
      title="Drag to resize the simulation panels (or focus and press ↑/↓)"
      aria-valuenow={height}
      aria-valuemin={clampDockHeight(0, window.innerHeight)}
      aria-valuemax={clampDockHeight(Number.POSITIVE_INFINITY, window.innerHeight)}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
