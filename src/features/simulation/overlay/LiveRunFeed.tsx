import { useEffect, useMemo } from 'react';
import type { RunBadge, RunOverlayStore, RunOverrides } from '../../../canvas/runOverlayStore';
import { allNodes } from '../../../core';
import { useLiveInterval } from '../live/useLiveInterval';
import { useThrottledLiveQuery } from '../live/useThrottledLiveQuery';
import { latestAnomalies, partitionedDeliveries } from '../queries';
import { consumerGroups, instanceLoads, type InstanceLoad } from '../scale/groups';
import { useRunSession, useRunSessionState } from '../session/RunSessionContext';
import { TransactionBoundary } from '../../../canvas/TransactionBoundary';
import { instanceBadges } from './instanceBadges';
import { anomaliesByNode, nodeBadges, runOverrides } from './nodeBadges';
import { runTransactionOf } from './runTransaction';

/** Anomalies read for the node badges: the newest ones, enough to mark every node involved. */
const ANOMALY_SAMPLE = 2000;

/**
 * Keeps the canvas overlay of a run up to date: badges per node from the run's counters and
 * broken invariants, the patterns the run switched per node (its card shows them), the edge the
 * last micro-step's message travelled on, and the boundary of its transaction; all from the run
 * session's state. Renders only that boundary; loaded with run mode (see RunOverlayProvider).
 */
export function LiveRunFeed({ overlay }: { overlay: RunOverlayStore }) {
  const session = useRunSession();
  const { runId, tables: db } = session;
  const interval = useLiveInterval();
  // The run row and the last step are the session's (read once for the toolbar and the overlay).
  const { run, lastTrace: lastStep } = useRunSessionState(session);
  const anomalies = useThrottledLiveQuery(
    async () => anomaliesByNode((await latestAnomalies(db, runId, ANOMALY_SAMPLE)).filter((a) => a.severity === 'broken')),
    [db, runId],
    interval * 3,
  );
  // Issue 13: the partitioned consumer groups' deliveries, for each instance's lag and in-flight count on its card.
  const partitionedIds = useMemo(() => (run ? consumerGroups(run).filter((g) => g.partitioned).map((g) => g.consumerId) : []), [run]);
  const groupKey = partitionedIds.join('\u0000');
  const deliveries = useThrottledLiveQuery(
    async () => new Map(await Promise.all(partitionedIds.map(async (id) => [id, await partitionedDeliveries(db, runId, id)] as const))),
    [db, runId, groupKey],
    interval * 3,
    { keepPrevious: true },
  );

  // Only the nodes whose badges changed and the edges that lit up or went dark re-render.
  useEffect(() => {
    const badges = new Map<string, RunBadge[]>();
    const overrides = new Map<string, RunOverrides>();
    if (run) {
      for (const node of allNodes(run.flow)) {
        const delivered = node.kind === 'consumer' ? deliveries?.get(node.id) : undefined;
        const loads: ReadonlyMap<string, InstanceLoad> | undefined = delivered ? instanceLoads(run, node.id, delivered) : undefined;
        badges.set(node.id, [...nodeBadges(run.flow, run.stats, node.id, anomalies?.get(node.id) ?? 0), ...(node.kind === 'consumer' ? instanceBadges(run, node.id, loads) : [])]);
        const switched = runOverrides(run.flow, run.settings, node.id);
        if (switched) overrides.set(node.id, switched);
      }
    }
    const current = lastStep && lastStep.step === run?.step ? lastStep : undefined;
    const active = new Set(current?.edgeIds ?? []);
    overlay.show(badges, active, overrides, run ? runTransactionOf(run.flow, current) : null);
  }, [overlay, run, lastStep, anomalies, deliveries]);

  useEffect(() => () => overlay.show(new Map(), new Set()), [overlay]);
  return <TransactionBoundary />;
}
