import { describe, expect, it } from 'vitest';
import { makeConsumer, makeEventType, makeFlow, makeHandler, makeProjection } from '../testing';
import { addLibrarySchema, freshLibraryName, removeLibrarySchema, renameLibrarySchema, withEnvelope } from './designSettings';
import { FlowOperationError } from './FlowOperationError';
import { validateFlow } from './validation';

const doc = () => makeFlow({
  eventTypes: [makeEventType({ name: 'Placed', fields: ['orderId'], payload: { type: 'object', properties: { total: { $ref: '#/$defs/Money' }, ship: { $ref: '#/$defs/Money/properties/amount' } } } })],
  consumers: [makeConsumer({ name: 'audit', handlers: [makeHandler('placed', {
    effects: [{ kind: 'upsert', projectionId: 'log', key: { from: 'envelope', path: '/eventId' }, set: [
      { target: 'at', source: { from: 'envelope', path: '/occurredAt' } },
      { target: 'why', source: { from: 'envelope', path: '/causationId' } },
      { target: 'total', source: { from: 'event', path: '/total' } },
    ] }],
  })] })],
  projections: [makeProjection({ name: 'log', columns: ['at', 'why', 'total'] })],
  schemaLibrary: [{ name: 'Money', schema: { type: 'object', properties: { amount: { type: 'number' } } } }, { name: 'Price', schema: { $ref: '#/$defs/Money' } }],
});

describe('withEnvelope', () => {
  it('given handlers reading the envelope, when CloudEvents is chosen, then they read the same attributes by their CloudEvents names', () => {
    const after = withEnvelope(doc(), { kind: 'cloudevents' });
    const effect = after.consumers[0]!.handlers[0]!.effects[0]!;
    expect(effect.key).toEqual({ from: 'envelope', path: '/id' });
    expect(effect.kind === 'upsert' && effect.set.map((a) => a.source)).toEqual([
      { from: 'envelope', path: '/time' }, { from: 'envelope', path: '/causationid' }, { from: 'event', path: '/total' }]);
    expect(withEnvelope(after, { kind: 'eventflow' }).consumers).toEqual(doc().consumers);
  });

  it('given no envelope, then reads of it stay and the validator says where', () => {
    const after = withEnvelope(doc(), { kind: 'none' });
    expect(after.consumers).toEqual(doc().consumers);
    expect(validateFlow(after).filter((p) => p.code === 'unknown-source').map((p) => p.message)[0]).toMatch(/without an envelope/);
  });
});

describe('the schema library', () => {
  it('given a rename, then every reference follows, pointers into it too', () => {
    const after = renameLibrarySchema(doc(), 'Money', 'a/b money');
    expect(after.schemaLibrary.map((e) => e.name)).toEqual(['a/b money', 'Price']);
    expect(after.eventTypes[0]!.payload.properties).toEqual({ total: { $ref: '#/$defs/a~1b%20money' }, ship: { $ref: '#/$defs/a~1b%20money/properties/amount' } });
    expect(after.schemaLibrary[1]!.schema).toEqual({ $ref: '#/$defs/a~1b%20money' });
    expect(validateFlow(after).filter((p) => p.code === 'unknown-schema-ref')).toEqual([]);
  });

  it('refuses empty and taken names, and a removed entry leaves references the validator reports', () => {
    expect(() => renameLibrarySchema(doc(), 'Money', 'Price')).toThrow(FlowOperationError);
    expect(() => addLibrarySchema(doc(), ' ', true)).toThrow(/needs a name/);
    expect(freshLibraryName(doc(), 'Money')).toBe('Money2');
    const problems = validateFlow(removeLibrarySchema(doc(), 'Money')).filter((p) => p.code === 'unknown-schema-ref');
    expect(problems.map((p) => p.path)).toEqual(['/schemaLibrary/0/schema/$ref', '/eventTypes/0/payload/properties/total/$ref', '/eventTypes/0/payload/properties/ship/$ref']);
    expect(problems[1]!.message).toBe("Placed: 'total' refers to 'Money', which is not in the design's schema library: add it to the library or pick another schema");
  });
});
