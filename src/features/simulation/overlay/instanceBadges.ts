import type { RunRecord } from '../../../core';
import { consumerGroups } from '../scale/groups';
import type { NodeBadge } from './nodeBadges';

/**
 * Issue 13: a consumer group's card shows one badge per instance — its partitions and the delivery
 * it holds (`#2 P1,4 · #17 in flight`), or that it is down — so a kill and the rebalance after it
 * are visible on the canvas. Empty for consumers that run as one plain instance. Pure.
 */
export function instanceBadges(run: RunRecord, consumerId: string): NodeBadge[] {
  const group = consumerGroups(run).find((g) => g.consumerId === consumerId);
  if (!group) return [];
  return group.instances.map((instance) => {
    const label = `#${instance.number}`;
    if (instance.downUntil !== undefined) {
      return { label: `${label} down`, tone: 'bad', title: `${instance.name} is down (killed) until step ${instance.downUntil}; its partitions moved to the others` };
    }
    const owned = instance.partitions.flatMap((p) => p.partitions);
    const partitions = group.partitioned ? ` P${owned.length > 0 ? owned.join(',') : '–'}` : '';
    const holding = instance.holding ? ` · #${instance.holding.deliverySeq} in flight` : '';
    return {
      label: `${label}${partitions}${holding}`,
      tone: instance.holding ? 'wait' : 'neutral',
      title: `${instance.name}: ${group.partitioned ? `owns partition${owned.length === 1 ? '' : 's'} ${owned.join(', ') || 'none'}` : 'takes any message its ordering allows'}${instance.holding ? `; holds delivery #${instance.holding.deliverySeq} (${instance.holding.stage})` : '; idle'}`,
    } satisfies NodeBadge;
  });
}
