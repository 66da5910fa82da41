// `npm run flow -- diff <old> <new> [--compat backward|forward|full]`
// Compares the event contracts of two designs (flow documents, AsyncAPI documents, folders or
// .zips of them) the way schema registries define compatibility, and prints every breaking change
// with its path. Exits 1 when a breaking change kept its version number (the contract changed
// under the same version), 0 otherwise, 2 on bad usage. `--json yes` prints the report as JSON.
import { COMPATIBILITY_MODES, diffDesigns, type CompatibilityMode, type EventTypeDiff, type FlowDocument } from '../../src/core';
import { InputError, parseCommandLine, readDesignInput, UsageError } from './commandLine';

const USAGE = 'usage: npm run flow -- diff <old design> <new design> [--compat backward|forward|full] [--json yes]';

function describe(diff: EventTypeDiff): string[] {
  const versions = diff.oldVersion === diff.newVersion || diff.newVersion === undefined || diff.oldVersion === undefined
    ? `v${diff.oldVersion ?? diff.newVersion}`
    : `v${diff.oldVersion} → v${diff.newVersion}`;
  const head = `${diff.name} (${versions}): ${diff.status}${diff.changes.length > 0 ? `, ${diff.changes.length} breaking change${diff.changes.length === 1 ? '' : 's'}` : ''}${diff.breaksSameVersion ? ' ON AN UNCHANGED VERSION' : ''}`;
  return [head, ...diff.changes.map((c) => `  ${c.breaks.padEnd(8)} ${c.path}: ${c.message}`)];
}

/** Runs the diff; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  let files: string[];
  let mode: CompatibilityMode;
  let asJson: boolean;
  try {
    const parsed = parseCommandLine(args, ['compat', 'json'], 2);
    files = parsed.files;
    const compat = parsed.flags.compat ?? 'backward';
    if (!(COMPATIBILITY_MODES as readonly string[]).includes(compat) || compat === 'none') throw new UsageError('--compat must be backward, forward or full');
    mode = compat as CompatibilityMode;
    asJson = parsed.flags.json !== undefined && !/^(no|false|0)$/i.test(parsed.flags.json);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  let before: FlowDocument;
  let after: FlowDocument;
  try {
    before = await readDesignInput(files[0]!);
    after = await readDesignInput(files[1]!);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    return 1;
  }
  const diffs = diffDesigns(before, after, mode);
  const problems = diffs.filter((d) => d.breaksSameVersion);
  if (asJson) {
    console.log(JSON.stringify({ compatibility: mode, old: before.name, new: after.name, eventTypes: diffs, breakingOnSameVersion: problems.length }, null, 2));
  } else {
    const shown = diffs.filter((d) => d.status !== 'unchanged');
    console.log(`Compatibility ${mode}: ${before.name} → ${after.name}`);
    if (shown.length === 0) console.log('No event type changed.');
    for (const diff of shown) for (const line of describe(diff)) console.log(line);
    const breaking = diffs.reduce((n, d) => n + d.changes.length, 0);
    console.log(breaking === 0 ? `Compatible (${mode}).` : `${breaking} breaking change${breaking === 1 ? '' : 's'}; ${problems.length} event type${problems.length === 1 ? '' : 's'} changed incompatibly without a new version.`);
  }
  return problems.length > 0 ? 1 : 0;
}
