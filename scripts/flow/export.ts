// `npm run flow -- export <design.json> --format jsonschema|asyncapi|flow --out <dir>`
// Reads a design (a flow document, or an AsyncAPI 3.0/2.x document, JSON or YAML), writes:
//   jsonschema: one JSON Schema (2020-12) file per event type, the envelope, and events.bundle.schema.json
//   asyncapi:   asyncapi.json and asyncapi.yaml (AsyncAPI 3.0.0)
//   flow:       <design>.json, the flow document
// Exits 1 with the reason when the input is refused, 2 on bad usage.
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  exportBaseName, importDesign, serializeFlowDocument, toAsyncApi, toAsyncApiYaml, toJsonSchema, type FlowDocument,
} from '../../src/core';

const FORMATS = ['jsonschema', 'asyncapi', 'flow'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: npm run flow -- export <design.json> --format ${FORMATS.join('|')} --out <dir>`;

class UsageError extends Error {}

function parseArgs(args: string[]): { file: string; format: Format; out: string } {
  let file: string | undefined;
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg.startsWith('--')) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${arg} needs a value`);
      flags[arg.slice(2)] = value;
      i++;
    } else if (file === undefined) file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  const unknown = Object.keys(flags).find((flag) => flag !== 'format' && flag !== 'out');
  if (unknown) throw new UsageError(`unknown option --${unknown}`);
  if (file === undefined) throw new UsageError('the design file is missing');
  const format = flags.format as Format | undefined;
  if (!format || !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (!flags.out) throw new UsageError('--out <dir> is missing');
  return { file, format, out: flags.out };
}

/** The files of one export, by name. */
export function exportFiles(doc: FlowDocument, format: Format): Record<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  switch (format) {
    case 'jsonschema': {
      const { files, bundle } = toJsonSchema(doc);
      return { ...Object.fromEntries(files.map((f) => [f.fileName, json(f.schema)])), 'events.bundle.schema.json': json(bundle) };
    }
    case 'asyncapi':
      return { 'asyncapi.json': json(toAsyncApi(doc)), 'asyncapi.yaml': toAsyncApiYaml(doc) };
    case 'flow':
      return { [`${exportBaseName(doc)}.json`]: serializeFlowDocument(doc) };
  }
}

/** Runs the export; returns the exit code. */
export async function run(args: string[]): Promise<number> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  let text: string;
  let size: number;
  try {
    size = (await stat(options.file)).size;
    text = size > 10 * 1024 * 1024 ? '' : await readFile(options.file, 'utf8');
  } catch (error) {
    console.error(`cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  const imported = importDesign(text, basename(options.file), size);
  if (!imported.ok) {
    console.error(imported.message);
    return 1;
  }
  const files = exportFiles(imported.doc, options.format);
  await mkdir(options.out, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(options.out, name), content, 'utf8');
  console.log(JSON.stringify({ format: options.format, design: imported.doc.name, out: options.out, files: Object.keys(files) }, null, 2));
  return 0;
}
