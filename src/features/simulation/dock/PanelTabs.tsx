import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { PanelBoundary } from '../../durability/PanelBoundary';
import { MoreTabsMenu } from './MoreTabsMenu';
import { fitTabs } from './tabOverflow';

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

/** Width kept for the "More ▾" button, and the gap between two tabs (as in simulation.css). */
const MORE_WIDTH = 78;
const GAP = 2;

/**
 * Tabs over the simulation panels, on one line: the tabs that do not fit go under "More ▾" (the
 * active one always stays in the row). ←/→, Home and End move between all of them (WAI-ARIA tabs),
 * the hidden ones included: the tab they reach comes into the row.
 */
export function PanelTabs({ tabs, active, onSelect, label, idPrefix = 'sim' }: Props) {
  const rowRef = useRef<HTMLDivElement>(null);
  const measureRef = useRef<HTMLDivElement>(null);
  const focusNext = useRef<string | null>(null);
  const [widths, setWidths] = useState<number[] | null>(null);
  const [available, setAvailable] = useState(Number.POSITIVE_INFINITY);
  const current = tabs.find((t) => t.id === active) ?? tabs[0];
  const activeIndex = tabs.findIndex((t) => t.id === current?.id);

  // Every tab's width, measured on an invisible copy of the row (labels and badges change during a run; the active tab is bold).
  useLayoutEffect(() => {
    const cells = measureRef.current?.children;
    if (!cells) return;
    const next = [...cells].map((cell) => Math.ceil((cell as HTMLElement).getBoundingClientRect().width));
    setWidths((previous) => (previous && previous.length === next.length && previous.every((w, i) => w === next[i]) ? previous : next));
  }, [tabs, current?.id]);
  useLayoutEffect(() => {
    const row = rowRef.current;
    if (!row) return undefined;
    const measure = () => setAvailable(Math.floor(row.clientWidth - 12));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(row);
    return () => observer.disconnect();
  }, []);
  useEffect(() => {
    if (focusNext.current === null) return;
    rowRef.current?.querySelector<HTMLButtonElement>(`#${idPrefix}-tab-${focusNext.current}`)?.focus();
    focusNext.current = null;
  });

  const fit = widths && widths.length === tabs.length ? fitTabs(widths, available, MORE_WIDTH, GAP, activeIndex) : undefined;
  const shown = fit ? fit.shown.map((i) => tabs[i]!) : tabs;
  const hidden = fit ? fit.overflow.map((i) => tabs[i]!) : [];
  const select = (tab: PanelTab, focus: boolean) => {
    if (focus) focusNext.current = tab.id;
    onSelect(tab.id);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next =
      e.key === 'ArrowRight' ? (activeIndex + 1) % tabs.length
        : e.key === 'ArrowLeft' ? (activeIndex - 1 + tabs.length) % tabs.length
          : e.key === 'Home' ? 0
            : e.key === 'End' ? tabs.length - 1 : undefined;
    const tab = next === undefined ? undefined : tabs[next];
    if (!tab) return;
    e.preventDefault();
    select(tab, true);
  };
  return (
    <div className="panel-tabs">
      <div className="panel-tabrow" ref={rowRef}>
        <div className="panel-tablist" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
          {shown.map((tab) => {
            const selected = tab.id === current?.id;
            return (
              <button key={tab.id} id={`${idPrefix}-tab-${tab.id}`} type="button" role="tab" aria-selected={selected}
                aria-controls={`${idPrefix}-panel-${tab.id}`} tabIndex={selected ? 0 : -1} className="panel-tab" onClick={() => onSelect(tab.id)}>
                {tab.label}
                {tab.badge}
              </button>
            );
          })}
        </div>
        {hidden.length > 0 && <MoreTabsMenu tabs={hidden} label={`More ${label.toLowerCase()}`} onSelect={(tab) => select(tab, true)} />}
        <div className="panel-tablist panel-tablist--measure" ref={measureRef} aria-hidden="true">
          {tabs.map((tab) => <span key={tab.id} className={`panel-tab${tab.id === current?.id ? ' is-active' : ''}`}>{tab.label}{tab.badge}</span>)}
        </div>
      </div>
      {current && (
        <div className="panel-body" role="tabpanel" id={`${idPrefix}-panel-${current.id}`} aria-labelledby={`${idPrefix}-tab-${current.id}`}>
          <PanelBoundary panel={current.label} key={current.id}>{current.render()}</PanelBoundary>
        </div>
      )}
    </div>
  );
}
