/**
 * Test support: what an AsyncAPI document means, read through `@asyncapi/parser`'s own model
 * (not this project's reader), so a round trip is judged by an independent reading: servers,
 * channels, operations and messages with their payload and header schemas fully resolved.
 */
import { Parser, type AsyncAPIDocumentInterface, type Diagnostic } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';

export type Json = unknown;

/** Drops what only the parser adds (`x-parser-*`), and cuts cycles (recursive schemas). */
export function plain(value: Json, seen: Set<object> = new Set()): Json {
  if (Array.isArray(value)) {
    if (seen.has(value)) return '<cycle>';
    seen.add(value);
    const out = value.map((v) => plain(v, seen));
    seen.delete(value);
    return out;
  }
  if (typeof value !== 'object' || value === null) return value;
  if (seen.has(value)) return '<cycle>';
  seen.add(value);
  const out: Record<string, Json> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k.startsWith('x-parser-')) continue;
    Object.defineProperty(out, k, { value: plain(v, seen), enumerable: true, writable: true, configurable: true });
  }
  seen.delete(value);
  return out;
}

export interface ParsedMessage {
  id: string;
  name?: string;
  payload?: Json;
  headers?: Json;
  correlationId?: Json;
  contentType?: string;
  title?: string;
  summary?: string;
  examples: { payload?: Json; headers?: Json }[];
  bindings: Json;
  schemaFormat?: string;
}

export interface ParsedChannel {
  id: string;
  address?: string | null;
  parameters: Record<string, Json>;
  bindings: Json;
  messages: string[];
}

export interface ParsedOperation {
  id: string;
  action: 'send' | 'receive';
  channelAddresses: (string | null | undefined)[];
  messages: string[];
  bindings: Json;
}

export interface ParsedServer {
  /** Host and path, without the scheme (2.x `url` and 3.x `host` + `pathname` alike). */
  address: string;
  protocol: string;
  protocolVersion?: string;
  bindings: Json;
}

export interface ParsedDocument {
  servers: Map<string, ParsedServer>;
  channels: ParsedChannel[];
  operations: ParsedOperation[];
  messages: Map<string, ParsedMessage>;
  errors: Diagnostic[];
}

/** Bindings as plain JSON, whatever model (server, channel, operation, message) carries them. */
/**
 * Bindings as plain JSON by protocol, whatever model (server, channel, operation, message) carries
 * them. A 2.x binding that AsyncAPI 3 refuses is exported as `x-asyncapi2-binding-<protocol>`: it
 * counts here under its protocol, so a round trip that kept its content passes.
 */
const bindingsOf = (item: { bindings(): unknown }) => {
  const bindings = item.bindings() as { all(): { protocol(): string; json(): Json }[]; extensions(): { all(): { id(): string; value(): Json }[] } };
  const out: Record<string, Json> = {};
  for (const b of bindings.all()) if (!b.protocol().startsWith('x-')) out[b.protocol()] = plain(b.json());
  for (const e of bindings.extensions().all()) {
    const kept = /^x-asyncapi2-binding-(.+)$/.exec(e.id());
    if (kept) out[kept[1]!] = plain(e.value());
  }
  return out;
};

/**
 * A stand-in for the network in tests: the examples' only remote references are Avro schemas
 * (`.avsc`, the Adeo case study); each is served as an empty Avro record, the same to the
 * original and to the export, so both can be parsed without fetching anything.
 */
const REMOTE_AVRO = JSON.stringify({ type: 'record', name: 'RemoteStandIn', fields: [] });

