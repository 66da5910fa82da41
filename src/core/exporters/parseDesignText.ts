import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import { unescapePointerSegment } from '../model/validation/problems';
import { findJsonSyntaxError, lineColumnAt } from './jsonSyntaxError';

export type TextFormat = 'json' | 'yaml';

export type ParsedText =
  | { ok: true; value: unknown; format: TextFormat; lineOf: (pointer: string) => number | undefined }
  | { ok: false; message: string };

/** JSON unless the name says YAML, or the text does not start like JSON. */
export function detectFormat(text: string, fileName: string): TextFormat {
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  if (/\.json$/i.test(fileName)) return 'json';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

const pointerTokens = (pointer: string) => pointer.split('/').slice(1).map(unescapePointerSegment);

/** The line of the node at a JSON pointer (or of its nearest existing ancestor) in a YAML document. */
function yamlLineOf(doc: Document, text: string, pointer: string): number | undefined {
  const tokens = pointerTokens(pointer);
  for (let n = tokens.length; n >= 0; n--) {
    const path = tokens.slice(0, n).map((t) => (/^\d+$/.test(t) ? Number(t) : t));
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    if (range) return lineColumnAt(text, range[0]).line;
  }
  return undefined;
}

/** More values than this after expanding aliases is a resource-exhaustion document ("billion laughs"), not a design. */
export const MAX_EXPANDED_YAML_VALUES = 2_000_000;

/**
 * How many values the document holds once every alias is expanded, counted without expanding
 * anything (each anchored node is counted once and multiplied by its uses); stops counting past
 * `limit`. Many aliases to one small anchor are fine; aliases of aliases of aliases are not.
 */
export function expandedYamlSize(doc: Document, limit = MAX_EXPANDED_YAML_VALUES): number {
  const memo = new Map<unknown, number>();
  const size = (node: unknown, depth: number): number => {
    if (node === null || node === undefined || isScalar(node)) return 1;
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (depth > 10_000) return limit + 1;
    memo.set(node, limit + 1); // an alias inside its own anchor counts as too much
    let total = 1;
    if (isAlias(node)) total = size(node.resolve(doc), depth + 1);
    else if (isPair(node)) total = size(node.key, depth + 1) + size(node.value, depth + 1);
    else if (isMap(node) || isSeq(node)) {
      for (const item of node.items as unknown[]) {
        total += size(item, depth + 1);
        if (total > limit) break;
      }
    }
    const capped = Math.min(total, limit + 1);
    memo.set(node, capped);
    return capped;
  };
  return size(doc.contents, 0);
}

/**
 * Parses a file's text as JSON or YAML (by name, else by its first character). On a syntax
 * error, says what is wrong and at which line and column. Pure; never throws.
 */
export function parseDesignText(text: string, fileName: string): ParsedText {
  const format = detectFormat(text, fileName);
  if (format === 'json') {
    try {
      return { ok: true, format, value: JSON.parse(text) as unknown, lineOf: () => undefined };
    } catch {
      const error = findJsonSyntaxError(text) ?? { line: 1, column: 1, message: 'the text is not JSON' };
      return { ok: false, message: `"${fileName}" is not valid JSON: ${error.message} at line ${error.line}, column ${error.column}.` };
    }
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error) {
    const { line, column } = lineColumnAt(text, error.pos[0]);
    return { ok: false, message: `"${fileName}" is not valid YAML: ${error.message.split('\n')[0]} at line ${line}, column ${column}.` };
  }
  if (expandedYamlSize(doc) > MAX_EXPANDED_YAML_VALUES) {
    return { ok: false, message: `"${fileName}" is refused: its aliases expand to more than ${MAX_EXPANDED_YAML_VALUES.toLocaleString('en')} values (a document built to exhaust memory).` };
  }
  try {
    // Aliases are bounded by the expanded size above, not by their number: a legitimate document may reuse one anchor hundreds of times.
    const value: unknown = doc.toJS({ maxAliasCount: -1 });
    return { ok: true, format, value, lineOf: (pointer) => yamlLineOf(doc, text, pointer) };
  } catch (e) {
    return { ok: false, message: `"${fileName}" could not be read as YAML: ${e instanceof Error ? e.message : String(e)}.` };
  }
}
