import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Root of the AsyncAPI specification examples kept as test data. */
export const SPEC_EXAMPLES_DIR = join(__dirname, '../../../../../testdata/asyncapi-spec');

export interface ExampleFile {
  path: string;
  text: string;
}

/** Every file under a folder of the examples, paths relative to that folder. */
export function exampleFiles(folder: string): ExampleFile[] {
  const root = join(SPEC_EXAMPLES_DIR, folder);
  const walk = (dir: string): string[] => readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
  return walk(root).filter((p) => /\.ya?ml$/.test(p)).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
}

/** The single-file examples of a version, and the social-media multi-file set. */
export function specExamples(version: '3.1.0' | '2.6.0'): { single: ExampleFile[]; socialMedia: ExampleFile[] } {
  const all = exampleFiles(version);
  return {
    single: all.filter((f) => !f.path.startsWith('social-media/')),
    socialMedia: all.filter((f) => f.path.startsWith('social-media/')),
  };
}
