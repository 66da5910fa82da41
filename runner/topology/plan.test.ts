import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRunSettings, mergeSettings, type FlowDocument } from '../../src/core';
import { pipelineFlow } from '../../src/core/engine/testing/smallFlows';
import { DEFAULT_TOPOLOGY, channelRoot, maxDeliveries, messageSubject, partitionOf, planInfrastructure } from './plan';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
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
