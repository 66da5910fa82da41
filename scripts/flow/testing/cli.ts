// Shared by the CLI's tests: run a `flow` command in-process with its output captured, and write
// an edited copy of a design to a temporary folder.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vi } from 'vitest';

/** What a command printed (console.log and console.error), captured until `vi.restoreAllMocks()`. */
export function captureConsole() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((s: unknown) => void out.push(String(s)));
  vi.spyOn(console, 'error').mockImplementation((s: unknown) => void err.push(String(s)));
  return { out, err, text: () => out.join('\n') };
}

/** Runs a command's `run(argv)` with its output captured: exit code, lines printed, errors joined. */
export async function runCommand(run: (argv: string[]) => Promise<number>, args: string[]) {
  const io = captureConsole();
  try {
    const code = await run(args);
    return { code, out: io.out, text: io.text(), err: io.err.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

/** A temporary folder for edited designs (one per test file). */
export const scratchFolder = (prefix: string) => mkdtemp(join(tmpdir(), prefix));

/** Writes a copy of the design at `source`, changed by `edit`, into `dir`; returns its path. */
export async function editedCopy(dir: string, source: string, name: string, edit: (design: any) => void): Promise<string> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const design = JSON.parse(await readFile(source, 'utf8'));
  edit(design);
  const path = join(dir, `${name}.json`);
  await writeFile(path, JSON.stringify(design));
  return path;
}
