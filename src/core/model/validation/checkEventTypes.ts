import { eventPayloadPaths, inheritanceCycle } from '../inheritance';
import { pathLabel } from '../schema/paths';
import type { FlowDocument } from '../types';
import { label } from './checkNames';
import { checkPayloadFitsEnvelope, checkSchemaProblems } from './checkPayloads';
import { ProblemSink } from './problems';

function emittedEventIds(doc: FlowDocument): Set<string> {
  const ids = new Set<string>();
  for (const producer of doc.producers) {
    for (const command of producer.commands) for (const emission of command.emits) ids.add(emission.eventTypeId);
  }
  for (const consumer of doc.consumers) {
    for (const handler of consumer.handlers) for (const emission of handler.emits) ids.add(emission.eventTypeId);
  }
  return ids;
}

/** Base types, inheritance cycles, aggregate ids, payload schemas, versions, and whether anything emits the type. */
export function checkEventTypes(sink: ProblemSink): void {
  const { doc } = sink;
  const emitted = emittedEventIds(doc);
  const reportedCycles = new Set<string>();
  doc.eventTypes.forEach((event, i) => {
    const path = `/eventTypes/${i}`;
    const name = label(event);
    const owner = { node: event, what: name, fix: `fix it in ${name}'s inspector` };
    checkSchemaProblems(sink, owner, event.payload, `${path}/payload`);
    checkPayloadFitsEnvelope(sink, owner, event.payload, `${path}/payload`);
    if (!Number.isInteger(event.version) || event.version < 1) {
      sink.add('invalid-version', `${path}/version`, `${name}: version must be a whole number from 1 up (is ${event.version})`, event.id);
    }
    if (event.extends !== undefined && !doc.eventTypes.some((e) => e.id === event.extends)) {
      sink.add('unknown-reference', `${path}/extends`, `${name}: extends '${event.extends}', which is no event type`, event.id);
    }
    const cycle = inheritanceCycle(doc, event.id);
    if (cycle && !reportedCycles.has(event.id)) {
      cycle.forEach((member) => reportedCycles.add(member.id));
      const names = [...cycle, event].map(label).join(' → ');
      sink.add('extends-cycle', `${path}/extends`, `${name}: inherits from itself (${names})`, event.id);
    }
    if (event.aggregateIdPath !== undefined
      && !eventPayloadPaths(doc, event.id).some((entry) => entry.path === event.aggregateIdPath)) {
      sink.add('aggregate-id-not-a-field', `${path}/aggregateIdPath`,
        `${name}: aggregate id '${pathLabel(event.aggregateIdPath)}' is not one of its fields: pick the aggregate id field in its inspector`, event.id);
    }
    if (!event.abstract && !emitted.has(event.id)) {
      sink.add('event-without-producer', path, `${name}: nothing emits it (connect a producer or a consumer to it)`, event.id);
    }
  });
}
