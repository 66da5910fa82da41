import type { AsyncApiContract, ChannelContract, MessageContract, ServiceContract } from '../../model/contracts';
import {
  CURRENT_SCHEMA_VERSION,
  type Command, type Consumer, type EventType, type FlowDocument, type JsonSchemaObject, type Layout, type Producer,
} from '../../model/types';
import { slugify, uniqueId } from '../names';
import { locationKey } from './documentSet';
import type { JsonObject, NormalizedChannel, NormalizedService } from './normalized';
import type { ImportedMessage, ImportWarning } from './readMessages';
import type { ImportedSet } from './readAsyncApiSet';

const GRID = { column: 340, row: 170, perColumn: 12 };

/** Event type fields the message contract does not keep (they live on the event type itself). */
const ON_EVENT_TYPE = new Set(['description', 'payload', 'headers', 'traits', 'x-eventflow-event']);

function messageContract(message: ImportedMessage): MessageContract {
  const fields: JsonObject = {};
  for (const [key, value] of Object.entries(message.fields)) {
    if (!ON_EVENT_TYPE.has(key)) Object.defineProperty(fields, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return {
    key: message.key,
    fields,
    ...(message.headers === undefined ? {} : { headers: message.headers }),
    ...(message.payloadSource === undefined ? {} : { payloadSource: message.payloadSource }),
  };
}

/**
 * Design-level channels: services that publish and subscribe on one address share one channel.
 * Channels of one service stay apart even when they share an address (a WebSocket API puts
 * every channel on `/`); across services, a channel joins one of another service with the same
 * address, the one with the same key if there is one.
 */
class ChannelMerger {
  readonly channels: ChannelContract[] = [];
  private readonly byAddress = new Map<string, ChannelContract[]>();
  private readonly byPlace = new Map<string, ChannelContract>();
  private readonly owners = new Map<ChannelContract, Set<string>>();
  private readonly keys = new Set<string>();

  constructor(private readonly eventIdOf: (at: ImportedMessage['at']) => string) {}

  add(channel: NormalizedChannel, service: string): ChannelContract {
    const known = this.byPlace.get(locationKey(channel.at));
    if (known) return known;
    const address = typeof channel.address === 'string' ? channel.address : undefined;
    const candidates = (address === undefined ? [] : this.byAddress.get(address) ?? []).filter((c) => !this.owners.get(c)!.has(service));
    let contract = candidates.find((c) => c.key === channel.key) ?? candidates[0];
    if (!contract) {
      contract = { key: uniqueId(channel.key, this.keys), fields: channel.meta, messages: [] };
      if (channel.address !== undefined) contract.address = channel.address;
      this.channels.push(contract);
      this.owners.set(contract, new Set());
      if (address !== undefined) this.byAddress.set(address, [...(this.byAddress.get(address) ?? []), contract]);
    }
    this.owners.get(contract)!.add(service);
    for (const { key, message } of channel.messages) {
      const eventTypeId = this.eventIdOf(message.at);
      if (!contract.messages.some((m) => m.eventTypeId === eventTypeId)) {
        contract.messages.push({ key: contract.messages.some((m) => m.key === key) ? `${key}_${contract.messages.length + 1}` : key, eventTypeId });
      }
    }
    this.byPlace.set(locationKey(channel.at), contract);
    return contract;
  }
}

/** A foreign send operation's message becomes a command whose input is the whole payload. */
function commandFor(opKey: string, type: EventType, several: boolean, usedIds: Set<string>): Command {
  return {
    id: uniqueId(slugify(several ? `${opKey}-${type.name}` : opKey), usedIds),
    name: several ? `${opKey} ${type.name}` : opKey,
    description: `Sends ${type.name} (operation ${opKey})`,
    input: structuredClone(type.payload),
    aggregateId: { from: 'generated', generator: 'uuid' },
    rowChanges: [],
    emits: [{ eventTypeId: type.id, mappings: [{ target: '', source: { from: 'input', path: '' } }] }],
  };
}

function layoutFor(doc: Omit<FlowDocument, 'layout'>): Layout {
  const positions: Layout['positions'] = {};
  let column = 0;
  for (const nodes of [doc.producers, doc.eventTypes, doc.consumers, doc.projections]) {
    nodes.forEach((node, i) => {
      positions[node.id] = { x: (column + Math.floor(i / GRID.perColumn)) * GRID.column, y: (i % GRID.perColumn) * GRID.row };
    });
    column += Math.max(1, Math.ceil(nodes.length / GRID.perColumn));
  }
  return { positions };
}

/** The design's name: the one service's title, or the set's name, or the titles. */
function designName(services: readonly NormalizedService[], setName: string | undefined): string {
  if (services.length === 1) return services[0]!.title;
  if (setName?.trim()) return setName.trim();
  return services.map((s) => s.title).join(', ');
}

/**
 * Turns an AsyncAPI document set into one design: every message is an event type (its payload
 * as JSON Schema, its metadata in `message`), every service a producer (its send operations, a
 * command per message) and a consumer (its receive operations, a handler per message), so a
 * message one service sends and another receives is one event type with an edge on each side.
 * Channels are merged by address; servers, bindings, operations and everything else AsyncAPI
 * said are kept in `asyncapi` for the export. A document this tool exported comes back as the
 * design it was (its `x-eventflow-design`). Pure; the result goes through `restoreFlowDocument`.
 */
export function buildDesign(imported: ImportedSet, setName?: string): { doc: FlowDocument; warnings: ImportWarning[] } {
  const warnings = [...imported.warnings];
  const usedIds = new Set<string>();
  const takenNames = new Set<string>();
  const eventTypes: EventType[] = [];
  const typeByPlace = new Map<string, EventType>();
  for (const [placeKey, message] of imported.messages) {
    const type: EventType = {
      id: uniqueId(slugify(message.name), usedIds),
      kind: 'event',
      name: message.name,
      description: typeof message.fields.description === 'string' ? message.fields.description : typeof message.fields.summary === 'string' ? message.fields.summary : '',
      version: 1,
      payload: message.payload as JsonSchemaObject,
      message: messageContract(message),
    };
    takenNames.add(type.name);
    typeByPlace.set(placeKey, type);
    eventTypes.push(type);
  }
  const eventIdOf = (at: ImportedMessage['at']) => typeByPlace.get(locationKey(at))!.id;
  const channels = new ChannelMerger(eventIdOf);
  const producers: Producer[] = [];
  const consumers: Consumer[] = [];
  const services: ServiceContract[] = [];
  const nodeName = (wanted: string) => {
    let name = wanted;
    for (let n = 2; takenNames.has(name); n++) name = `${wanted} ${n}`;
    takenNames.add(name);
    return name;
  };
  for (const service of imported.services) {
    const sends = service.operations.filter((op) => op.action === 'send');
    const receives = service.operations.filter((op) => op.action === 'receive');
    let producer: Producer | undefined;
    let consumer: Consumer | undefined;
    if (sends.length > 0) {
      const id = uniqueId(slugify(service.title), usedIds);
      producer = {
        id, kind: 'producer', name: nodeName(service.title), description: typeof service.info.description === 'string' ? service.info.description : '',
        aggregate: slugify(service.title), publishMode: 'outbox',
        commands: sends.flatMap((op) => op.messages.map((m) => commandFor(op.key, typeByPlace.get(locationKey(m.at))!, op.messages.length > 1, usedIds))),
      };
      producers.push(producer);
    }
    if (receives.length > 0) {
      const id = uniqueId(slugify(`${service.title} consumer`), usedIds);
      const handled = [...new Set(receives.flatMap((op) => op.messages.map((m) => eventIdOf(m.at))))];
      consumer = {
        id, kind: 'consumer', name: nodeName(producer ? `${service.title} consumer` : service.title), description: `Receives of ${service.title}`,
        useInbox: true, retryLimit: 3, publishMode: 'outbox', handlers: handled.map((eventTypeId) => ({ eventTypeId, effects: [], emits: [] })),
      };
      consumers.push(consumer);
    }
    const nodeFor = (op: { action: 'send' | 'receive' }) => (op.action === 'send' ? producer?.id : consumer?.id) ?? '';
    services.push({
      title: service.title,
      asyncapi: service.asyncapi,
      info: service.info,
      ...(service.id === undefined ? {} : { documentId: service.id }),
      ...(service.defaultContentType === undefined ? {} : { defaultContentType: service.defaultContentType }),
      servers: [...service.servers].map(([name, server]) => ({ name, server })),
      securitySchemes: [...service.securitySchemes].map(([name, scheme]) => ({ name, scheme })),
      nodeIds: [producer?.id, consumer?.id].filter((id): id is string => id !== undefined),
      channels: service.channels.map((c) => channels.add(c, service.file).key),
      eventTypeIds: [...new Set([...service.channels.flatMap((c) => c.messages.map((m) => eventIdOf(m.message.at))), ...service.componentMessages.map((m) => eventIdOf(m.at))])],
      operations: service.operations.map((op) => {
        const fields = { ...op.meta };
        delete fields['x-eventflow-node'];
        return {
          key: op.key, action: op.action, nodeId: nodeFor(op), channel: channels.add(op.channel, service.file).key,
          eventTypeIds: op.messages.map((m) => eventIdOf(m.at)), fields,
        };
      }),
      ...(Object.keys(service.extensions).length === 0 ? {} : { extensions: withoutOwnExtensions(service.extensions) }),
    });
  }
  const asyncapi: AsyncApiContract = { channels: channels.channels, services };
  const semantics: Omit<FlowDocument, 'layout'> = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: slugify(designName(imported.services, setName)),
    name: designName(imported.services, setName),
    description: imported.services.length === 1 && typeof imported.services[0]!.info.description === 'string' ? imported.services[0]!.info.description : '',
    envelope: { kind: 'none' },
    schemaLibrary: [...imported.library].map(([name, schema]) => ({ name, schema })),
    eventTypes,
    producers,
    consumers,
    projections: [],
    asyncapi,
  };
  return { doc: { ...semantics, layout: layoutFor(semantics) }, warnings };
}

function withoutOwnExtensions(extensions: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(extensions)) if (!key.startsWith('x-eventflow-')) out[key] = value;
  return out;
}
