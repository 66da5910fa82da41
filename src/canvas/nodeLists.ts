import type { FlowDocument } from '../core';

/** The four node lists of a design: what a node's content depends on (moves change only the layout). */
export type NodeLists = readonly [FlowDocument['eventTypes'], FlowDocument['producers'], FlowDocument['consumers'], FlowDocument['projections']];

export const nodeListsOf = (doc: FlowDocument): NodeLists => [doc.eventTypes, doc.producers, doc.consumers, doc.projections];

/** True when no node was added, removed or edited (the lists are the same objects). */
export function sameNodeLists(a: NodeLists | undefined, b: NodeLists): boolean {
  return a !== undefined && a.every((list, i) => list === b[i]);
}
