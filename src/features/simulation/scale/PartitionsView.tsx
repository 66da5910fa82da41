import { useMemo } from 'react';
import { partitionedDeliveries } from '../queries';
import { useThrottledLiveQuery } from '../live/useThrottledLiveQuery';
import { usePanelScope } from '../panels/PanelScope';
import { consumerGroups, partitionRows } from './groups';
import './scale.css';

/**
 * The Broker panel's Partitions view (issue 13): every partition of the partitioned subscriptions
 * (of the selected consumer, or all), with its owner, end offset, committed (acked) offset, lag
 * and the instance whose unacknowledged message blocks it.
 */
export function PartitionsView({ consumerId }: { consumerId?: string }) {
  const { db, runId, run } = usePanelScope();
  const ids = useMemo(() => consumerGroups(run).filter((g) => g.partitioned && (consumerId === undefined || g.consumerId === consumerId)).map((g) => g.consumerId), [run, consumerId]);
  const key = ids.join('\u0000');
  const deliveries = useThrottledLiveQuery(() => Promise.all(ids.map((id) => partitionedDeliveries(db, runId, id))), [db, runId, key], 300, { keepPrevious: true });
  const rows = useMemo(() => (deliveries ? ids.flatMap((id, i) => partitionRows(run, id, deliveries[i] ?? [])) : []), [deliveries, ids, run]);
  if (ids.length === 0) return <p className="sim-hint panel-toolbar">No partitioned subscription{consumerId ? ' for this consumer' : ''}: a consumer's subscription gets partitions with the partitioned delivery mode.</p>;
  return (
    <div className="scale-panel">
      <table className="scale-table" aria-label="Broker partitions">
        <thead>
          <tr><th>Subscriber</th><th>Event type</th><th>Partition</th><th>Owner</th><th title="Messages in the partition (its end offset)">End</th><th title="Acknowledged: the committed offset">Acked</th><th>In flight</th><th>Queued</th><th title="Messages not yet acknowledged (or dead-lettered)">Lag</th><th>Blocked by</th></tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.consumerId}\u0000${r.eventTypeId}\u0000${r.partition}`} className={r.owner === undefined ? 'is-holder-dead' : undefined} data-testid={`partition.${r.consumerId}.${r.partition}`}>
              <td>{r.consumerName}</td>
              <td>{r.eventTypeName}</td>
              <td className="mono">{r.partition}</td>
              <td className="mono">{r.owner ?? 'nobody'}</td>
              <td>{r.end}</td>
              <td>{r.acked}</td>
              <td>{r.inFlight}</td>
              <td>{r.queued}</td>
              <td className={r.lag > 0 ? 'scale-lag' : undefined}>{r.lag}</td>
              <td className="mono">{r.heldBy ? `${r.heldBy} (unacked)` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
