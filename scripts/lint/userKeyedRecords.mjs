import ts from 'typescript';
import { ESLintUtils } from '@typescript-eslint/utils';

/**
 * ESLint rule `efd/no-user-keyed-record`: any string a user chose is a name, and `__proto__`,
 * `constructor` or `toString` must work like `videoId`. A plain object indexed by an arbitrary
 * string does not: `obj[key] = v` with key `__proto__` replaces the prototype, `obj[key]` reads
 * `Object` for `constructor`, `key in obj` is true for `toString`. The rule reports every computed
 * access (read, write, delete, `in`) whose object has a string index signature (e.g.
 * `Record<string, T>`) and whose key is a wide `string` (a literal union is a fixed set of keys, not
 * a user's name). Use a `Map`, or `getOwn`/`setOwn`/`hasOwn` from `src/core/model/ownKeys.ts`.
 * A read that provably reads an own key (see readsOwnKey) is not reported.
 * Needs type information (parserOptions.project).
 */

const MESSAGE = 'A plain object indexed by an arbitrary string breaks on names like "__proto__" or "constructor": use a Map, or getOwn/setOwn/hasOwn from src/core/model/ownKeys.ts.';

function isWideString(type) {
  if (type.isUnion()) return type.types.some(isWideString);
  return (type.flags & (ts.TypeFlags.String | ts.TypeFlags.TemplateLiteral | ts.TypeFlags.StringMapping)) !== 0;
}

function isArrayLike(checker, type) {
  if (checker.isArrayType(type) || checker.isTupleType(type)) return true;
  return type.getNumberIndexType() !== undefined && type.getStringIndexType() === undefined;
}

function hasStringIndex(checker, type) {
  const types = type.isUnion() ? type.types : [type];
  return types.some((t) => {
    if ((t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)) !== 0) return false;
    const apparent = checker.getApparentType(t);
    return !isArrayLike(checker, apparent) && apparent.getStringIndexType() !== undefined;
  });
}

const KEY_CALLBACKS = new Set(['every', 'some', 'map', 'flatMap', 'filter', 'forEach', 'find', 'findIndex']);

/** `Object.keys(E)` (or `Object.hasOwn(E, …)` / `hasOwn(E, …)` with `what: 'hasOwn'`): E, else undefined. */
function objectCallArgs(node, what) {
  if (node?.type !== 'CallExpression') return undefined;
  const { callee } = node;
  if (what === 'keys') {
    return callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Object'
      && callee.property.type === 'Identifier' && callee.property.name === 'keys' && node.arguments.length === 1 ? node.arguments : undefined;
  }
  const isObjectHasOwn = callee.type === 'MemberExpression' && callee.object.type === 'Identifier' && callee.object.name === 'Object'
    && callee.property.type === 'Identifier' && callee.property.name === 'hasOwn';
  const isHelper = callee.type === 'Identifier' && callee.name === 'hasOwn';
  return (isObjectHasOwn || isHelper) && node.arguments.length === 2 ? node.arguments : undefined;
}

/** Whether `node` is written to (assigned, updated, deleted) rather than only read. */
function isWrite(node) {
  const parent = node.parent;
  if (parent.type === 'AssignmentExpression' && parent.left === node) return true;
  if (parent.type === 'UpdateExpression') return true;
  if (parent.type === 'UnaryExpression' && parent.operator === 'delete') return true;
  return false;
}

/**
 * A read `obj[key]` that provably reads an OWN key (an own data property wins over anything
 * inherited, `__proto__` included):
 * - `key` iterates `Object.keys(obj)` (`for (const key of Object.keys(obj))`, or the first parameter
 *   of `Object.keys(obj).every/some/map/flatMap/filter/forEach/find(…)`), or
 * - the read is guarded by `Object.hasOwn(obj, key)` / `hasOwn(obj, key)` (`… && obj[key]`,
 *   `hasOwn(obj, key) ? obj[key] : …`, `if (hasOwn(obj, key)) … obj[key] …`).
 */
