import { useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

interface VirtualRowsProps {
  label: string;
  count: number;
  rowHeight: number;
  maxHeight: number;
  rowKey(index: number): string;
  renderRow(index: number): ReactNode;
}

/** A long list in a scroll box of its own where only the rows in view are in the page. */
export function VirtualRows({ label, count, rowHeight, maxHeight, rowKey, renderRow }: VirtualRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count, getScrollElement: () => scrollRef.current, estimateSize: () => rowHeight, getItemKey: rowKey, overscan: 6 });
  return (
    <div ref={scrollRef} className="virtual-rows" role="list" aria-label={label} style={{ height: Math.min(virtualizer.getTotalSize() + 2, maxHeight) }}>
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div key={item.key} role="listitem" className="virtual-rows__row" style={{ height: item.size, transform: `translateY(${item.start}px)` }}>
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
