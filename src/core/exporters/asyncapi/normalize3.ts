import { unescapePointerSegment } from '../../model/validation/problems';
import { isRecord, kindOf } from '../jsonPointer';
import { derefDeep } from './derefDeep';
import { child, fail, locationKey, type DocumentSet, type Location } from './documentSet';
import { put, type JsonObject, type NormalizedChannel, type NormalizedMessage, type NormalizedOperation, type NormalizedService, type PlacedSchema } from './normalized';
import { applyTraits } from './traits';

const lastToken = (pointer: string) => unescapePointerSegment(pointer.slice(pointer.lastIndexOf('/') + 1));

/** Reads the messages of a service once each, by where they are defined. */
export class MessageReader {
  private readonly byPlace = new Map<string, NormalizedMessage>();

  constructor(private readonly set: DocumentSet, private readonly major: 2 | 3) {}

  /** The message a value (a message or a reference to one) found at `at` stands for; `key` names it when it has no better name. */
  read(raw: unknown, at: Location, key: string): NormalizedMessage {
    const { value, at: place } = this.set.object(raw, at, 'A message');
    const known = this.byPlace.get(locationKey(place));
    if (known) return known;
    const { fields, placed } = applyTraits(this.set, value, place, this.major, ['payload', 'headers']);
    // `components.messages.<key>`, or a file of messages (`messages.yaml#/commentLiked`): the key it was defined under.
    const definedKey = /^\/components\/messages\/[^/]+$/.test(place.pointer) || /^\/[^/]+$/.test(place.pointer) ? lastToken(place.pointer) : undefined;
    const message: NormalizedMessage = {
      at: place,
      key: (this.major === 2 && typeof fields.messageId === 'string' && fields.messageId) || definedKey || key,
      meta: fields,
    };
    const format = this.major === 2 && typeof fields.schemaFormat === 'string' ? fields.schemaFormat : undefined;
    delete message.meta.schemaFormat;
    delete message.meta.messageId;
    const payload = placed.get('payload');
    if (payload) message.payload = this.schema(payload.value, payload.at, format);
    const headers = placed.get('headers');
    if (headers) message.headers = this.schema(headers.value, headers.at, undefined);
    this.byPlace.set(locationKey(place), message);
    return message;
  }

  /**
   * A payload or headers schema: 3.x may wrap it as `{ schemaFormat, schema }`; 2.x gives the
   * format on the message. AsyncAPI schema formats count as none (the default).
   */
  private schema(value: unknown, at: Location, format: string | undefined): PlacedSchema {
    const found = this.set.follow(value, at);
    if (this.major === 3 && found.remote === undefined && isRecord(found.value) && typeof found.value.schemaFormat === 'string' && found.value.schema !== undefined) {
      return withFormat({ schema: found.value.schema, at: child(found.at, 'schema') }, found.value.schemaFormat);
    }
    return withFormat({ schema: value, at }, format);
  }
}

function withFormat(placed: PlacedSchema, format: string | undefined): PlacedSchema {
  return format === undefined || /^application\/vnd\.aai\.asyncapi(\+(json|yaml))?;?/.test(format) ? placed : { ...placed, schemaFormat: format };
}

/** Entries of an optional map-valued field, each resolved to an object. */
export function entriesOf(_set: DocumentSet, value: unknown, at: Location, what: string): [string, unknown, Location][] {
  if (value === undefined) return [];
  if (!isRecord(value)) fail(at, `${what} must be an object, found ${kindOf(value)}`);
  return Object.entries(value as JsonObject).map(([key, item]) => [key, item, child(at, key)]);
}

/** Copies every field but the listed ones, references resolved. */
export function metaOf(set: DocumentSet, object: JsonObject, at: Location, skip: readonly string[]): JsonObject {
  const meta: JsonObject = {};
  for (const [key, value] of Object.entries(object)) {
    if (!skip.includes(key)) put(meta, key, derefDeep(set, value, child(at, key)));
  }
  return meta;
}

/** A reference to a channel (`#/channels/x`): the channel it names. */
function channelByRef(set: DocumentSet, raw: unknown, at: Location, channels: Map<string, NormalizedChannel>, what: string): NormalizedChannel {
  if (!isRecord(raw) || typeof raw.$ref !== 'string') fail(at, `${what} must be a reference to a channel ({ $ref: '#/channels/…' }), found ${kindOf(raw)}`);
  const target = set.follow(raw, at);
  if (target.remote !== undefined) return fail(at, `${what} is a remote reference; channels must be in the document`);
  const channel = channels.get(locationKey(target.at));
  return channel ?? fail(child(at, '$ref'), `${what} points at ${target.at.pointer}, which is not a channel of this document`);
}

