import { describe, expect, it } from 'vitest';
import { emptyStats } from '../../../core';
import { makeConsumer, makeEventType, makeFlow, makeProducer, makeProjection } from '../../../core/testing';
import { anomaliesByNode, nodeBadges } from './nodeBadges';

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

describe('nodeBadges with switches flipped for the run', () => {
  it('given the inbox switched off for a consumer whose design has it on, when badged, then the node says so first', () => {
    const badges = nodeBadges(flow, emptyStats(), 'author-service', 0, { outbox: {}, inbox: { 'author-service': false } });
    expect(badges[0]).toMatchObject({ label: 'inbox OFF in this run', tone: 'warn' });
  });

  it('given a switch set to what the design says, when badged, then nothing extra shows', () => {
    const badges = nodeBadges(flow, emptyStats(), 'content-ingest', 0, { outbox: { 'content-ingest': true }, inbox: {} });
    expect(badges.map((b) => b.label)).toEqual(['outbox 0 pending', '0 sent']);
  });
});
