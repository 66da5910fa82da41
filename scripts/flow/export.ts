// `npm run flow -- export <design.json> --format jsonschema|asyncapi|flow --out <dir>`
// Reads a design (a flow document, or an AsyncAPI 3.0/2.x document, JSON or YAML), writes:
//   jsonschema: one JSON Schema (2020-12) file per event type, the envelope, and events.bundle.schema.json
//   asyncapi:   asyncapi.json and asyncapi.yaml (AsyncAPI 3.0.0)
//   flow:       <design>.json, the flow document
// Exits 1 with the reason when the input is refused, 2 on bad usage.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  exportBaseName, serializeFlowDocument, toAsyncApi, toAsyncApiYaml, toJsonSchema, type FlowDocument,
} from '../../src/core';
import { InputError, parseCommandLine, readDesignFile, UsageError } from './commandLine';

const FORMATS = ['jsonschema', 'asyncapi', 'flow'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: npm run flow -- export <design.json> --format ${FORMATS.join('|')} --out <dir>`;

function parseArgs(args: string[]): { file: string; format: Format; out: string } {
  const { file, flags } = parseCommandLine(args, ['format', 'out']);
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
  let doc: FlowDocument;
  try {
    doc = await readDesignFile(options.file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    return 1;
  }
  const files = exportFiles(doc, options.format);
  await mkdir(options.out, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(join(options.out, name), content, 'utf8');
  console.log(JSON.stringify({ format: options.format, design: doc.name, out: options.out, files: Object.keys(files) }, null, 2));
  return 0;
}
