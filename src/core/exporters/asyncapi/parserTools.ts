// The heavy part of the AsyncAPI import: @asyncapi/parser (validation against the spec) and the
// AsyncAPI Avro schema parser. Loaded with `import()` only when an AsyncAPI document is opened,
// so it is a chunk of its own and never part of the first paint.
import { Parser, type Diagnostic } from '@asyncapi/parser';
import { AvroSchemaParser, avroToJsonSchema } from '@asyncapi/avro-schema-parser';
import { findSetPath } from './documentSet';
import type { AsyncApiTools, ParserFinding } from './tools';

/** Diagnostic severities of Spectral: 0 error, 1 warning, 2 information, 3 hint. */
const ERROR = 0;

/** The part of a resolved URI that names a file of the set: `file:///common/x.yaml` → `common/x.yaml`. */
function setPathOf(href: string): string {
  return decodeURIComponent(href.replace(/^file:\/\//i, '').replace(/[?#].*$/, '')).replace(/^\/+/, '');
}

function finding(d: Diagnostic, defaultFile: string): ParserFinding {
  const file = typeof d.source === 'string' && d.source ? setPathOf(d.source) : defaultFile;
  return {
    file,
    pointer: d.path.length === 0 ? '' : `/${d.path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`,
    line: d.range.start.line + 1,
    message: d.message,
    code: String(d.code),
  };
}

/**
 * The tools, over the files of one set: relative references resolve among `files` (by their
 * path in the set) and nothing is ever read from disk or the network — a remote reference
 * resolves to an empty object here (the import keeps it as written and says so).
 */
export function createAsyncApiTools(): AsyncApiTools {
  return {
    async validate(path, text, files) {
      const paths = [...files.keys()];
      const readSetFile = (wanted: string) => {
        const found = findSetPath(paths, wanted);
        return found === undefined ? undefined : files.get(found);
      };
      const offline = (uri: { href(): string }) => JSON.stringify({ 'x-eventflow-not-fetched': uri.href() });
      const parser = new Parser({
        schemaParsers: [AvroSchemaParser()],
        __unstable: {
          resolver: {
            cache: false,
            resolvers: [
              { schema: 'file', order: 1, read: (uri) => readSetFile(setPathOf(uri.href())) ?? offline(uri) },
              { schema: 'http', order: 1, read: offline },
              { schema: 'https', order: 1, read: offline },
            ],
          },
        },
      });
      const { diagnostics } = await parser.parse(text, { source: `file:///${path.split('/').map(encodeURIComponent).join('/')}`, applyTraits: true });
      return diagnostics.filter((d) => d.severity === ERROR).map((d) => finding(d, path));
    },
    async avroToJsonSchema(schema) {
      const problems = await AvroSchemaParser().validate({ data: schema, path: [], meta: {}, asyncapi: undefined as never, schemaFormat: '', defaultSchemaFormat: '' } as never);
      if (Array.isArray(problems) && problems.length > 0) return { ok: false, message: problems.map((p) => p.message).join('; ') };
      return { ok: true, schema: (await avroToJsonSchema(schema as never)) as Record<string, unknown> };
    },
  };
}
