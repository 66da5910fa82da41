import type { Edge, Node } from '@xyflow/react';
import {
  deriveEdges, effectiveAggregateIdPath, eventPayloadPaths, findNode, schemaSummary,
  type Consumer, type EventType, type FlowDocument, type FlowEdge, type FlowNode, type Producer,
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

const KIND_LABEL: Record<FlowNode['kind'], string> = {
  event: 'Event', producer: 'Producer', consumer: 'Consumer', projection: 'Projection',
};

/** The accessible name of a node: "Event VideoInputEvent". */
export function nodeAriaLabel(node: FlowNode): string {
  return `${KIND_LABEL[node.kind]} ${node.name}`;
}

const nameOf = (doc: FlowDocument, id: string) => findNode(doc, id)?.name ?? id;

function eventView(doc: FlowDocument, event: EventType): EventView {
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
  const base = event.extends === undefined ? undefined : nameOf(doc, event.extends);
  return { kind: 'event', baseName: base, fields, hiddenFields: paths.length - fields.length };
}

function producerView(doc: FlowDocument, producer: Producer): ProducerView {
  return {
    kind: 'producer',
    commands: producer.commands.map((c) => ({ id: c.id, name: c.name, emits: c.emits.map((e) => nameOf(doc, e.eventTypeId)) })),
  };
}

function effectSummary(doc: FlowDocument, effect: ProjectionEffect): string {
  const target = nameOf(doc, effect.projectionId);
  return effect.kind === 'increment' ? `increment ${target}.${effect.column}` : `${effect.kind} ${target}`;
}

function consumerView(doc: FlowDocument, consumer: Consumer): ConsumerView {
  return {
    kind: 'consumer',
    handlers: consumer.handlers.map((h) => ({
      eventName: nameOf(doc, h.eventTypeId),
      effects: h.effects.map((effect) => effectSummary(doc, effect)),
      emits: h.emits.map((e) => nameOf(doc, e.eventTypeId)),
    })),
  };
}

/** What a node shows besides its own data, resolved against the design. */
export function nodeView(doc: FlowDocument, node: FlowNode): NodeView {
  switch (node.kind) {
    case 'event': return eventView(doc, node);
    case 'producer': return producerView(doc, node);
    case 'consumer': return consumerView(doc, node);
    case 'projection': return { kind: 'projection' };
  }
}

type Side = 'left' | 'right';
const OPPOSITE: Record<Side, Side> = { left: 'right', right: 'left' };

/**
 * Where an `extends` line attaches. Side by side: the sides that face each other. Stacked (one
 * above the other): both right sides, so the line runs as a bracket in the gap beside the column
 * instead of through the cards between a base and its lower children.
 */
function facingSides(doc: FlowDocument, childId: string, baseId: string) {
  const child = doc.layout.positions[childId] ?? { x: 0, y: 0 };
  const base = doc.layout.positions[baseId] ?? { x: 0, y: 0 };
  const dx = base.x - child.x;
  const dy = base.y - child.y;
  if (Math.abs(dy) * 1.5 >= Math.abs(dx)) return { sourceHandle: 'ext-out-right', targetHandle: 'ext-in-right' };
  const side: Side = dx < 0 ? 'left' : 'right';
  return { sourceHandle: `ext-out-${side}`, targetHandle: `ext-in-${OPPOSITE[side]}` };
}

const EDGE_VERB: Record<FlowEdge['kind'], string> = { emits: 'emits', subscribes: 'is consumed by', updates: 'updates' };

/** Canvas edges: the derived semantic edges plus dashed, inert `extends` edges. */
export function canvasEdges(doc: FlowDocument, selectedEdgeIds: ReadonlySet<string>): Edge[] {
  const semantic: Edge[] = deriveEdges(doc).map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: 'out',
    targetHandle: 'in',
    type: 'flow',
    data: { kind: edge.kind },
    selected: selectedEdgeIds.has(edge.id),
    ariaLabel: `${nameOf(doc, edge.source)} ${EDGE_VERB[edge.kind]} ${nameOf(doc, edge.target)}`,
  }));
  const inheritance: Edge[] = doc.eventTypes
    .filter((event) => event.extends !== undefined && findNode(doc, event.extends))
    .map((event) => ({
      id: `extends:${event.id}->${event.extends}`,
      source: event.id,
      target: event.extends as string,
      ...facingSides(doc, event.id, event.extends as string),
      type: 'inheritance',
      selectable: false,
      deletable: false,
      focusable: false,
      ariaLabel: `${event.name} extends ${nameOf(doc, event.extends as string)}`,
    }));
  return [...inheritance, ...semantic];
}
