import { ENVELOPE_FIELDS, effectiveFields } from '../effectiveFields';
import type { Assignment, Consumer, Emission, FlowNode, Producer, ValueSource } from '../types';
import { label } from './checkNames';
import { ProblemSink } from './problems';

/** What a value source may read where it is used. */
interface SourceScope {
  node: FlowNode;
  /** Command input fields (producers). */
  inputs?: { names: Set<string>; owner: string };
  /** Fields of the handled event (consumers), envelope included. */
  event?: { names: Set<string>; owner: string };
  /** Columns of the business row (producers). */
  before?: Set<string>;
}

function checkSource(sink: ProblemSink, scope: SourceScope, source: ValueSource, path: string, what: string): void {
  const name = label(scope.node);
  const fix = `: pick another source in ${name}'s inspector`;
  const unavailable = (reads: string) =>
    sink.add('unavailable-source', path, `${name}: ${what} reads ${reads}, which ${scope.node.kind}s cannot read${fix}`, scope.node.id);
  switch (source.from) {
    case 'input':
      if (!scope.inputs) return unavailable('a command input');
      if (!scope.inputs.names.has(source.field)) {
        sink.add('unknown-source', path, `${name}: ${what} reads input '${source.field}', which is no input field of ${scope.inputs.owner}${fix}`, scope.node.id);
      }
      return;
    case 'event':
      if (!scope.event) return unavailable('an event field');
      if (!scope.event.names.has(source.field)) {
        sink.add('unknown-source', path, `${name}: ${what} reads '${source.field}', which is no field of ${scope.event.owner}${fix}`, scope.node.id);
      }
      return;
    case 'before':
      if (!scope.before) return unavailable('the row before the change');
      if (!scope.before.has(source.column)) {
        sink.add('unknown-source', path, `${name}: ${what} reads column '${source.column}' before the change, but no command sets that column${fix}, or add a row change that sets it`, scope.node.id);
      }
      return;
    case 'literal':
    case 'generated':
      return;
  }
}

function checkAssignments(
  sink: ProblemSink, scope: SourceScope, assignments: readonly Assignment[], path: string,
  targets: { names: Set<string>; owner: string; noun: string } | undefined,
): void {
  const seen = new Set<string>();
  assignments.forEach((assignment, m) => {
    const at = `${path}/${m}`;
    if (targets && !targets.names.has(assignment.target)) {
      sink.add('unknown-target', at, `${label(scope.node)}: mapping '${assignment.target}' names no ${targets.noun} of ${targets.owner}: remove it in ${label(scope.node)}'s inspector`, scope.node.id);
    }
    if (seen.has(assignment.target)) {
      sink.add('duplicate-mapping', at, `${label(scope.node)}: '${assignment.target}' is set twice: remove one in ${label(scope.node)}'s inspector`, scope.node.id);
    }
    seen.add(assignment.target);
    checkSource(sink, scope, assignment.source, `${at}/source`, `mapping '${assignment.target}'`);
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
    const fields = effectiveFields(sink.doc, event.id);
    const targets = { names: new Set(fields.map((f) => f.name)), owner: label(event), noun: 'field' };
    checkAssignments(sink, scope, emission.mappings, `${at}/mappings`, targets);
    const mapped = new Set(emission.mappings.map((a) => a.target));
    for (const field of fields) {
      if (field.required && !mapped.has(field.name)) {
        sink.add('required-field-unmapped', `${at}/mappings`, `${label(scope.node)}: required field '${field.name}' of ${label(event)} is not mapped: pick its source under Emits in ${label(scope.node)}'s inspector`, scope.node.id);
      }
    }
  });
}

function checkProducer(sink: ProblemSink, producer: Producer, i: number): void {
  const before = new Set(producer.commands.flatMap((c) => c.rowChanges.map((a) => a.target)));
  producer.commands.forEach((command, j) => {
    const path = `/producers/${i}/commands/${j}`;
    const owner = `command ${command.name || command.id}`;
    const scope: SourceScope = { node: producer, inputs: { names: new Set(command.inputFields.map((f) => f.name)), owner }, before };
    checkSource(sink, scope, command.aggregateId, `${path}/aggregateId`, `the aggregate id of ${owner}`);
    checkAssignments(sink, scope, command.rowChanges, `${path}/rowChanges`, undefined);
    checkEmissions(sink, scope, command.emits, `${path}/emits`);
  });
}

function checkConsumer(sink: ProblemSink, consumer: Consumer, i: number): void {
  consumer.handlers.forEach((handler, j) => {
    const path = `/consumers/${i}/handlers/${j}`;
    const handled = sink.doc.eventTypes.find((e) => e.id === handler.eventTypeId);
    if (!handled) {
      sink.add('unknown-reference', `${path}/eventTypeId`, `${label(consumer)}: subscribes to '${handler.eventTypeId}', which is no event type`, consumer.id);
      return;
    }
    const names = new Set<string>([...ENVELOPE_FIELDS, ...effectiveFields(sink.doc, handled.id).map((f) => f.name)]);
    const scope: SourceScope = { node: consumer, event: { names, owner: label(handled) } };
    handler.effects.forEach((effect, k) => {
      const at = `${path}/effects/${k}`;
      const projection = sink.doc.projections.find((p) => p.id === effect.projectionId);
      if (!projection) {
        sink.add('unknown-reference', `${at}/projectionId`, `${label(consumer)}: updates '${effect.projectionId}', which is no projection`, consumer.id);
        return;
      }
      const columns = { names: new Set(projection.columns.map((c) => c.name)), owner: label(projection), noun: 'column' };
      checkSource(sink, scope, effect.key, `${at}/key`, `the key of ${label(projection)}`);
      if (effect.kind === 'upsert') checkAssignments(sink, scope, effect.set, `${at}/set`, columns);
      if ((effect.kind === 'increment' || effect.kind === 'append') && !columns.names.has(effect.column)) {
        sink.add('unknown-target', `${at}/column`, `${label(consumer)}: ${effect.kind} names '${effect.column}', which is no column of ${label(projection)}: pick a column in ${label(consumer)}'s inspector`, consumer.id);
      }
      if (effect.kind === 'append') checkSource(sink, scope, effect.value, `${at}/value`, `the value appended to '${effect.column}'`);
    });
    checkEmissions(sink, scope, handler.emits, `${path}/emits`);
  });
}

/** Every reference and mapping of commands and handlers: unknown ids, fields, columns and inputs, unmapped required fields. */
export function checkMappings(sink: ProblemSink): void {
  sink.doc.producers.forEach((producer, i) => checkProducer(sink, producer, i));
  sink.doc.consumers.forEach((consumer, i) => checkConsumer(sink, consumer, i));
}
