import { useMemo } from 'react';
import type { SimulationTab } from '../../../state/simulationSlice';
import { PanelTabs, type PanelTab } from '../dock/PanelTabs';
import { InstancesPanel } from './InstancesPanel';
import { LocksPanel } from './LocksPanel';
import './scale.css';

/** The dock tabs the Scale tab holds (issue 13), in order. */
export const SCALE_SUB_TABS = ['instances', 'locks'] as const satisfies readonly SimulationTab[];
export type ScaleSubTab = (typeof SCALE_SUB_TABS)[number];

export const isScaleSubTab = (tab: string): tab is ScaleSubTab => (SCALE_SUB_TABS as readonly string[]).includes(tab);

/**
 * Run mode's Scale tab: consumer groups (Instances: partitions owned, in flight, lag per partition,
 * kill/add/remove, the projections' controls and cache) and the lock table (Locks), as sub-tabs, so
 * the dock's own tab row stays one line at 1,280 px. ←/→ move between the sub-tabs (WAI-ARIA tabs).
 */
export function ScalePanel({ active, onSelect, enabled }: { active: ScaleSubTab; onSelect(tab: ScaleSubTab): void; enabled: boolean }) {
  const tabs = useMemo<PanelTab[]>(() => [
    { id: 'instances', label: 'Instances', render: () => <InstancesPanel enabled={enabled} /> },
    { id: 'locks', label: 'Locks', render: () => <LocksPanel /> },
  ], [enabled]);
  return (
    <div className="scale-tabs">
      <PanelTabs tabs={tabs} active={active} onSelect={(id) => { if (isScaleSubTab(id)) onSelect(id); }} label="Scale views" idPrefix="scale" />
    </div>
  );
}
