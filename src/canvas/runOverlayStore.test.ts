import { describe, expect, it } from 'vitest';
import { RunOverlayStore, type RunBadge } from './runOverlayStore';

const badge = (label: string): RunBadge => ({ label, tone: 'neutral', title: label });

describe('RunOverlayStore', () => {
  it('given badges that read the same, when shown again, then each node keeps its array and no one is told', () => {
    const store = new RunOverlayStore();
    store.show(new Map([['a', [badge('1 sent')]], ['b', [badge('2 rows')]]]), new Set(['e1']));
    const before = store.badgesOf('a');
    let calls = 0;
    store.subscribe(() => calls++);

    store.show(new Map([['a', [badge('1 sent')]], ['b', [badge('2 rows')]]]), new Set(['e1']));

    expect(store.badgesOf('a')).toBe(before);
    expect(calls).toBe(0);
  });

  it('given one node whose counter moved, when shown, then only its array is new and listeners are told once', () => {
    const store = new RunOverlayStore();
    store.show(new Map([['a', [badge('1 sent')]], ['b', [badge('2 rows')]]]), new Set());
    const b = store.badgesOf('b');
    let calls = 0;
    store.subscribe(() => calls++);

    store.show(new Map([['a', [badge('2 sent')]], ['b', [badge('2 rows')]]]), new Set());

    expect(store.badgesOf('a').map((x) => x.label)).toEqual(['2 sent']);
    expect(store.badgesOf('b')).toBe(b);
    expect(calls).toBe(1);
  });

  it('given an edge that lit up and one that went dark, when shown, then each reads its new state', () => {
    const store = new RunOverlayStore();
    store.show(new Map(), new Set(['e1']));
    store.show(new Map(), new Set(['e2']));
    expect([store.isEdgeActive('e1'), store.isEdgeActive('e2')]).toEqual([false, true]);
  });

  it('given a node whose badges went away, when shown, then it has none (one stable empty list)', () => {
    const store = new RunOverlayStore();
    store.show(new Map([['a', [badge('x')]]]), new Set());
    store.show(new Map(), new Set());
    expect(store.badgesOf('a')).toEqual([]);
    expect(store.badgesOf('a')).toBe(store.badgesOf('zzz'));
  });
});
