import { isRecord, kindOf } from '../jsonPointer';
import { derefDeep } from './derefDeep';
import { child, fail, type DocumentSet, type Location } from './documentSet';
import type { JsonObject, NormalizedService } from './normalized';
import { normalize2 } from './normalize2';
import { normalize3 } from './normalize3';

/** The AsyncAPI versions the import reads: 3.1 and 3.0, and 2.0 to 2.6. */
export const READABLE_ASYNCAPI = /^(3\.[01]|2\.[0-6])\.\d+$/;

/** Whether a parsed file is an AsyncAPI document (the root of a service), not a part it references. */
export const isAsyncApiRoot = (value: unknown): value is JsonObject => isRecord(value) && value.asyncapi !== undefined;

/**
 * Reads the AsyncAPI document at `file` of the set as one service, in AsyncAPI 3 shape (2.x
 * roles as the spec defines them). Pure; throws `SetImportError` with the place of the first
 * problem.
 */
export function readService(set: DocumentSet, file: string): NormalizedService {
  const root = set.file(file)?.value;
  const rootAt: Location = { file, pointer: '' };
  if (!isAsyncApiRoot(root)) return fail(rootAt, 'Not an AsyncAPI document: it has no "asyncapi" field at the top level');
  const version = root.asyncapi;
  if (typeof version !== 'string' || !READABLE_ASYNCAPI.test(version)) {
    const hint = typeof version === 'string' && /^1\./.test(version) ? ' (convert AsyncAPI 1.x documents to 2.6 or 3.0 first)' : '';
    fail(child(rootAt, 'asyncapi'), `AsyncAPI version ${JSON.stringify(version)} cannot be read${hint}; expected 3.1.x, 3.0.x or 2.0.x–2.6.x`);
  }
  if (!isRecord(root.info)) fail(child(rootAt, 'info'), `"info" must be an object, found ${kindOf(root.info)}`);
  const info = derefDeep(set, root.info, child(rootAt, 'info')) as JsonObject;
  if (typeof info.title !== 'string' || !info.title.trim()) fail(child(child(rootAt, 'info'), 'title'), `"info.title" must be a non-empty string, found ${kindOf(info.title)}`);
  const major = (version as string).startsWith('3.') ? 3 : 2;
  const parts = major === 3 ? normalize3(set, file, root) : normalize2(set, file, root);
  const extensions: JsonObject = {};
  for (const [key, value] of Object.entries(root)) if (key.startsWith('x-')) extensions[key] = derefDeep(set, value, child(rootAt, key));
  const service: NormalizedService = {
    file,
    asyncapi: version as string,
    title: (info.title as string).trim(),
    info,
    ...parts,
    extensions,
  };
  if (typeof root.id === 'string') service.id = root.id;
  if (typeof root.defaultContentType === 'string') service.defaultContentType = root.defaultContentType;
  return service;
}
