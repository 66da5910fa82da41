// `npm run flow -- export-infra <design.json> [--out dir] [run options]`: the runner's PostgreSQL DDL
// (every table, with the constraints the patterns rest on) and its JetStream configuration (streams
// and durable consumers as the JetStream API takes them) for a design — what "outbox + inbox done
// right" is on real infrastructure. Without --out both are printed.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { defaultRunSettings, mergeSettings } from '../../src/core';
import { ArgumentError, parseRunArguments } from '../../runner/cli/runArguments';
import { jetStreamConfig } from '../../runner/topology/jetstreamConfig';
import { DEFAULT_TOPOLOGY, planInfrastructure } from '../../runner/topology/plan';
import { schemaDdl } from '../../runner/topology/sqlSchema';
import { InputError, readDesignFile } from './commandLine';

const USAGE = `usage: npm run -s flow -- export-infra <design.json> [--out dir] [--inbox-off ids] [--dual-write ids] [--instances C=N] [--mode C=partitioned:N|competing] [--ack-wait D] [--namespace NAME]

Writes schema.sql (PostgreSQL DDL) and jetstream.json (streams and durable consumers) to --out, or prints both.`;

export async function run(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseRunArguments(argv);
  } catch (error) {
    if (!(error instanceof ArgumentError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  let flow;
  try {
    flow = await readDesignFile(args.file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    return 1;
  }
  const settings = mergeSettings(defaultRunSettings(args.seed), args.settings);
  const plan = planInfrastructure(flow, { ...DEFAULT_TOPOLOGY, ...args.topology, settings });
  const sql = schemaDdl(plan);
  const jetstream = `${JSON.stringify(jetStreamConfig(plan), null, 2)}\n`;
  if (args.out === undefined) {
    console.log(`${sql}\n-- JetStream configuration (jetstream.json)\n/*\n${jetstream}*/`);
    return 0;
  }
  await mkdir(args.out, { recursive: true });
  await writeFile(join(args.out, 'schema.sql'), sql);
  await writeFile(join(args.out, 'jetstream.json'), jetstream);
  console.log(`wrote ${join(args.out, 'schema.sql')} and ${join(args.out, 'jetstream.json')}`);
  return 0;
}
