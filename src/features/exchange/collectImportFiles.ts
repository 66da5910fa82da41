import { unzipSync } from 'fflate';
import { MAX_IMPORT_BYTES, MAX_IMPORT_SET_BYTES, type ImportFile } from '../../core';

/** What the user gave, as files with their paths inside the set, and a name for the set. */
export interface CollectedFiles {
  files: ImportFile[];
  /** The folder's or `.zip`'s name, when the user gave one. */
  setName?: string;
  /** Files left out (not JSON, YAML or Avro), for the user to know. */
  skipped: string[];
}

/** Files a document set can hold: JSON, YAML and Avro schemas; anything without an extension is tried too. */
const READABLE = /\.(json|ya?ml|avsc)$/i;
const HIDDEN = /(^|\/)(__MACOSX|\.[^/]+)(\/|$)/;
const isZip = (name: string) => /\.zip$/i.test(name);
const hasExtension = (name: string) => /\.[^/.]+$/.test(name);

/** A file as it will be read: over the size limit it is not read at all (the import refuses it by size). */
async function readFile(file: File, path: string): Promise<ImportFile> {
  return { path, text: file.size > MAX_IMPORT_BYTES ? '' : await file.text(), sizeBytes: file.size };
}

/** The readable files of a `.zip`, with their paths inside it (folders kept, so relative `$ref`s resolve). */
export function filesOfZip(bytes: Uint8Array, zipName: string): CollectedFiles {
  if (bytes.byteLength > MAX_IMPORT_SET_BYTES) {
    return { files: [{ path: zipName, text: '', sizeBytes: bytes.byteLength }], skipped: [] };
  }
  const entries = unzipSync(bytes, { filter: (entry) => !entry.name.endsWith('/') && !HIDDEN.test(entry.name) });
  const files: ImportFile[] = [];
  const skipped: string[] = [];
  const decoder = new TextDecoder();
  for (const [path, content] of Object.entries(entries)) {
    if (!READABLE.test(path)) { skipped.push(path); continue; }
    files.push({ path, text: content.byteLength > MAX_IMPORT_BYTES ? '' : decoder.decode(content), sizeBytes: content.byteLength });
  }
  return { files, setName: zipName.replace(/\.zip$/i, ''), skipped };
}

/** The common first folder of paths like `set/a.yaml`, `set/common/b.yaml`, when there is one. */
function commonFolder(paths: readonly string[]): string | undefined {
  const first = paths[0]?.split('/')[0];
  return first !== undefined && paths.length > 0 && paths.every((p) => p.includes('/') && p.split('/')[0] === first) ? first : undefined;
}

/**
 * The files the user opened or dropped (a `File` may carry its folder path as
 * `webkitRelativePath`): one `.zip` is unpacked; several files or a folder are one set.
 */
export async function collectFiles(given: readonly { file: File; path?: string }[]): Promise<CollectedFiles> {
  if (given.length === 1 && isZip(given[0]!.file.name)) {
    const { file } = given[0]!;
    if (file.size > MAX_IMPORT_SET_BYTES) return { files: [{ path: file.name, text: '', sizeBytes: file.size }], skipped: [] };
    return filesOfZip(new Uint8Array(await file.arrayBuffer()), file.name);
  }
  const skipped: string[] = [];
  const files: ImportFile[] = [];
  for (const { file, path } of given) {
    const where = (path || (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name).replace(/^\/+/, '');
    if (given.length > 1 && (HIDDEN.test(where) || (hasExtension(where) && !READABLE.test(where)))) { skipped.push(where); continue; }
    files.push(await readFile(file, where));
  }
  const folder = commonFolder(files.map((f) => f.path));
  return folder === undefined ? { files, skipped } : { files, setName: folder, skipped };
}
