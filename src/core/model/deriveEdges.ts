import type { FlowDocument, FlowEdge, EdgeKind } from './types';

/**
 * The id of the derived edge of `kind` from `source` to `target`: the one spelling shared by the
 * canvas (`deriveEdges`) and the simulation engine (the edges a message travels on). Pure.
 */
export function edgeId(kind: EdgeKind, source: string, target: string): string {
  return `${kind}:${source}->${target}`;
}

function edge(kind: EdgeKind, source: string, target: string): FlowEdge {
  return { id: edgeId(kind, source, target), kind, source, target };
}

/**
 * The edges of a design, derived from its semantics: producer→event and consumer→event
 * (`emits`, from commands and handlers), event→consumer (`subscribes`, one per handler),
 * consumer→projection (`updates`, from handler effects). Pure; each edge appears once.
 */
export function deriveEdges(doc: FlowDocument): FlowEdge[] {
  const edges = new Map<string, FlowEdge>();
  const add = (e: FlowEdge) => edges.set(e.id, e);
  for (const producer of doc.producers) {
    for (const command of producer.commands) {
      for (const emission of command.emits) add(edge('emits', producer.id, emission.eventTypeId));
    }
  }
  for (const consumer of doc.consumers) {
    for (const handler of consumer.handlers) {
      add(edge('subscribes', handler.eventTypeId, consumer.id));
      for (const effect of handler.effects) add(edge('updates', consumer.id, effect.projectionId));
      for (const emission of handler.emits) add(edge('emits', consumer.id, emission.eventTypeId));
    }
  }
  return [...edges.values()];
}
