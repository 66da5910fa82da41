import { useCallback, useMemo, type ReactNode } from 'react';
import { RunOverlayContext, emptyRunOverlay, type RunOverlay } from '../../../canvas/RunOverlayContext';
import { simulationDb } from '../../../persistence/simulation';
import { selectDesignId, selectMode } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { useLiveInterval } from '../live/useLiveInterval';
import { useThrottledLiveQuery } from '../live/useThrottledLiveQuery';
import { lastTrace, latestAnomalies, readRun } from '../queries';
import { anomaliesByNode, nodeBadges } from './nodeBadges';
import '../simulation.css';

/** Anomalies read for the node badges: the newest ones, enough to mark every node involved. */
const ANOMALY_SAMPLE = 2000;

/**
 * Gives the canvas the live run overlay in run mode: badges per node from the run's counters and
 * anomalies, and the edge the last micro-step's message travelled on. Wrap the canvas with it.
 */
export function RunOverlayProvider({ children }: { children: ReactNode }) {
  const mode = useAppStore(selectMode);
  const runId = useAppStore(selectDesignId);
  if (mode !== 'run' || !runId) return <RunOverlayContext.Provider value={emptyRunOverlay}>{children}</RunOverlayContext.Provider>;
  return <LiveRunOverlay runId={runId}>{children}</LiveRunOverlay>;
}

function LiveRunOverlay({ runId, children }: { runId: string; children: ReactNode }) {
  const db = simulationDb();
  const interval = useLiveInterval();
  // A damaged run row shows no badges (run mode itself says what is wrong and offers the reset).
  const run = useThrottledLiveQuery(async () => {
    const checked = await readRun(db, runId);
    return checked?.ok ? checked.run : undefined;
  }, [db, runId], interval / 2);
  const lastStep = useThrottledLiveQuery(
    () => lastTrace(db, runId),
    [db, runId],
    interval / 2,
  );
  const anomalies = useThrottledLiveQuery(
    async () => anomaliesByNode(await latestAnomalies(db, runId, ANOMALY_SAMPLE)),
    [db, runId],
    interval * 3,
  );

  const renderNodeBadges = useCallback(
    (nodeId: string): ReactNode => {
      if (!run) return null;
      const badges = nodeBadges(run.flow, run.stats, nodeId, anomalies?.get(nodeId) ?? 0, run.settings.patterns);
      if (badges.length === 0) return null;
      return (
        <div className="run-badges" data-testid={`run-badges.${nodeId}`}>
          {badges.map((b) => <span key={b.label} className={`run-badge ${b.tone}`} title={b.title}>{b.label}</span>)}
        </div>
      );
    },
    [run, anomalies],
  );
  const activeEdgeIds = useMemo(() => new Set(lastStep?.step === run?.step ? lastStep?.edgeIds ?? [] : []), [lastStep, run?.step]);
  const overlay = useMemo<RunOverlay>(() => ({ renderNodeBadges, activeEdgeIds }), [renderNodeBadges, activeEdgeIds]);
  return <RunOverlayContext.Provider value={overlay}>{children}</RunOverlayContext.Provider>;
}
