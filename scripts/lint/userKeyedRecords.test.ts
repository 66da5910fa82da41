import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { userKeyedRecordsPlugin } from './userKeyedRecords.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const fixture = 'scripts/lint/fixtures/userKeyedBreaches.ts';

describe('the lint rule efd/no-user-keyed-record', () => {
  it('reports every plain object indexed by a user-chosen string, and nothing that is safe', async () => {
    const eslint = new ESLint({
      cwd: root,
      overrideConfigFile: true,
      overrideConfig: [{
        files: ['**/*.ts'],
        languageOptions: { parser: tseslint.parser, parserOptions: { project: ['./scripts/lint/fixtures/tsconfig.json'], tsconfigRootDir: root } },
        plugins: { efd: userKeyedRecordsPlugin },
        rules: { 'efd/no-user-keyed-record': 'error' },
      }],
    });
    const source = await readFile(`${root}/${fixture}`, 'utf8');
    const breachLines = source.split('\n').flatMap((line, i) => (line.includes('// BREACH') ? [i + 1] : []));

    const [result] = await eslint.lintFiles([fixture]);

    expect(breachLines).toHaveLength(13);
    expect(result?.messages.every((m) => m.ruleId === 'efd/no-user-keyed-record')).toBe(true);
    // A line may break the rule twice (a read and a write): each marked line at least once, no other line.
    expect([...new Set(result?.messages.map((m) => m.line))]).toEqual(breachLines);
  }, 60_000);
});
