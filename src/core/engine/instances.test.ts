import { describe, expect, it } from 'vitest';
import { indexFlow } from './flowIndex';
import { initialInstances, instanceName, orderingKeyOf, partitionOf, rebalance, stickyAssignment } from './instances';
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

  it('given an instance goes down, then only its partitions move, to the least loaded live ones (sticky), and the rebalance says which; when it is back, it takes partitions from the most loaded only until the loads are even', () => {
    const flow = tallyFlow({ instances: 3, mode: { kind: 'partitioned', partitions: 5 } });
    const index = indexFlow(flow);
    const run = { processes: initialInstances(flow.consumers[0]!) } as unknown as RunRecord;
    run.processes[1]!.downUntil = 99;
    expect(rebalance(run, index, 'tally')).toBe('rebalance of tally: partition 1 → tally#3, partition 4 → tally#1');
    expect(run.processes.map((p) => p.owns?.[0]?.partitions ?? [])).toEqual([[0, 3, 4], [], [1, 2]]);
    delete run.processes[1]!.downUntil;
    expect(rebalance(run, index, 'tally')).toBe('rebalance of tally: partition 4 → tally#2');
    expect(run.processes.map((p) => p.owns?.[0]?.partitions ?? [])).toEqual([[0, 3], [4], [1, 2]]);
    expect(rebalance(run, index, 'tally')).toBe('');
  });

  it('given three instances on 8 partitions, when one is killed, then exactly its 3 partitions move and the survivors keep theirs; a fourth instance added takes 2, one from each of the two most loaded', () => {
    const flow = tallyFlow({ instances: 3, mode: { kind: 'partitioned', partitions: 8 } });
    const index = indexFlow(flow);
    const run = { processes: initialInstances(flow.consumers[0]!) } as unknown as RunRecord;
    const owned = () => run.processes.map((p) => p.owns?.[0]?.partitions ?? []);
    expect(owned()).toEqual([[0, 3, 6], [1, 4, 7], [2, 5]]);
    run.processes[1]!.downUntil = 99;
    const text = rebalance(run, index, 'tally');
    expect(text.match(/partition \d+ →/g)).toHaveLength(3);
    expect(text).toBe('rebalance of tally: partition 1 → tally#3, partition 4 → tally#1, partition 7 → tally#3');
    expect(owned()).toEqual([[0, 3, 4, 6], [], [1, 2, 5, 7]]);
    delete run.processes[1]!.downUntil;
    run.processes.push({ id: 'consumer:tally#4', kind: 'consumer', nodeId: 'tally', incarnation: 1, instance: 4 });
    const back = rebalance(run, index, 'tally');
    expect(back.match(/partition \d+ →/g)).toHaveLength(4);
    expect(owned().map((p) => p.length)).toEqual([2, 2, 2, 2]);
    expect(owned().flat().sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('given any owners and live counts, then the sticky assignment keeps every live owner\'s partitions when the loads allow, gives each partition one live owner, and evens the loads to within one', () => {
    for (let live = 1; live <= 5; live++) {
      for (let seed = 0; seed < 40; seed++) {
        const owner = Array.from({ length: 1 + (seed % 11) }, (_, n) => ((n * 7 + seed) % (live + 2)) - 1);
        const next = stickyAssignment(owner, live);
        expect(next.every((o) => o >= 0 && o < live)).toBe(true);
        const load = Array.from({ length: live }, (_, i) => next.filter((o) => o === i).length);
        expect(Math.max(...load) - Math.min(...load)).toBeLessThanOrEqual(1);
        const kept = owner.filter((o, n) => o >= 0 && o < live && next[n] === o).length;
        const ideal = owner.length / live;
        const keepable = Array.from({ length: live }, (_, i) => Math.min(owner.filter((o) => o === i).length, Math.ceil(ideal))).reduce((a, b) => a + b, 0);
        expect(kept).toBeGreaterThanOrEqual(keepable - live);
      }
    }
    expect(stickyAssignment([0, 1, 2], 0)).toEqual([-1, -1, -1]);
  });
});
