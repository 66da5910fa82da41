import { unmappedPaths } from '../autoMap';
import { designDefs, effectivePayloadSchema, eventPayloadPaths } from '../inheritance';
import { envelopeAttributes } from '../schema/envelope';
import { isSameOrUnder, isValidPath, parentPath, pathLabel } from '../schema/paths';
import type { SchemaDefs } from '../schema/schemaAccess';
import { schemaAtPath } from '../schema/schemaPaths';
import type { Assignment, Consumer, Emission, FlowNode, JsonSchema, PayloadMapping, Producer, ValueSource } from '../types';
import { label } from './checkNames';
import { ProblemSink } from './problems';

/** A value a source may read: a schema that describes the paths, and whose it is. */
interface Readable {
  schema: JsonSchema;
  owner: string;
}

/** What a value source may read where it is used. */
interface SourceScope {
  node: FlowNode;
  defs: SchemaDefs;
  /** The command's input (producers). */
  input?: Readable;
  /** The handled event's payload (consumers). */
  event?: Readable;
  /** Columns of the business row (producers). */
  before?: Set<string>;
}

const quoted = (path: string) => `'${pathLabel(path)}'`;

/** The paths above a path, nearest first, the whole payload last (`/a/b/c` → `/a/b`, `/a`, ``). */
function ancestorsOf(path: string): string[] {
  const out: string[] = [];
  for (let current = parentPath(path); current !== undefined; current = parentPath(current)) out.push(current);
  return out;
}

function checkPathSource(sink: ProblemSink, scope: SourceScope, readable: Readable, path: string, at: string, what: () => string, noun: string): void {
  const name = label(scope.node);
  if (!isValidPath(path)) {
    sink.add('unknown-source', at, `${name}: ${what()} reads '${path}', which is no path (it must be empty or start with /): pick another source in ${name}'s inspector`, scope.node.id);
  } else if (schemaAtPath(readable.schema, path, scope.defs) === undefined) {
    sink.add('unknown-source', at, `${name}: ${what()} reads ${noun}${quoted(path)}, which is no ${noun}field of ${readable.owner}: pick another source in ${name}'s inspector`, scope.node.id);
  }
}

function checkSource(sink: ProblemSink, scope: SourceScope, source: ValueSource, path: string, what: () => string): void {
  const name = label(scope.node);
  const fix = `: pick another source in ${name}'s inspector`;
  const unavailable = (reads: string) =>
    sink.add('unavailable-source', path, `${name}: ${what()} reads ${reads}, which ${scope.node.kind}s cannot read${fix}`, scope.node.id);
  switch (source.from) {
    case 'input':
      if (!scope.input) return unavailable('a command input');
      return checkPathSource(sink, scope, scope.input, source.path, path, what, 'input ');
    case 'event':
      if (!scope.event) return unavailable('an event field');
      return checkPathSource(sink, scope, scope.event, source.path, path, what, '');
    case 'envelope': {
      if (!scope.event) return unavailable('the event envelope');
      const attributes = envelopeAttributes(sink.doc.envelope);
      if (attributes.length === 0) {
        sink.add('unknown-source', path, `${name}: ${what()} reads the envelope's ${quoted(source.path)}, but the design sends events without an envelope${fix}, or choose an envelope for the design`, scope.node.id);
      } else if (!attributes.some((a) => isSameOrUnder(source.path, a.path))) {
        sink.add('unknown-source', path, `${name}: ${what()} reads the envelope's ${quoted(source.path)}, which is no attribute of the envelope (${attributes.map((a) => a.name).join(', ')})${fix}`, scope.node.id);
      }
      return;
    }
    case 'before':
      if (!scope.before) return unavailable('the row before the change');
      if (!scope.before.has(source.column)) {
        sink.add('unknown-source', path, `${name}: ${what()} reads column '${source.column}' before the change, but no command sets that column${fix}, or add a row change that sets it`, scope.node.id);
      }
      return;
    case 'literal':
    case 'generated':
      return;
  }
}

