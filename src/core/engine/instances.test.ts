import { describe, expect, it } from 'vitest';
import { indexFlow } from './flowIndex';
import { initialInstances, instanceName, orderingKeyOf, partitionOf, rebalance } from './instances';
import type { RunRecord } from './records';
import { tallyFlow } from './testing/scaleFlows';

describe('consumer groups (issue 13)', () => {
  it('given an ordering key, then its partition is stable, within range, and spreads keys over the partitions', () => {
    expect(partitionOf('order-17', 8)).toBe(partitionOf('order-17', 8));
    expect(partitionOf('anything', 1)).toBe(0);
    const used = new Set(Array.from({ length: 200 }, (_, i) => partitionOf(`o-${i}`, 8)));
    expect([...used].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('given a partitioned mode, then the ordering key is the aggregate id, or the payload value at its key (JSON Pointer; non-text values as JSON)', () => {
    const message = { aggregateId: 'o-1', payload: { customer: 'c-9', 'a/b': { n: 1 }, __proto__: 'x' } };
    expect(orderingKeyOf({ kind: 'partitioned', partitions: 4 }, message)).toBe('o-1');
    expect(orderingKeyOf({ kind: 'partitioned', partitions: 4, key: '/customer' }, message)).toBe('c-9');
    expect(orderingKeyOf({ kind: 'partitioned', partitions: 4, key: '/a~1b' }, message)).toBe('{"n":1}');
    expect(orderingKeyOf({ kind: 'partitioned', partitions: 4, key: '/missing' }, message)).toBe('');
  });

  it('given three instances and five partitions, then the first instance keeps its old process id and the partitions go round robin; one instance alone keeps its plain name', () => {
    const flow = tallyFlow({ instances: 3, mode: { kind: 'partitioned', partitions: 5 } });
    const processes = initialInstances(flow.consumers[0]!);
    expect(processes.map((p) => [p.id, p.owns?.[0]?.partitions])).toEqual([
      ['consumer:tally', [0, 3]], ['consumer:tally#2', [1, 4]], ['consumer:tally#3', [2]],
    ]);
    const index = indexFlow(flow);
    expect(processes.map((p) => instanceName(index, p))).toEqual(['tally#1', 'tally#2', 'tally#3']);
    const single = initialInstances(tallyFlow({ instances: 1 }).consumers[0]!);
    expect(single).toEqual([{ id: 'consumer:tally', kind: 'consumer', nodeId: 'tally', incarnation: 1 }]);
    expect(instanceName(index, single[0]!)).toBe('tally');
  });

  it('given an instance goes down, then its partitions move to the live ones (round robin over the live instances, not sticky) and the rebalance says which; when it is back, they move again', () => {
    const flow = tallyFlow({ instances: 3, mode: { kind: 'partitioned', partitions: 5 } });
    const index = indexFlow(flow);
    const run = { processes: initialInstances(flow.consumers[0]!) } as unknown as RunRecord;
    run.processes[1]!.downUntil = 99;
    expect(rebalance(run, index, 'tally')).toBe('rebalance of tally: partition 1 → tally#3, partition 2 → tally#1, partition 3 → tally#3, partition 4 → tally#1');
    expect(run.processes.map((p) => p.owns?.[0]?.partitions ?? [])).toEqual([[0, 2, 4], [], [1, 3]]);
    delete run.processes[1]!.downUntil;
    expect(rebalance(run, index, 'tally')).toBe('rebalance of tally: partition 1 → tally#2, partition 2 → tally#3, partition 3 → tally#1, partition 4 → tally#2');
    expect(rebalance(run, index, 'tally')).toBe('');
  });
});
