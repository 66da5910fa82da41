import { describe, expect, it } from 'vitest';
import { getOwn, type FlowDocument } from '../core';
import example from '../../public/examples/content-platform.json';
import { computeAutoLayout } from './autoLayout';

describe('computeAutoLayout', () => {
  it('given the example, when laid out, then every node gets a position, flowing left to right, without overlaps', async () => {
    const doc = example as FlowDocument;
    const positions = await computeAutoLayout(doc, new Map());
    const ids = Object.keys(positions);
    expect(ids).toHaveLength(12);

    const x = (id: string) => getOwn(positions, id)!.x;
    expect(x('content-ingest')).toBeLessThan(x('video-input-event'));
    expect(x('video-input-event')).toBeLessThan(x('author-service'));
    expect(x('author-service')).toBeLessThan(x('author-video-added-event'));
    expect(x('follow-center')).toBeLessThan(x('notifications'));

    const boxes = ids.map((id) => ({ id, ...getOwn(positions, id)!, w: 240, h: 140 }));
    for (const a of boxes) {
      for (const b of boxes) {
        if (a.id >= b.id) continue;
        const overlap = a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
        expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });
});
