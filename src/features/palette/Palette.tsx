import { useCallback, type DragEvent } from 'react';
import { useReactFlow } from '@xyflow/react';
import type { NodeKind } from '../../core';
import { PALETTE_DRAG_TYPE } from '../../canvas/paletteDrag';
import { useAppStore } from '../../state/store';
import { placeNewNode } from './placement';

const ITEMS: { kind: NodeKind; label: string; glyph: string; hint: string }[] = [
  { kind: 'producer', label: 'Producer', glyph: '▶', hint: 'A service that owns an aggregate and emits events from commands' },
  { kind: 'event', label: 'Event', glyph: '◆', hint: 'An event type: fields, base type, version' },
  { kind: 'consumer', label: 'Consumer', glyph: '⚙', hint: 'A service that handles events: inbox, retries, effects' },
  { kind: 'projection', label: 'Projection', glyph: '▦', hint: 'A read model kept up to date by consumers' },
];

/** Adds nodes: click a kind to place it in the view (in its kind's column), or drag it onto the canvas. */
export function Palette() {
  const { screenToFlowPosition } = useReactFlow();

  const addAtCenter = useCallback((kind: NodeKind) => {
    const state = useAppStore.getState();
    if (!state.doc) return;
    const canvas = document.querySelector('[data-testid="canvas"]')?.getBoundingClientRect();
    const center = canvas
      ? screenToFlowPosition({ x: canvas.left + canvas.width / 2, y: canvas.top + canvas.height / 2 })
      : { x: 0, y: 0 };
    const id = state.addNode(kind, placeNewNode(state.doc, kind, center));
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
