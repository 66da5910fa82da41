import { lazy, Suspense, useMemo, useRef, type ReactNode } from 'react';
import { total, type ReportSummaryRecord, type RunRecord } from '../../core';
import type { SimulationTab } from '../../state/simulationSlice';
import { useAppStore } from '../../state/store';
import { PanelTabs, type PanelTab } from './dock/PanelTabs';
import { AnomaliesPanel } from './panels/AnomaliesPanel';
import { BrokerPanel } from './panels/BrokerPanel';
import { DeadLettersPanel } from './panels/DeadLettersPanel';
import { EventStorePanel } from './panels/EventStorePanel';
import { FaultsPanel } from './panels/FaultsPanel';
import { InboxPanel } from './panels/InboxPanel';
import { OutboxPanel } from './panels/OutboxPanel';
import { ProjectionsPanel } from './panels/ProjectionsPanel';
import { TracePanel } from './panels/TracePanel';
import { consumerGroups } from './scale/groups';
import { ScalePanel, isScaleSubTab, type ScaleSubTab } from './scale/ScalePanel';
import type { RunActions } from './useRunActions';

// Workload and Scenarios are their own chunks: they load the first time their tab opens.
const WorkloadPanel = lazy(() => import('./workload/WorkloadPanel').then((m) => ({ default: m.WorkloadPanel })));
const ScenariosPanel = lazy(() => import('./scenarios/ScenariosPanel').then((m) => ({ default: m.ScenariosPanel })));
const loading = (children: ReactNode) => <Suspense fallback={<p className="sim-hint panel-toolbar">Loading…</p>}>{children}</Suspense>;

type AppState = ReturnType<typeof useAppStore.getState>;
const selectTab = (s: AppState) => s.simTab;

function Count({ n, bad }: { n: number; bad?: boolean }) {
  if (n === 0) return null;
  return <span className={`tab-badge${bad ? ' bad' : ''}`} aria-label={`${n}`}>{n.toLocaleString('en')}</span>;
}

/** The docked tabs over the run's tables, with what they are filtered to. */
export function RunPanels({ run, report, enabled, actions }: { run: RunRecord; report: ReportSummaryRecord | undefined; enabled: boolean; actions: RunActions }) {
  const lastScaleTab = useRef<ScaleSubTab>('instances');
  const tab = useAppStore(selectTab);
  const { setSimTab } = useAppStore.getState();
  // Instances and Locks are sub-tabs of one Scale tab: the dock's tab row stays one line at 1,280 px.
  const scaleTab: ScaleSubTab = isScaleSubTab(tab) ? tab : lastScaleTab.current;
  if (isScaleSubTab(tab)) lastScaleTab.current = tab;
  const { stats } = run;
  const dead = total(stats.dead);
  const broken = report?.broken ?? 0;
  // Issue 13: the Instances and Locks tabs appear when the run has consumer groups or locks to show.
  const groups = consumerGroups(run).length;
  const lockUser = run.flow.projections.some((p) => p.concurrency === 'lock') || run.flow.consumers.some((c) => c.concurrency === 'lock');
  const scaleTabs = groups > 0 || lockUser || run.flow.projections.some((p) => p.cache !== undefined);
  const tabs = useMemo<PanelTab[]>(() => [
    { id: 'outbox', label: 'Outbox', render: () => <OutboxPanel /> },
    { id: 'broker', label: 'Broker', render: () => <BrokerPanel /> },
    { id: 'inbox', label: 'Inbox', render: () => <InboxPanel /> },
    { id: 'projections', label: 'Projections', render: () => <ProjectionsPanel onCompare={actions.compareWithRebuild} onReplace={actions.replaceWithRebuild} /> },
    { id: 'events', label: 'Event store', badge: <Count n={stats.events} />, render: () => <EventStorePanel /> },
    { id: 'dead', label: 'Dead letters', badge: <Count n={dead} bad />, render: () => <DeadLettersPanel /> },
    { id: 'trace', label: 'Trace', render: () => <TracePanel /> },
    { id: 'anomalies', label: 'Anomalies', badge: <Count n={broken} bad />, render: () => <AnomaliesPanel report={report} /> },
    { id: 'faults', label: 'Faults & patterns', render: () => <FaultsPanel run={run} enabled={enabled} onChange={actions.updateSettings} /> },
    { id: 'workload', label: 'Workload', render: () => loading(<WorkloadPanel run={run} enabled={enabled} />) },
    { id: 'scenarios', label: 'Scenarios', render: () => loading(<ScenariosPanel run={run} enabled={enabled} />) },
    ...(scaleTabs ? [
      { id: 'scale', label: 'Scale', badge: <Count n={groups} />, render: () => <ScalePanel active={scaleTab} onSelect={setSimTab} enabled={enabled} /> },
    ] : []),
  ], [actions, dead, enabled, run, report, broken, stats.events, scaleTabs, groups, scaleTab, setSimTab]);
  return (
    <div className="sim-panels">
      <PanelTabs tabs={tabs} active={isScaleSubTab(tab) ? 'scale' : tab} label="Run tables"
        onSelect={(id) => setSimTab(id === 'scale' ? scaleTab : id as SimulationTab)} />
    </div>
  );
}
