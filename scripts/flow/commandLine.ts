// What the `npm run flow` commands share: reading `<file> --flag value …`, and reading a design file
// through the same import pipeline as the app (so the CLI refuses bad input with the app's messages).
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { unzipSync } from 'fflate';
import { importDesignFiles, MAX_IMPORT_BYTES, type FlowDocument, type ImportFile, type ImportWarning } from '../../src/core';
import { setOwn } from '../../src/core/model/ownKeys';

/** Bad usage: the command prints the message and its usage line, and exits 2. */
export class UsageError extends Error {}

/** Refused input: the command prints the message and exits 1. */
export class InputError extends Error {}

/** Splits `args` into positional files and `--name value` flags; throws UsageError on anything else. */
export function parseCommandLine(args: string[], knownFlags: readonly string[], positional = 1): { file: string; files: string[]; flags: Record<string, string> } {
  const files: string[] = [];
  const flags: Record<string, string> = Object.create(null) as Record<string, string>;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      setOwn(flags, arg.slice(2), value);
      i++;
    } else if (files.length < positional) files.push(arg);
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  const unknown = Object.keys(flags).find((flag) => !knownFlags.includes(flag));
  if (unknown) throw new UsageError(`unknown option --${unknown}`);
  if (files.length < positional) throw new UsageError(positional === 1 ? 'the design file is missing' : `${positional} design files are needed`);
  return { file: files[0]!, files, flags };
}

const READABLE = /\.(json|ya?ml|avsc)$/i;

/** The files of a design input: a file, a folder (every JSON/YAML/Avro file under it) or a `.zip`. */
async function inputFiles(path: string): Promise<{ files: ImportFile[]; setName?: string }> {
  const info = await stat(path);
  if (info.isDirectory()) {
    const walk = async (dir: string): Promise<string[]> => (await Promise.all((await readdir(dir, { withFileTypes: true }))
      .filter((e) => !e.name.startsWith('.'))
      .map((e) => (e.isDirectory() ? walk(join(dir, e.name)) : Promise.resolve([join(dir, e.name)]))))).flat();
    const paths = (await walk(path)).filter((p) => READABLE.test(p)).sort();
    const files = await Promise.all(paths.map(async (p) => {
      const size = (await stat(p)).size;
      return { path: relative(path, p), text: size > MAX_IMPORT_BYTES ? '' : await readFile(p, 'utf8'), sizeBytes: size };
    }));
    return { files, setName: basename(path) };
  }
  if (/\.zip$/i.test(path)) {
    const entries = unzipSync(new Uint8Array(await readFile(path)), { filter: (e) => READABLE.test(e.name) && !e.name.startsWith('__MACOSX/') });
    const decoder = new TextDecoder();
    return { files: Object.entries(entries).map(([name, bytes]) => ({ path: name, text: decoder.decode(bytes), sizeBytes: bytes.byteLength })), setName: basename(path).replace(/\.zip$/i, '') };
  }
  return { files: [{ path: basename(path), text: info.size > MAX_IMPORT_BYTES ? '' : await readFile(path, 'utf8'), sizeBytes: info.size }] };
}

/**
 * Reads a design (a flow document, an AsyncAPI file, or a folder or `.zip` of AsyncAPI files)
 * through the app's import pipeline; throws InputError with the reason. Warnings go to stderr.
 */
export async function readDesignInput(path: string, warn: (w: ImportWarning) => void = printWarning): Promise<FlowDocument> {
  let input: Awaited<ReturnType<typeof inputFiles>>;
  try {
    input = await inputFiles(path);
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const imported = await importDesignFiles(input.files, input.setName === undefined ? {} : { setName: input.setName });
  if (!imported.ok) throw new InputError(imported.message);
  imported.warnings.forEach(warn);
  return imported.doc;
}

function printWarning(w: ImportWarning): void {
  console.error(`warning: ${w.file}${w.line === undefined ? '' : `:${w.line}`} at ${w.pointer || '/'}: ${w.message}`);
}

/** Reads a design file (or a folder or `.zip` of AsyncAPI files) through the import pipeline; throws InputError. */
export function readDesignFile(path: string): Promise<FlowDocument> {
  return readDesignInput(path);
}
