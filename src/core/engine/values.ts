import { getOwn, setOwn } from '../model/ownKeys';
import { ENVELOPE_FIELDS, type Assignment, type Literal, type Projection, type ProjectionEffect, type ValueSource } from '../model';
import type { CellValue, EventRecord, Payload } from './records';
import { uuidFromText } from './rng';

/** What a value source can read, and how generated values are made. */
export interface ValueContext {
  /** The command's input (producers). */
  input?: Payload;
  /** The handled event: its payload plus the envelope fields (consumers). */
  event?: Payload;
  /** The business row before the change (producers). */
  before?: Payload;
  /** Makes a generated value for the assignment target `target`. */
  generate(generator: 'uuid' | 'now', target: string): CellValue;
}

/** An event as handlers see it: payload fields plus envelope (eventId, eventType, occurredAt, aggregateId). Pure. */
export function eventView(event: Pick<EventRecord, 'eventId' | 'eventTypeName' | 'occurredAt' | 'aggregateId' | 'payload'>): Payload {
  const envelope: Record<(typeof ENVELOPE_FIELDS)[number], string> = {
    eventId: event.eventId,
    eventType: event.eventTypeName,
    occurredAt: event.occurredAt,
    aggregateId: event.aggregateId,
  };
  return { ...event.payload, ...envelope };
}

/** Evaluates a value source; undefined when the source has no value. Pure (given `ctx.generate`). */
export function evaluate(source: ValueSource, ctx: ValueContext, target = ''): CellValue | undefined {
  switch (source.from) {
    case 'input':
      return getOwn(ctx.input, source.field);
    case 'event':
      return getOwn(ctx.event, source.field);
    case 'before':
      return getOwn(ctx.before, source.column);
    case 'literal':
      return source.value;
    case 'generated':
      return ctx.generate(source.generator, target);
  }
}

/** Builds a payload from assignments, leaving out targets whose source has no value. Pure. */
export function buildPayload(mappings: readonly Assignment[], ctx: ValueContext): Payload {
  const payload: Payload = {};
  for (const m of mappings) {
    const value = evaluate(m.source, ctx, m.target);
    if (value !== undefined) setOwn(payload, m.target, value);
  }
  return payload;
}

/** The result of one projection effect on one row: the new values, or null for a deleted row. */
export interface EffectResult {
  projectionId: string;
  key: string;
  next: Payload | null;
}

/** The row key an effect targets, as text; undefined when the key source has no value. Pure. */
export function effectKey(effect: ProjectionEffect, ctx: ValueContext): string | undefined {
  const value = evaluate(effect.key, ctx, 'key');
  if (value === undefined || value === null) return undefined;
  return Array.isArray(value) ? value.join(',') : String(value);
}

/**
 * Applies one effect to a row's current values (undefined: no row yet). The key column always
 * holds the key value. Pure.
 */
export function applyEffect(
  effect: ProjectionEffect,
  projection: Projection | undefined,
  current: Payload | undefined,
  key: string,
  ctx: ValueContext,
): EffectResult {
  const base: Payload = { ...current };
  const keyColumn = projection?.key;
  const withKey = (row: Payload): Payload => (keyColumn ? { ...row, [keyColumn]: key } : row);
  switch (effect.kind) {
    case 'delete':
      return { projectionId: effect.projectionId, key, next: null };
    case 'upsert':
      return { projectionId: effect.projectionId, key, next: withKey({ ...base, ...buildPayload(effect.set, ctx) }) };
    case 'increment': {
      const old = Number(getOwn(base, effect.column) ?? 0);
      return { projectionId: effect.projectionId, key, next: withKey({ ...base, [effect.column]: (Number.isFinite(old) ? old : 0) + effect.by }) };
    }
    case 'append': {
      const old = getOwn(base, effect.column);
      const list: Literal[] = Array.isArray(old) ? [...old] : old === undefined || old === null ? [] : [old];
      const value = evaluate(effect.value, ctx, effect.column);
      if (value !== undefined) list.push(...(Array.isArray(value) ? value : [value]));
      return { projectionId: effect.projectionId, key, next: withKey({ ...base, [effect.column]: list }) };
    }
  }
}

/** The value sources handlers use for generated values: derived from the event, so replay gives the same rows. */
export function handlerGenerator(eventId: string, occurredAt: string, consumerId: string) {
  return (generator: 'uuid' | 'now', target: string): CellValue =>
    generator === 'now' ? occurredAt : uuidFromText(`${consumerId}:${eventId}:${target}`);
}
