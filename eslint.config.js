import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { userKeyedRecords } from './scripts/lint/userKeyedRecords.mjs';

/** The core stays free of the shell: no React, React Flow, zustand, Dexie or browser storage. */
const coreBoundary = {
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': ['error', {
      patterns: [
        { group: ['react', 'react-dom', 'react/*', '@xyflow/*', 'zustand', 'zustand/*', 'dexie', 'dexie-react-hooks'], message: 'src/core is pure TypeScript: no React, React Flow, zustand or Dexie.' },
        { group: ['**/persistence/**', '**/state/**', '**/canvas/**', '**/features/**', '**/app/**'], message: 'Imports point inward: core must not import the shell.' },
      ],
    }],
    'no-restricted-globals': ['error', 'window', 'document', 'indexedDB', 'localStorage'],
    'no-restricted-properties': ['error',
      { object: 'Date', property: 'now', message: 'Pass time in: the core is deterministic.' },
      { object: 'Math', property: 'random', message: 'Use the seeded random source.' },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', 'bench-results'] },
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
  coreBoundary,
  userKeyedRecords,
);
