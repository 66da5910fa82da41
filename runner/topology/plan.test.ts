import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRunSettings, mergeSettings, type FlowDocument } from '../../src/core';
import { pipelineFlow } from '../../src/core/engine/testing/smallFlows';
import { partitionOf as corePartitionOf } from '../../src/core/engine/instances';
import { orderingKeyOf } from '../../src/core/engine/instances';
import { DEFAULT_TOPOLOGY, channelRoot, maxDeliveries, messageOrderingKey, messageSubject, partitionOf, planInfrastructure } from './plan';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
const orders = JSON.parse(readFileSync('public/examples/order-fulfilment.json', 'utf8')) as FlowDocument;

/** A copy of the content platform example whose status board has instances 3 and partitioned:8 in the document. */
function scaledExample(key?: string): FlowDocument {
  const flow = structuredClone(example);
  const board = flow.consumers.find((c) => c.id === 'status-board')!;
  board.instances = 3;
  board.handlers = board.handlers.map((h) => ({ ...h, delivery: { kind: 'partitioned' as const, partitions: 8, ...(key === undefined ? {} : { key }) } }));
  return flow;
}
const settings = defaultRunSettings(1);

describe('the infrastructure plan of a design', () => {
  it('puts one aggregate’s events in one channel stream, so their order survives', () => {
    expect(channelRoot(example, 'video-input-event')).toBe('video-event');
    expect(channelRoot(example, 'video-status-change-event')).toBe('video-event');
    expect(channelRoot(example, 'author-video-added-event')).toBe('author-video-added-event');
    const plan = planInfrastructure(example, { ...DEFAULT_TOPOLOGY, settings });
    expect(plan.channels.map((c) => c.stream).sort()).toEqual(['EFD_AuthorVideoAddedEvent', 'EFD_VideoEvent']);
  });

  it('gives each consumer a durable per channel, filtered to the types it handles', () => {
    const plan = planInfrastructure(example, { ...DEFAULT_TOPOLOGY, settings });
    const author = plan.consumers.find((c) => c.id === 'author-service');
    const board = plan.consumers.find((c) => c.id === 'status-board');
    expect(author?.durables.map((d) => d.filterSubject)).toEqual(['efd.evt.VideoEvent.p0.VideoInputEvent']);
    expect(board?.durables.map((d) => d.filterSubject)).toEqual(['efd.evt.VideoEvent.p0.>']);
    expect(board?.durables[0]?.maxAckPending).toBe(1);
    expect(author?.maxDeliver).toBe(4);
  });

  it('reads the retry limit as retries after the first delivery (0 = no retry)', () => {
    expect(maxDeliveries(0)).toBe(1);
    expect(maxDeliveries(3)).toBe(4);
    expect(maxDeliveries(-2)).toBe(1);
  });

  it('partitions by ordering key and deals partitions to instances; competing shares one durable', () => {
    const plan = planInfrastructure(example, {
      ...DEFAULT_TOPOLOGY, settings,
      instances: new Map([['status-board', 3], ['follow-center', 2]]),
      modes: new Map([['status-board', { kind: 'partitioned' as const, partitions: 8 }], ['follow-center', { kind: 'competing' as const }]]),
    });
    const board = plan.consumers.find((c) => c.id === 'status-board');
    expect(board?.durables).toHaveLength(8);
    expect(board?.durables.map((d) => d.instance)).toEqual([0, 1, 2, 0, 1, 2, 0, 1]);
    const video = plan.channels.find((c) => c.id === 'video-event');
    expect(video?.partitions).toBe(8);
    const subject = messageSubject(video!, 'video-input-event', 'video/abc');
    expect(subject).toBe(`efd.evt.VideoEvent.p${partitionOf('video/abc', 8)}.VideoInputEvent`);
    const follow = plan.consumers.find((c) => c.id === 'follow-center');
    expect(follow?.durables).toEqual([expect.objectContaining({ filterSubject: 'efd.evt.AuthorVideoAddedEvent.*.>', maxAckPending: 8 })]);
    expect(follow?.durables[0]?.instance).toBeUndefined();
  });

  it('reads instances and partitioned delivery from the document: instances 3 and partitioned:8 plan 8 durables over 3 instances without flags', () => {
    const plan = planInfrastructure(scaledExample(), { ...DEFAULT_TOPOLOGY, settings });
    const board = plan.consumers.find((c) => c.id === 'status-board');
    expect(board?.instances).toBe(3);
    expect(board?.mode).toEqual({ kind: 'partitioned', partitions: 8 });
    expect(board?.durables).toHaveLength(8);
    expect(board?.durables.map((d) => d.instance)).toEqual([0, 1, 2, 0, 1, 2, 0, 1]);
    expect(board?.durables.every((d) => d.maxAckPending === 1)).toBe(true);
    expect(plan.channels.find((c) => c.id === 'video-event')?.partitions).toBe(8);
    // The built-in scale example: order-tracker runs 3 instances on 8 partitions as designed.
    const tracker = planInfrastructure(orders, { ...DEFAULT_TOPOLOGY, settings }).consumers.find((c) => c.id === 'order-tracker');
    expect([tracker?.instances, tracker?.durables.length, new Set(tracker?.durables.map((d) => d.instance)).size]).toEqual([3, 8, 3]);
  });

  it('lets --instances and --mode override the document per consumer', () => {
    const plan = planInfrastructure(scaledExample(), {
      ...DEFAULT_TOPOLOGY, settings, instances: new Map([['status-board', 2]]), modes: new Map([['status-board', { kind: 'competing' as const }]]),
    });
    const board = plan.consumers.find((c) => c.id === 'status-board');
    expect([board?.instances, board?.mode.kind, board?.durables.length]).toEqual([2, 'competing', 1]);
    expect(board?.durables[0]?.maxAckPending).toBe(2 * DEFAULT_TOPOLOGY.prefetch);
    expect(plan.channels.find((c) => c.id === 'video-event')?.partitions).toBe(1);
    const partitions = planInfrastructure(scaledExample(), { ...DEFAULT_TOPOLOGY, settings, modes: new Map([['status-board', { kind: 'partitioned' as const, partitions: 4 }]]) });
    expect(partitions.consumers.find((c) => c.id === 'status-board')?.durables).toHaveLength(4);
  });

  it('reads competing delivery and the prefetch from the document', () => {
    const flow = scaledExample();
    const board = flow.consumers.find((c) => c.id === 'status-board')!;
    board.prefetch = 5;
    board.handlers = board.handlers.map((h) => ({ ...h, delivery: { kind: 'competing' as const } }));
    const planned = planInfrastructure(flow, { ...DEFAULT_TOPOLOGY, settings }).consumers.find((c) => c.id === 'status-board');
    expect(planned?.mode).toEqual({ kind: 'competing' });
    expect(planned?.durables).toEqual([expect.objectContaining({ maxAckPending: 3 * 5 })]);
    expect(planned?.durables[0]?.instance).toBeUndefined();
  });

  it('publishes on the partition of the design’s ordering key (the payload field), as the simulator computes it', () => {
    const keyed = planInfrastructure(scaledExample('/videoId'), { ...DEFAULT_TOPOLOGY, settings }).channels.find((c) => c.id === 'video-event')!;
    expect(keyed.orderingKey).toBe('/videoId');
    const event = { streamId: 'video/abc', aggregateId: 'abc', payload: { videoId: 'v-42' } };
    expect(messageOrderingKey(keyed, event)).toBe('v-42');
    const plain = planInfrastructure(scaledExample(), { ...DEFAULT_TOPOLOGY, settings }).channels.find((c) => c.id === 'video-event')!;
    expect(plain.orderingKey).toBeUndefined();
    expect(messageOrderingKey(plain, event)).toBe('abc');
  });

  it('without a payload key, a message lands on the partition the simulator gives its aggregate (same number on both sides)', () => {
    const plain = planInfrastructure(scaledExample(), { ...DEFAULT_TOPOLOGY, settings }).channels.find((c) => c.id === 'video-event')!;
    for (const aggregateId of ['abc', 'v-1', 'v-2', 'v-3', 'ü-9', '__proto__']) {
      const event = { streamId: `video/${aggregateId}`, aggregateId, payload: {} };
      const simulated = partitionOf(orderingKeyOf({ kind: 'partitioned', partitions: plain.partitions }, event), plain.partitions);
      expect(messageSubject(plain, 'video-input-event', messageOrderingKey(plain, event))).toContain(`.p${simulated}.`);
    }
  });

  it('refuses two subscribers of one channel that order by different keys, naming both', () => {
    const flow = scaledExample('/videoId');
    const other = flow.consumers.find((c) => c.id !== 'status-board' && c.handlers.some((h) => channelRoot(flow, h.eventTypeId) === 'video-event'))!;
    other.handlers = other.handlers.map((h) => ({ ...h, delivery: { kind: 'partitioned' as const, partitions: 2 } }));
    expect(() => planInfrastructure(flow, { ...DEFAULT_TOPOLOGY, settings })).toThrow(/order by different keys .*aggregate id/);
  });

  it('partitions with the core’s formula: the runner and the simulator put a key on the same partition', () => {
    expect(partitionOf).toBe(corePartitionOf);
    for (const key of ['video/abc', 'order-17', '', '__proto__', 'ä→∞']) {
      for (const n of [1, 2, 8, 1024]) expect(partitionOf(key, n)).toBe(corePartitionOf(key, n));
    }
    // A fixed value guards the formula itself (FNV-1a): a change would move every stored key.
    expect(partitionOf('video/abc', 8)).toBe(Number(BigInt(fnv1a('video/abc')) % 8n));
  });

  it('applies the run’s pattern overrides like the simulator', () => {
    const patched = mergeSettings(settings, { patterns: { inbox: { 'follow-center': false }, outbox: { 'content-ingest': false } } });
    const plan = planInfrastructure(example, { ...DEFAULT_TOPOLOGY, settings: patched });
    expect(plan.consumers.find((c) => c.id === 'follow-center')?.inbox).toBe(false);
    expect(plan.producers.find((p) => p.id === 'content-ingest')?.outbox).toBe(false);
  });

  it('refuses impossible instance counts with the node named', () => {
    expect(() => planInfrastructure(example, { ...DEFAULT_TOPOLOGY, settings, instances: new Map([['status-board', 0]]) })).toThrow(/status-board: instances/);
  });

  it('plans designs whose ids are __proto__ and constructor', () => {
    const flow = pipelineFlow();
    const renamed = JSON.parse(JSON.stringify(flow).replaceAll('"catalog"', '"__proto__"').replaceAll('"counter"', '"constructor"')) as FlowDocument;
    const plan = planInfrastructure(renamed, { ...DEFAULT_TOPOLOGY, settings });
    expect(plan.consumers.map((c) => c.schema).sort()).toEqual(['efd___proto__', 'efd_constructor']);
    expect(plan.consumers.map((c) => [c.inbox, c.outbox])).toEqual([[true, true], [true, true]]);
    expect(plan.consumers.flatMap((c) => c.durables.map((d) => d.durable))).toContain('__proto____ItemEvent__p0');
  });
});

/** FNV-1a 32-bit, written apart from the core's. */
function fnv1a(text: string): number {
  let h = 2166136261;
  for (const ch of text) {
    for (let i = 0; i < ch.length; i++) {
      h = Number((BigInt((h ^ ch.charCodeAt(i)) >>> 0) * 16777619n) % 4294967296n);
    }
  }
  return h;
}
