import type { Node } from '@xyflow/react';
import {
  effectiveAggregateIdField, inheritanceChain,
  type Consumer, type EventType, type FieldDef, type FlowDocument, type FlowNode, type Producer,
  type ProjectionEffect,
} from '../core';

/** A field as an event node lists it: own or inherited (and from which base). */
export interface ListedField {
  field: FieldDef;
  inheritedFrom?: string;
  isAggregateId: boolean;
}

export interface EventView { kind: 'event'; baseName?: string; fields: ListedField[] }
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
  const chain = inheritanceChain(doc, event.id);
  const aggregateId = effectiveAggregateIdField(doc, event.id);
  const byName = new Map<string, ListedField>();
  for (const type of chain) {
    for (const field of type.fields) {
      byName.set(field.name, {
        field,
        inheritedFrom: type.id === event.id ? undefined : type.name,
        isAggregateId: field.name === aggregateId,
      });
    }
  }
  const base = event.extends === undefined ? undefined : nameIn(index, event.extends);
  return { kind: 'event', baseName: base, fields: [...byName.values()] };
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
      effects: h.effects.map((effect) => effectSummary(index, effect)),
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
