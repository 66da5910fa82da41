// `npm run flow -- export <design> --format jsonschema|asyncapi|flow --out <dir>
//    [--base-uri https://schemas.example.com/] [--asyncapi-version 3.0|3.1] [--per-service]`
// Reads a design: a flow document, an AsyncAPI 3.1/3.0/2.x document (JSON or YAML), or a folder
// or .zip of AsyncAPI documents that reference each other. Writes:
//   jsonschema: one JSON Schema (2020-12) file per event type, the envelope, and events.bundle.schema.json
//   asyncapi:   asyncapi.json and asyncapi.yaml (AsyncAPI 3.0.0, or 3.1.0), or with --per-service
//               one <service>.asyncapi.yaml per service
//   flow:       <design>.json, the flow document
// Exits 1 with the reason when the input is refused, 2 on bad usage.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  asyncApiYaml, exportBaseName, serializeFlowDocument, toAsyncApi, toAsyncApiServices, toJsonSchema, type FlowDocument,
} from '../../src/core';
import { InputError, parseCommandLine, readDesignInput, UsageError } from './commandLine';

const FORMATS = ['jsonschema', 'asyncapi', 'flow'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `usage: npm run flow -- export <design> --format ${FORMATS.join('|')} --out <dir> [--base-uri <uri>] [--asyncapi-version 3.0|3.1] [--per-service yes]`;

export interface ExportOptions {
  format: Format;
  baseUri?: string;
  asyncapiVersion?: '3.0.0' | '3.1.0';
  perService?: boolean;
}

function parseArgs(args: string[]): ExportOptions & { file: string; out: string } {
  const { file, flags } = parseCommandLine(args, ['format', 'out', 'base-uri', 'asyncapi-version', 'per-service']);
  const format = flags.format as Format | undefined;
  if (!format || !FORMATS.includes(format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
  if (!flags.out) throw new UsageError('--out <dir> is missing');
  const options: ExportOptions & { file: string; out: string } = { file, format, out: flags.out };
  const baseUri = flags['base-uri'];
  if (baseUri !== undefined) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(baseUri)) throw new UsageError(`--base-uri must be an absolute URI like https://schemas.example.com/, not "${baseUri}"`);
    options.baseUri = baseUri;
  }
  const version = flags['asyncapi-version'];
  if (version !== undefined) {
    if (!['3.0', '3.1', '3.0.0', '3.1.0'].includes(version)) throw new UsageError('--asyncapi-version must be 3.0 or 3.1');
    options.asyncapiVersion = version.startsWith('3.1') ? '3.1.0' : '3.0.0';
  }
  if (flags['per-service'] !== undefined) options.perService = !/^(no|false|0)$/i.test(flags['per-service']);
  return options;
}

/** The files of one export, by name. */
export function exportFiles(doc: FlowDocument, options: ExportOptions): Map<string, string> {
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files = new Map<string, string>();
  switch (options.format) {
    case 'jsonschema': {
      const { files: schemas, bundle } = toJsonSchema(doc, options.baseUri === undefined ? {} : { baseUri: options.baseUri });
      for (const f of schemas) files.set(f.fileName, json(f.schema));
      files.set('events.bundle.schema.json', json(bundle));
      break;
    }
    case 'asyncapi': {
      const version = options.asyncapiVersion === undefined ? {} : { version: options.asyncapiVersion };
      if (options.perService) {
        for (const file of toAsyncApiServices(doc, version)) files.set(file.fileName, asyncApiYaml(file.document));
      } else {
        const document = toAsyncApi(doc, version);
        files.set('asyncapi.json', json(document));
        files.set('asyncapi.yaml', asyncApiYaml(document));
      }
      break;
    }
    case 'flow':
      files.set(`${exportBaseName(doc)}.json`, serializeFlowDocument(doc));
      break;
  }
  return files;
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
    doc = await readDesignInput(options.file);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    console.error(error.message);
    return 1;
  }
  const files = exportFiles(doc, options);
  await mkdir(options.out, { recursive: true });
  for (const [name, content] of files) await writeFile(join(options.out, name), content, 'utf8');
  console.log(JSON.stringify({ format: options.format, design: doc.name, out: options.out, files: [...files.keys()] }, null, 2));
  return 0;
}
