/**
 * The architecture's boundaries as ESLint rules (docs/ARCHITECTURE.md: imports point inward,
 * app → features, canvas → state → core; persistence → core). `scripts/lint/boundaries.test.ts`
 * lints a file of deliberate breaches per layer and expects exactly one error on each.
 *
 * In flat config a later block's options for a rule replace the earlier ones for the files it
 * matches, so each layer's block lists everything that layer may not do.
 */

const SHELL_LIBRARIES = ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*', 'zustand', 'zustand/*',
  'dexie', 'dexie/*', 'dexie-react-hooks', '@tanstack/*', 'elkjs', 'elkjs/*', 'html-to-image'];
const DEXIE = ['dexie', 'dexie/*', 'dexie-react-hooks'];
const layer = (name) => [`**/${name}`, `**/${name}/**`];

const noDexie = { group: DEXIE, message: 'Dexie lives in src/persistence only: read through the state or a persistence read API handed in.' };
const noPersistence = { group: layer('persistence'), message: 'features and canvas do not reach IndexedDB: the state (or the run session) hands them what they read.' };
const noApp = { group: layer('app'), message: 'Imports point inward: nothing imports src/app.' };
const noFeatures = (who) => ({ group: layer('features'), message: `Imports point inward: ${who} must not import src/features.` });
const noCanvas = (who) => ({ group: layer('canvas'), message: `Imports point inward: ${who} must not import src/canvas.` });
/** The state and the layers under it never import the run session (it sits above them). */
const noSession = (who) => ({ group: layer('session'), message: `Imports point inward: ${who} must not import src/session.` });
const noState = (who) => ({ group: layer('state'), message: `Imports point inward: ${who} must not import src/state.` });
/** runner/ (issue 14) is node-only: PostgreSQL, NATS, child processes. Nothing in src/ loads it. */
const noRunner = { group: [...layer('runner'), 'pg', 'pg/*', 'nats', 'nats/*'], message: 'runner/ is node-only: the browser app must not import it (or pg/nats).' };

/** `import('dexie')` and `import('…/persistence…')` are imports too. */
const dynamicImportOf = (pattern, message) => ({ selector: `ImportExpression[source.value=/${pattern}/]`, message });
const noDynamicDexie = dynamicImportOf('^dexie', 'Dexie lives in src/persistence only (a dynamic import is an import).');
const noDynamicPersistence = dynamicImportOf('(^|[.\\x2F])persistence([\\x2F]|$)', 'features and canvas do not reach IndexedDB (a dynamic import is an import).');
const noDynamicFeatures = dynamicImportOf('(^|[.\\x2F])features([\\x2F]|$)', 'Imports point inward: the state must not import src/features (a dynamic import is an import).');

/** What makes the core impure: the clock, randomness, the browser, timers, the process. */
const CORE_GLOBALS = [
  'window', 'self', 'globalThis', 'document', 'navigator', 'location', 'indexedDB', 'IDBKeyRange',
  'localStorage', 'sessionStorage', 'crypto', 'performance', 'setTimeout', 'setInterval', 'setImmediate',
  'clearTimeout', 'clearInterval', 'requestAnimationFrame', 'requestIdleCallback', 'fetch', 'XMLHttpRequest',
  'WebSocket', 'Worker', 'process',
].map((name) => ({ name, message: `src/core is pure and deterministic: no ${name}. Pass what you need in (clock, seed, store).` }));

