import type { ContractFields } from '../../model/contracts';
import type { EventType, FlowDocument } from '../../model/types';
import { planEventSchemas, type EventSchemaPlan } from '../contracts/eventSchemas';
import { jsonToYaml } from '../jsonToYaml';
import { definitionClosure, rewriteRefs, toDraft07 } from '../contracts/schemaRefs';
import { sameJson } from '../../evolution/schemaFacts';
import { designExtension, DESIGN_EXTENSION } from './designExtension';
import { planExport, type ExportPlan, type PlannedChannel, type PlannedOperation, type PlannedService } from './exportPlan';

/** An AsyncAPI document as a plain JSON object. */
export type AsyncApiDocument = { asyncapi: string; [key: string]: unknown };

export interface AsyncApiExportOptions {
  /** `3.0.0` (default) or `3.1.0`. */
  version?: '3.0.0' | '3.1.0';
}

/** One file of a per-service export. */
export interface AsyncApiServiceFile {
  fileName: string;
  service: string;
  document: AsyncApiDocument;
}

const SCHEMAS = '#/components/schemas/';
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');
const ref = (pointer: string) => ({ $ref: pointer });

function record(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

/** A 2020-12 schema of the plan as an AsyncAPI (draft-07) schema in `components.schemas`. */
const asAsyncApiSchema = (schema: unknown) => toDraft07(rewriteRefs(schema, SCHEMAS));

/** Everything the writer needs, computed once for the design. */
interface Context {
  doc: FlowDocument;
  schemas: EventSchemaPlan;
  plan: ExportPlan;
  byId: Map<string, EventType>;
  version: string;
}

function messageObject(ctx: Context, type: EventType): Record<string, unknown> {
  const contract = type.message;
  const fields: ContractFields = { ...(contract?.fields ?? {}) };
  const derivedName = typeof fields.title === 'string' && fields.title ? fields.title : contract?.key;
  if (contract === undefined || fields.name !== undefined || type.name !== derivedName) fields.name = type.name;
  if (contract === undefined) fields.title = type.name;
  if (type.description) fields.description = type.description;
  else delete fields.description;
  // A message in CloudEvents' structured mode is a CloudEvents document (the envelope with the payload under `data`).
  const enveloped = ctx.doc.envelope.kind !== 'none';
  if (ctx.doc.envelope.kind === 'cloudevents') fields.contentType = 'application/cloudevents+json';
  else if (fields.contentType === undefined && contract === undefined) fields.contentType = 'application/json';
  const planned = ctx.schemas.byId.get(type.id)!;
  const source = contract?.payloadSource;
  // The original (Avro, opaque, as written) payload while it is unchanged and travels without an envelope.
  const payload = source && !enveloped && sameJson(type.payload, source.readAs)
    ? (source.schemaFormat === undefined ? source.schema : { schemaFormat: source.schemaFormat, schema: source.schema })
    : asAsyncApiSchema(planned.message);
  return {
    ...fields,
    ...(contract?.headers === undefined ? {} : { headers: asAsyncApiSchema(contract.headers) }),
    payload,
  };
}

function channelObject(channel: PlannedChannel, messageKeys: Map<string, string>): Record<string, unknown> {
  const { servers, ...fields } = channel.fields;
  return {
    ...(channel.address === undefined ? {} : { address: channel.address }),
    ...fields,
    messages: record(channel.messages.map((m) => [m.key, ref(`#/components/messages/${escape(messageKeys.get(m.eventTypeId)!)}`)])),
    ...(Array.isArray(servers) && servers.length > 0 ? { servers: servers.map((s) => ref(`#/servers/${escape(String(s))}`)) } : {}),
  };
}

function operationObject(op: PlannedOperation, channelKeys: Map<PlannedChannel, string>, channelsByKey: Map<string, PlannedChannel>): Record<string, unknown> {
  const channelKey = channelKeys.get(op.channel)!;
  const { reply, ...fields } = op.fields;
  const out: Record<string, unknown> = {
    action: op.action,
    channel: ref(`#/channels/${escape(channelKey)}`),
    ...fields,
    messages: op.eventTypeIds.map((id) => ref(`#/channels/${escape(channelKey)}/messages/${escape(op.channel.messages.find((m) => m.eventTypeId === id)!.key)}`)),
    'x-eventflow-node': op.nodeId,
  };
  if (reply !== null && typeof reply === 'object') {
    const { channel, messages, ...rest } = reply as Record<string, unknown>;
    const replyChannel = typeof channel === 'string' ? channelsByKey.get(channel) : undefined;
    const replyKey = replyChannel ? channelKeys.get(replyChannel) : undefined;
    out.reply = {
      ...rest,
      ...(replyKey ? { channel: ref(`#/channels/${escape(replyKey)}`) } : {}),
      ...(replyKey && Array.isArray(messages)
        ? { messages: messages.filter((m) => replyChannel!.messages.some((x) => x.key === m)).map((m) => ref(`#/channels/${escape(replyKey)}/messages/${escape(String(m))}`)) }
        : {}),
    };
  }
  return out;
}

/** Adds `value` under `name`, or under `name_2`, `name_3`… when another value already has the name; the same value is kept once. */
function addNamed(into: Map<string, unknown>, name: string, value: unknown): void {
  for (let n = 1; ; n++) {
    const key = n === 1 ? name : `${name}_${n}`;
    const known = into.get(key);
    if (known === undefined) { into.set(key, value); return; }
    if (sameJson(known, value)) return;
  }
}

/**
 * Servers and security schemes of the services given, by name. Services of one design often
 * name their servers alike (every service of a set has its `mosquitto`, each with its own client
 * id): the same server is written once, a different one under a suffixed name, so nothing is lost.
 */
function serversOf(services: readonly PlannedService[]) {
  const servers = new Map<string, unknown>();
  const schemes = new Map<string, unknown>();
  for (const service of services) {
    for (const { name, server } of service.contract?.servers ?? []) addNamed(servers, name, server);
    for (const { name, scheme } of service.contract?.securitySchemes ?? []) addNamed(schemes, name, scheme);
  }
  return { servers, schemes };
}

/**
 * The document's default content type: the one the imported services agree on (none when they
 * gave none or differ, so messages keep meaning what they meant), `application/json` for a design
 * made in the tool.
 */
function defaultContentType(services: readonly PlannedService[]): { defaultContentType?: string } {
  const imported = services.filter((s) => s.contract);
  if (imported.length === 0) return { defaultContentType: 'application/json' };
  const types = new Set(imported.map((s) => s.contract!.defaultContentType));
  const [only] = types;
  return types.size === 1 && only !== undefined ? { defaultContentType: only } : {};
}

/** Writes the services given (all of them: the whole design; one: its file) as one document. */
function writeDocument(ctx: Context, services: readonly PlannedService[], whole: boolean): AsyncApiDocument {
  const operations = services.flatMap((s) => s.operations);
  const usedChannels = new Set([...operations.map((op) => op.channel), ...services.flatMap((s) => s.channels)]);
  if (whole) ctx.plan.channels.forEach((c) => usedChannels.add(c));
  const channels = ctx.plan.channels.filter((c) => usedChannels.has(c));
  const channelKeys = new Map(channels.map((c) => [c, c.key]));
  const channelsByKey = new Map(channels.map((c) => [c.key, c]));
  const typeIds = new Set([...channels.flatMap((c) => c.messages.map((m) => m.eventTypeId)), ...services.flatMap((s) => s.contract?.eventTypeIds ?? [])]);
  for (const id of typeIds) if (!ctx.plan.messageKeys.has(id)) typeIds.delete(id);
  if (whole) ctx.plan.messageKeys.forEach((_key, id) => typeIds.add(id));
  const types = ctx.doc.eventTypes.filter((t) => typeIds.has(t.id));
  const messages = record(types.map((t) => [ctx.plan.messageKeys.get(t.id)!, messageObject(ctx, t)]));
  const roots = whole ? [...ctx.schemas.definitions.values()] : [...types.map((t) => ctx.schemas.byId.get(t.id)!.message), ...types.map((t) => t.message?.headers)];
  const schemaNames = whole ? [...ctx.schemas.definitions.keys()] : definitionClosure(roots, ctx.schemas.definitions);
  const { servers, schemes } = serversOf(services);
  const single = services.length === 1 ? services[0] : undefined;
  const info = single?.contract?.info
    ? { ...single.contract.info, title: single.title }
    : { title: whole ? ctx.doc.name || ctx.doc.id : single?.title ?? ctx.doc.name, version: '1.0.0', ...(ctx.doc.description ? { description: ctx.doc.description } : {}) };
  const document: AsyncApiDocument = {
    asyncapi: ctx.version,
    ...(single?.contract?.documentId ? { id: single.contract.documentId } : {}),
    info,
    ...(servers.size > 0 ? { servers: record(servers) } : {}),
    ...defaultContentType(services),
    channels: record(channels.map((c) => [channelKeys.get(c)!, channelObject(c, ctx.plan.messageKeys)])),
    operations: record(operations.map((op) => [op.key, operationObject(op, channelKeys, channelsByKey)])),
    components: {
      schemas: record(schemaNames.map((name) => [name, asAsyncApiSchema(ctx.schemas.definitions.get(name))])),
      messages,
      ...(schemes.size > 0 ? { securitySchemes: record(schemes) } : {}),
    },
    ...(single?.contract?.extensions ?? {}),
  };
  if (whole) document[DESIGN_EXTENSION] = designExtension(ctx.doc, ctx.schemas, ctx.plan);
  return document;
}

function context(doc: FlowDocument, options: AsyncApiExportOptions): Context {
  return { doc, schemas: planEventSchemas(doc), plan: planExport(doc), byId: new Map(doc.eventTypes.map((t) => [t.id, t])), version: options.version ?? '3.0.0' };
}

/**
 * Exports a design as one AsyncAPI document (3.0.0, or 3.1.0 on request): a message per concrete
 * event type (payload and headers from the same schemas as the JSON Schema export, or the
 * original Avro/opaque payload while it is unchanged; metadata as imported), the channels and
 * services' operations as imported while the design still does them, and new ones for what the
 * design does beyond them; servers, bindings, tags and extensions kept. What AsyncAPI cannot say
 * (commands, handlers, projections, layout, version history) is written once, at the root, in
 * `x-eventflow-design`, so the tool reads its own export back as the same design. Linear in the
 * design. Pure.
 */
export function toAsyncApi(doc: FlowDocument, options: AsyncApiExportOptions = {}): AsyncApiDocument {
  const ctx = context(doc, options);
  return writeDocument(ctx, ctx.plan.services, true);
}

/** One AsyncAPI document per service (an imported document each, one per producer or consumer made in the tool). Pure. */
export function toAsyncApiServices(doc: FlowDocument, options: AsyncApiExportOptions = {}): AsyncApiServiceFile[] {
  const ctx = context(doc, options);
  const names = new Set<string>();
  return ctx.plan.services.filter((s) => s.operations.length > 0 || s.contract).map((service) => {
    let base = service.title.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'service';
    for (let n = 2; names.has(base); n++) base = `${base}-${n}`;
    names.add(base);
    return { fileName: `${base}.asyncapi.yaml`, service: service.title, document: writeDocument(ctx, [service], false) };
  });
}

/** An AsyncAPI document as YAML text (no anchors: every object written where it is; linear). Pure. */
export function asyncApiYaml(document: AsyncApiDocument): string {
  return jsonToYaml(document);
}

/** The design as AsyncAPI YAML (`toAsyncApi`). Pure. */
export function toAsyncApiYaml(doc: FlowDocument, options: AsyncApiExportOptions = {}): string {
  return asyncApiYaml(toAsyncApi(doc, options));
}
