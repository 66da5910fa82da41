import { unescapePointerSegment } from '../../model/validation/problems';
import { childPointer, isRecord, kindOf } from '../jsonPointer';

/** A place in a document set: a file (its path inside the set) and a JSON pointer into it. */
export interface Location {
  file: string;
  pointer: string;
}

/** `backend/asyncapi.yaml#/channels/a`: a location as one string, used as an identity key. */
export const locationKey = (at: Location): string => `${at.file}#${at.pointer}`;

export const child = (at: Location, key: string | number): Location => ({ file: at.file, pointer: childPointer(at.pointer, key) });

/** A problem at a location of a document set; `line` when the file is YAML and the place exists. */
export interface SetIssue {
  file: string;
  pointer: string;
  message: string;
}

/** Stops a reader at the first problem it cannot read past; caught at the import's entry point. */
export class SetImportError extends Error {
  constructor(readonly issue: SetIssue) {
    super(`${issue.message} (${issue.file} at ${issue.pointer || '/'})`);
    this.name = 'SetImportError';
  }
}

export const fail = (at: Location, message: string): never => {
  throw new SetImportError({ file: at.file, pointer: at.pointer, message });
};

/** One parsed file of the set. */
export interface SetFile {
  path: string;
  value: unknown;
  lineOf: (pointer: string) => number | undefined;
}

/** `a/./b/../c.yaml` → `a/c.yaml`; backslashes become slashes; a leading `/` or `./` is dropped. */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else out.push('..');
    } else out.push(part);
  }
  return out.join('/');
}

/**
 * The path among `paths` that `wanted` names: itself, or — when the files were given without their
 * folders — the one path that ends the same way (`common/messages.yaml`, then `messages.yaml`),
 * as long as exactly one does. Pure.
 */
export function findSetPath(paths: readonly string[], wanted: string): string | undefined {
  const exact = normalizePath(wanted);
  if (paths.includes(exact)) return exact;
  const tail = exact.split('/').filter((p) => p !== '..');
  for (let n = tail.length; n >= 1; n--) {
    const suffix = tail.slice(tail.length - n).join('/');
    const matches = paths.filter((p) => p === suffix || p.endsWith(`/${suffix}`));
    if (matches.length === 1) return matches[0];
    if (matches.length > 1) return undefined;
  }
  return undefined;
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '');
const isRemote = (ref: string) => /^[a-z][a-z0-9+.-]*:/i.test(ref);

/** What a `$ref` points at: a place in the set, or a remote URL that is never fetched. */
export type RefTarget = { kind: 'local'; at: Location } | { kind: 'remote'; url: string };

/**
 * The files a user gave together (opened, dropped, a `.zip` or a folder): relative `$ref`s
 * resolve among them and only among them. Nothing is read from disk or the network.
 */
export class DocumentSet {
  private readonly files = new Map<string, SetFile>();

  constructor(files: readonly SetFile[]) {
    for (const file of files) this.files.set(normalizePath(file.path), { ...file, path: normalizePath(file.path) });
  }

  get paths(): string[] {
    return [...this.files.keys()];
  }

  file(path: string): SetFile | undefined {
    return this.files.get(path);
  }

  /** Line of a location (YAML files only), for messages. */
  lineOf(at: Location): number | undefined {
    return this.files.get(at.file)?.lineOf(at.pointer);
  }

  /**
   * The file a relative reference names, seen from `from`. When the user gave the files without
   * their folders (several files dropped at once), a reference like `../common/messages.yaml`
   * still finds the one file whose path ends the same way (`common/messages.yaml`, then
   * `messages.yaml`), as long as exactly one does.
   */
  resolveFile(from: string, relative: string): string | undefined {
    const wanted = normalizePath(dirOf(from) + relative);
    return this.files.has(wanted) ? wanted : findSetPath(this.paths, relative);
  }

  /** Where a `$ref` found at `at` points. Throws `SetImportError` when it names nothing the user gave. */
  target(ref: string, at: Location): RefTarget {
    const hash = ref.indexOf('#');
    const filePart = hash < 0 ? ref : ref.slice(0, hash);
    const pointer = hash < 0 ? '' : decodePointer(ref.slice(hash + 1));
    if (filePart === '') return { kind: 'local', at: { file: at.file, pointer } };
    if (isRemote(filePart)) {
      if (/^file:/i.test(filePart)) fail(child(at, '$ref'), `Reference "${ref}" names a file by an absolute path; only relative references among the files given are followed`);
      return { kind: 'remote', url: ref };
    }
    const file = this.resolveFile(at.file, filePart);
    if (file === undefined) {
      const given = this.paths.length === 1 ? 'the one file given' : `the ${this.paths.length} files given`;
      return fail(child(at, '$ref'), `Reference "${ref}" names the file "${filePart}", which is not among ${given}; open or drop it together with this one (or the folder or .zip that holds both)`);
    }
    return { kind: 'local', at: { file, pointer } };
  }

  /** The value at a location, or `undefined` when nothing is there. */
  read(at: Location): unknown {
    const file = this.files.get(at.file);
    if (!file) return undefined;
    if (at.pointer === '') return file.value;
    let current: unknown = file.value;
    for (const raw of at.pointer.slice(1).split('/')) {
      const token = unescapePointerSegment(raw);
      if (Array.isArray(current) && /^\d+$/.test(token)) current = current[Number(token)];
      else if (isRecord(current) && Object.hasOwn(current, token)) current = current[token];
      else return undefined;
    }
    return current;
  }

  /**
   * Follows `$ref`s from `value` (found at `at`) until a value that is not a reference. Returns
   * the value and where it lives, or the remote URL when the chain leaves the set. Throws
   * `SetImportError` for a reference to nothing, a file not given, or a cycle of references.
   */
  follow(value: unknown, at: Location): { value: unknown; at: Location; remote?: undefined } | { remote: string; at: Location; value?: undefined } {
    let current = value;
    let place = at;
    const seen = new Set<string>();
    while (isRecord(current) && typeof current.$ref === 'string') {
      const target = this.target(current.$ref, place);
      if (target.kind === 'remote') return { remote: target.url, at: place };
      const key = locationKey(target.at);
      if (seen.has(key)) fail(child(place, '$ref'), `Reference cycle: "${current.$ref}" leads back to itself`);
      seen.add(key);
      const next = this.read(target.at);
      if (next === undefined) {
        fail(child(place, '$ref'), `Reference "${current.$ref}" points at nothing: ${target.at.file} has no ${target.at.pointer || 'root'}`);
      }
      current = next;
      place = target.at;
    }
    return { value: current, at: place };
  }

  /** Follows references and requires an object; `what` names it in the message. */
  object(value: unknown, at: Location, what: string): { value: Record<string, unknown>; at: Location } {
    const found = this.follow(value, at);
    if (found.remote !== undefined) fail(at, `${what} is a remote reference (${found.remote}); remote documents are never fetched`);
    if (!isRecord(found.value)) fail(found.at, `${what} must be an object, found ${kindOf(found.value)}`);
    return { value: found.value as Record<string, unknown>, at: found.at };
  }
}

function decodePointer(fragment: string): string {
  if (fragment === '' || fragment === '/') return fragment === '/' ? '/' : '';
  let decoded = fragment;
  try {
    decoded = decodeURIComponent(fragment);
  } catch {
    // keep it as written: a `%` that is not an escape is just a character
  }
  return decoded.startsWith('/') ? decoded : `/${decoded}`;
}
