import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture's boundaries (eslint.boundaries.js) bite: each file in ./breaches is linted with
 * the project's real ESLint config as if it lived in one layer, and every line marked
 * `// breach: <rule>` must get exactly one error of that rule, and no other line any boundary
 * error (so the rules neither miss a breach nor refuse what the layer may do).
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const BOUNDARY_RULES = new Set(['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-globals', 'no-restricted-properties']);

const CASES = [
  { fixture: 'core.ts', as: 'src/core/engine/__breaches__.ts' },
  { fixture: 'core.tsx', as: 'src/core/model/__breaches__.tsx' },
  { fixture: 'coreTesting.ts', as: 'src/core/engine/testing/__breaches__.ts' },
  { fixture: 'features.ts', as: 'src/features/palette/__breaches__.ts' },
  { fixture: 'canvas.ts', as: 'src/canvas/__breaches__.ts' },
  { fixture: 'state.ts', as: 'src/state/__breaches__.ts' },
  { fixture: 'persistence.ts', as: 'src/persistence/designs/__breaches__.ts' },
  // Beside the former exception (src/features/simulation/queries.ts), not on it: linted under the path of
  // a file that exists, typed linting (efd/no-user-keyed-record) may parse the file on disk instead of the
  // text (seen once in CI); virtual `__breaches__` files are linted without types.
  { fixture: 'formerException.ts', as: 'src/features/simulation/__breaches__.ts' },
  { fixture: 'session.tsx', as: 'src/session/__breaches__.tsx' },
] as const;

/** `line:rule` for every line marked as a breach. */
function expectedBreaches(text: string): string[] {
  return text.split('\n').flatMap((line, i) => {
    const marker = /\/\/ breach: ([\w-]+)/.exec(line);
    return marker ? [`${i + 1}:${marker[1]}`] : [];
  });
}

describe('lint boundaries', () => {
  let eslint: ESLint;
  beforeAll(() => {
    eslint = new ESLint({ cwd: root });
  });

  it.each(CASES)('$fixture linted as $as: one error on each breach, none elsewhere', async ({ fixture, as }) => {
    const text = readFileSync(new URL(`./breaches/${fixture}`, import.meta.url), 'utf8');
    const [result] = await eslint.lintText(text, { filePath: `${root}/${as}` });
    expect(result!.messages.filter((m) => m.fatal)).toEqual([]);
    const found = result!.messages
      .filter((m) => m.ruleId !== null && BOUNDARY_RULES.has(m.ruleId) && m.severity === 2)
      .map((m) => `${m.line}:${m.ruleId}`);
    const expected = expectedBreaches(text);
    expect(expected.length).toBeGreaterThan(0);
    expect(found).toEqual(expected);
  });

});
