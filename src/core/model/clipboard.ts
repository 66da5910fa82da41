import { getOwn, setOwn } from './ownKeys';
import { FlowOperationError } from './FlowOperationError';
import { allNodes, firstFreeId, newNodeId, uniqueNameAmong, withNodeAppended } from './nodes';
import { deriveEdges } from './deriveEdges';
import { flowNodeShape } from './restore/documentShape';
import { ShapeChecker, exactly, finiteNumber, listOf, recordOf, shape } from './restore/ShapeChecker';
import type { FlowDocument, FlowEdge, FlowNode, Position } from './types';

/** What copy puts on the clipboard: plain JSON, safe to stringify and paste into another design. */
export interface ClipboardPayload {
  format: 'event-flow-designer/nodes';
  version: 1;
  /** Deep copies of the copied nodes; their references keep the original ids. */
  nodes: FlowNode[];
  /** Positions relative to the top-left corner of the copied nodes. */
  positions: Record<string, Position>;
  /** The connections among the copied nodes (informative: paste rebuilds them from `nodes`). */
  edges: FlowEdge[];
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** Copies the nodes with these ids (unknown ids ignored), with relative positions. Pure. */
export function copyNodes(doc: FlowDocument, ids: string[]): ClipboardPayload {
  const wanted = new Set(ids);
  const nodes = allNodes(doc).filter((node) => wanted.has(node.id));
  const absolute = nodes.map((node) => ({ id: node.id, at: getOwn(doc.layout.positions, node.id) ?? { x: 0, y: 0 } }));
  const minX = Math.min(...absolute.map((entry) => entry.at.x));
  const minY = Math.min(...absolute.map((entry) => entry.at.y));
  const positions: Record<string, Position> = {};
  for (const { id, at } of absolute) setOwn(positions, id, { x: at.x - minX, y: at.y - minY });
  const copied = new Set(nodes.map((node) => node.id));
  const edges = deriveEdges(doc).filter((edge) => copied.has(edge.source) && copied.has(edge.target));
  return { format: 'event-flow-designer/nodes', version: 1, nodes: clone(nodes), positions, edges };
}

const payloadShape = shape({
  format: exactly('event-flow-designer/nodes'),
  nodes: listOf(flowNodeShape),
  positions: recordOf(shape({ x: finiteNumber, y: finiteNumber })),
});

/** The clipboard may hold anything a user copied elsewhere: check it as strictly as a file. */
function assertPayload(payload: unknown): asserts payload is ClipboardPayload {
  const checker = new ShapeChecker();
  payloadShape(checker, payload, '');
  const first = checker.errors[0];
  if (first) throw new FlowOperationError(`The clipboard does not hold nodes of a flow design (${first.path} ${first.message})`);
}

/** Rewrites the references of a pasted node: copied targets get their new id, vanished ones are dropped. */
function remapReferences(node: FlowNode, target: (oldId: string) => string | undefined): FlowNode {
  switch (node.kind) {
    case 'event': {
      if (node.extends === undefined) return node;
      const base = target(node.extends);
      const { extends: _old, ...rest } = node;
      return base === undefined ? rest : { ...rest, extends: base };
    }
    case 'producer':
      return {
        ...node,
        commands: node.commands.map((command) => ({
          ...command,
          emits: command.emits.flatMap((e) => { const id = target(e.eventTypeId); return id ? [{ ...e, eventTypeId: id }] : []; }),
        })),
      };
    case 'consumer':
      return {
        ...node,
        handlers: node.handlers.flatMap((handler) => {
          const eventTypeId = target(handler.eventTypeId);
          if (!eventTypeId) return [];
          return [{
            eventTypeId,
            effects: handler.effects.flatMap((fx) => { const id = target(fx.projectionId); return id ? [{ ...fx, projectionId: id }] : []; }),
            emits: handler.emits.flatMap((e) => { const id = target(e.eventTypeId); return id ? [{ ...e, eventTypeId: id }] : []; }),
          }];
        }),
      };
    case 'projection':
      return node;
  }
}

/**
 * Pastes copied nodes at `offset` (plus their relative positions), with fresh ids, fresh command
 * ids and unique names. References among the copied nodes point to the new copies; references
 * to other nodes are kept if those still exist in `doc`, dropped otherwise. Pure. Throws
 * FlowOperationError when the payload is not a clipboard payload.
 */
export function pasteNodes(
  doc: FlowDocument,
  payload: ClipboardPayload,
  offset: Position,
): { doc: FlowDocument; newIds: string[] } {
  assertPayload(payload);
  const nodes = clone(payload.nodes);
  const existing = new Set(allNodes(doc).map((node) => node.id));
  const idMap = new Map<string, string>();
  let working = doc;
  for (const node of nodes) {
    const fresh = newNodeId(working, node.kind);
    idMap.set(node.id, fresh);
    // Reserve the id so the next node of this kind gets another one.
    working = { ...working, layout: { ...working.layout, positions: { ...working.layout.positions, [fresh]: { x: 0, y: 0 } } } };
  }
  const target = (oldId: string) => idMap.get(oldId) ?? (existing.has(oldId) ? oldId : undefined);
  const names = new Set(allNodes(doc).map((node) => node.name));
  const taken = new Set([...Object.keys(working.layout.positions), ...doc.producers.flatMap((p) => p.commands.map((c) => c.id))]);
  let result = doc;
  const positions = { ...doc.layout.positions };
  for (const node of nodes) {
    const id = idMap.get(node.id) as string;
    const name = uniqueNameAmong(names, node.name);
    names.add(name);
    let pasted = remapReferences({ ...node, id, name }, target);
    if (pasted.kind === 'producer') {
      pasted = {
        ...pasted,
        commands: pasted.commands.map((command) => {
          const commandId = firstFreeId(taken, `${id}-command`);
          taken.add(commandId);
          return { ...command, id: commandId };
        }),
      };
    }
    result = withNodeAppended(result, pasted);
    const relative = getOwn(payload.positions, node.id) ?? { x: 0, y: 0 };
    setOwn(positions, id, { x: offset.x + relative.x, y: offset.y + relative.y });
  }
  return { doc: { ...result, layout: { ...result.layout, positions } }, newIds: [...idMap.values()] };
}