/** Row changes and upserts: columns by name. */
function checkAssignments(
  sink: ProblemSink, scope: SourceScope, assignments: readonly Assignment[], path: string,
  targets: { names: Set<string>; owner: string } | undefined,
): void {
  const seen = new Set<string>();
  assignments.forEach((assignment, m) => {
    const at = `${path}/${m}`;
    if (targets && !targets.names.has(assignment.target)) {
      sink.add('unknown-target', at, `${label(scope.node)}: mapping '${assignment.target}' names no column of ${targets.owner}: remove it in ${label(scope.node)}'s inspector`, scope.node.id);
    }
    if (seen.has(assignment.target)) {
      sink.add('duplicate-mapping', at, `${label(scope.node)}: '${assignment.target}' is set twice: remove one in ${label(scope.node)}'s inspector`, scope.node.id);
    }
    seen.add(assignment.target);
    checkSource(sink, scope, assignment.source, `${at}/source`, () => `mapping '${assignment.target}'`);
  });
}

/** An emission's mappings: targets are paths of the event, each set once, no value set twice through a parent. */
function checkPayloadMappings(sink: ProblemSink, scope: SourceScope, mappings: readonly PayloadMapping[], path: string, event: Readable): void {
  const name = label(scope.node);
  // The earlier mapping (if any) that sets the same value, or one above or below it.
  const seen = new Map<string, PayloadMapping>();
  const below = new Map<string, PayloadMapping>();
  const overlapsEarlier = (mapping: PayloadMapping): PayloadMapping | undefined => {
    const target = mapping.target;
    const found = seen.get(target) ?? ancestorsOf(target).map((p) => seen.get(p)).find((m) => m !== undefined) ?? below.get(target);
    if (!seen.has(target)) seen.set(target, mapping);
    for (const above of ancestorsOf(target)) if (!below.has(above)) below.set(above, mapping);
    return found;
  };
  mappings.forEach((mapping, m) => {
    const at = `${path}/${m}`;
    const target = () => quoted(mapping.target);
    if (!isValidPath(mapping.target) || schemaAtPath(event.schema, mapping.target, scope.defs) === undefined) {
      sink.add('unknown-target', at, `${name}: mapping '${mapping.target}' names no field of ${event.owner}: remove it in ${name}'s inspector`, scope.node.id);
    }
    const earlier = isValidPath(mapping.target) ? overlapsEarlier(mapping) : undefined;
    if (earlier?.target === mapping.target) {
      sink.add('duplicate-mapping', at, `${name}: ${target()} is set twice: remove one in ${name}'s inspector`, scope.node.id);
    } else if (earlier) {
      sink.add('overlapping-mapping', at, `${name}: ${target()} and ${quoted(earlier.target)} both set ${quoted(isSameOrUnder(mapping.target, earlier.target) ? mapping.target : earlier.target)}: remove one of them in ${name}'s inspector`, scope.node.id);
    }
    checkSource(sink, scope, mapping.source, `${at}/source`, () => `mapping ${target()}`);
  });
}

function checkEmissions(sink: ProblemSink, scope: SourceScope, emissions: readonly Emission[], path: string): void {
  emissions.forEach((emission, k) => {
    const at = `${path}/${k}`;
    const event = sink.doc.eventTypes.find((e) => e.id === emission.eventTypeId);
    if (!event) {
      sink.add('unknown-reference', `${at}/eventTypeId`, `${label(scope.node)}: emits '${emission.eventTypeId}', which is no event type`, scope.node.id);
      return;
    }
    if (event.abstract) {
      sink.add('abstract-event-emitted', `${at}/eventTypeId`, `${label(scope.node)}: emits ${label(event)}, which is abstract (emit one of its subtypes)`, scope.node.id);
    }
    const schema = effectivePayloadSchema(sink.doc, event.id) ?? {};
    checkPayloadMappings(sink, scope, emission.mappings, `${at}/mappings`, { schema, owner: label(event) });
    const validTargets = emission.mappings.filter((m) => isValidPath(m.target));
    // A required value is missing when the object holding it is built (the payload itself, or an
    // object with some mapped part) and neither it nor a part of it is mapped.
    for (const entry of unmappedPaths(eventPayloadPaths(sink.doc, event.id), validTargets)) {
      const parent = parentPath(entry.path) ?? '';
      if (!entry.required || entry.conditional) continue;
      if (parent !== '' && !validTargets.some((m) => isSameOrUnder(m.target, parent))) continue;
      sink.add('required-field-unmapped', `${at}/mappings`, `${label(scope.node)}: required field ${quoted(entry.path)} of ${label(event)} is not mapped: pick its source under Emits in ${label(scope.node)}'s inspector`, scope.node.id);
    }
  });
}

