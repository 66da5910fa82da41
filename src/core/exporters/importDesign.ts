import { restoreFlowDocument } from '../model/restore';
import type { FlowDocument } from '../model/types';
import { fromAsyncApi } from './fromAsyncApi';
import { isRecord, kindOf, type ImportIssue } from './jsonPointer';
import { parseDesignText, type TextFormat } from './parseDesignText';

/** Files above this size are refused before they are read into a design (10 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

export type ImportedKind = 'flow-document' | 'asyncapi-3' | 'asyncapi-2';

export type ImportResult =
  | { ok: true; doc: FlowDocument; kind: ImportedKind; format: TextFormat; migratedFrom?: number }
  | { ok: false; message: string };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** `<prefix> at <pointer> (line n): <first problem> (and n more problems).` */
function describeIssues(prefix: string, issues: ImportIssue[], lineOf: (pointer: string) => number | undefined): string {
  const [first] = issues;
  if (!first) return `${prefix}.`;
  const line = lineOf(first.path);
  const where = `at ${first.path || '/'}${line === undefined ? '' : ` (line ${line})`}`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return `${prefix} ${where}: ${first.message.replace(/\.$/, '')}${more}.`;
}

/**
 * Reads a file chosen or dropped by the user into a new design: checks the size (at most
 * `MAX_IMPORT_BYTES`), parses JSON or YAML, recognises a flow document (any known
 * `schemaVersion`, migrated) or an AsyncAPI 3.0 / 2.x document (converted by `fromAsyncApi`),
 * and checks the structure and references with `restoreFlowDocument`. Every refusal is one
 * message that says what is wrong and where (line and column, or a JSON pointer). Pure; never
 * throws. The caller decides where the design goes (always a new design, never a replacement).
 */
export function importDesign(text: string, fileName: string, sizeBytes: number): ImportResult {
  try {
    return readDesign(text, fileName, sizeBytes);
  } catch (error) {
    // A safety net: the steps report problems as values, but foreign input is endlessly inventive.
    return { ok: false, message: `"${fileName}" could not be read: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

function readDesign(text: string, fileName: string, sizeBytes: number): ImportResult {
  if (sizeBytes > MAX_IMPORT_BYTES) {
    return { ok: false, message: `"${fileName}" is ${megabytes(sizeBytes)}; files over ${megabytes(MAX_IMPORT_BYTES)} are refused.` };
  }
  if (text.trim() === '') return { ok: false, message: `"${fileName}" is empty.` };
  const parsed = parseDesignText(text, fileName);
  if (!parsed.ok) return parsed;
  const { value, format, lineOf } = parsed;
  if (!isRecord(value)) {
    return { ok: false, message: `"${fileName}" does not hold a design: expected an object at the top level, found ${kindOf(value)}.` };
  }
  if (value.asyncapi !== undefined) {
    const converted = fromAsyncApi(value);
    if (!converted.ok) return { ok: false, message: describeIssues(`"${fileName}" is not a usable AsyncAPI document`, converted.errors, lineOf) };
    const restored = restoreFlowDocument(converted.doc);
    if (!restored.ok) {
      return { ok: false, message: describeIssues(`"${fileName}" converts to an invalid design`, restored.errors, () => undefined) };
    }
    return { ok: true, doc: restored.doc, kind: converted.asyncApiVersion.startsWith('3.') ? 'asyncapi-3' : 'asyncapi-2', format };
  }
  if (value.schemaVersion === undefined) {
    const hint = value.openapi !== undefined || value.swagger !== undefined ? ' (it looks like an OpenAPI document)' : '';
    return { ok: false, message: `"${fileName}" is neither a flow document nor an AsyncAPI document${hint}: it has no "schemaVersion" or "asyncapi" field at the top level.` };
  }
  const restored = restoreFlowDocument(value);
  if (!restored.ok) return { ok: false, message: describeIssues(`"${fileName}" is not a valid design`, restored.errors, lineOf) };
  return restored.migratedFrom === undefined
    ? { ok: true, doc: restored.doc, kind: 'flow-document', format }
    : { ok: true, doc: restored.doc, kind: 'flow-document', format, migratedFrom: restored.migratedFrom };
}
