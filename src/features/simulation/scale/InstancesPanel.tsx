import { useMemo } from 'react';
import { countOf, recordFrom, type ConcurrencyControl, type FlowDocument, type Projection, type RunRecord } from '../../../core';
import { selectDoc } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { usePanelScope } from '../panels/PanelScope';
import { StatusPill } from '../table/VirtualTable';
import { useRunSession } from '../session/RunSessionContext';
import { partitionedDeliveries } from '../queries';
import { useThrottledLiveQuery } from '../live/useThrottledLiveQuery';
import { PROJECTION_CONCURRENCY, hintOf } from '../../inspector/scaleSettings';
import { consumerGroups, partitionRows, type GroupView, type InstanceView, type PartitionRow } from './groups';
import './scale.css';


function partitionsText(instance: InstanceView, several: boolean, partitioned: boolean): string {
  const owned = instance.partitions.filter((p) => p.partitions.length > 0);
  if (owned.length === 0) return partitioned ? 'none' : '—';
  return owned.map((p) => `${several ? `${p.eventTypeName} ` : ''}${p.partitions.join(', ')}`).join('; ');
}

/** The delivery it works on and the ones it prefetched: `delivery #12 (handling) + prefetched #13, #15`. */
export function inFlightText(instance: InstanceView): string {
  const working = instance.holding ? `delivery #${instance.holding.deliverySeq} (${instance.holding.stage})` : '';
  const ahead = instance.prefetched.length > 0 ? `prefetched ${instance.prefetched.map((seq) => `#${seq}`).join(', ')}` : '';
  return [working, ahead].filter(Boolean).join(' + ') || '—';
}

function stateOf(instance: InstanceView) {
  if (instance.downUntil !== undefined) return <StatusPill status={`down until step ${instance.downUntil}`} tone="bad" />;
  if (instance.slowFactor !== undefined) return <StatusPill status={`slow ×${instance.slowFactor}`} tone="warn" />;
  return <StatusPill status="live" tone="ok" />;
}

/** An instance's partitions with their lag ("0: 2 · 3: 0 · 6: 1") and the lag summed over them. */
function lagOf(instance: InstanceView, rows: readonly PartitionRow[] | undefined, several: boolean): { total: number; text: string } | undefined {
  if (!rows) return undefined;
  const mine = rows.filter((r) => r.owner === instance.name);
  const text = mine.map((r) => `${several ? `${r.eventTypeName} ` : ''}P${r.partition}: ${r.lag}`).join(' · ');
  return { total: mine.reduce((sum, r) => sum + r.lag, 0), text: text || '—' };
}

