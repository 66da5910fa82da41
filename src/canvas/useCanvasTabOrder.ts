import { useEffect, type RefObject } from 'react';
import { useReactFlow, useStoreApi } from '@xyflow/react';
import { canvasTabOrder } from './canvasTabOrder';

const TABBABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]';
const NODE = 'react-flow__node';

/** Elements Tab stops at, in document order. */
function tabbables(): Element[] {
  return [...document.querySelectorAll<HTMLElement>(TABBABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
}

/** The key of a node or edge element (`n:<id>` or `e:<id>`), or undefined for anything else. */
function keyOf(element: Element | null): string | undefined {
  const item = element?.closest<HTMLElement>('.react-flow__node[data-id], .react-flow__edge[data-id]');
  if (!item || item !== element) return undefined;
  return `${item.classList.contains(NODE) ? 'n' : 'e'}:${item.dataset.id}`;
}

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * Tab and Shift+Tab on the canvas follow its layout (see canvasTabOrder): nodes by position, then
 * edges, instead of the DOM order (where React Flow puts every edge before the first node). Tab from
 * the control before the canvas enters at the first node; Tab from the last edge leaves to the
 * control after it, and Shift+Tab mirrors both. On a large design, where only what is on screen is
 * drawn, the view moves to the next node or edge first.
 */
export function useCanvasTabOrder(container: RefObject<HTMLElement | null>): void {
  const store = useStoreApi();
  const { setCenter, getZoom } = useReactFlow();
  useEffect(() => {
    const order = (): string[] => {
      const { nodeLookup, edges } = store.getState();
      const placed = [...nodeLookup.values()].map((n) => ({ id: `n:${n.id}`, ...n.internals.positionAbsolute }));
      const connections = edges.filter((e) => e.focusable !== false)
        .map((e) => ({ id: `e:${e.id}`, source: `n:${e.source}`, target: `n:${e.target}` }));
      return canvasTabOrder(placed, connections);
    };
    const centreOf = (key: string): { x: number; y: number } | undefined => {
      const { nodeLookup, edges } = store.getState();
      const nodeCentre = (id: string) => {
        const node = nodeLookup.get(id);
        if (!node) return undefined;
        const { x, y } = node.internals.positionAbsolute;
        return { x: x + (node.measured.width ?? node.initialWidth ?? 0) / 2, y: y + (node.measured.height ?? node.initialHeight ?? 0) / 2 };
      };
      if (key.startsWith('n:')) return nodeCentre(key.slice(2));
      const edge = edges.find((e) => e.id === key.slice(2));
      const a = edge && nodeCentre(edge.source);
      const b = edge && nodeCentre(edge.target);
      return a && b ? { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 } : undefined;
    };
    const elementFor = (root: HTMLElement, key: string) => {
      const selector = key.startsWith('n:') ? '.react-flow__node' : '.react-flow__edge';
      return root.querySelector<HTMLElement>(`${selector}[data-id="${CSS.escape(key.slice(2))}"]`);
    };
    const focusKey = async (root: HTMLElement, key: string) => {
      let element = elementFor(root, key);
      if (!element) {
        // Not drawn (off screen on a large design): bring it into view, then focus it once drawn.
        const centre = centreOf(key);
        if (!centre) return;
        void setCenter(centre.x, centre.y, { zoom: getZoom() });
        for (let i = 0; i < 30 && !element; i++) {
          await frame();
          element = elementFor(root, key);
        }
      }
      element?.focus();
    };

    const onKeyDown = (event: KeyboardEvent) => {
      const root = container.current;
      if (event.key !== 'Tab' || event.altKey || event.ctrlKey || event.metaKey || !root) return;
      const viewport = root.querySelector<HTMLElement>('.react-flow__viewport');
      if (!viewport) return;
      const backwards = event.shiftKey;
      const active = document.activeElement;
      const activeKey = active && viewport.contains(active) ? keyOf(active) : undefined;
      if (activeKey) {
        const keys = order();
        const index = keys.indexOf(activeKey);
        if (index < 0) return;
        const next = keys[index + (backwards ? -1 : 1)];
        if (next) {
          event.preventDefault();
          void focusKey(root, next);
          return;
        }
        // Leaving the canvas: to the control after (or before) all of it.
        const outside = tabbables().filter((el) => !viewport.contains(el));
        const target = backwards
          ? outside.filter((el) => el.compareDocumentPosition(viewport) & Node.DOCUMENT_POSITION_FOLLOWING).pop()
          : outside.find((el) => el.compareDocumentPosition(viewport) & Node.DOCUMENT_POSITION_PRECEDING);
        if (!(target instanceof HTMLElement)) return;
        event.preventDefault();
        target.focus();
        return;
      }
      // Entering the canvas: where the browser would go next decides whether Tab enters it.
      const all = tabbables();
      const from = active ? all.indexOf(active) : -1;
      const natural = backwards ? all[from < 0 ? all.length - 1 : from - 1] : all[from + 1];
      if (!natural || !viewport.contains(natural)) return;
      const keys = order();
      const first = backwards ? keys[keys.length - 1] : keys[0];
      if (!first) return;
      event.preventDefault();
      void focusKey(root, first);
    };
    document.addEventListener('keydown', onKeyDown, true);
    return () => document.removeEventListener('keydown', onKeyDown, true);
  }, [container, store, setCenter, getZoom]);
}
