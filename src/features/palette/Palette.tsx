import type { DragEvent } from 'react';
import type { NodeKind } from '../../core';
import { PALETTE_DRAG_TYPE } from '../../canvas/paletteDrag';
import { useAction } from '../actions';

const ITEMS: { kind: NodeKind; label: string; glyph: string; hint: string }[] = [
  { kind: 'producer', label: 'Producer', glyph: '▶', hint: 'A service that owns an aggregate and emits events from commands' },
  { kind: 'event', label: 'Event', glyph: '◆', hint: 'An event type: fields, base type, version' },
  { kind: 'consumer', label: 'Consumer', glyph: '⚙', hint: 'A service that handles events: inbox, retries, effects' },
  { kind: 'projection', label: 'Projection', glyph: '▦', hint: 'A read model kept up to date by consumers' },
];

/**
 * Adds nodes: click a kind to place it in the view (in its kind's column: the registry's
 * "add.<kind>" action), or drag it onto the canvas.
 */
export function Palette() {
  return (
    <nav className="palette" aria-label="Add nodes">
      <div className="panel-title palette__title">Add</div>
      {ITEMS.map((item) => <PaletteItem key={item.kind} {...item} />)}
    </nav>
  );
}

function PaletteItem({ kind, label, glyph, hint }: (typeof ITEMS)[number]) {
  const { perform } = useAction(`add.${kind}`);
  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(PALETTE_DRAG_TYPE, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <button type="button" draggable className={`palette__item palette__item--${kind}`}
      data-testid={`palette.${kind}`} title={`Add a ${label.toLowerCase()} (click, or drag onto the canvas). ${hint}`}
      aria-label={`Add ${label.toLowerCase()}`} onClick={perform} onDragStart={onDragStart}>
      <span className="palette__glyph" aria-hidden="true">{glyph}</span>
      <span className="palette__label">{label}</span>
    </button>
  );
}
