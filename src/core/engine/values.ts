import {
  cloudEventsSource, envelopeValues, setOwn, valueAtPath, withValueAtPath,
  type Assignment, type EnvelopeSettings, type JsonValue, type PayloadMapping, type Projection, type ProjectionEffect, type ValueSource,
} from '../model';
import type { CellValue, EventRecord, Payload } from './records';
import { uuidFromText } from './rng';

/** A handled event as handlers read it: its payload and its envelope's attributes. */
export interface EventView {
  payload: Payload;
  /** The attributes of the design's envelope (`eventId`… or CloudEvents' `id`, `source`…); empty with no envelope. */
  envelope: { [name: string]: JsonValue };
}

/** What a value source can read, and how generated values are made. */
export interface ValueContext {
  /** The command's input (producers). */
  input?: Payload;
  /** The handled event (consumers). */
  event?: EventView;
  /** The business row before the change (producers). */
  before?: Payload;
  /** Makes a generated value for the assignment target `target`. */
  generate(generator: 'uuid' | 'now', target: string): CellValue;
}

const THIS_TOOLS_ENVELOPE: EnvelopeSettings = { kind: 'eventflow' };

/**
 * An event as handlers see it: its payload, and the attributes of the design's envelope (this
 * tool's envelope when none is given). `designId` names the CloudEvents source. Pure.
 */
export function eventView(
  event: Pick<EventRecord, 'eventId' | 'eventTypeName' | 'occurredAt' | 'aggregateId' | 'payload'> & Partial<Pick<EventRecord, 'sourceId' | 'causationId' | 'commandId'>>,
  envelope: EnvelopeSettings = THIS_TOOLS_ENVELOPE,
  designId = '',
): EventView {
  return {
    payload: event.payload,
    envelope: envelopeValues(envelope, {
      eventId: event.eventId,
      eventType: event.eventTypeName,
      occurredAt: event.occurredAt,
      aggregateId: event.aggregateId,
      source: cloudEventsSource(envelope, designId, event.sourceId ?? ''),
      ...(event.causationId === undefined ? {} : { causationId: event.causationId }),
      ...(event.commandId === undefined ? {} : { correlationId: event.commandId }),
    }),
  };
}

/** Evaluates a value source; undefined when the source has no value. Pure (given `ctx.generate`). */
export function evaluate(source: ValueSource, ctx: ValueContext, target = ''): CellValue | undefined {
  switch (source.from) {
    case 'input':
      return valueAtPath(ctx.input, source.path);
    case 'event':
      return valueAtPath(ctx.event?.payload, source.path);
    case 'envelope':
      return valueAtPath(ctx.event?.envelope, source.path);
    case 'before':
      return valueAtPath(ctx.before, `/${source.column.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    case 'literal':
      return source.value;
    case 'generated':
      return ctx.generate(source.generator, target);
  }
}

/**
 * Builds a payload from mappings: each target path gets its source's value (objects on the way
 * are made; a parent is set before its children, so a child refines it); targets whose source has
 * no value are left out. Pure.
 */
export function buildPayload(mappings: readonly PayloadMapping[], ctx: ValueContext): Payload {
  let payload: JsonValue = {};
  const ordered = [...mappings].sort((a, b) => a.target.split('/').length - b.target.split('/').length);
  for (const m of ordered) {
    const value = evaluate(m.source, ctx, m.target);
    if (value !== undefined) payload = withValueAtPath(payload, m.target, value) ?? payload;
  }
  return typeof payload === 'object' && payload !== null && !Array.isArray(payload) ? payload : { value: payload };
}

/** Builds row columns from assignments (a column per target name), leaving out targets whose source has no value. Pure. */
export function buildColumns(assignments: readonly Assignment[], ctx: ValueContext): Payload {
  const row: Payload = {};
  for (const a of assignments) {
    const value = evaluate(a.source, ctx, a.target);
    if (value !== undefined) setOwn(row, a.target, value);
  }
  return row;
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
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A copy of a row whose every column is an own, plain key (`__proto__` included). */
function copyRow(row: Payload): Payload {
  const next: Payload = {};
  for (const key of Object.keys(row)) setOwn(next, key, row[key] as CellValue);
  return next;
}

/** A copy of a row with one column set (any column name). */
const withColumn = (row: Payload, column: string, value: CellValue): Payload => setOwn(copyRow(row), column, value);

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
  const base = copyRow(current ?? {});
  const keyColumn = projection?.key;
  const withKey = (row: Payload): Payload => (keyColumn !== undefined ? withColumn(row, keyColumn, key) : row);
  switch (effect.kind) {
    case 'delete':
      return { projectionId: effect.projectionId, key, next: null };
    case 'upsert': {
      const set = buildColumns(effect.set, ctx);
      const next = Object.keys(set).reduce((row, column) => withColumn(row, column, set[column] as CellValue), base);
      return { projectionId: effect.projectionId, key, next: withKey(next) };
    }
    case 'increment': {
      const old = Number(Object.hasOwn(base, effect.column) ? base[effect.column] ?? 0 : 0);
      return { projectionId: effect.projectionId, key, next: withKey(withColumn(base, effect.column, (Number.isFinite(old) ? old : 0) + effect.by)) };
    }
    case 'append': {
      const old = Object.hasOwn(base, effect.column) ? base[effect.column] : undefined;
      const list: JsonValue[] = Array.isArray(old) ? [...old] : old === undefined || old === null ? [] : [old];
      const value = evaluate(effect.value, ctx, effect.column);
      if (value !== undefined) list.push(...(Array.isArray(value) ? value : [value]));
      return { projectionId: effect.projectionId, key, next: withKey(withColumn(base, effect.column, list)) };
    }
  }
}

/** The value sources handlers use for generated values: derived from the event, so replay gives the same rows. */
export function handlerGenerator(eventId: string, occurredAt: string, consumerId: string) {
  return (generator: 'uuid' | 'now', target: string): CellValue =>
    generator === 'now' ? occurredAt : uuidFromText(`${consumerId}:${eventId}:${target}`);
}
