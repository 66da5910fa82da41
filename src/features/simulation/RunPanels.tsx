import { lazy, Suspense, useMemo, type ReactNode } from 'react';
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
import { InstancesPanel } from './scale/InstancesPanel';
import { LocksPanel } from './scale/LocksPanel';
import { consumerGroups } from './scale/groups';
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
  const tab = useAppStore(selectTab);
  const { setSimTab } = useAppStore.getState();
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
      { id: 'instances', label: 'Instances', badge: <Count n={groups} />, render: () => <InstancesPanel enabled={enabled} /> },
      { id: 'locks', label: 'Locks', render: () => <LocksPanel /> },
    ] : []),
  ], [actions, dead, enabled, run, report, broken, stats.events, scaleTabs, groups]);
  return (
    <div className="sim-panels">
      <PanelTabs tabs={tabs} active={tab} onSelect={(id) => setSimTab(id as SimulationTab)} label="Run tables" />
    </div>
  );
}
