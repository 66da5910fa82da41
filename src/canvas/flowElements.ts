import type { Node } from '@xyflow/react';
import {
  effectiveAggregateIdPath, eventPayloadPaths, schemaSummary,
  type Consumer, type EventType, type FlowDocument, type FlowNode, type Producer,
  type ProjectionEffect,
} from '../core';

/** A value of the payload as an event node lists it: nested ones indented, inherited ones marked. */
export interface ListedField {
  /** JSON Pointer of the value (unique: the row's key). */
  path: string;
  name: string;
  /** 1 for a top-level property. */
  depth: number;
  /** Its type in a word or two: `string`, `integer | null`, `object`, `Line[]`. */
  summary: string;
  required: boolean;
  description?: string;
  inheritedFrom?: string;
  isAggregateId: boolean;
  /** A property of the items of a list. */
  inList?: boolean;
}

/** An event card lists at most this many values; the rest are counted ("+ 4,988 more"). */
export const MAX_LISTED_FIELDS = 24;

export interface EventView { kind: 'event'; baseName?: string; fields: ListedField[]; hiddenFields: number }
export interface ProducerView { kind: 'producer'; commands: { id: string; name: string; emits: string[] }[] }
export interface ConsumerView {
  kind: 'consumer';
  handlers: { eventName: string; effects: string[]; emits: string[] }[];
}
export interface ProjectionView { kind: 'projection' }
export type NodeView = EventView | ProducerView | ConsumerView | ProjectionView;

/** Data of a canvas node: the domain node plus names resolved from the rest of the design. */
export interface FlowNodeData extends Record<string, unknown> {
  node: FlowNode;
  view: NodeView;
  problemCount: number;
}

export type CanvasNode = Node<FlowNodeData>;

/** Every node of a design by id: one lookup instead of a scan of all nodes per name. */
export type NodeIndex = ReadonlyMap<string, FlowNode>;

/** The id → node index of a design. Pure; build it once per change of the node lists, not per move. */
export function indexNodes(doc: FlowDocument): NodeIndex {
  const index = new Map<string, FlowNode>();
  for (const list of [doc.eventTypes, doc.producers, doc.consumers, doc.projections]) {
    for (const node of list) index.set(node.id, node);
  }
  return index;
}

const KIND_LABEL: Record<FlowNode['kind'], string> = {
  event: 'Event', producer: 'Producer', consumer: 'Consumer', projection: 'Projection',
};

/** The accessible name of a node: "Event VideoInputEvent". */
export function nodeAriaLabel(node: FlowNode): string {
  return `${KIND_LABEL[node.kind]} ${node.name}`;
}

/** The name of a node, or its id when it is missing (the validator reports dangling references). */
export const nameIn = (index: NodeIndex, id: string) => index.get(id)?.name ?? id;

function eventView(doc: FlowDocument, index: NodeIndex, event: EventType): EventView {
  const aggregateId = effectiveAggregateIdPath(doc, event.id);
  const paths = eventPayloadPaths(doc, event.id, { listItems: true });
  const shown = paths.slice(0, MAX_LISTED_FIELDS);
  // The aggregate id is always listed, even when it comes after the first rows.
  const aggregateEntry = paths.find((entry) => entry.path === aggregateId);
  if (aggregateEntry && !shown.includes(aggregateEntry)) shown.push(aggregateEntry);
  const fields = shown.map((entry): ListedField => {
    const description = typeof entry.schema === 'object' && typeof entry.schema.description === 'string' ? entry.schema.description : undefined;
    return {
      path: entry.path,
      name: entry.name,
      depth: entry.depth,
      summary: schemaSummary(entry.schema),
      required: entry.required,
      ...(description ? { description } : {}),
      ...(entry.inheritedFrom ? { inheritedFrom: entry.inheritedFrom } : {}),
      isAggregateId: entry.path === aggregateId,
      ...(entry.inList ? { inList: true } : {}),
    };
  });
  const base = event.extends === undefined ? undefined : nameIn(index, event.extends);
  return { kind: 'event', baseName: base, fields, hiddenFields: paths.length - fields.length };
}

function producerView(index: NodeIndex, producer: Producer): ProducerView {
  return {
    kind: 'producer',
    commands: producer.commands.map((c) => ({ id: c.id, name: c.name, emits: c.emits.map((e) => nameIn(index, e.eventTypeId)) })),
  };
}

function effectSummary(index: NodeIndex, effect: ProjectionEffect): string {
  const target = nameIn(index, effect.projectionId);
  return effect.kind === 'increment' ? `increment ${target}.${effect.column}` : `${effect.kind} ${target}`;
}

function consumerView(index: NodeIndex, consumer: Consumer): ConsumerView {
  return {
    kind: 'consumer',
    handlers: consumer.handlers.map((h) => ({
      eventName: nameIn(index, h.eventTypeId),
      effects: [...h.effects.map((effect) => effectSummary(index, effect)), ...(h.externalEffects ?? []).map((e) => `call out: ${e.name} (outside the transaction)`)],
      emits: h.emits.map((e) => nameIn(index, e.eventTypeId)),
    })),
  };
}

/** What a node shows besides its own data, resolved against the design (names through `index`). Pure. */
export function nodeView(doc: FlowDocument, node: FlowNode, index: NodeIndex = indexNodes(doc)): NodeView {
  switch (node.kind) {
    case 'event': return eventView(doc, index, node);
    case 'producer': return producerView(index, node);
    case 'consumer': return consumerView(index, node);
    case 'projection': return { kind: 'projection' };
  }
}
