import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { PanelTab } from './PanelTabs';

/**
 * "More ▾": the dock tabs that do not fit on the tab row, as a menu. ↓/↑, Home and End move,
 * Enter opens a tab (it then takes a place in the row), Esc closes and gives the focus back.
 */
export function MoreTabsMenu({ tabs, label, onSelect }: { tabs: readonly PanelTab[]; label: string; onSelect(tab: PanelTab): void }) {
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node;
      if (!menu.current?.contains(target) && !button.current?.contains(target)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      setOpen(false);
      if (event.key === 'Escape') button.current?.focus();
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp' && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    const items = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? items.length - 1
      : (index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length;
    items[next]?.focus();
  };

  return (
    <div className="more-tabs">
      <button ref={button} type="button" className="panel-tab more-tabs__button" aria-haspopup="menu" aria-expanded={open}
        aria-label={label} title={tabs.map((t) => t.label).join(', ')} onClick={() => setOpen((v) => !v)}>
        More ▾
      </button>
      {open && (
        <div ref={menu} className="more-tabs__menu" role="menu" aria-label={label} onKeyDown={onKeyDown}>
          {tabs.map((tab) => (
            <button key={tab.id} type="button" role="menuitem" className="more-tabs__item"
              onClick={() => { setOpen(false); onSelect(tab); }}>
              {tab.label}
              {tab.badge}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
