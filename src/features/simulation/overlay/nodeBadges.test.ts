import { describe, expect, it } from 'vitest';
import { defaultRunSettings, emptyStats, mergeSettings, type PatternOverrides } from '../../../core';
import { makeConsumer, makeEventType, makeFlow, makeProducer, makeProjection } from '../../../core/testing';
import { anomaliesByNode, nodeBadges, runOverrides } from './nodeBadges';

const flow = makeFlow({
  eventTypes: [makeEventType({ name: 'VideoInputEvent' })],
  producers: [makeProducer({ name: 'content-ingest', emits: ['video-input-event'] })],
  consumers: [makeConsumer({ name: 'author-service', handles: ['video-input-event'] })],
  projections: [makeProjection({ name: 'author-videos' })],
});

describe('nodeBadges', () => {
  it('given a producer with one pending outbox row, when badged, then it shows pending and sent', () => {
    const stats = emptyStats();
    stats.outboxPending['content-ingest'] = 1;
    const labels = nodeBadges(flow, stats, 'content-ingest', 0).map((b) => b.label);
    expect(labels).toEqual(['outbox 1 pending', '0 sent']);
  });

  it('given a consumer that skipped duplicates and dead-lettered one, when badged, then both show with their tone', () => {
    const stats = emptyStats();
    stats.acked['author-service'] = 3;
    stats.duplicatesSkipped['author-service'] = 2;
    stats.dead['author-service'] = 1;
    const badges = nodeBadges(flow, stats, 'author-service', 0);
    expect(badges.find((b) => b.label === '2 dup skipped')?.tone).toBe('warn');
    expect(badges.find((b) => b.label === '1 dead')?.tone).toBe('bad');
    expect(badges.map((b) => b.label)).toContain('3 acked');
  });

  it('given a projection with rows and an anomaly, when badged, then the row count and the anomaly show', () => {
    const stats = emptyStats();
    stats.projectionRows['author-videos'] = 4;
    expect(nodeBadges(flow, stats, 'author-videos', 1).map((b) => b.label)).toEqual(['4 rows', '⚠ 1 anomaly']);
    stats.projectionRows['author-videos'] = 1;
    expect(nodeBadges(flow, stats, 'author-videos', 0).map((b) => b.label)).toEqual(['1 row']);
  });
});

describe('anomaliesByNode', () => {
  it('given anomalies naming a node twice, when counted, then each anomaly counts once per node', () => {
    const counts = anomaliesByNode([{ nodeIds: ['a', 'b', 'a'] }, { nodeIds: ['a'] }]);
    expect(counts.get('a')).toBe(2);
    expect(counts.get('b')).toBe(1);
  });
});

describe('runOverrides: what a card shows when the run switched a pattern', () => {
  const settings = (patterns: Partial<PatternOverrides>) => mergeSettings(defaultRunSettings(), { patterns });

  it('given the inbox switched off for a consumer whose design has it on, then the card is told inbox off', () => {
    expect(runOverrides(flow, settings({ inbox: { 'author-service': false } }), 'author-service')).toEqual({ inbox: false });
  });

  it('given the outbox off and publish-first on, then the producer card is told publish-first', () => {
    expect(runOverrides(flow, settings({ outbox: { 'content-ingest': false }, publishFirst: { 'content-ingest': true } }), 'content-ingest')).toEqual({ publish: 'publish-first' });
  });

  it('given a switch set to what the design says, then nothing is overridden', () => {
    expect(runOverrides(flow, settings({ outbox: { 'content-ingest': true }, inbox: { 'author-service': true } }), 'content-ingest')).toBeUndefined();
    expect(runOverrides(flow, settings({ inbox: { 'author-service': true } }), 'author-service')).toBeUndefined();
  });

  it('given a node id named like an Object.prototype member, then only its own switch counts', () => {
    expect(runOverrides(flow, settings({}), 'constructor')).toBeUndefined();
    const hostile = makeFlow({ consumers: [makeConsumer({ name: 'toString', handles: [] })] });
    const id = hostile.consumers[0]?.id ?? '';
    expect(runOverrides(hostile, settings({}), id)).toBeUndefined();
  });
});
