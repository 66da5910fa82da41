import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultRunSettings, mergeSettings, type FlowDocument } from '../../src/core';
import { jetStreamConfig } from './jetstreamConfig';
import { DEFAULT_TOPOLOGY, planInfrastructure } from './plan';
import { dropDdl, schemaDdl } from './sqlSchema';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
const plan = planInfrastructure(example, { ...DEFAULT_TOPOLOGY, settings: defaultRunSettings(1) });

describe('the runner exported as code', () => {
  it('has the constraints the patterns rest on', () => {
    const sql = schemaDdl(plan);
    expect(sql).toContain('CONSTRAINT events_stream_version UNIQUE (stream_id, version)');
    expect(sql).toMatch(/CREATE TABLE efd_author_service\.inbox \(\n {2}event_id text PRIMARY KEY/);
    expect(sql).toContain("CREATE INDEX outbox_pending ON efd_content_ingest.outbox (seq) WHERE status = 'pending';");
    expect(sql).toContain('CREATE TABLE efd_content_ingest.command_log (');
  });

  it('gives every projection a table with readable columns generated from its row', () => {
    const sql = schemaDdl(plan);
    for (const projection of example.projections) expect(sql).toContain(`CREATE TABLE efd_read_model.${projection.id.replace(/-/g, '_')} (`);
    expect(sql).toContain(`"notificationsSent" double precision GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(_row->'notificationsSent') = 'number' THEN (_row->>'notificationsSent')::double precision END) STORED`);
  });

  it('says in the DDL which patterns this run switched off', () => {
    const settings = mergeSettings(defaultRunSettings(1), { patterns: { inbox: { 'follow-center': false }, outbox: { 'content-ingest': false } } });
    const sql = schemaDdl(planInfrastructure(example, { ...DEFAULT_TOPOLOGY, settings }));
    expect(sql).toContain('-- producer content-ingest: dual write: business row + event, then a direct publish');
    expect(sql).toContain('-- consumer follow-center: inbox row + projection effects + own outbox rows in one transaction (inbox off in this run)');
  });

  it('drops exactly the schemas it creates', () => {
    const created = [...schemaDdl(plan).matchAll(/CREATE SCHEMA (\S+);/g)].map((m) => m[1]).sort();
    const dropped = [...dropDdl(plan).matchAll(/DROP SCHEMA IF EXISTS (\S+) CASCADE;/g)].map((m) => m[1]).sort();
    expect(dropped).toEqual(created);
  });

  it('configures JetStream with explicit acks, the ack wait, max_deliver and the dead-letter path', () => {
    const config = jetStreamConfig(plan);
    expect(config.streams.map((s) => s.name)).toEqual(['EFD_VideoEvent', 'EFD_AuthorVideoAddedEvent', 'EFD_MAX_DELIVERIES', 'EFD_DEAD_LETTERS', 'EFD_EXTERNAL_EFFECTS']);
    expect(config.streams[2]?.subjects).toEqual(['$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.EFD_VideoEvent.*', '$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.EFD_AuthorVideoAddedEvent.*']);
    const follow = config.consumers.find((c) => c.config.durable_name.startsWith('follow-center'));
    expect(follow?.config).toEqual(expect.objectContaining({ ack_policy: 'explicit', ack_wait: 2_000_000_000, max_deliver: 4, max_ack_pending: 1 }));
  });
});
