import { inheritanceChain } from './inheritance';
import { findNode } from './nodes';
import type { Consumer, EdgeKind, EventType, FlowDocument, FlowNode, Producer } from './types';

export type ConnectionCheck = { ok: true; kind: EdgeKind } | { ok: false; reason: string };

const refuse = (reason: string): ConnectionCheck => ({ ok: false, reason });

function producerEmits(producer: Producer, eventTypeId: string): boolean {
  return producer.commands.some((command) => command.emits.some((e) => e.eventTypeId === eventTypeId));
}

function consumerEmits(consumer: Consumer, eventTypeId: string): boolean {
  return consumer.handlers.some((handler) => handler.emits.some((e) => e.eventTypeId === eventTypeId));
}

function checkEmission(doc: FlowDocument, source: Producer | Consumer, event: EventType): ConnectionCheck {
  if (event.abstract) {
    return refuse(`${event.name} is abstract: it is a base for other event types and is never emitted on its own. Emit one of its subtypes`);
  }
  if (source.kind === 'producer') {
    return producerEmits(source, event.id) ? refuse(`${source.name} already emits ${event.name}`) : { ok: true, kind: 'emits' };
  }
  const first = source.handlers[0];
  if (!first) {
    return refuse(`${source.name} subscribes to no event yet: connect an event type to it first, then it can emit`);
  }
  if (consumerEmits(source, event.id)) return refuse(`${source.name} already emits ${event.name}`);
  if (inheritanceChain(doc, event.id).some((type) => type.id === first.eventTypeId)) {
    return refuse(`${source.name} handles ${event.name} itself: emitting it from that handler would loop forever`);
  }
  return { ok: true, kind: 'emits' };
}

function checkFromEvent(event: EventType, target: FlowNode): ConnectionCheck {
  switch (target.kind) {
    case 'consumer':
      return target.handlers.some((h) => h.eventTypeId === event.id)
        ? refuse(`${target.name} already subscribes to ${event.name}`)
        : { ok: true, kind: 'subscribes' };
    case 'producer':
      return refuse('Events are delivered to consumers, not to producers');
    case 'event':
      return refuse("Use 'extends' in the inspector to make one event type inherit another");
    case 'projection':
      return refuse('An event cannot update a projection by itself: connect it to a consumer, and the consumer to the projection');
  }
}

function checkFromProducer(doc: FlowDocument, producer: Producer, target: FlowNode): ConnectionCheck {
  switch (target.kind) {
    case 'event':
      return checkEmission(doc, producer, target);
    case 'consumer':
      return refuse('Producers do not call consumers: connect the producer to an event type, and the event type to the consumer');
    case 'producer':
      return refuse('Producers do not call each other: they communicate through event types');
    case 'projection':
      return refuse('A producer does not update read models: a consumer of its events does');
  }
}

function checkFromConsumer(doc: FlowDocument, consumer: Consumer, target: FlowNode): ConnectionCheck {
  switch (target.kind) {
    case 'event':
      return checkEmission(doc, consumer, target);
    case 'projection':
      if (consumer.handlers.length === 0) {
        return refuse(`${consumer.name} subscribes to no event yet: connect an event type to it first, then it can update a projection`);
      }
      return consumer.handlers.some((h) => h.effects.some((effect) => effect.projectionId === target.id))
        ? refuse(`${consumer.name} already updates ${target.name}`)
        : { ok: true, kind: 'updates' };
    case 'consumer':
      return refuse('Consumers do not call each other: let the first emit an event type that the second subscribes to');
    case 'producer':
      return refuse("A consumer cannot call a producer's commands: events flow from producers to consumers");
  }
}

/**
 * Whether a connection from `sourceId` to `targetId` is legal, and which edge it makes. Legal:
 * producer→event and consumer→event (`emits`), event→consumer (`subscribes`),
 * consumer→projection (`updates`). Anything else is refused with a reason for the user. Pure.
 */
export function canConnect(doc: FlowDocument, sourceId: string, targetId: string): ConnectionCheck {
  const source = findNode(doc, sourceId);
  const target = findNode(doc, targetId);
  if (!source) return refuse(`There is no node '${sourceId}'`);
  if (!target) return refuse(`There is no node '${targetId}'`);
  if (source.id === target.id) return refuse(`${source.name} cannot be connected to itself`);
  switch (source.kind) {
    case 'projection':
      return refuse('A projection is a read model: nothing flows out of it');
    case 'event':
      return checkFromEvent(source, target);
    case 'producer':
      return checkFromProducer(doc, source, target);
    case 'consumer':
      return checkFromConsumer(doc, source, target);
  }
}