/** One consumer group: its instances, what each owns and holds, its lag per partition, and the controls (kill, add, remove). */
function GroupCard({ group, enabled, rows }: { group: GroupView; enabled: boolean; rows: readonly PartitionRow[] | undefined }) {
  const session = useRunSession();
  const several = new Set(group.instances.flatMap((i) => i.partitions.map((p) => p.eventTypeId))).size > 1;
  const live = group.instances.filter((i) => i.downUntil === undefined).length;
  const resize = (n: number) => void session.updateSettings({ instances: recordFrom([[group.consumerId, n]]) });
  return (
    <section className="scale-group" aria-label={`Instances of ${group.name}`} data-testid={`group.${group.consumerId}`}>
      <header className="scale-group__head">
        <strong>{group.name}</strong>
        <span>{live} of {group.instances.length} live{group.wanted !== group.instances.length ? ` (going to ${group.wanted})` : ''}</span>
        {group.kills > 0 && <StatusPill status={`${group.kills} killed`} tone="bad" />}
        {group.conflicts > 0 && <StatusPill status={`${group.conflicts} version conflicts`} tone="warn" />}
        {group.lockWaits > 0 && <StatusPill status={`${group.lockWaits} lock waits`} tone="wait" />}
        {group.fenced > 0 && <StatusPill status={`${group.fenced} fenced`} tone="warn" />}
        <span className="scale-group__actions">
          <button type="button" className="sim-btn" disabled={!enabled} onClick={() => resize(group.wanted + 1)}
            title="Adds an instance at the run's next steps; the group rebalances its partitions">+ Add instance</button>
          <button type="button" className="sim-btn" disabled={!enabled || group.wanted <= 1} onClick={() => resize(group.wanted - 1)}
            title="Removes the highest-numbered instance; what it held comes back after its ack deadline">− Remove instance</button>
        </span>
      </header>
      <table className="scale-table">
        <thead>
          <tr>
            <th>Instance</th><th>State</th><th>{group.partitioned ? 'Partitions owned' : 'Partitions'}</th>
            {group.partitioned && <><th title="Messages not yet acknowledged on its partitions">Lag</th><th title="Partition: messages not yet acknowledged on it">Lag per partition</th></>}
            <th>In flight</th><th />
          </tr>
        </thead>
        <tbody>
          {group.instances.map((instance) => {
            const lag = group.partitioned ? lagOf(instance, rows, several) : undefined;
            return (
            <tr key={instance.processId} className={instance.downUntil !== undefined ? 'is-down' : undefined} data-testid={`instance.${instance.name}`}>
              <td className="mono">{instance.name}</td>
              <td>{stateOf(instance)}</td>
              <td className="mono" data-testid={`partitions.${instance.name}`}>{partitionsText(instance, several, group.partitioned)}</td>
              {group.partitioned && <>
                <td className={lag && lag.total > 0 ? 'scale-lag' : undefined} data-testid={`lag.${instance.name}`}>{lag ? lag.total : '…'}</td>
                <td className="mono" data-testid={`partition-lag.${instance.name}`}>{lag ? lag.text : '…'}</td>
              </>}
              <td data-testid={`in-flight.${instance.name}`}>{inFlightText(instance)}</td>
              <td>
                <button type="button" className="sim-btn danger" disabled={!enabled || instance.downUntil !== undefined}
                  aria-label={`Kill ${instance.name}`}
                  title="Kills this instance as the run's next step: what it holds comes back after the ack deadline, its locks stay until their lease ends, its partitions move"
                  onClick={() => void session.write((engine, runId) => engine.killInstance(runId, instance.processId))}>
                  Kill
                </button>
              </td>
            </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** The projections the groups write (and every cached one), for the design switches and the cache counters. */
function writtenProjections(flow: FlowDocument, groups: GroupView[]): Projection[] {
  const ids = new Set<string>();
  const groupIds = new Set(groups.map((g) => g.consumerId));
  for (const c of flow.consumers) if (groupIds.has(c.id)) for (const h of c.handlers) for (const e of h.effects) ids.add(e.projectionId);
  return flow.projections.filter((p) => ids.has(p.id) || p.cache !== undefined);
}

/** The design's concurrency control and cache of a projection: an edit of the design (undoable); the run uses it after a reset. */
function ProjectionSwitches({ projection, run }: { projection: Projection; run: RunRecord }) {
  const doc = useAppStore(selectDoc);
  const current = doc?.projections.find((p) => p.id === projection.id);
  const ran = run.flow.projections.find((p) => p.id === projection.id);
  const update = (patch: Partial<Projection>) => {
    if (!current) return;
    const next: Projection = { ...current, ...patch };
    if (next.cache === undefined) delete next.cache;
    if (next.concurrency === undefined) delete next.concurrency;
    useAppStore.getState().updateNode(next);
  };
  const cacheValue = current?.cache === undefined ? 'off' : current.cache.leases ? 'leases' : 'on';
  const s = run.stats;
  const ranCache = ran?.cache === undefined ? 'off' : ran.cache.leases ? 'leases' : 'on';
  const changed = current !== undefined && (current.concurrency !== ran?.concurrency || cacheValue !== ranCache);
  return (
    <fieldset className="scale-projection" aria-label={`Patterns of ${projection.name}`}>
      <legend>{projection.name}</legend>
      <label>
        <span>Concurrency control</span>
        <select aria-label={`Concurrency control of ${projection.name}`} value={current?.concurrency ?? ''} disabled={!current}
          title={hintOf(PROJECTION_CONCURRENCY, current?.concurrency ?? '')}
          onChange={(e) => update({ concurrency: (e.target.value || undefined) as ConcurrencyControl | undefined })}>
          {PROJECTION_CONCURRENCY.map((c) => <option key={c.value} value={c.value}>{c.label}</option>)}
        </select>
      </label>
      <label>
        <span>Cache (cache-aside)</span>
        <select aria-label={`Cache of ${projection.name}`} value={cacheValue} disabled={!current}
          onChange={(e) => update({ cache: e.target.value === 'off' ? undefined : { leases: e.target.value === 'leases' } })}>
          <option value="off">no cache</option>
          <option value="on">cache (fill after a miss)</option>
          <option value="leases">cache with leases (no stale fill)</option>
        </select>
      </label>
      {ran?.cache !== undefined && (
        <p className="scale-cache" data-testid={`cache.${projection.id}`}>
          cache: {countOf(s.cacheHits ?? {}, projection.id)} hits · {countOf(s.cacheMisses ?? {}, projection.id)} misses ·{' '}
          {countOf(s.cacheInvalidations ?? {}, projection.id)} invalidations · {countOf(s.cacheFillsRefused ?? {}, projection.id)} fills refused
        </p>
      )}
      {changed && <p className="sim-hint">Changed in the design: reset the run with the design to use it.</p>}
    </fieldset>
  );
}

/** Run mode's Instances tab (issue 13): consumer groups with their instances, and the patterns that guard the rows they write. */
export function InstancesPanel({ enabled }: { enabled: boolean }) {
  const { run, flow, db, runId } = usePanelScope();
  const groups = useMemo(() => consumerGroups(run), [run]);
  const partitionedIds = useMemo(() => groups.filter((g) => g.partitioned).map((g) => g.consumerId), [groups]);
  const key = partitionedIds.join('\u0000');
  const deliveries = useThrottledLiveQuery(
    async () => new Map(await Promise.all(partitionedIds.map(async (id) => [id, await partitionedDeliveries(db, runId, id)] as const))),
    [db, runId, key], 300, { keepPrevious: true },
  );
  const rowsOf = (consumerId: string) => {
    const delivered = deliveries?.get(consumerId);
    return delivered ? partitionRows(run, consumerId, delivered) : undefined;
  };
  const projections = useMemo(() => writtenProjections(flow, groups), [flow, groups]);
  if (groups.length === 0 && projections.length === 0) {
    return <p className="sim-hint panel-toolbar">Every consumer of this design runs as one instance without a delivery mode. Give a consumer several instances (or open ☰ Designs → New from example → Order fulfilment at scale) to see consumer groups here.</p>;
  }
  return (
    <div className="scale-panel" aria-label="Consumer instances">
      <div className="scale-groups">
        {groups.map((g) => <GroupCard key={g.consumerId} group={g} enabled={enabled} rows={rowsOf(g.consumerId)} />)}
      </div>
      {projections.length > 0 && (
        <div className="scale-projections" aria-label="Concurrency controls">
          {projections.map((p) => <ProjectionSwitches key={p.id} projection={p} run={run} />)}
        </div>
      )}
    </div>
  );
}
