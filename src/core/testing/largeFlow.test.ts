import { describe, expect, it } from 'vitest';
import { allNodes, deriveEdges, restoreFlowDocument } from '../index';
import { makeLargeFlow } from './largeFlow';

describe('makeLargeFlow', () => {
  it('given a size and a seed, when generated, then it has that many nodes, edges between them and the same design every time', () => {
    const doc = makeLargeFlow({ nodes: 1000, seed: 7 });
    expect(allNodes(doc)).toHaveLength(1000);
    expect(deriveEdges(doc).length).toBeGreaterThan(1000);
    expect(doc.eventTypes.some((e) => e.extends !== undefined)).toBe(true);
    expect(JSON.stringify(makeLargeFlow({ nodes: 1000, seed: 7 }))).toBe(JSON.stringify(doc));
    expect(JSON.stringify(makeLargeFlow({ nodes: 1000, seed: 8 }))).not.toBe(JSON.stringify(doc));
  });

  it('given the generated design, when restored as an import would, then it is accepted whole', () => {
    const doc = makeLargeFlow({ nodes: 200, seed: 1 });
    const restored = restoreFlowDocument(JSON.parse(JSON.stringify(doc)));
    expect(restored.ok).toBe(true);
    if (restored.ok) expect(allNodes(restored.doc)).toHaveLength(200);
  });
});

describe('makeLargeFlow, small', () => {
  it('given three nodes, when generated, then it is a producer → event → consumer chain that restores', () => {
    const doc = makeLargeFlow({ nodes: 3, seed: 1 });
    expect(allNodes(doc).map((n) => n.kind)).toEqual(['event', 'producer', 'consumer']);
    expect(deriveEdges(doc).map((e) => e.kind).sort()).toEqual(['emits', 'subscribes']);
    expect(restoreFlowDocument(JSON.parse(JSON.stringify(doc))).ok).toBe(true);
  });
});
