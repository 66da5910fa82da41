import { describe, expect, it } from 'vitest';
import { defaultRunSettings, mergeSettings, parseFaults } from './settings';

describe('run settings', () => {
  it('given the CLI fault text, when parsed, then each fault gets its probability or value', () => {
    expect(parseFaults('duplicate=0.3,crash-after-publish=0.1, crash-after-commit=1,reorder=0.2,consumer-failure=0.05,poison=bad,relay-down=20@100')).toEqual({
      duplicateDelivery: 0.3, crashAfterPublish: 0.1, crashAfterCommit: 1, reorder: 0.2, consumerFailure: 0.05, poisonValue: 'bad',
      relayDown: { steps: 20, fromStep: 100 },
    });
    expect(parseFaults('relay-down=5')).toEqual({ relayDown: { steps: 5, fromStep: 0 } });
    expect(parseFaults('')).toEqual({});
  });

  it('given an unknown fault or a bad probability, when parsed, then it throws', () => {
    expect(() => parseFaults('meteor=0.1')).toThrow(/unknown fault "meteor"/);
    expect(() => parseFaults('duplicate=2')).toThrow(/probability/);
  });

  it('given a patch, when merged, then nested faults and patterns are merged one level deep', () => {
    const base = mergeSettings(defaultRunSettings(3), { patterns: { inbox: { a: false } } });
    const next = mergeSettings(base, { faults: { duplicateDelivery: 0.5 }, patterns: { outbox: { p: false } } });
    expect(next.seed).toBe(3);
    expect(next.faults).toMatchObject({ duplicateDelivery: 0.5, crashAfterCommit: 0 });
    expect(next.patterns).toEqual({ inbox: { a: false }, outbox: { p: false }, publishFirst: {}, derivedIds: {}, idempotencyKey: {} });
  });

  it('given the new crash points, when parsed, then each has its own probability; a fault without a value is refused', () => {
    expect(parseFaults('crash-before-commit=0.2,crash-after-handle=0.4')).toEqual({ crashBeforeCommit: 0.2, crashAfterHandle: 0.4 });
    expect(() => parseFaults('duplicate')).toThrow(/probability/);
  });

  it('given settings stored by an older engine, when merged, then the new fields get their defaults', () => {
    const old = { ...defaultRunSettings(2), patterns: { outbox: {}, inbox: { c: false } } } as unknown as ReturnType<typeof defaultRunSettings>;
    delete (old as Partial<typeof old>).ackTimeoutSteps;
    const next = mergeSettings(old, {});
    expect(next.ackTimeoutSteps).toBe(200);
    expect(next.patterns).toEqual({ outbox: {}, inbox: { c: false }, publishFirst: {}, derivedIds: {}, idempotencyKey: {} });
  });

  it('given a switch for a node named __proto__, when merged, then it is an own key and the prototype is untouched', () => {
    const patch = JSON.parse('{"inbox": {"__proto__": false}}') as { inbox: Record<string, boolean> };
    const next = mergeSettings(defaultRunSettings(), { patterns: patch });
    expect(Object.hasOwn(next.patterns.inbox, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(next.patterns.inbox)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
