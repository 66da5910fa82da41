/* eslint-disable @typescript-eslint/no-explicit-any -- the cases poke at untyped JSON on purpose */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeConsumer, makeEventType, makeFlow, makeHandler } from '../../testing';
import { restoreFlowDocument } from './restoreFlowDocument';

const example = () => JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as Record<string, unknown>;

/** Restores the example after a change, returning the errors (none when it restored). */
function errorsAfter(change: (doc: any) => void) {
  const doc = example();
  change(doc);
  const result = restoreFlowDocument(doc);
  return result.ok ? [] : result.errors;
}

describe('restoreFlowDocument', () => {
  it('given the example, then it restores unchanged and unshared', () => {
    const input = example();
    const result = restoreFlowDocument(input);
    expect(result).toEqual({ ok: true, doc: input });
    if (result.ok) expect(result.doc).not.toBe(input);
  });

  it.each([
    ['a missing field', (d: any) => { delete d.consumers[1].retryLimit; }, '/consumers/1/retryLimit', 'retryLimit: missing'],
    ['a mistyped field', (d: any) => { d.consumers[0].retryLimit = '3'; }, '/consumers/0/retryLimit', 'retryLimit: expected a whole number, found the text "3"'],
    ['an unknown node kind', (d: any) => { d.eventTypes[2].kind = 'evnt'; }, '/eventTypes/2/kind', "kind: expected 'event', found the text \"evnt\""],
    ['an unknown effect kind', (d: any) => { d.consumers[1].handlers[0].effects[0].kind = 'bump'; }, '/consumers/1/handlers/0/effects/0/kind', /unknown effect kind the text "bump" \(known: 'upsert'/],
    ['an unknown value source', (d: any) => { d.producers[0].commands[0].aggregateId = { from: 'header', field: 'x' }; }, '/producers/0/commands/0/aggregateId/from', /unknown value source/],
    ['an unknown payload type', (d: any) => { d.eventTypes[0].payload.properties.source.type = 'text'; }, '/eventTypes/0/payload/properties/source/type', /type: expected one of 'string'/],
    ['a malformed nested schema', (d: any) => { d.eventTypes[2].payload.properties.title = { type: 'object', properties: { 'a/b': { minimum: '0' } } }; }, '/eventTypes/2/payload/properties/title/properties/a~1b/minimum', 'minimum: expected a number, found the text "0"'],
    ['an inheritance cycle', (d: any) => { d.eventTypes[0].extends = 'video-input-event'; }, '/eventTypes/0/extends', /AbstractContentEvent inherits from itself \(AbstractContentEvent → VideoInputEvent → VideoEvent → AbstractContentEvent\)/],
    ['a path that is no pointer', (d: any) => { d.producers[0].commands[0].aggregateId = { from: 'input', path: 'videoId' }; }, '/producers/0/commands/0/aggregateId/path', /expected a JSON pointer/],
    ['a list that is not a list', (d: any) => { d.projections = {}; }, '/projections', 'projections: expected a list, found an object'],
    ['a bad position', (d: any) => { d.layout.positions['follow-center'] = { x: 'left', y: 0 }; }, '/layout/positions/follow-center/x', /expected a number/],
    ['a future version', (d: any) => { d.schemaVersion = 3; }, '/schemaVersion', /newer version of the app/],
    ['a dangling event reference', (d: any) => { d.consumers[1].handlers[0].eventTypeId = 'gone'; }, '/consumers/1/handlers/0/eventTypeId', "eventTypeId: no event type has the id 'gone'"],
    ['a dangling projection reference', (d: any) => { d.consumers[0].handlers[0].effects[0].projectionId = 'gone'; }, '/consumers/0/handlers/0/effects/0/projectionId', /no projection has the id 'gone'/],
    ['a dangling base type', (d: any) => { d.eventTypes[1].extends = 'gone'; }, '/eventTypes/1/extends', /no event type has the id 'gone'/],
    ['a duplicate node id', (d: any) => { d.projections[0].id = 'notifications'; }, '/projections/1/id', /used by another node/],
  ])('reports %s with its path', (_what, change, path, message) => {
    const errors = errorsAfter(change);
    expect(errors.map((e) => e.path)).toContain(path);
    expect(errors.find((e) => e.path === path)?.message).toMatch(message);
  });

  it('reports every structural error, not just the first', () => {
    const errors = errorsAfter((d) => { d.name = 5; delete d.eventTypes[0].payload; d.consumers[2].useInbox = 'yes'; });
    expect(errors.map((e) => e.path)).toEqual(['/name', '/eventTypes/0/payload', '/consumers/2/useInbox']);
  });

  it.each([
    [null, 'A flow document must be a JSON object, found null'],
    [[1, 2], 'A flow document must be a JSON object, found a list'],
    ['{"schemaVersion":1}', 'A flow document must be a JSON object, found the text "{\\"schemaVersion\\":1}"'],
    [{ schemaVersion: 1 }, 'id: missing'],
  ])('never throws on junk: %j', (input, message) => {
    const result = restoreFlowDocument(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]?.message).toBe(message);
  });

  it('refuses input that is not plain JSON (a cycle) without throwing', () => {
    const cyclic: Record<string, unknown> = { schemaVersion: 1 };
    cyclic.self = cyclic;
    expect(restoreFlowDocument(cyclic)).toEqual({ ok: false, errors: [{ path: '', message: 'The design is not plain JSON data' }] });
  });

  it('drops positions of nodes that do not exist and keeps unknown extra properties', () => {
    const doc = makeFlow({
      eventTypes: [makeEventType({ name: 'A' })],
      consumers: [makeConsumer({ name: 'c', handlers: [makeHandler('a')] })],
      layout: { positions: { ghost: { x: 1, y: 1 } } },
    });
    const result = restoreFlowDocument({ ...doc, extra: 'kept' });
    expect(result.ok && Object.keys(result.doc.layout.positions).sort()).toEqual(['a', 'c']);
    expect(result.ok && (result.doc as unknown as Record<string, unknown>).extra).toBe('kept');
  });
});
