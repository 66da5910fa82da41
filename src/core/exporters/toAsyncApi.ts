import { stringify as stringifyYaml } from 'yaml';
import type { Consumer, EventType, FlowDocument, Producer } from '../model/types';
import { designDefs } from '../model/inheritance';
import { setOwn } from '../model/ownKeys';
import { mapRefs, parseLibraryRef, usedLibraryNames } from '../model/schema/schemaAccess';
import { envelopeProperties, payloadParts, type JsonSchema } from './fieldSchema';
import { concreteNamesUnder, ENVELOPE_SCHEMA_NAME } from './toJsonSchema';

/** An AsyncAPI document as a plain JSON object. */
export type AsyncApiDocument = { asyncapi: string; [key: string]: unknown };

/**
 * Extension keys carrying what AsyncAPI cannot say, so that `fromAsyncApi` can rebuild the
 * design: event type metadata on schemas, the node behind each operation (publish mode, inbox,
 * retries, commands, handlers), and the design's projections and layout at the root.
 */
export const X = {
  document: 'x-eventflow-document',
  event: 'x-eventflow-event',
  envelope: 'x-eventflow-envelope',
  node: 'x-eventflow-node',
  unattached: 'x-eventflow-nodes-without-operations',
  projections: 'x-eventflow-projections',
  layout: 'x-eventflow-layout',
} as const;

const ref = (pointer: string) => ({ $ref: pointer });

/** Component keys must match `^[a-zA-Z0-9.\-_]+$`: other characters become `_`, clashes get a suffix. */
function componentKeys(names: string[]): string[] {
  const used = new Set<string>([ENVELOPE_SCHEMA_NAME]);
  return names.map((name) => {
    const clean = name.replace(/[^A-Za-z0-9.\-_]/g, '_') || 'event';
    let key = clean;
    for (let n = 2; used.has(key); n++) key = `${clean}_${n}`;
    used.add(key);
    return key;
  });
}

function eventSchema(type: EventType, baseKey: string): JsonSchema {
  const { properties, required, rest } = payloadParts(type.payload);
  return {
    type: 'object',
    title: type.name,
    ...(type.description ? { description: type.description } : {}),
    ...rest,
    allOf: [ref(`#/components/schemas/${baseKey}`), ...(Array.isArray(rest.allOf) ? rest.allOf : [])],
    properties,
    ...(required.length > 0 ? { required } : {}),
    [X.event]: {
      id: type.id,
      version: type.version,
      ...(type.abstract ? { abstract: true } : {}),
      ...(type.aggregateIdPath !== undefined ? { aggregateIdPath: type.aggregateIdPath } : {}),
    },
  };
}

function producerNode(producer: Producer) {
  const { kind, id, name, description, aggregate, publishMode, commands } = producer;
  return structuredClone({ kind, id, name, description, aggregate, publishMode, commands });
}

function consumerNode(consumer: Consumer) {
  const { kind, id, name, description, useInbox, retryLimit, publishMode, handlers } = consumer;
  return structuredClone({ kind, id, name, description, useInbox, retryLimit, publishMode, handlers });
}

/**
 * Exports a design as an AsyncAPI 3.0.0 document (a JSON object). Every concrete event type
 * is a message in `components.messages` with its payload in `components.schemas` (bases and the
 * envelope reused by `$ref`/`allOf`). Every event type that has concrete instances gets a
 * channel carrying their messages, so a handler of a base type (`VideoEvent`) receives on the
 * base's channel. A producer or consumer that emits an event type has a `send` operation on its
 * channel; every handler is a `receive` operation. `x-eventflow-*` extensions keep what AsyncAPI
 * has no words for (publish mode, inbox, retries, commands, handlers, projections, layout). Pure.
 */
