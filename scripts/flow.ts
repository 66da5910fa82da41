import { getOwn } from '../src/core/model/ownKeys';
// Headless entry point: `npm run flow -- <command> ...`. Each command lives in scripts/flow/<command>.ts
// and exports `run(args: string[]): Promise<number>` (the exit code).
const commands: Record<string, () => Promise<{ run(args: string[]): Promise<number> }>> = {
  simulate: () => import('./flow/simulate'),
  export: () => import('./flow/export'),
  test: () => import('./flow/test'),
  run: () => import('./flow/run'),
  services: () => import('./flow/services'),
  'export-infra': () => import('./flow/exportInfra'),
  diff: () => import('./flow/diff'),
};

const [name, ...args] = process.argv.slice(2);
const load = name ? getOwn(commands, name) : undefined;
if (!load) {
  console.error(`usage: npm run flow -- <${Object.keys(commands).join('|')}> ...`);
  process.exit(2);
}
load()
  .then((command) => command.run(args))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  });

