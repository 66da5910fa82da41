/** Bounds of the simulation dock's height: enough for a table, never hiding the canvas. Pure. */
export function clampDockHeight(height: number, viewportHeight: number): number {
  const min = 140;
  const max = Math.max(min, viewportHeight - 220);
  if (!Number.isFinite(height)) return Math.min(max, Math.max(min, Math.round(viewportHeight * 0.4)));
  return Math.min(max, Math.max(min, Math.round(height)));
}

/** The height change for a key pressed on the splitter, or undefined for other keys. Pure. */
export function dockKeyStep(key: string, shift: boolean, current: number, viewportHeight: number): number | undefined {
  const step = shift ? 64 : 16;
  switch (key) {
    case 'ArrowUp': return current + step;
    case 'ArrowDown': return current - step;
    case 'Home': return viewportHeight;
    case 'End': return 0;
    default: return undefined;
  }
}