function checkProducer(sink: ProblemSink, producer: Producer, i: number, defs: SchemaDefs): void {
  const before = new Set(producer.commands.flatMap((c) => c.rowChanges.map((a) => a.target)));
  producer.commands.forEach((command, j) => {
    const path = `/producers/${i}/commands/${j}`;
    const owner = `command ${command.name || command.id}`;
    const scope: SourceScope = { node: producer, defs, input: { schema: command.input, owner }, before };
    checkSource(sink, scope, command.aggregateId, `${path}/aggregateId`, () => `the aggregate id of ${owner}`);
    checkAssignments(sink, scope, command.rowChanges, `${path}/rowChanges`, undefined);
    checkEmissions(sink, scope, command.emits, `${path}/emits`);
  });
}

function checkConsumer(sink: ProblemSink, consumer: Consumer, i: number, defs: SchemaDefs): void {
  consumer.handlers.forEach((handler, j) => {
    const path = `/consumers/${i}/handlers/${j}`;
    const handled = sink.doc.eventTypes.find((e) => e.id === handler.eventTypeId);
    if (!handled) {
      sink.add('unknown-reference', `${path}/eventTypeId`, `${label(consumer)}: subscribes to '${handler.eventTypeId}', which is no event type`, consumer.id);
      return;
    }
    const scope: SourceScope = { node: consumer, defs, event: { schema: effectivePayloadSchema(sink.doc, handled.id) ?? {}, owner: label(handled) } };
    handler.effects.forEach((effect, k) => {
      const at = `${path}/effects/${k}`;
      const projection = sink.doc.projections.find((p) => p.id === effect.projectionId);
      if (!projection) {
        sink.add('unknown-reference', `${at}/projectionId`, `${label(consumer)}: updates '${effect.projectionId}', which is no projection`, consumer.id);
        return;
      }
      const columns = { names: new Set(projection.columns.map((c) => c.name)), owner: label(projection) };
      checkSource(sink, scope, effect.key, `${at}/key`, () => `the key of ${label(projection)}`);
      if (effect.kind === 'upsert') checkAssignments(sink, scope, effect.set, `${at}/set`, columns);
      if ((effect.kind === 'increment' || effect.kind === 'append') && !columns.names.has(effect.column)) {
        sink.add('unknown-target', `${at}/column`, `${label(consumer)}: ${effect.kind} names '${effect.column}', which is no column of ${label(projection)}: pick a column in ${label(consumer)}'s inspector`, consumer.id);
      }
      if (effect.kind === 'append') checkSource(sink, scope, effect.value, `${at}/value`, () => `the value appended to '${effect.column}'`);
    });
    checkEmissions(sink, scope, handler.emits, `${path}/emits`);
  });
}

/** Every reference and mapping of commands and handlers: unknown ids, paths, columns and inputs, unmapped required values. */
export function checkMappings(sink: ProblemSink): void {
  const defs = designDefs(sink.doc);
  sink.doc.producers.forEach((producer, i) => checkProducer(sink, producer, i, defs));
  sink.doc.consumers.forEach((consumer, i) => checkConsumer(sink, consumer, i, defs));
}
