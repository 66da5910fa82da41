import { setOwn } from './ownKeys';
import { FlowOperationError } from './FlowOperationError';
import {
  CURRENT_SCHEMA_VERSION,
  type Consumer,
  type EventType,
  type FlowDocument,
  type FlowNode,
  type NodeKind,
  type Position,
  type Producer,
  type Projection,
} from './types';

/** A new, empty design. Pure. */
export function createEmptyDocument(id: string, name: string): FlowDocument {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id,
    name,
    description: '',
    eventTypes: [],
    producers: [],
    consumers: [],
    projections: [],
    envelope: { kind: 'eventflow' },
    schemaLibrary: [],
    layout: { positions: {} },
  };
}

/** Every node of the design: event types, producers, consumers, projections (in that order). Pure. */
export function allNodes(doc: FlowDocument): FlowNode[] {
  return [...doc.eventTypes, ...doc.producers, ...doc.consumers, ...doc.projections];
}

/** The node with this id, of any kind. Pure. */
export function findNode(doc: FlowDocument, id: string): FlowNode | undefined {
  return allNodes(doc).find((node) => node.id === id);
}

/** Ids already in use by nodes, commands or stale layout entries. */
function usedIds(doc: FlowDocument): Set<string> {
  const ids = new Set<string>(Object.keys(doc.layout.positions));
  for (const node of allNodes(doc)) ids.add(node.id);
  for (const producer of doc.producers) for (const command of producer.commands) ids.add(command.id);
  return ids;
}

/** The first `${prefix}-${n}` (n from `start`) that is not in `taken`. */
export function firstFreeId(taken: ReadonlySet<string>, prefix: string, start = 1): string {
  let n = Math.max(1, start);
  while (taken.has(`${prefix}-${n}`)) n++;
  return `${prefix}-${n}`;
}

/**
 * A fresh node id for a kind, e.g. `consumer-3`: deterministic (the same document gives the
 * same id) and unique among node ids, command ids and layout entries. Pure.
 */
export function newNodeId(doc: FlowDocument, kind: NodeKind): string {
  const count = allNodes(doc).filter((node) => node.kind === kind).length;
  return firstFreeId(usedIds(doc), kind, count + 1);
}

/** A command id unique in the whole document, e.g. `producer-1-command-2`. Pure. */
export function newCommandId(doc: FlowDocument, producerId: string): string {
  return firstFreeId(usedIds(doc), `${producerId}-command`);
}

/** `base` if no node has that name yet, else `base2`, `base3`… (a trailing number is replaced). */
export function uniqueNameAmong(taken: ReadonlySet<string>, base: string): string {
  if (!taken.has(base)) return base;
  const stem = base.replace(/\d+$/, '') || base;
  let n = 2;
  while (taken.has(`${stem}${n}`)) n++;
  return `${stem}${n}`;
}

/** A node name no other node has: `OrderPlaced`, then `OrderPlaced2`, `OrderPlaced3`… Pure. */
export function uniqueName(doc: FlowDocument, base: string): string {
  return uniqueNameAmong(new Set(allNodes(doc).map((node) => node.name)), base);
}

const DEFAULT_NAMES: Record<NodeKind, string> = {
  event: 'NewEvent',
  producer: 'new-producer',
  consumer: 'new-consumer',
  projection: 'new-projection',
};

