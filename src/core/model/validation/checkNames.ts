import { allNodes } from '../nodes';
import type { FlowNode } from '../types';
import { ProblemSink } from './problems';

/** The JSON pointer of a node: `/eventTypes/2`, `/consumers/0`… */
export function nodePath(sink: ProblemSink, node: FlowNode): string {
  const { doc } = sink;
  switch (node.kind) {
    case 'event': return `/eventTypes/${doc.eventTypes.indexOf(node)}`;
    case 'producer': return `/producers/${doc.producers.indexOf(node)}`;
    case 'consumer': return `/consumers/${doc.consumers.indexOf(node)}`;
    case 'projection': return `/projections/${doc.projections.indexOf(node)}`;
  }
}

const KIND_WORDS = { event: 'event type', producer: 'producer', consumer: 'consumer', projection: 'projection' } as const;

/** A node as a user reads it: its name, or its kind and id when it has no name. */
export function label(node: FlowNode): string {
  return node.name.trim() || `unnamed ${KIND_WORDS[node.kind]} '${node.id}'`;
}

/** Empty names, duplicate node names and ids across the design. */
export function checkNodeNames(sink: ProblemSink): void {
  const byName = new Map<string, FlowNode>();
  const byId = new Map<string, FlowNode>();
  for (const node of allNodes(sink.doc)) {
    const path = nodePath(sink, node);
    const firstWithId = byId.get(node.id);
    if (firstWithId) {
      sink.add('duplicate-id', `${path}/id`, `${label(node)}: id '${node.id}' is also the id of ${label(firstWithId)}`, node.id);
    } else {
      byId.set(node.id, node);
    }
    if (!node.name.trim()) {
      sink.add('empty-name', `${path}/name`, `The ${KIND_WORDS[node.kind]} '${node.id}' has no name: give it one in its inspector`, node.id);
      continue;
    }
    const first = byName.get(node.name);
    if (first) {
      sink.add('duplicate-name', `${path}/name`,
        `${node.name}: another node (${KIND_WORDS[first.kind]}) already has this name: rename one of them`, node.id);
    } else {
      byName.set(node.name, node);
    }
  }
}

/** Empty and duplicate names in a list of columns or commands that belongs to one node. */
export function checkListNames(
  sink: ProblemSink,
  node: FlowNode,
  listPath: string,
  items: readonly { name: string }[],
  what: string,
): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const path = `${listPath}/${index}/name`;
    if (!item.name.trim()) {
      sink.add('empty-name', path, `${label(node)}: ${what} #${index + 1} has no name: give it one in the inspector`, node.id);
    } else if (seen.has(item.name)) {
      sink.add('duplicate-field', path, `${label(node)}: two ${what}s are called '${item.name}': rename one of them`, node.id);
    }
    seen.add(item.name);
  });
}
