import { useCallback, type DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import { findNode, type FlowDocument, type NodeKind, type Position } from '../../core';
import { PALETTE_DRAG_TYPE } from '../../canvas/paletteDrag';
import { useAppStore } from '../../state/store';

const ITEMS: { kind: NodeKind; label: string; glyph: string; hint: string }[] = [
  { kind: 'producer', label: 'Producer', glyph: '▶', hint: 'A service that owns an aggregate and emits events from commands' },
  { kind: 'event', label: 'Event', glyph: '◆', hint: 'An event type: fields, base type, version' },
  { kind: 'consumer', label: 'Consumer', glyph: '⚙', hint: 'A service that handles events: inbox, retries, effects' },
  { kind: 'projection', label: 'Projection', glyph: '▦', hint: 'A read model kept up to date by consumers' },
];

const NODE_BOX = { width: 250, height: 170 };

/** The free spot nearest to `at` on a grid of node-sized cells, so a new node never covers another. */
function freeSpot(doc: FlowDocument, at: Position): Position {
  const taken = Object.entries(doc.layout.positions).filter(([id]) => findNode(doc, id)).map(([, p]) => p);
  const overlaps = (spot: Position) => taken.some((p) =>
    Math.abs(p.x - spot.x) < NODE_BOX.width && Math.abs(p.y - spot.y) < NODE_BOX.height);
  const cells: Position[] = [];
  for (let dx = -4; dx <= 4; dx++) for (let dy = -4; dy <= 4; dy++) cells.push({ x: dx, y: dy });
  cells.sort((a, b) => Math.hypot(a.x, a.y * 1.5) - Math.hypot(b.x, b.y * 1.5));
  for (const cell of cells) {
    const spot = { x: at.x + cell.x * NODE_BOX.width, y: at.y + cell.y * NODE_BOX.height };
    if (!overlaps(spot)) return spot;
  }
  return at;
}

/** Adds nodes: click a kind to place it in the middle of the view, or drag it onto the canvas. */
export function Palette() {
  const { screenToFlowPosition } = useReactFlow();

  const addAtCenter = useCallback((kind: NodeKind) => {
    const state = useAppStore.getState();
    if (!state.doc) return;
    const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const center = canvas
      ? screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
      : { x: 0, y: 0 };
    const id = state.addNode(kind, freeSpot(state.doc, { x: Math.round(center.x - 120), y: Math.round(center.y - 60) }));
    if (id) state.selectNode(id);
  }, [screenToFlowPosition]);

  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Add nodes">
      <div className="panel-title palette__title">Add</div>
      {ITEMS.map((item) => (
        <button key={item.kind} type="button" draggable className={`palette__item palette__item--${item.kind}`}
          data-testid={`palette.${item.kind}`} title={`Add a ${item.label.toLowerCase()} (click, or drag onto the canvas). ${item.hint}`}
          aria-label={`Add ${item.label.toLowerCase()}`}
          onClick={() => addAtCenter(item.kind)} onDragStart={(event) => onDragStart(event, item.kind)}>
          <span className="palette__glyph" aria-hidden="true">{item.glyph}</span>
          <span className="palette__label">{item.label}</span>
        </button>
      ))}
    </nav>
  );
}
