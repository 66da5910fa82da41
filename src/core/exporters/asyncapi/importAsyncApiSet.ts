/**
 * The AsyncAPI side of the import, loaded with `import()` by `importDesignFiles` only when a
 * file is an AsyncAPI document (it is not part of the first paint): reads the set, then builds
 * the design — or reads back this tool's own export.
 */
import type { FlowDocument } from '../../model/types';
import { buildDesign } from './buildDesign';
import { SetImportError } from './documentSet';
import { hasOwnDesign, readOwnDesign } from './ownDesign';
import { readAsyncApiSet, type SetSource } from './readAsyncApiSet';
import type { ImportWarning } from './readMessages';
import type { AsyncApiTools } from './tools';

export type AsyncApiSetResult = { ok: true; doc: FlowDocument; warnings: ImportWarning[] } | { ok: false; message: string };

/** Reads AsyncAPI documents (and what they reference among `sources`) into one design, not yet restored. */
export async function importAsyncApiSet(sources: readonly SetSource[], roots: readonly SetSource[], tools: AsyncApiTools, setName?: string): Promise<AsyncApiSetResult> {
  const read = await readAsyncApiSet(sources, tools);
  if (!read.ok) return read;
  try {
    if (roots.length === 1 && hasOwnDesign(roots[0]!.value)) {
      const path = read.set.documents.paths.find((p) => read.set.documents.file(p)?.value === roots[0]!.value)!;
      return { ok: true, doc: readOwnDesign(read.set.documents, path), warnings: [] };
    }
    const built = buildDesign(read.set, setName);
    return { ok: true, doc: built.doc, warnings: built.warnings };
  } catch (error) {
    if (!(error instanceof SetImportError)) throw error;
    const { file, pointer, message } = error.issue;
    return { ok: false, message: `${file} at ${pointer || '/'}: ${message.replace(/\.$/, '')}.` };
  }
}
