import { useSyncExternalStore } from 'react';

/**
 * A design from this many nodes on draws only the nodes and edges on screen (React Flow's
 * `onlyRenderVisibleElements`): opening and dragging then cost what is visible, not the whole design.
 */
export const LARGE_DESIGN_NODES = 300;

let holders = 0;
const listeners = new Set<() => void>();
const notify = () => { for (const listener of listeners) listener(); };
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** True while something needs every node drawn in full (an image export). */
export function useRenderEverything(): boolean {
  return useSyncExternalStore(subscribe, () => holders > 0);
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Runs `work` while the canvas draws every node in full — not only those on screen, and with their
 * text even when zoomed far out — once all `expectedNodes` are drawn and measured (e.g. to export
 * the canvas as an image); then the canvas goes back to drawing what is on screen.
 */
export async function whileEverythingIsDrawn<T>(expectedNodes: number, work: () => Promise<T>, root: ParentNode = document): Promise<T> {
  holders++;
  notify();
  try {
    for (let frames = 0; frames < 600; frames++) {
      await frame();
      const drawn = [...root.querySelectorAll<HTMLElement>('.react-flow__node')];
      if (drawn.length >= expectedNodes && drawn.every((el) => el.style.visibility !== 'hidden')
        && root.querySelector('.react-flow.is-far') === null) break;
    }
    return await work();
  } finally {
    holders--;
    notify();
  }
}
