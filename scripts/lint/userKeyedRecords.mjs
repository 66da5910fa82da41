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
