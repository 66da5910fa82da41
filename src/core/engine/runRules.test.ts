import { describe, expect, it } from 'vitest';
import { makeConsumer, makeFlow } from '../testing';
import { designFingerprint } from './runRules';

describe('designFingerprint', () => {
  it('given a design moved on the canvas, when fingerprinted, then it runs the same', () => {
    const doc = makeFlow({ consumers: [makeConsumer({ name: 'author-service' })] });
    const moved = { ...doc, name: 'Renamed', layout: { positions: { 'author-service': { x: 999, y: 1 } } } };
    expect(designFingerprint(moved)).toBe(designFingerprint(doc));
  });

  it('given the inbox switched off in the design, when fingerprinted, then it differs', () => {
    const doc = makeFlow({ consumers: [makeConsumer({ name: 'author-service' })] });
    const changed = makeFlow({ consumers: [makeConsumer({ name: 'author-service', useInbox: false })] });
    expect(designFingerprint(changed)).not.toBe(designFingerprint(doc));
  });
});