const core = [
  {
    files: ['src/core/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: SHELL_LIBRARIES, message: 'src/core is pure TypeScript: no React, React Flow, zustand, Dexie or other UI libraries.' },
          { group: [...layer('persistence'), ...layer('state'), ...layer('canvas'), ...layer('features'), ...layer('app'), ...layer('session')], message: 'Imports point inward: core must not import the shell.' },
          { group: ['node:*', 'fs', 'fs/*', 'path', 'url', 'os', 'child_process', 'worker_threads'], message: 'src/core runs in the browser too: no node built-ins (tests may use them).' },
          noRunner,
        ],
      }],
      'no-restricted-syntax': ['error',
        { selector: "ImportExpression:not([source.type='Literal'])", message: 'src/core imports only what lint can see: a dynamic import takes a string literal.' },
        dynamicImportOf('^(react|react-dom|@xyflow|zustand|dexie|@tanstack|elkjs|html-to-image|pg|nats)([\\x2F-]|$)', 'src/core is pure TypeScript: no React, React Flow, zustand, Dexie or other UI libraries (a dynamic import is an import).'),
        dynamicImportOf('(^|[.\\x2F])(persistence|state|canvas|features|app|session|runner)([\\x2F]|$)', 'Imports point inward: core must not import the shell or the runner (a dynamic import is an import).'),
        dynamicImportOf('^(node:|fs$|path$|url$|os$|child_process$|worker_threads$)', 'src/core runs in the browser too: no node built-ins (a dynamic import is an import).'),
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the clock: pass time in (the core is deterministic).' },
        { selector: "CallExpression[callee.name='Date']", message: 'Date() reads the clock: pass time in (the core is deterministic).' },
        { selector: 'JSXElement, JSXFragment', message: 'src/core has no JSX: React lives in the shell.' },
      ],
      'no-restricted-globals': ['error', ...CORE_GLOBALS],
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Pass time in: the core is deterministic.' },
        { object: 'Math', property: 'random', message: 'Use the seeded random source.' },
      ],
    },
  },
  {
    // Tests and their helpers (testSupport.ts, testing/ folders) may read files from disk in node.
    files: ['src/core/**/*.test.ts', 'src/core/**/testSupport.ts', 'src/core/**/testing/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: SHELL_LIBRARIES, message: 'src/core is pure TypeScript: no React, React Flow, zustand, Dexie or other UI libraries.' },
          { group: [...layer('persistence'), ...layer('state'), ...layer('canvas'), ...layer('features'), ...layer('app'), ...layer('session')], message: 'Imports point inward: core must not import the shell.' },
          noRunner,
        ],
      }],
    },
  },
];

const persistence = {
  files: ['src/persistence/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [noState('persistence'), noFeatures('persistence'), noCanvas('persistence'), noSession('persistence'), noApp, noRunner] }],
  },
};

const state = {
  files: ['src/state/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [noFeatures('the state'), noCanvas('the state'), noSession('the state'), noApp, noDexie, noRunner] }],
    'no-restricted-syntax': ['error', noDynamicFeatures, noDynamicDexie],
  },
};

const canvas = {
  files: ['src/canvas/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [noDexie, noPersistence, noFeatures('the canvas'), noSession('the canvas'), noApp, noRunner] }],
    'no-restricted-syntax': ['error', noDynamicDexie, noDynamicPersistence],
  },
};

const features = {
  files: ['src/features/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [noDexie, noPersistence, noApp, noRunner] }],
    'no-restricted-syntax': ['error', noDynamicDexie, noDynamicPersistence],
  },
};

/**
 * TEMPORARY exceptions to the persistence rule of features and the canvas. Empty since the run
 * session (src/session, issue 12 item 1) owns run mode: the engine, the live reads and the
 * panels' read models. Do not add to it.
 */
export const TEMPORARY_PERSISTENCE_IMPORTS = [];

/**
 * The run session (src/session): plain TypeScript between the features and the state. It may
 * import core, persistence and state; never React, Dexie itself, features, the canvas or the app.
 */
const session = {
  files: ['src/session/**/*.{ts,tsx}'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [
      { group: ['react', 'react/*', 'react-dom', 'react-dom/*', '@xyflow/*'], message: 'src/session is headless: React lives in the features (a context and useSyncExternalStore hooks).' },
      noDexie, noFeatures('the session'), noCanvas('the session'), noApp, noRunner,
    ] }],
    'no-restricted-syntax': ['error', noDynamicDexie, noDynamicFeatures, { selector: 'JSXElement, JSXFragment', message: 'src/session has no JSX: it is headless.' }],
  },
};

/** A feature's test may compose it with a real database (src/persistence); Dexie itself stays there. */
const featureTests = {
  files: ['src/features/**/*.test.{ts,tsx}'],
  rules: {
    'no-restricted-imports': ['error', { patterns: [noDexie, noApp, noRunner] }],
    'no-restricted-syntax': ['error', noDynamicDexie],
  },
};

export const boundaries = [...core, persistence, state, session, canvas, features, featureTests];
