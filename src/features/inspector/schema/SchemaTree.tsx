import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RowCommands } from './SchemaTreeRow';
import { SchemaTreeRow } from './SchemaTreeRow';
import type { TreeRow } from './treeRows';

const ROW_HEIGHT = 32;
const ENUM_ROW_HEIGHT = 62;
/** The tree scrolls inside the inspector beyond this height. */
const MAX_HEIGHT = 420;

interface SchemaTreeProps {
  /** The scroll box's name, e.g. "Payload of OrderPlaced: fields". */
  label: string;
  rows: readonly TreeRow[];
  noun: string;
  selected: string | null;
  libraryNames: readonly string[];
  commands: RowCommands;
}

/**
 * The rows of a payload tree in a scroll box of their own; only the rows in view are rendered
 * (@tanstack/react-virtual), so a payload of thousands of properties opens at once. Rows are
 * keyed by their place (parent and index), so renaming a property keeps its input focused.
 */
export function SchemaTree({ label, rows, noun, selected, libraryNames, commands }: SchemaTreeProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'enum' ? ENUM_ROW_HEIGHT : ROW_HEIGHT),
    getItemKey: (i) => `${rows[i]?.parent}#${rows[i]?.index}`,
    overscan: 8,
  });
  const items = virtualizer.getVirtualItems();
  return (
    <div ref={scrollRef} className="schema-tree" role="list" aria-label={label} data-rows={rows.length}
      style={{ height: Math.min(virtualizer.getTotalSize() + 2, MAX_HEIGHT) }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index]!;
          return (
            <div key={item.key} data-index={item.index} ref={virtualizer.measureElement} className="schema-tree__slot" role="listitem"
              style={{ transform: `translateY(${item.start}px)` }}>
              <SchemaTreeRow row={row} noun={noun} selected={selected === row.location} libraryNames={libraryNames} commands={commands} />
            </div>
          );
        })}
      </div>
    </div>
  );
}
