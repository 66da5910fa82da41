import { isRecord, kindOf } from '../jsonPointer';
import { derefDeep } from './derefDeep';
import { child, fail, type DocumentSet, type Location } from './documentSet';
import { put, type JsonObject, type NormalizedChannel, type NormalizedMessage, type NormalizedOperation, type NormalizedService } from './normalized';
import { entriesOf, MessageReader, metaOf } from './normalize3';
import { applyTraits } from './traits';

/**
 * AsyncAPI 2.x as the spec (and the official converter) define the roles: a channel's
 * `subscribe` operation is what the application *sends* (others subscribe to it), `publish` is
 * what it *receives*.
 */
export const ROLE_OF_2X_VERB = { subscribe: 'send', publish: 'receive' } as const;

/** 2.x `url` (`mqtt://broker:1883/path`, `broker:1883`) → 3.0 `host` and `pathname`. */
function splitUrl(url: string): { host: string; pathname?: string } {
  const withoutScheme = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const slash = withoutScheme.indexOf('/');
  if (slash < 0) return { host: withoutScheme };
  const pathname = withoutScheme.slice(slash);
  return pathname === '/' ? { host: withoutScheme.slice(0, slash) } : { host: withoutScheme.slice(0, slash), pathname };
}

/** 2.x security requirements (`[{ name: [scopes] }]`) → 3.0 references to the schemes. */
function securityOf(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.flatMap((requirement) => (isRecord(requirement) ? Object.keys(requirement).map((name) => ({ $ref: `#/components/securitySchemes/${name}` })) : []));
}

function server3(server: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(server)) {
    if (key === 'url') Object.assign(out, splitUrl(String(value)));
    else if (key === 'security') out.security = securityOf(value);
    else put(out, key, value);
  }
  return out;
}

/** 2.x parameter `{ description, schema, location }` → 3.0 `{ description, enum, default, examples, location }`. */
function parameter3(parameter: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(parameter)) {
    if (key !== 'schema') put(out, key, value);
  }
  const schema = parameter.schema;
  if (isRecord(schema)) {
    if (Array.isArray(schema.enum)) out.enum = schema.enum.map(String);
    if (schema.default !== undefined) out.default = String(schema.default);
    if (Array.isArray(schema.examples)) out.examples = schema.examples.map(String);
    if (typeof schema.description === 'string' && out.description === undefined) out.description = schema.description;
  }
  return out;
}

/** OAuth2 flows name their scopes `availableScopes` in 3.0. */
function securityScheme3(scheme: JsonObject): JsonObject {
  if (!isRecord(scheme.flows)) return scheme;
  const flows: JsonObject = {};
  for (const [name, flow] of Object.entries(scheme.flows)) {
    if (!isRecord(flow)) { put(flows, name, flow); continue; }
    const { scopes, ...rest } = flow;
    put(flows, name, scopes === undefined ? rest : { ...rest, availableScopes: scopes });
  }
  return { ...scheme, flows };
}

/** The messages of a 2.x operation: one, or each entry of `oneOf`. */
function operationMessages(set: DocumentSet, reader: MessageReader, op: JsonObject, at: Location, fallbackKey: string): NormalizedMessage[] {
  if (op.message === undefined) return [];
  const messageAt = child(at, 'message');
  const found = set.object(op.message, messageAt, 'The message of an operation');
  if (Array.isArray(found.value.oneOf)) {
    return found.value.oneOf.map((m, i) => reader.read(m, child(child(found.at, 'oneOf'), i), `${fallbackKey}${i + 1}`));
  }
  return [reader.read(op.message, messageAt, fallbackKey)];
}

/** Reads an AsyncAPI 2.x document of the set in AsyncAPI 3 shape. Pure; throws `SetImportError`. */
export function normalize2(set: DocumentSet, file: string, root: JsonObject): Pick<NormalizedService, 'servers' | 'channels' | 'operations' | 'componentMessages' | 'securitySchemes'> {
  const rootAt: Location = { file, pointer: '' };
  const reader = new MessageReader(set, 2);
  const servers = new Map<string, JsonObject>();
  for (const [key, raw, at] of entriesOf(set, root.servers, child(rootAt, 'servers'), '"servers"')) {
    const server = set.object(raw, at, `Server "${key}"`);
    servers.set(key, server3(derefDeep(set, server.value, server.at) as JsonObject));
  }
  const channels: NormalizedChannel[] = [];
  const operations: NormalizedOperation[] = [];
  for (const [address, raw, at] of entriesOf(set, root.channels, child(rootAt, 'channels'), '"channels"')) {
    const { value, at: place } = set.object(raw, at, `Channel "${address}"`);
    const channel: NormalizedChannel = { key: address, at: place, address, messages: [], meta: metaOf(set, value, place, ['publish', 'subscribe', 'parameters', 'servers']) };
    if (Array.isArray(value.servers)) channel.meta.servers = value.servers.filter((s): s is string => typeof s === 'string');
    const parameters: JsonObject = {};
    for (const [name, p, pAt] of entriesOf(set, value.parameters, child(place, 'parameters'), `"parameters" of channel "${address}"`)) {
      const parameter = set.object(p, pAt, `Parameter "${name}"`);
      put(parameters, name, parameter3(derefDeep(set, parameter.value, parameter.at) as JsonObject));
    }
    if (Object.keys(parameters).length > 0) channel.meta.parameters = parameters;
    channels.push(channel);
    for (const verb of ['subscribe', 'publish'] as const) {
      if (value[verb] === undefined) continue;
      const opAt = child(place, verb);
      if (!isRecord(value[verb])) fail(opAt, `The ${verb} operation of channel "${address}" must be an object, found ${kindOf(value[verb])}`);
      const op = value[verb] as JsonObject;
      const { fields } = applyTraits(set, op, opAt, 2, [], ['message']);
      const key = typeof fields.operationId === 'string' && fields.operationId ? fields.operationId : `${verb}:${address}`;
      const messages = operationMessages(set, reader, op, opAt, key);
      for (const message of messages) {
        if (!channel.messages.some((m) => m.message === message)) channel.messages.push({ key: message.key, message });
      }
      const meta = { ...fields };
      delete meta.operationId;
      delete meta.message;
      if (meta.security !== undefined) meta.security = securityOf(meta.security);
      operations.push({ key, at: opAt, action: ROLE_OF_2X_VERB[verb], channel, messages, meta });
    }
  }
  const components = isRecord(root.components) ? root.components : undefined;
  const componentsAt = child(rootAt, 'components');
  const componentMessages = entriesOf(set, components?.messages, child(componentsAt, 'messages'), '"components.messages"')
    .map(([key, raw, at]) => reader.read(raw, at, key));
  const securitySchemes = new Map<string, JsonObject>();
  for (const [key, raw, at] of entriesOf(set, components?.securitySchemes, child(componentsAt, 'securitySchemes'), '"components.securitySchemes"')) {
    const scheme = set.object(raw, at, `Security scheme "${key}"`);
    securitySchemes.set(key, securityScheme3(derefDeep(set, scheme.value, scheme.at) as JsonObject));
  }
  return { servers, channels, operations, componentMessages, securitySchemes };
}
