import { useEffect, type RefObject } from 'react';
import { useStoreApi } from '@xyflow/react';
import { canvasTabOrder } from './canvasTabOrder';

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]';

/** Elements Tab stops at, in document order. */
function tabbables(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/**
 * Tab and Shift+Tab on the canvas follow its layout (see canvasTabOrder): nodes by position, then
 * edges, instead of the DOM order (where React Flow puts every edge before the first node). Tab from
 * the control before the canvas enters at the first node; Tab from the last edge leaves to the
 * control after it, and Shift+Tab mirrors both.
 */
export function useCanvasTabOrder(container: RefObject<HTMLElement | null>): void {
  const store = useStoreApi();
  useEffect(() => {
    const sequence = (root: HTMLElement): HTMLElement[] => {
      const { nodeLookup, edges } = store.getState();
      const elements = new Map<string, HTMLElement>();
      for (const el of root.querySelectorAll<HTMLElement>('.react-flow__node[data-id], .react-flow__edge[data-id]')) {
        if (el.tabIndex >= 0) elements.set(`${el.classList.contains('react-flow__node') ? 'n' : 'e'}:${el.dataset.id}`, el);
      }
      const placed = [...nodeLookup.values()].map((n) => ({ id: `n:${n.id}`, ...n.internals.positionAbsolute }));
      const connections = edges.map((e) => ({ id: `e:${e.id}`, source: `n:${e.source}`, target: `n:${e.target}` }));
      return canvasTabOrder(placed, connections).map((key) => elements.get(key)).filter((el): el is HTMLElement => el !== undefined);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const root = container.current;
      if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || !root) return;
      const viewport = root.querySelector<HTMLElement>('.react-flow__viewport');
      if (!viewport) return;
      const backwards = event.shiftKey;
      const active = document.activeElement instanceof HTMLElement || document.activeElement instanceof SVGElement
        ? document.activeElement as HTMLElement : null;
      const inCanvas = active !== null && viewport.contains(active);
      let target: HTMLElement | undefined;
      if (inCanvas) {
        const order = sequence(root);
        const index = order.indexOf(active);
        if (index < 0) return;
        target = order[index + (backwards ? -1 : 1)];
        if (!target) {
          // Leaving the canvas: to the control after (or before) all of it.
          const outside = tabbables().filter((el) => !viewport.contains(el));
          target = backwards
            ? outside.filter((el) => el.compareDocumentPosition(viewport) & Node.DOCUMENT_POSITION_FOLLOWING).pop()
            : outside.find((el) => el.compareDocumentPosition(viewport) & Node.DOCUMENT_POSITION_PRECEDING);
          if (!target) return;
        }
      } else {
        // Entering the canvas: where the browser would go next decides whether Tab enters it.
        const all = tabbables();
        const from = active ? all.indexOf(active) : -1;
        const natural = backwards ? all[from < 0 ? all.length - 1 : from - 1] : all[from + 1];
        if (!natural || !viewport.contains(natural)) return;
        const order = sequence(root);
        target = backwards ? order[order.length - 1] : order[0];
        if (!target) return;
      }
      event.preventDefault();
      target.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [container, store]);
}