export function toAsyncApi(doc: FlowDocument): AsyncApiDocument {
  const keys = new Map<string, string>();
  componentKeys(doc.eventTypes.map((e) => e.name)).forEach((key, i) => keys.set(doc.eventTypes[i]!.id, key));
  const keyOf = (type: EventType) => keys.get(type.id)!;
  const byId = (id: string) => doc.eventTypes.find((e) => e.id === id);

  const schemas: Record<string, JsonSchema> = {
    [ENVELOPE_SCHEMA_NAME]: { type: 'object', title: ENVELOPE_SCHEMA_NAME, ...envelopeProperties(), [X.envelope]: true },
  };
  const messages: Record<string, JsonSchema> = {};
  const channels: Record<string, JsonSchema> = {};
  // Library schemas become components too; references into the library are pointed at them.
  const defs = designDefs(doc);
  const libraryNames = usedLibraryNames(doc.eventTypes.map((type) => type.payload), defs);
  const libraryKeys = new Map(componentKeys([...doc.eventTypes.map((e) => e.name), ...libraryNames]).slice(doc.eventTypes.length).map((key, i) => [libraryNames[i]!, key]));
  const toComponents = (value: unknown) => mapRefs(value, (r) => {
    const target = parseLibraryRef(r);
    const key = target && libraryKeys.get(target.name);
    return key ? `#/components/schemas/${key}${target.pointer}` : r;
  }) as JsonSchema;
  for (const type of doc.eventTypes) {
    const base = type.extends === undefined ? undefined : byId(type.extends);
    schemas[keyOf(type)] = toComponents(eventSchema(type, base ? keyOf(base) : ENVELOPE_SCHEMA_NAME));
    if (!type.abstract) {
      messages[keyOf(type)] = {
        name: type.name,
        title: type.name,
        ...(type.description ? { summary: type.description } : {}),
        contentType: 'application/json',
        payload: ref(`#/components/schemas/${keyOf(type)}`),
      };
    }
  }
  for (const type of doc.eventTypes) {
    const instances = concreteNamesUnder(doc, type);
    if (instances.length === 0) continue;
    const members = doc.eventTypes.filter((e) => !e.abstract && instances.includes(e.name));
    channels[keyOf(type)] = {
      address: type.name,
      ...(type.description ? { description: type.description } : {}),
      messages: Object.fromEntries(members.map((m) => [keyOf(m), ref(`#/components/messages/${keyOf(m)}`)])),
    };
  }

  for (const [name, key] of libraryKeys) setOwn(schemas, key, toComponents(defs.get(name)));

  const operations: Record<string, JsonSchema> = {};
  const operation = (action: 'send' | 'receive', nodeName: string, channelType: EventType, messageTypes: EventType[], extra: JsonSchema) => {
    const channel = keyOf(channelType);
    operations[`${nodeName.replace(/[^A-Za-z0-9.\-_]/g, '_')}.${action}.${channel}`] = {
      action,
      summary: `${nodeName} ${action === 'send' ? 'publishes' : 'handles'} ${channelType.name}`,
      channel: ref(`#/channels/${channel}`),
      messages: messageTypes.map((m) => ref(`#/channels/${channel}/messages/${keyOf(m)}`)),
      ...extra,
    };
  };
  const sends = (nodeName: string, eventTypeIds: string[], node: object) => {
    for (const id of new Set(eventTypeIds)) {
      const type = byId(id);
      if (type && !type.abstract) operation('send', nodeName, type, [type], { [X.node]: node });
    }
  };

  for (const producer of doc.producers) {
    sends(producer.name, producer.commands.flatMap((c) => c.emits.map((e) => e.eventTypeId)), producerNode(producer));
  }
  for (const consumer of doc.consumers) {
    for (const handler of consumer.handlers) {
      const type = byId(handler.eventTypeId);
      if (!type || concreteNamesUnder(doc, type).length === 0) continue;
      const members = doc.eventTypes.filter((e) => !e.abstract && concreteNamesUnder(doc, type).includes(e.name));
      operation('receive', consumer.name, type, members, { [X.node]: consumerNode(consumer) });
    }
    sends(consumer.name, consumer.handlers.flatMap((h) => h.emits.map((e) => e.eventTypeId)), consumerNode(consumer));
  }

  const withOperations = new Set(Object.values(operations).map((op) => (op[X.node] as { id: string }).id));
  const unattached = [...doc.producers.map(producerNode), ...doc.consumers.map(consumerNode)].filter((n) => !withOperations.has(n.id));
  return {
    asyncapi: '3.0.0',
    info: {
      title: doc.name || doc.id,
      version: '1.0.0',
      ...(doc.description ? { description: doc.description } : {}),
      [X.document]: { id: doc.id, schemaVersion: doc.schemaVersion },
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { schemas, messages },
    [X.projections]: structuredClone(doc.projections),
    [X.layout]: structuredClone(doc.layout),
    ...(unattached.length > 0 ? { [X.unattached]: unattached } : {}),
  };
}

/** The AsyncAPI document of `toAsyncApi` as YAML text. Pure. */
export function toAsyncApiYaml(doc: FlowDocument): string {
  return stringifyYaml(toAsyncApi(doc), { aliasDuplicateObjects: false });
}
