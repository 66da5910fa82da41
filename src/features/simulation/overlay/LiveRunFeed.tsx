import { useEffect } from 'react';
import type { RunBadge, RunOverlayStore } from '../../../canvas/runOverlayStore';
import { allNodes } from '../../../core';
import { simulationDb } from '../../../persistence/simulation';
import { useLiveInterval } from '../live/useLiveInterval';
import { useThrottledLiveQuery } from '../live/useThrottledLiveQuery';
import { lastTrace, latestAnomalies, readRun } from '../queries';
import { anomaliesByNode, nodeBadges } from './nodeBadges';

/** Anomalies read for the node badges: the newest ones, enough to mark every node involved. */
const ANOMALY_SAMPLE = 2000;

/**
 * Keeps the canvas overlay of a run up to date: badges per node from the run's counters and
 * anomalies, and the edge the last micro-step's message travelled on. Renders nothing; loaded
 * with run mode (see RunOverlayProvider).
 */
export function LiveRunFeed({ runId, overlay }: { runId: string; overlay: RunOverlayStore }) {
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

  useEffect(() => () => overlay.show(new Map(), new Set()), [overlay]);
  return null;
}
