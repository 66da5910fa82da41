import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { boundaries } from './eslint.boundaries.js';
import { userKeyedRecords } from './scripts/lint/userKeyedRecords.mjs';

export default tseslint.config(
  { ignores: ['dist', 'dist-*', '.bench-build', 'node_modules', 'test-results', 'playwright-report', 'bench-results', 'scratch', 'scripts/lint/breaches'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/use*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  // Typed: no plain object indexed by a user's name or id (scripts/lint/userKeyedRecords.mjs).
  userKeyedRecords,
  // Last, and alone: a later block that sets no-restricted-imports/-syntax/-globals/-properties for
  // src/ files would REPLACE a layer's options (flat config), silently dropping its boundaries.
  // Add patterns to eslint.boundaries.js instead; scripts/lint/boundaries.test.ts fails otherwise.
  ...boundaries,
);
