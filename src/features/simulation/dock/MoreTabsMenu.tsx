import { useMenu } from '../../toolbar/useMenu';
import type { PanelTab } from './PanelTabs';

/**
 * "More ▾": the dock tabs that do not fit on the tab row, as a menu. ↓/↑, Home and End move,
 * Enter opens a tab (it then takes a place in the row), Esc closes and gives the focus back.
 */
export function MoreTabsMenu({ tabs, label, onSelect }: { tabs: readonly PanelTab[]; label: string; onSelect(tab: PanelTab): void }) {
  const { open, setOpen, menu, button, onKeyDown } = useMenu();

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
