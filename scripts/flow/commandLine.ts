// What the `npm run flow` commands share: reading `<file> --flag value …`, and reading a design file
// through the same import pipeline as the app (so the CLI refuses bad input with the app's messages).
import { readFile, stat } from 'node:fs/promises';
import { setOwn } from '../../src/core/model/ownKeys';
import { basename } from 'node:path';
import { importDesign, MAX_IMPORT_BYTES, type FlowDocument } from '../../src/core';

/** Bad usage: the command prints the message and its usage line, and exits 2. */
export class UsageError extends Error {}

/** Refused input: the command prints the message and exits 1. */
export class InputError extends Error {}

/** Splits `args` into one positional file and `--name value` flags; throws UsageError on anything else. */
export function parseCommandLine(args: string[], knownFlags: readonly string[]): { file: string; flags: Record<string, string> } {
  let file: string | undefined;
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      setOwn(flags, arg.slice(2), value);
      i++;
    } else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  const unknown = Object.keys(flags).find((flag) => !knownFlags.includes(flag));
  if (unknown) throw new UsageError(`unknown option --${unknown}`);
  if (file === undefined) throw new UsageError('the design file is missing');
  return { file, flags };
}

/** Reads a flow document or an AsyncAPI file (JSON or YAML) as a design; throws InputError with the reason. */
export async function readDesignFile(path: string): Promise<FlowDocument> {
  let text: string;
  let size: number;
  try {
    size = (await stat(path)).size;
    text = size > MAX_IMPORT_BYTES ? '' : await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const imported = importDesign(text, basename(path), size);
  if (!imported.ok) throw new InputError(imported.message);
  return imported.doc;
}
