import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { PanelBoundary } from '../../durability/PanelBoundary';

export interface PanelTab {
  id: string;
  label: string;
  /** A count or marker shown after the label (e.g. anomalies). */
  badge?: ReactNode;
  render(): ReactNode;
}

interface Props {
  tabs: readonly PanelTab[];
  active: string;
  onSelect(id: string): void;
  label: string;
  /** Prefix of the tab and panel element ids (`sim-tab-outbox`), unique per tab list on the page. */
  idPrefix?: string;
}

/** Tabs over the simulation panels; ←/→, Home and End move between them (WAI-ARIA tabs). */
export function PanelTabs({ tabs, active, onSelect, label, idPrefix = 'sim' }: Props) {
  const listRef = useRef<HTMLDivElement>(null);
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((t) => t.id === current?.id);
    const next =
      e.key === 'ArrowRight' ? (index + 1) % tabs.length
        : e.key === 'ArrowLeft' ? (index - 1 + tabs.length) % tabs.length
          : e.key === 'Home' ? 0
            : e.key === 'End' ? tabs.length - 1 : undefined;
    const tab = next === undefined ? undefined : tabs[next];
    if (!tab) return;
    e.preventDefault();
    onSelect(tab.id);
    listRef.current?.querySelector<HTMLButtonElement>(`#${idPrefix}-tab-${tab.id}`)?.focus();
  };
  return (
    <div className="panel-tabs">
      <div className="panel-tablist" role="tablist" aria-label={label} ref={listRef} onKeyDown={onKeyDown}>
        {tabs.map((tab) => {
          const selected = tab.id === current?.id;
          return (
            <button
              key={tab.id}
              id={`${idPrefix}-tab-${tab.id}`}
              type="button"
              role="tab"
              aria-selected={selected}
              aria-controls={`${idPrefix}-panel-${tab.id}`}
              tabIndex={selected ? 0 : -1}
              className="panel-tab"
              onClick={() => onSelect(tab.id)}
            >
              {tab.label}
              {tab.badge}
            </button>
          );
        })}
      </div>
      {current && (
        <div className="panel-body" role="tabpanel" id={`${idPrefix}-panel-${current.id}`} aria-labelledby={`${idPrefix}-tab-${current.id}`}>
          <PanelBoundary panel={current.label} key={current.id}>{current.render()}</PanelBoundary>
        </div>
      )}
    </div>
  );
}
