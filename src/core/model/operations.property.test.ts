import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveEdges } from './deriveEdges';
import { addNode, allNodes, canConnect, connect, copyNodes, createEmptyDocument, deleteNodes, disconnect, newNodeId, pasteNodes } from './operations';
import { restoreFlowDocument } from './restore';
import type { FlowDocument, NodeKind } from './types';
import { validateFlow } from './validation';

const KINDS: NodeKind[] = ['event', 'producer', 'consumer', 'projection'];

type Step =
  | { op: 'add'; kind: NodeKind }
  | { op: 'connect'; pair: number }
  | { op: 'delete'; node: number }
  | { op: 'disconnect'; edge: number }
  | { op: 'copyPaste'; nodes: number[] };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant('add' as const), kind: fc.constantFrom(...KINDS) }) },
  { weight: 8, arbitrary: fc.record({ op: fc.constant('connect' as const), pair: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('delete' as const), node: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('disconnect' as const), edge: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('copyPaste' as const), nodes: fc.array(fc.nat(), { maxLength: 3 }) }) },
);

function apply(doc: FlowDocument, s: Step): FlowDocument {
  const nodes = allNodes(doc);
  const pick = (i: number) => nodes[i % Math.max(1, nodes.length)]?.id;
  switch (s.op) {
    case 'add':
      return addNode(doc, s.kind, { id: newNodeId(doc, s.kind), position: { x: nodes.length * 10, y: 0 } });
    case 'connect': {
      // Choose among the legal pairs, so that most attempts build something.
      const legal = nodes.flatMap((a) => nodes.filter((b) => canConnect(doc, a.id, b.id).ok).map((b) => [a.id, b.id] as const));
      const pair = legal[s.pair % Math.max(1, legal.length)];
      return pair ? connect(doc, pair[0], pair[1]) : doc;
    }
    case 'delete': {
      const id = pick(s.node);
      return id ? deleteNodes(doc, [id]) : doc;
    }
    case 'disconnect': {
      const edges = deriveEdges(doc);
      const edge = edges[s.edge % Math.max(1, edges.length)];
      return edge ? disconnect(doc, edge.id) : doc;
    }
    case 'copyPaste': {
      const ids = s.nodes.map(pick).filter((id): id is string => id !== undefined);
      return pasteNodes(doc, copyNodes(doc, ids), { x: 50, y: 50 }).doc;
    }
  }
}

describe('any sequence of editor operations', () => {
  it('keeps the document restorable, its edges on existing nodes, its ids and names unique', () => {
    let mostEdges = 0;
    fc.assert(fc.property(fc.array(step, { minLength: 5, maxLength: 40, size: 'max' }), (steps) => {
      let doc = createEmptyDocument('d', 'd');
      for (const s of steps) {
        const before = JSON.stringify(doc);
        const next = apply(doc, s);
        expect(JSON.stringify(doc)).toBe(before);
        doc = next;
      }
      const restored = restoreFlowDocument(doc);
      expect(restored.ok ? [] : restored.errors).toEqual([]);
      mostEdges = Math.max(mostEdges, deriveEdges(doc).length);
      const ids = new Set(allNodes(doc).map((n) => n.id));
      for (const edge of deriveEdges(doc)) expect(ids.has(edge.source) && ids.has(edge.target)).toBe(true);
      expect(Object.keys(doc.layout.positions).sort()).toEqual([...ids].sort());
      const structural = validateFlow(doc).filter((p) => ['unknown-reference', 'duplicate-id', 'duplicate-name', 'unknown-target', 'unknown-source', 'unavailable-source', 'required-field-unmapped'].includes(p.code));
      expect(structural).toEqual([]);
    }), { numRuns: 100, seed: 42 });
    // The runs must have built real flows, not only empty documents.
    expect(mostEdges).toBeGreaterThanOrEqual(8);
  });
});
