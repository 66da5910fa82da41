/**
 * What an AsyncAPI export of a design holds, before it is written: keys for every message,
 * channel and operation, the services (an imported document each, and one per producer or
 * consumer the tool made), and the operations each performs — those read from AsyncAPI, kept
 * while the design still does them, and new ones for what the design does beyond them. Built in
 * one pass over the design (linear). Pure.
 */
import type { ChannelContract, ContractFields, ServiceContract } from '../../model/contracts';
import type { Consumer, EventType, FlowDocument, Producer } from '../../model/types';
import { inheritanceChain } from '../contracts/eventSchemas';

/** AsyncAPI component keys: `^[A-Za-z0-9.\-_]+$`. */
export const componentKey = (name: string) => (name.replace(/[^A-Za-z0-9.\-_]/g, '_') || 'item').replace(/^__proto__$/, '_proto_');

export function uniqueKey(wanted: string, taken: Set<string>): string {
  const clean = componentKey(wanted);
  let key = clean;
  for (let n = 2; taken.has(key); n++) key = `${clean}_${n}`;
  taken.add(key);
  return key;
}

export interface PlannedChannel {
  key: string;
  address?: string | null;
  fields: ContractFields;
  /** Key in the channel → event type id. */
  messages: { key: string; eventTypeId: string }[];
}

export interface PlannedOperation {
  key: string;
  action: 'send' | 'receive';
  nodeId: string;
  channel: PlannedChannel;
  eventTypeIds: string[];
  fields: ContractFields;
}

export interface PlannedService {
  title: string;
  contract?: ServiceContract;
  nodeIds: string[];
  operations: PlannedOperation[];
  /** The channels its document declared (written in its own file even when no operation uses them). */
  channels: PlannedChannel[];
}

export interface ExportPlan {
  messageKeys: Map<string, string>;
  channels: PlannedChannel[];
  services: PlannedService[];
}

type Node = Producer | Consumer;

/** The event types a node sends (commands' and handlers' emissions) and the ones it handles. */
function behaviour(node: Node): { sends: Set<string>; handles: Set<string> } {
  if (node.kind === 'producer') return { sends: new Set(node.commands.flatMap((c) => c.emits.map((e) => e.eventTypeId))), handles: new Set() };
  return {
    sends: new Set(node.handlers.flatMap((h) => h.emits.map((e) => e.eventTypeId))),
    handles: new Set(node.handlers.map((h) => h.eventTypeId)),
  };
}

