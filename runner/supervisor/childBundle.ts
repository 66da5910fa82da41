/**
 * The child processes' code as one plain JavaScript file, bundled once per runner process with
 * esbuild (pg and nats included), so a child starts — and restarts after a SIGKILL — in a fraction
 * of a second instead of compiling TypeScript on each start. The file is named after a hash of its
 * content under node_modules/.cache/efd-runner: nothing to clean up, however the runner ends.
 */
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHILD_MAIN = fileURLToPath(new URL('../processes/childMain.ts', import.meta.url));
const CACHE = fileURLToPath(new URL('../../node_modules/.cache/efd-runner', import.meta.url));

let bundled: Promise<string> | undefined;

/** The path of the bundled child entry (built on first use in this process). */
export function childBundle(): Promise<string> {
  bundled ??= (async () => {
    const result = await build({
      entryPoints: [CHILD_MAIN],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['pg-native'],
      logLevel: 'silent',
      sourcemap: 'inline',
    });
    const code = result.outputFiles[0]?.contents;
    if (!code) throw new Error('esbuild produced no bundle for the runner’s child processes');
    const file = join(CACHE, `child-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.cjs`);
    if (!existsSync(file)) {
      mkdirSync(CACHE, { recursive: true });
      writeFileSync(`${file}.${process.pid}`, code);
      renameSync(`${file}.${process.pid}`, file);
    }
    return file;
  })();
  return bundled;
}
