import type { Consumer, EventType, FlowDocument, Handler, Producer } from './types';

/**
 * Drops every reference whose target is not `alive`: `extends`, emissions of commands and
 * handlers, handlers subscribed to a dropped event type (with their effects and emissions), and
 * effects on a dropped projection. Pure; arrays that lose nothing are kept as they were.
 */
export function pruneReferences(doc: FlowDocument, alive: (id: string) => boolean): FlowDocument {
  const eventTypes = doc.eventTypes.map((event): EventType => {
    if (event.extends === undefined || alive(event.extends)) return event;
    const { extends: _dropped, ...rest } = event;
    return rest;
  });
  const producers = doc.producers.map((producer): Producer => ({
    ...producer,
    commands: producer.commands.map((command) => ({
      ...command,
      emits: command.emits.filter((emission) => alive(emission.eventTypeId)),
    })),
  }));
  const consumers = doc.consumers.map((consumer): Consumer => ({
    ...consumer,
    handlers: consumer.handlers
      .filter((handler) => alive(handler.eventTypeId))
      .map((handler): Handler => ({
        ...handler,
        effects: handler.effects.filter((effect) => alive(effect.projectionId)),
        emits: handler.emits.filter((emission) => alive(emission.eventTypeId)),
      })),
  }));
  return { ...doc, eventTypes, producers, consumers };
}

/**
 * Removes the nodes, their positions and every reference to them: handlers subscribed to a
 * deleted event type, emissions of it, effects on a deleted projection, `extends` of a deleted
 * base. Unknown ids are ignored. Pure.
 */
export function deleteNodes(doc: FlowDocument, ids: string[]): FlowDocument {
  const doomed = new Set(ids);
  if (doomed.size === 0) return doc;
  const kept: FlowDocument = {
    ...doc,
    eventTypes: doc.eventTypes.filter((node) => !doomed.has(node.id)),
    producers: doc.producers.filter((node) => !doomed.has(node.id)),
    consumers: doc.consumers.filter((node) => !doomed.has(node.id)),
    projections: doc.projections.filter((node) => !doomed.has(node.id)),
    layout: {
      ...doc.layout,
      positions: Object.fromEntries(Object.entries(doc.layout.positions).filter(([id]) => !doomed.has(id))),
    },
  };
  return pruneReferences(kept, (id) => !doomed.has(id));
}
