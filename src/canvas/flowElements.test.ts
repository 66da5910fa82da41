import { describe, expect, it } from 'vitest';
import { makeEventType, makeFlow } from '../core/testing';
import { canvasEdges } from './flowElements';

function givenBaseAndChildAt(base: { x: number; y: number }, child: { x: number; y: number }) {
  const baseType = makeEventType({ name: 'VideoEvent', fields: ['videoId'] });
  const childType = makeEventType({ name: 'VideoInputEvent', fields: ['title'], extends: baseType.id });
  const doc = makeFlow({ eventTypes: [baseType, childType] });
  return { ...doc, layout: { ...doc.layout, positions: { [baseType.id]: base, [childType.id]: child } } };
}

const extendsHandles = (doc: ReturnType<typeof givenBaseAndChildAt>) => {
  const edge = canvasEdges(doc, new Set()).find((e) => e.type === 'inheritance');
  return { sourceHandle: edge?.sourceHandle, targetHandle: edge?.targetHandle };
};

describe('extends edges', () => {
  it('given a base left of its child, when drawn, then the line joins the sides that face each other', () => {
    const doc = givenBaseAndChildAt({ x: 0, y: 0 }, { x: 300, y: 20 });
    expect(extendsHandles(doc)).toEqual({ sourceHandle: 'ext-out-left', targetHandle: 'ext-in-right' });
  });

  it('given a base right of its child, when drawn, then the line joins the sides that face each other', () => {
    const doc = givenBaseAndChildAt({ x: 300, y: 0 }, { x: 0, y: 0 });
    expect(extendsHandles(doc)).toEqual({ sourceHandle: 'ext-out-right', targetHandle: 'ext-in-left' });
  });

  it('given a base above its child in the same column, when drawn, then both ends sit on the right (a bracket beside the column)', () => {
    const doc = givenBaseAndChildAt({ x: 250, y: 0 }, { x: 250, y: 410 });
    expect(extendsHandles(doc)).toEqual({ sourceHandle: 'ext-out-right', targetHandle: 'ext-in-right' });
  });
});
