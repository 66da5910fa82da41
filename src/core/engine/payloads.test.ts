import { describe, expect, it } from 'vitest';
import { generatePayload } from './payloads';
import { Rng } from './rng';
import { pipelineFlow } from './testing/smallFlows';

const [create, change] = pipelineFlow().producers[0]?.commands ?? [];
const K1 = '00000000-0000-4000-8000-000000000001';
const K2 = '00000000-0000-4000-8000-000000000002';

describe('generated payloads', () => {
  it('given a command, when generating, then every required input field gets a value of its type', () => {
    if (!create) throw new Error('fixture');
    const payload = generatePayload(create, true, [], new Rng(Rng.seedState(1)), Date.UTC(2026, 0, 1));
    expect(payload.itemId).toMatch(/^[0-9a-f]{8}-/);
    expect(['a', 'b', 'c']).toContain(payload.state);
    expect(payload.owner).toEqual(expect.any(String));
  });

  it('given known aggregates, when generating an update command, then it mostly reuses them', () => {
    if (!change) throw new Error('fixture');
    const rng = new Rng(Rng.seedState(2));
    const ids = Array.from({ length: 100 }, () => generatePayload(change, false, [K1, K2], rng, 0).itemId);
    const reused = ids.filter((id) => id === K1 || id === K2).length;
    expect(reused).toBeGreaterThan(70);
    expect(reused).toBeLessThan(100);
  });

  it('given the same seed, when generating, then the payload is the same', () => {
    if (!create) throw new Error('fixture');
    expect(generatePayload(create, true, [], new Rng(5), 0)).toEqual(generatePayload(create, true, [], new Rng(5), 0));
  });
});