function readsOwnKey(context, node) {
  if (isWrite(node)) return false;
  const code = context.sourceCode;
  const objectText = code.getText(node.object);
  const keyText = code.getText(node.property);
  if (node.property.type === 'Identifier') {
    const variable = code.getScope(node).references.find((r) => r.identifier === node.property)?.resolved;
    const def = variable?.defs[0];
    if (def?.type === 'Variable' && def.parent.parent?.type === 'ForOfStatement' && def.parent.parent.left === def.parent) {
      const args = objectCallArgs(def.parent.parent.right, 'keys');
      if (args && code.getText(args[0]) === objectText) return true;
    }
    if (def?.type === 'Parameter' && def.node.params[0] === def.name) {
      const call = def.node.parent;
      const callee = call?.type === 'CallExpression' && call.arguments[0] === def.node ? call.callee : undefined;
      if (callee?.type === 'MemberExpression' && callee.property.type === 'Identifier' && KEY_CALLBACKS.has(callee.property.name)) {
        const args = objectCallArgs(callee.object, 'keys');
        if (args && code.getText(args[0]) === objectText) return true;
      }
    }
  }
  const guards = (test) => {
    if (test.type === 'LogicalExpression' && test.operator === '&&') return guards(test.left) || guards(test.right);
    const args = objectCallArgs(test, 'hasOwn');
    return args !== undefined && code.getText(args[0]) === objectText && code.getText(args[1]) === keyText;
  };
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type.includes('Function')) return false;
    if (parent.type === 'LogicalExpression' && parent.operator === '&&' && parent.right === child && guards(parent.left)) return true;
    if ((parent.type === 'ConditionalExpression' || parent.type === 'IfStatement') && parent.consequent === child && guards(parent.test)) return true;
  }
  return false;
}

export const noUserKeyedRecord = ESLintUtils.RuleCreator.withoutDocs({
  meta: {
    type: 'problem',
    messages: { userKeyedRecord: MESSAGE },
    schema: [],
  },
  defaultOptions: [],
  create(context) {
    const services = ESLintUtils.getParserServices(context);
    const checker = services.program.getTypeChecker();
    const typeOf = (node) => checker.getTypeAtLocation(services.esTreeNodeToTSNodeMap.get(node));
    return {
      MemberExpression(node) {
        if (!node.computed || node.property.type === 'Literal') return;
        if (!isWideString(typeOf(node.property))) return;
        if (!hasStringIndex(checker, typeOf(node.object))) return;
        if (readsOwnKey(context, node)) return;
        context.report({ node, messageId: 'userKeyedRecord' });
      },
      BinaryExpression(node) {
        if (node.operator !== 'in' || node.left.type === 'Literal' || node.left.type === 'PrivateIdentifier') return;
        if (!isWideString(typeOf(node.left))) return;
        if (!hasStringIndex(checker, typeOf(node.right))) return;
        context.report({ node, messageId: 'userKeyedRecord' });
      },
    };
  },
});

/** The plugin object for eslint.config.js. */
export const userKeyedRecordsPlugin = { rules: { 'no-user-keyed-record': noUserKeyedRecord } };

/**
 * Files that still index plain objects by user-chosen keys, each owned by an engineer who is
 * rewriting it now: the rule is off there until that work lands (then delete the entry).
 */
const PENDING_REWRITE = [
  // ENGINE (wp-engine) is rewriting the simulation engine; prototype-safe counters are part of issue 8.
  'src/core/engine/**',
  'src/persistence/simulation/testEngine.ts',
  'scripts/flow/simulate.ts',
  // ASYNCAPI (wp-asyncapi) is rewriting the exporters (issue 9).
  'src/core/exporters/**',
];

/** The flat-config block: typed linting of app, core and CLI with the rule on. */
export const userKeyedRecords = {
  files: ['src/**/*.{ts,tsx}', 'scripts/**/*.ts'],
  // The fixture breaks the rule on purpose (scripts/lint/userKeyedRecords.test.ts lints it).
  // scripts/lint/boundaries.test.ts lints virtual `__breaches__` files (not on disk, so without types).
  ignores: [...PENDING_REWRITE, 'scripts/lint/fixtures/**', '**/__breaches__.*'],
  languageOptions: {
    parserOptions: { project: ['./tsconfig.json', './tsconfig.node.json'], tsconfigRootDir: import.meta.dirname.replace(/\/scripts\/lint$/, '') },
  },
  plugins: { efd: userKeyedRecordsPlugin },
  rules: { 'efd/no-user-keyed-record': 'error' },
};