/** Reads an AsyncAPI 3.x document of the set (the service at `file`). Pure; throws `SetImportError`. */
export function normalize3(set: DocumentSet, file: string, root: JsonObject): Omit<NormalizedService, 'file' | 'asyncapi' | 'title' | 'info' | 'id' | 'defaultContentType' | 'extensions'> {
  const rootAt: Location = { file, pointer: '' };
  const messages = new MessageReader(set, 3);
  const servers = new Map<string, JsonObject>();
  for (const [key, raw, at] of entriesOf(set, root.servers, child(rootAt, 'servers'), '"servers"')) {
    servers.set(key, derefDeep(set, set.object(raw, at, `Server "${key}"`).value, at) as JsonObject);
  }
  const channels = new Map<string, NormalizedChannel>();
  const channelList: NormalizedChannel[] = [];
  for (const [key, raw, at] of entriesOf(set, root.channels, child(rootAt, 'channels'), '"channels"')) {
    const { value, at: place } = set.object(raw, at, `Channel "${key}"`);
    const address = value.address;
    if (address !== undefined && address !== null && typeof address !== 'string') fail(child(place, 'address'), `The address of channel "${key}" must be a string or null, found ${kindOf(address)}`);
    const channel: NormalizedChannel = {
      key,
      at: place,
      messages: entriesOf(set, value.messages, child(place, 'messages'), `"messages" of channel "${key}"`)
        .map(([name, m, mAt]) => ({ key: name, message: messages.read(m, mAt, name) })),
      meta: metaOf(set, value, place, ['address', 'messages', 'servers']),
    };
    if (address !== undefined) channel.address = address as string | null;
    if (Array.isArray(value.servers)) {
      channel.meta.servers = value.servers.map((s, i) => serverName(set, s, child(child(place, 'servers'), i)));
    }
    channels.set(locationKey(place), channel);
    // A channel referenced as `#/channels/x` and written in components is the same channel.
    channels.set(locationKey(at), channel);
    channelList.push(channel);
  }
  const operations: NormalizedOperation[] = [];
  for (const [key, raw, at] of entriesOf(set, root.operations, child(rootAt, 'operations'), '"operations"')) {
    const { value, at: place } = set.object(raw, at, `Operation "${key}"`);
    const { fields } = applyTraits(set, value, place, 3, [], ['channel', 'messages', 'reply']);
    if (fields.action !== 'send' && fields.action !== 'receive') {
      fail(child(place, 'action'), `Operation "${key}" has action ${JSON.stringify(fields.action)}; AsyncAPI 3 allows "send" or "receive"`);
    }
    const channel = channelByRef(set, value.channel, child(place, 'channel'), channels, `The channel of operation "${key}"`);
    let used = channel.messages.map((m) => m.message);
    if (value.messages !== undefined) {
      if (!Array.isArray(value.messages)) fail(child(place, 'messages'), `"messages" of operation "${key}" must be an array, found ${kindOf(value.messages)}`);
      used = (value.messages as unknown[]).map((m, i) => {
        const mAt = child(child(place, 'messages'), i);
        const message = messages.read(m, mAt, key);
        if (!channel.messages.some((entry) => entry.message === message)) {
          fail(mAt, `Operation "${key}" uses a message that its channel "${channel.key}" does not carry`);
        }
        return message;
      });
    }
    const meta = { ...fields };
    delete meta.action;
    delete meta.channel;
    delete meta.messages;
    if (isRecord(value.reply)) meta.reply = replyOf(set, value.reply, child(place, 'reply'), channels);
    operations.push({ key, at: place, action: fields.action as 'send' | 'receive', channel, messages: used, meta });
  }
  const componentMessages = entriesOf(set, isRecord(root.components) ? root.components.messages : undefined, child(child(rootAt, 'components'), 'messages'), '"components.messages"')
    .map(([key, raw, at]) => messages.read(raw, at, key));
  const securitySchemes = new Map<string, JsonObject>();
  for (const [key, raw, at] of entriesOf(set, isRecord(root.components) ? root.components.securitySchemes : undefined, child(child(rootAt, 'components'), 'securitySchemes'), '"components.securitySchemes"')) {
    securitySchemes.set(key, derefDeep(set, set.object(raw, at, `Security scheme "${key}"`).value, at) as JsonObject);
  }
  return { servers, channels: channelList, operations, componentMessages, securitySchemes };
}

/** A server reference (`#/servers/x`) as the server's name. */
function serverName(set: DocumentSet, raw: unknown, at: Location): string {
  if (!isRecord(raw) || typeof raw.$ref !== 'string') return fail(at, `A channel's server must be a reference to a server, found ${kindOf(raw)}`);
  const target = set.target(raw.$ref, at);
  if (target.kind === 'remote' || !/^\/servers\/[^/]+$/.test(target.at.pointer)) return fail(child(at, '$ref'), `"${raw.$ref}" is not a server of this document`);
  return lastToken(target.at.pointer);
}

/** An operation's reply: its channel by key, the rest as written. */
function replyOf(set: DocumentSet, raw: JsonObject, at: Location, channels: Map<string, NormalizedChannel>): JsonObject {
  const { value, at: place } = set.object(raw, at, 'The reply');
  const reply = metaOf(set, value, place, ['channel', 'messages']);
  if (value.channel !== undefined) reply.channel = channelByRef(set, value.channel, child(place, 'channel'), channels, 'The reply channel').key;
  if (Array.isArray(value.messages)) {
    reply.messages = value.messages.map((m, i) => {
      const target = set.follow(m, child(child(place, 'messages'), i));
      return target.remote ?? lastToken(target.at.pointer);
    });
  }
  return reply;
}