/** A usable node of a kind with sensible defaults (see `addNode`). Pure. */
export function defaultNode(doc: FlowDocument, kind: NodeKind, id: string, name: string): FlowNode {
  switch (kind) {
    case 'event': {
      const event: EventType = {
        id, kind, name, description: '', version: 1, aggregateIdPath: '/id',
        payload: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] },
      };
      return event;
    }
    case 'producer': {
      const producer: Producer = {
        id, kind, name, description: '', aggregate: 'item', publishMode: 'outbox',
        commands: [{
          id: firstFreeId(new Set([...usedIds(doc), id]), `${id}-command`),
          name: 'CreateItem',
          // No template text (a description like "Id of the item"): it would outlive the renames.
          input: { type: 'object', properties: { id: { type: 'string', format: 'uuid' } }, required: ['id'] },
          aggregateId: { from: 'input', path: '/id' },
          rowChanges: [],
          emits: [],
        }],
      };
      return producer;
    }
    case 'consumer': {
      const consumer: Consumer = {
        id, kind, name, description: '', useInbox: true, retryLimit: 3, publishMode: 'outbox', handlers: [],
      };
      return consumer;
    }
    case 'projection': {
      const projection: Projection = {
        id, kind, name, description: '', key: 'id', columns: [{ name: 'id', type: 'string' }],
      };
      return projection;
    }
  }
}

/** The document with `node` appended to the array of its kind. Pure. */
export function withNodeAppended(doc: FlowDocument, node: FlowNode): FlowDocument {
  switch (node.kind) {
    case 'event': return { ...doc, eventTypes: [...doc.eventTypes, node] };
    case 'producer': return { ...doc, producers: [...doc.producers, node] };
    case 'consumer': return { ...doc, consumers: [...doc.consumers, node] };
    case 'projection': return { ...doc, projections: [...doc.projections, node] };
  }
}

/**
 * Adds a node of a kind at a position, with defaults that make it usable at once: an event
 * type `NewEvent` (version 1, one required uuid `id` that is its aggregate id); a producer
 * with an `item` aggregate, outbox on and one command; a consumer with inbox on, retry limit 3
 * and outbox; a projection keyed by an `id` column. The name is made unique (`NewEvent2`…).
 * Pure. Throws FlowOperationError when the id is already taken.
 */
export function addNode(
  doc: FlowDocument,
  kind: NodeKind,
  options: { id: string; name?: string; position: Position },
): FlowDocument {
  if (usedIds(doc).has(options.id)) throw new FlowOperationError(`The id '${options.id}' is already in use`);
  const name = uniqueName(doc, options.name?.trim() || DEFAULT_NAMES[kind]);
  const node = defaultNode(doc, kind, options.id, name);
  const added = withNodeAppended(doc, node);
  return { ...added, layout: { ...doc.layout, positions: { ...doc.layout.positions, [options.id]: { ...options.position } } } };
}

/**
 * Replaces the node that has the same id (how the inspector edits). References are by id, so
 * renaming never breaks them. Pure. Throws FlowOperationError when no node of that kind has the id.
 */
export function replaceNode(doc: FlowDocument, node: FlowNode): FlowDocument {
  const existing = findNode(doc, node.id);
  if (!existing) throw new FlowOperationError(`There is no node '${node.id}' to replace`);
  if (existing.kind !== node.kind) {
    throw new FlowOperationError(`'${existing.name}' is a ${existing.kind}; it cannot become a ${node.kind}`);
  }
  const swap = <T extends FlowNode>(list: T[], replacement: T): T[] =>
    list.map((item) => (item.id === replacement.id ? replacement : item));
  switch (node.kind) {
    case 'event': return { ...doc, eventTypes: swap(doc.eventTypes, node) };
    case 'producer': return { ...doc, producers: swap(doc.producers, node) };
    case 'consumer': return { ...doc, consumers: swap(doc.consumers, node) };
    case 'projection': return { ...doc, projections: swap(doc.projections, node) };
  }
}

/** Sets the positions of the given nodes; ids of nodes that do not exist are ignored. Pure. */
export function moveNodes(doc: FlowDocument, positions: Record<string, Position>): FlowDocument {
  const next = { ...doc.layout.positions };
  let changed = false;
  for (const [id, position] of Object.entries(positions)) {
    if (!findNode(doc, id)) continue;
    setOwn(next, id, { x: position.x, y: position.y });
    changed = true;
  }
  return changed ? { ...doc, layout: { ...doc.layout, positions: next } } : doc;
}
