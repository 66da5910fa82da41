import { effectiveFields } from '../effectiveFields';
import type { EventType, FlowDocument } from '../types';
import { checkEnumValues, checkListNames, label } from './checkNames';
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

/** Whether following `extends` from this event type comes back to it. */
function isOnExtendsCycle(doc: FlowDocument, start: EventType): EventType[] | undefined {
  const chain: EventType[] = [start];
  let current = start;
  while (current.extends !== undefined) {
    const baseId: string = current.extends;
    const base = doc.eventTypes.find((e) => e.id === baseId);
    if (!base) return undefined;
    if (base.id === start.id) return chain;
    if (chain.includes(base)) return undefined;
    chain.push(base);
    current = base;
  }
  return undefined;
}

/** Base types, inheritance cycles, aggregate ids, fields, versions, and whether anything emits the type. */
export function checkEventTypes(sink: ProblemSink): void {
  const { doc } = sink;
  const emitted = emittedEventIds(doc);
  const reportedCycles = new Set<string>();
  doc.eventTypes.forEach((event, i) => {
    const path = `/eventTypes/${i}`;
    const name = label(event);
    checkListNames(sink, event, `${path}/fields`, event.fields, 'field');
    checkEnumValues(sink, event, `${path}/fields`, event.fields);
    if (!Number.isInteger(event.version) || event.version < 1) {
      sink.add('invalid-version', `${path}/version`, `${name}: version must be a whole number from 1 up (is ${event.version})`, event.id);
    }
    if (event.extends !== undefined && !doc.eventTypes.some((e) => e.id === event.extends)) {
      sink.add('unknown-reference', `${path}/extends`, `${name}: extends '${event.extends}', which is no event type`, event.id);
    }
    const cycle = isOnExtendsCycle(doc, event);
    if (cycle && !reportedCycles.has(event.id)) {
      cycle.forEach((member) => reportedCycles.add(member.id));
      const names = [...cycle, event].map(label).join(' → ');
      sink.add('extends-cycle', `${path}/extends`, `${name}: inherits from itself (${names})`, event.id);
    }
    if (event.aggregateIdField !== undefined
      && !effectiveFields(doc, event.id).some((field) => field.name === event.aggregateIdField)) {
      sink.add('aggregate-id-not-a-field', `${path}/aggregateIdField`,
        `${name}: aggregate id '${event.aggregateIdField}' is not one of its fields: pick the aggregate id field in its inspector`, event.id);
    }
    if (!event.abstract && !emitted.has(event.id)) {
      sink.add('event-without-producer', path, `${name}: nothing emits it (connect a producer or a consumer to it)`, event.id);
    }
  });
}
