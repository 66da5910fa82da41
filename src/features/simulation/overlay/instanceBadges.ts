import type { RunRecord } from '../../../core';
import { consumerGroups, type InstanceLoad, type InstanceView } from '../scale/groups';
import type { NodeBadge } from './nodeBadges';

const heldCount = (instance: InstanceView) => (instance.holding ? 1 : 0) + instance.prefetched.length;

/**
 * Issue 13: a consumer group's card shows one line per instance — the partitions it owns, the lag
 * summed over them and the messages in flight to it (`#2 P1,4 · lag 3 · 1 in flight`), or that it
 * is down — so a kill and the rebalance after it are visible on the canvas. `loads` (per process
 * id, from the consumer's deliveries) adds lag and in-flight counts; without it the line shows the
 * delivery the instance holds. Empty for consumers that run as one plain instance. Pure.
 */
export function instanceBadges(run: RunRecord, consumerId: string, loads?: ReadonlyMap<string, InstanceLoad>): NodeBadge[] {
  const group = consumerGroups(run).find((g) => g.consumerId === consumerId);
  if (!group) return [];
  return group.instances.map((instance) => {
    const label = `#${instance.number}`;
    if (instance.downUntil !== undefined) {
      return { label: `${label} down`, tone: 'bad', line: true, title: `${instance.name} is down (killed) until step ${instance.downUntil}; its partitions moved to the others` };
    }
    const owned = instance.partitions.flatMap((p) => p.partitions);
    const partitions = group.partitioned ? ` P${owned.length > 0 ? owned.join(',') : '–'}` : '';
    const load = loads?.get(instance.processId);
    const lag = load && group.partitioned ? ` · lag ${load.lag.toLocaleString('en')}` : '';
    const inFlight = load ? (load.inFlight > 0 ? ` · ${load.inFlight} in flight` : '')
      : instance.holding ? ` · ${heldCount(instance)} in flight` : '';
    const busy = load ? load.inFlight > 0 : instance.holding !== undefined || instance.prefetched.length > 0;
    return {
      label: `${label}${partitions}${lag}${inFlight}`,
      tone: busy ? 'wait' : 'neutral',
      line: true,
      title: `${instance.name}: ${group.partitioned ? `owns partition${owned.length === 1 ? '' : 's'} ${owned.join(', ') || 'none'}` : 'takes any message its ordering allows'}`
        + `${load && group.partitioned ? `; ${load.lag.toLocaleString('en')} message${load.lag === 1 ? '' : 's'} not yet acknowledged on them` : ''}`
        + `${instance.holding ? `; holds delivery #${instance.holding.deliverySeq} (${instance.holding.stage})` : instance.prefetched.length > 0 ? '' : '; idle'}`
        + `${instance.prefetched.length > 0 ? `; prefetched ${instance.prefetched.map((seq) => `#${seq}`).join(', ')}` : ''}`,
    } satisfies NodeBadge;
  });
}
