import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../src/core';
import { compareKinds } from './compare';

const report = (byKind: CheckReport['byKind']): CheckReport => ({ ok: true, entries: [], byKind, broken: 0, info: 0 });
const sim = { steps: 10, quiet: true, verdict: 'quiet' };

describe('comparing the simulator with a real run', () => {
  it('agrees when both find the same kinds, whatever the counts', () => {
    const comparison = compareKinds(report({ lost: 3, repeat: 1 }), report({ lost: 8, repeat: 2 }), sim);
    expect(comparison.agree).toBe(true);
    expect(comparison.kinds).toEqual([{ kind: 'lost', simulator: 3, real: 8 }, { kind: 'repeat', simulator: 1, real: 2 }]);
  });

  it('lists each kind only one side found, in plain words', () => {
    const comparison = compareKinds(report({ duplicate: 2 }), report({ stale: 1 }), sim);
    expect(comparison.agree).toBe(false);
    expect(comparison.disagreements).toEqual(['duplicate: the simulator found 2, the real run none', 'stale: the real run found 1, the simulator none']);
  });
});