/** Plans the export (see the module comment). */
export function planExport(doc: FlowDocument): ExportPlan {
  const byId = new Map(doc.eventTypes.map((t) => [t.id, t]));
  const messageKeys = new Map<string, string>();
  const takenMessages = new Set<string>();
  for (const type of doc.eventTypes) if (!type.abstract) messageKeys.set(type.id, uniqueKey(type.message?.key ?? type.name, takenMessages));

  // Which concrete types each type stands for (a handler of a base receives its subtypes).
  const members = new Map<string, EventType[]>();
  for (const type of doc.eventTypes) {
    if (type.abstract) continue;
    for (const base of inheritanceChain(byId, type)) members.set(base.id, [...(members.get(base.id) ?? []), type]);
  }

  const takenChannels = new Set<string>();
  const channels: PlannedChannel[] = [];
  const channelByContract = new Map<string, PlannedChannel>();
  const channelOfType = new Map<string, PlannedChannel>();
  for (const contract of doc.asyncapi?.channels ?? []) {
    const planned = plannedContractChannel(contract, messageKeys, takenChannels);
    channels.push(planned);
    channelByContract.set(contract.key, planned);
    for (const m of planned.messages) if (!channelOfType.has(m.eventTypeId)) channelOfType.set(m.eventTypeId, planned);
  }
  const generatedFor = new Map<string, PlannedChannel>();
  /** The channel an operation on `type` uses: a channel that carries it, else one made for it. */
  const channelFor = (type: EventType): PlannedChannel | undefined => {
    const concrete = members.get(type.id) ?? [];
    if (concrete.length === 0) return undefined;
    if (!type.abstract && concrete.length === 1) {
      const known = channelOfType.get(type.id);
      if (known) return known;
    }
    let channel = generatedFor.get(type.id);
    if (!channel) {
      channel = {
        key: uniqueKey(type.name, takenChannels),
        address: type.name,
        fields: type.description ? { description: type.description } : {},
        messages: concrete.map((t) => ({ key: messageKeys.get(t.id)!, eventTypeId: t.id })),
      };
      generatedFor.set(type.id, channel);
      channels.push(channel);
    }
    return channel;
  };

  const nodes = new Map<string, Node>([...doc.producers, ...doc.consumers].map((n) => [n.id, n]));
  const behaviours = new Map([...nodes.values()].map((n) => [n.id, behaviour(n)]));
  const takenOps = new Set<string>();
  const covered = new Set<string>();
  const services: PlannedService[] = [];
  const inService = new Set<string>();
  for (const contract of doc.asyncapi?.services ?? []) {
    const nodeIds = contract.nodeIds.filter((id) => nodes.has(id));
    nodeIds.forEach((id) => inService.add(id));
    const operations: PlannedOperation[] = [];
    for (const op of contract.operations) {
      const does = behaviours.get(op.nodeId);
      const channel = channelByContract.get(op.channel);
      if (!does || !channel) continue;
      const handled = (id: string) => does.handles.has(id) || inheritanceChain(byId, byId.get(id)!).some((t) => does.handles.has(t.id));
      const eventTypeIds = op.eventTypeIds.filter((id) => byId.has(id) && channel.messages.some((m) => m.eventTypeId === id) && (op.action === 'send' ? does.sends.has(id) : handled(id)));
      if (eventTypeIds.length === 0) continue;
      eventTypeIds.forEach((id) => covered.add(`${op.nodeId}|${op.action}|${id}`));
      if (op.action === 'receive') does.handles.forEach((h) => eventTypeIds.some((id) => id === h || inheritanceChain(byId, byId.get(id)!).some((t) => t.id === h)) && covered.add(`${op.nodeId}|receive|${h}`));
      operations.push({ key: uniqueKey(op.key, takenOps), action: op.action, nodeId: op.nodeId, channel, eventTypeIds, fields: op.fields });
    }
    const own = (contract.channels ?? []).map((key) => channelByContract.get(key)).filter((c): c is PlannedChannel => c !== undefined);
    services.push({ title: contract.title, contract, nodeIds, operations, channels: own });
  }
  const serviceOf = new Map<string, PlannedService>();
  for (const service of services) for (const id of service.nodeIds) serviceOf.set(id, service);
  for (const node of nodes.values()) {
    let service = serviceOf.get(node.id);
    if (!service) {
      service = { title: node.name, nodeIds: [node.id], operations: [], channels: [] };
      services.push(service);
      serviceOf.set(node.id, service);
    }
    const does = behaviours.get(node.id)!;
    const add = (action: 'send' | 'receive', typeId: string) => {
      if (covered.has(`${node.id}|${action}|${typeId}`)) return;
      const type = byId.get(typeId);
      const channel = type && channelFor(type);
      if (!type || !channel) return;
      covered.add(`${node.id}|${action}|${typeId}`);
      const eventTypeIds = action === 'send' ? [typeId] : channel.messages.map((m) => m.eventTypeId);
      service.operations.push({
        key: uniqueKey(`${node.name}.${action}.${type.name}`, takenOps), action, nodeId: node.id, channel, eventTypeIds,
        fields: { summary: `${node.name} ${action === 'send' ? 'publishes' : 'handles'} ${type.name}` },
      });
    };
    does.sends.forEach((id) => add('send', id));
    does.handles.forEach((id) => add('receive', id));
  }
  return { messageKeys, channels, services };
}

function plannedContractChannel(contract: ChannelContract, messageKeys: Map<string, string>, taken: Set<string>): PlannedChannel {
  const channel: PlannedChannel = {
    key: uniqueKey(contract.key, taken),
    fields: contract.fields,
    messages: contract.messages.filter((m) => messageKeys.has(m.eventTypeId)),
  };
  if (contract.address !== undefined) channel.address = contract.address;
  return channel;
}
