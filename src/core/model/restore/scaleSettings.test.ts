/* eslint-disable @typescript-eslint/no-explicit-any -- the cases poke at untyped JSON on purpose */
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020';
import { describe, expect, it } from 'vitest';
import { restoreFlowDocument } from './restoreFlowDocument';

const example = () => JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as Record<string, any>;
const schema = JSON.parse(readFileSync('docs/flow-document.schema.json', 'utf8')) as Record<string, unknown>;
const validate = new Ajv2020({ allErrors: true, allowUnionTypes: true }).compile(schema);

/** The example with every issue-13 setting of its first consumer and projection set. */
function scaled(): Record<string, any> {
  const doc = example();
  Object.assign(doc.consumers[0], { instances: 3, prefetch: 4, concurrency: 'lock', lockLeaseSteps: 30 });
  doc.consumers[0].handlers[0].delivery = { kind: 'partitioned', partitions: 8, key: '/videoId' };
  doc.consumers[1].handlers[0].delivery = { kind: 'competing' };
  doc.projections[0].concurrency = 'optimistic';
  doc.projections[1].cache = { leases: true };
  return doc;
}

describe('consistency-at-scale settings in the flow document (issue 13)', () => {
  it('given a document without them (every older design), then it restores unchanged: absent means one instance, no mode', () => {
    const doc = example();
    const result = restoreFlowDocument(doc);
    expect(result).toEqual({ ok: true, doc });
    if (result.ok) expect(result.doc.consumers.every((c) => c.instances === undefined && c.handlers.every((h) => h.delivery === undefined))).toBe(true);
  });

  it('given instances, prefetch, a lock lease, delivery modes and concurrency controls, then the app and the JSON Schema both accept them and keep them', () => {
    const doc = scaled();
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    expect(restoreFlowDocument(doc)).toEqual({ ok: true, doc });
  });

  it.each([
    ['0 instances', (d: any) => { d.consumers[0].instances = 0; }, '/consumers/0/instances', 'instances: expected a number of instances from 1 to 64, found the number 0'],
    ['65 instances', (d: any) => { d.consumers[0].instances = 65; }, '/consumers/0/instances', 'found the number 65'],
    ['a fractional prefetch', (d: any) => { d.consumers[0].prefetch = 1.5; }, '/consumers/0/prefetch', 'prefetch: expected a whole number'],
    ['a lease of 0 steps', (d: any) => { d.consumers[0].lockLeaseSteps = 0; }, '/consumers/0/lockLeaseSteps', 'lockLeaseSteps: expected a lease in steps from 1'],
    ['an unknown concurrency control', (d: any) => { d.consumers[0].concurrency = 'mutex'; }, '/consumers/0/concurrency', 'concurrency'],
    ['an unknown delivery mode', (d: any) => { d.consumers[0].handlers[0].delivery = { kind: 'broadcast' }; }, '/consumers/0/handlers/0/delivery/kind', "unknown delivery mode"],
    ['0 partitions', (d: any) => { d.consumers[0].handlers[0].delivery.partitions = 0; }, '/consumers/0/handlers/0/delivery/partitions', 'partitions: expected a number of partitions from 1 to 1,024, found the number 0'],
    ['an ordering key that is no JSON pointer', (d: any) => { d.consumers[0].handlers[0].delivery.key = 'videoId'; }, '/consumers/0/handlers/0/delivery/key', 'JSON pointer'],
    ['a cache whose leases are no boolean', (d: any) => { d.projections[1].cache.leases = 'yes'; }, '/projections/1/cache/leases', 'leases'],
    ['a projection concurrency control that is unknown', (d: any) => { d.projections[0].concurrency = 'latch'; }, '/projections/0/concurrency', 'concurrency'],
  ])('given %s, then both refuse it and the app says what and where', (_what, change, path, message) => {
    const doc = scaled();
    change(doc);
    expect(validate(doc)).toBe(false);
    const result = restoreFlowDocument(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toContainEqual({ path, message: expect.stringContaining(message) });
  });
});
