import { restoreFlowDocument } from '../model/restore';
import type { FlowDocument } from '../model/types';
import type { SetSource } from './asyncapi/readAsyncApiSet';
import type { ImportWarning } from './asyncapi/readMessages';
import { loadAsyncApiTools, type AsyncApiTools } from './asyncapi/tools';
import { isRecord, kindOf, type ImportIssue } from './jsonPointer';
import { parseDesignText, type TextFormat } from './parseDesignText';

/** Files above this size are refused before they are read into a design (10 MB). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** A whole document set (several files, a `.zip`, a folder) above this size is refused (50 MB). */
export const MAX_IMPORT_SET_BYTES = 50 * 1024 * 1024;

export type ImportedKind = 'flow-document' | 'asyncapi-3' | 'asyncapi-2' | 'asyncapi-set';

export type ImportResult =
  | { ok: true; doc: FlowDocument; kind: ImportedKind; format: TextFormat; migratedFrom?: number; warnings: ImportWarning[] }
  | { ok: false; message: string };

/** A file the user opened or dropped, on its own or with others (its path inside a folder or a `.zip`). */
export interface ImportFile {
  path: string;
  text: string;
  sizeBytes: number;
}

export interface ImportOptions {
  /** A name for a design made of several services (the folder or `.zip` name). */
  setName?: string;
  /** The AsyncAPI parser and Avro parser (loaded on first use when not given). */
  tools?: AsyncApiTools;
}

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
 * Reads one file chosen or dropped by the user into a new design (see `importDesignFiles`).
 * Never throws; the caller decides where the design goes (always a new design).
 */
export function importDesign(text: string, fileName: string, sizeBytes: number, options: ImportOptions = {}): Promise<ImportResult> {
  return importDesignFiles([{ path: fileName, text, sizeBytes }], options);
}

/**
 * Reads the files a user gave together into one new design: a flow document (any known
 * `schemaVersion`, migrated), or AsyncAPI 3.1/3.0/2.0–2.6 documents with everything they
 * reference among the same files (several services become one design). Checks each file's size
 * (`MAX_IMPORT_BYTES`) and the set's (`MAX_IMPORT_SET_BYTES`), parses JSON or YAML, and checks
 * the result with `restoreFlowDocument`. A refusal is one message that says what is wrong and
 * where (file, line and column, or a JSON pointer); nothing is half-imported. What was kept but
 * not fully understood comes back as warnings with their places. Never throws.
 */
export async function importDesignFiles(files: readonly ImportFile[], options: ImportOptions = {}): Promise<ImportResult> {
  try {
    return await readFiles(files, options);
  } catch (error) {
    // A safety net: the steps report problems as values, but foreign input is endlessly inventive.
    const names = files.map((f) => `"${f.path}"`).join(', ');
    return { ok: false, message: `${names} could not be read: ${error instanceof Error ? error.message : String(error)}.` };
  }
}

async function readFiles(files: readonly ImportFile[], options: ImportOptions): Promise<ImportResult> {
  if (files.length === 0) return { ok: false, message: 'No file was given.' };
  for (const file of files) {
    if (file.sizeBytes > MAX_IMPORT_BYTES) {
      return { ok: false, message: `"${file.path}" is ${megabytes(file.sizeBytes)}; files over ${megabytes(MAX_IMPORT_BYTES)} are refused.` };
    }
  }
  const total = files.reduce((sum, f) => sum + f.sizeBytes, 0);
  if (total > MAX_IMPORT_SET_BYTES) return { ok: false, message: `The ${files.length} files add up to ${megabytes(total)}; more than ${megabytes(MAX_IMPORT_SET_BYTES)} at once is refused.` };
  const parsed: (SetSource & { format: TextFormat })[] = [];
  for (const file of files) {
    if (file.text.trim() === '') return { ok: false, message: `"${file.path}" is empty.` };
    const result = parseDesignText(file.text, file.path);
    if (!result.ok) return result;
    parsed.push({ path: file.path, text: file.text, value: result.value, lineOf: result.lineOf, format: result.format });
  }
  const flowDocuments = parsed.filter((p) => isRecord(p.value) && p.value.schemaVersion !== undefined && p.value.asyncapi === undefined);
  if (flowDocuments.length > 0) {
    if (parsed.length > 1) return { ok: false, message: `"${flowDocuments[0]!.path}" is a design (flow document): open it on its own, not together with other files.` };
    return readFlowDocument(parsed[0]!);
  }
  const roots = parsed.filter((p) => isRecord(p.value) && p.value.asyncapi !== undefined);
  if (roots.length === 0) {
    if (parsed.length > 1) return { ok: false, message: `None of the ${parsed.length} files is a design or an AsyncAPI document (a file with "asyncapi" or "schemaVersion" at the top level).` };
    const [only] = parsed;
    if (!isRecord(only!.value)) {
      return { ok: false, message: `"${only!.path}" does not hold a design: expected an object at the top level, found ${kindOf(only!.value)}.` };
    }
    const hint = only!.value.openapi !== undefined || only!.value.swagger !== undefined ? ' (it looks like an OpenAPI document)' : '';
    return { ok: false, message: `"${only!.path}" is neither a flow document nor an AsyncAPI document${hint}: it has no "schemaVersion" or "asyncapi" field at the top level.` };
  }
  const tools = options.tools ?? (await loadAsyncApiTools());
  // The AsyncAPI reader is a chunk of its own in the browser: loaded only when an AsyncAPI document is opened.
  const { importAsyncApiSet } = await import('./asyncapi/importAsyncApiSet');
  const built = await importAsyncApiSet(parsed, roots, tools, options.setName);
  if (!built.ok) return built;
  const label = roots.length === 1 ? `"${roots[0]!.path}"` : `The ${roots.length} AsyncAPI documents`;
  const restored = restoreFlowDocument(built.doc);
  if (!restored.ok) return { ok: false, message: describeIssues(`${label} ${roots.length === 1 ? 'converts' : 'convert'} to an invalid design`, restored.errors, () => undefined) };
  const versions = roots.map((r) => String((r.value as Record<string, unknown>).asyncapi));
  const kind: ImportedKind = roots.length > 1 ? 'asyncapi-set' : versions[0]!.startsWith('3.') ? 'asyncapi-3' : 'asyncapi-2';
  return { ok: true, doc: restored.doc, kind, format: roots[0]!.format, warnings: built.warnings };
}

function readFlowDocument(file: SetSource & { format: TextFormat }): ImportResult {
  const restored = restoreFlowDocument(file.value);
  if (!restored.ok) return { ok: false, message: describeIssues(`"${file.path}" is not a valid design`, restored.errors, file.lineOf) };
  return restored.migratedFrom === undefined
    ? { ok: true, doc: restored.doc, kind: 'flow-document', format: file.format, warnings: [] }
    : { ok: true, doc: restored.doc, kind: 'flow-document', format: file.format, migratedFrom: restored.migratedFrom, warnings: [] };
}
