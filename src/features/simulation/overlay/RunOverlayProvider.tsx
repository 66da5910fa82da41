import { useEffect, useState, type ReactNode } from 'react';
import { RunOverlayContext, emptyRunOverlay } from '../../../canvas/RunOverlayContext';
import { RunOverlayStore, type RunBadge } from '../../../canvas/runOverlayStore';
import { allNodes } from '../../../core';
import { simulationDb } from '../../../persistence/simulation';
import { selectDesignId, selectMode } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { useLiveInterval } from '../live/useLiveInterval';
import { useThrottledLiveQuery } from '../live/useThrottledLiveQuery';
import { lastTrace } from '../queries';
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
  const [overlay] = useState(() => new RunOverlayStore());
  const db = simulationDb();
  const interval = useLiveInterval();
  const run = useThrottledLiveQuery(() => db.runs.get(runId), [db, runId], interval / 2);
  const lastStep = useThrottledLiveQuery(
    () => lastTrace(db, runId),
    [db, runId],
    interval / 2,
  );
  const anomalies = useThrottledLiveQuery(
    async () => anomaliesByNode(await db.anomalies.where('[runId+seq]').between([runId, 0], [runId, Number.MAX_SAFE_INTEGER]).reverse().limit(ANOMALY_SAMPLE).toArray()),
    [db, runId],
    interval * 3,
  );

  // Only the nodes whose badges changed and the edges that lit up or went dark re-render.
  useEffect(() => {
    const badges = new Map<string, RunBadge[]>();
    if (run) {
      for (const node of allNodes(run.flow)) {
        badges.set(node.id, nodeBadges(run.flow, run.stats, node.id, anomalies?.get(node.id) ?? 0, run.settings.patterns));
      }
    }
    const active = new Set(lastStep && lastStep.step === run?.step ? lastStep.edgeIds : []);
    overlay.show(badges, active);
  }, [overlay, run, lastStep, anomalies]);

  return <RunOverlayContext.Provider value={overlay}>{children}</RunOverlayContext.Provider>;
}
