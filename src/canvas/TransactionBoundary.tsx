import { useStore, ViewportPortal, type ReactFlowState } from '@xyflow/react';
import { useRunTransaction } from './RunOverlayContext';

/** Room between the cards and the dashed line, in flow units. */
const PAD = 14;

interface Box { x: number; y: number; width: number; height: number }

/** The bounding box of the given nodes as React Flow has measured them; null when none is drawn. */
function boxOf(state: ReactFlowState, nodeIds: readonly string[]): Box | null {
  let left = Infinity, top = Infinity, right = -Infinity, bottom = -Infinity;
  for (const id of nodeIds) {
    const node = state.nodeLookup.get(id);
    if (!node) continue;
    const { x, y } = node.internals.positionAbsolute;
    const width = node.measured.width ?? node.width ?? 0;
    const height = node.measured.height ?? node.height ?? 0;
    left = Math.min(left, x); top = Math.min(top, y);
    right = Math.max(right, x + width); bottom = Math.max(bottom, y + height);
  }
  return left === Infinity ? null : { x: left - PAD, y: top - PAD, width: right - left + 2 * PAD, height: bottom - top + 2 * PAD };
}

const sameBox = (a: Box | null, b: Box | null) =>
  a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);

/**
 * In run mode, a dashed line around the cards whose rows the last micro-step wrote in one local
 * transaction (the producer's business row and outbox row; the consumer's inbox row, projection
 * rows and emitted events), labelled with what it wrote.
 */
export function TransactionBoundary() {
  const transaction = useRunTransaction();
  const box = useStore((state) => (transaction ? boxOf(state, transaction.nodeIds) : null), sameBox);
  if (!transaction || !box) return null;
  return (
    <ViewportPortal>
      <div className="tx-boundary" data-testid="canvas.tx-boundary" aria-hidden="true"
        style={{ transform: `translate(${box.x}px, ${box.y}px)`, width: box.width, height: box.height }}>
        <span className="tx-boundary__label">{transaction.label}</span>
      </div>
    </ViewportPortal>
  );
}
