import { describe, expect, it } from 'vitest';
import { extendsAnchors, type Box } from './extendsAnchors';

const box = (x: number, y: number): Box => ({ x, y, width: 200, height: 120 });
const sides = (child: Box, base: Box) => {
  const { source, target } = extendsAnchors(child, base);
  return [source.side, target.side];
};

describe('extends anchors', () => {
  it('given a base left of its child, when drawn, then the line joins the sides that face each other', () => {
    expect(sides(box(300, 20), box(0, 0))).toEqual(['left', 'right']);
    expect(extendsAnchors(box(300, 20), box(0, 0))).toEqual({
      source: { x: 300, y: 46, side: 'left' },
      target: { x: 200, y: 26, side: 'right' },
    });
  });

  it('given a base right of its child, when drawn, then the line joins the sides that face each other', () => {
    expect(sides(box(0, 0), box(300, 0))).toEqual(['right', 'left']);
  });

  it('given a base above its child in the same column, when drawn, then both ends sit on the right (a bracket beside the column)', () => {
    expect(sides(box(250, 410), box(250, 0))).toEqual(['right', 'right']);
  });
});