/** A parser that reads files from `files` (by path) only, never the disk or the network. */
export function offlineParser(files: ReadonlyMap<string, string>): Parser {
  const read = (uri: { href(): string }) => {
    const href = uri.href();
    if (/^https?:/.test(href)) return /\.avsc$/.test(href) ? REMOTE_AVRO : JSON.stringify({ 'x-offline': href });
    const path = decodeURIComponent(href.replace(/^file:\/\//, '')).replace(/^\/+/, '');
    return files.get(path) ?? JSON.stringify({ 'x-offline': href });
  };
  return new Parser({
    schemaParsers: [AvroSchemaParser()],
    __unstable: { resolver: { cache: false, resolvers: [
      { schema: 'file', order: 1, read },
      { schema: 'http', order: 1, read },
      { schema: 'https', order: 1, read },
    ] } },
  });
}

/** Parses `text` (at `path` among `files`) and reads its meaning through the parser's model. */
export async function parsedModel(parser: Parser, text: string, path = 'asyncapi.yaml'): Promise<ParsedDocument> {
  const { document, diagnostics } = await parser.parse(text, { source: `file:///${path}` });
  const errors = diagnostics.filter((d) => d.severity === 0);
  if (!document) return { servers: new Map(), channels: [], operations: [], messages: new Map(), errors };
  return { ...readModel(document), errors };
}

/** A multi-format schema (`{ schemaFormat, schema }`) as the schema it wraps. */
function schemaOf(value: Json): Json {
  const record = value as { schemaFormat?: unknown; schema?: unknown } | null;
  return record && typeof record === 'object' && typeof record.schemaFormat === 'string' && record.schema !== undefined ? record.schema : value;
}

function messageId(m: { id(): string; name(): string | undefined }): string {
  return m.name() ?? m.id();
}

function readModel(doc: AsyncAPIDocumentInterface): Omit<ParsedDocument, 'errors'> {
  const servers = new Map<string, ParsedServer>();
  for (const s of doc.servers().all()) {
    // 2.x models read host and pathname from `url` with the URL parser, which misreads `host:port`: compare the url as written.
    const json = s.json() as { url?: string; host?: string; pathname?: string };
    const address = (json.url ?? `${json.host ?? ''}${json.pathname ?? ''}`).replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/$/, '');
    servers.set(s.id(), {
      address, protocol: s.protocol(), bindings: bindingsOf(s),
      ...(s.protocolVersion() ? { protocolVersion: s.protocolVersion() } : {}),
    });
  }
  const channels = doc.channels().all().map((c) => ({
    id: c.id(),
    address: c.address(),
    parameters: Object.fromEntries(c.parameters().all().map((p) => [p.id(), plain({
      description: p.description(), enum: p.hasSchema() ? p.schema()?.enum() : undefined, default: p.hasSchema() ? p.schema()?.default() : undefined, location: p.location(),
    })])),
    bindings: bindingsOf(c),
    messages: c.messages().all().map(messageId).sort(),
  }));
  const operations = doc.operations().all().map((o) => ({
    id: o.id() ?? '',
    action: o.isSend() ? 'send' as const : 'receive' as const,
    channelAddresses: o.channels().all().map((c) => c.address()),
    messages: o.messages().all().map(messageId).sort(),
    bindings: bindingsOf(o),
  }));
  const messages = new Map<string, ParsedMessage>();
  for (const m of doc.allMessages().all()) {
    const message: ParsedMessage = {
      id: messageId(m),
      examples: m.examples().all().map((e) => ({ payload: plain(e.payload()), headers: plain(e.headers()) })),
      bindings: bindingsOf(m),
    };
    if (m.name()) message.name = m.name();
    if (m.hasPayload()) message.payload = schemaOf(plain(m.payload()!.json()));
    if (m.hasHeaders()) message.headers = schemaOf(plain(m.headers()!.json()));
    if (m.hasCorrelationId()) message.correlationId = plain(m.correlationId()!.json());
    if (m.contentType()) message.contentType = m.contentType();
    if (m.title()) message.title = m.title();
    if (m.summary()) message.summary = m.summary();
    if (m.schemaFormat()) message.schemaFormat = m.schemaFormat();
    messages.set(message.id, message);
  }
  return { servers, channels, operations, messages };
}
