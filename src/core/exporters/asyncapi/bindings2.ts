/**
 * AsyncAPI 2.x did not check protocol bindings; AsyncAPI 3 does, against the bindings' own
 * schemas (`http` operations lost `type` in binding 0.2.0, and some published 2.x documents hold
 * bindings no version ever allowed). A 2.x service's bindings are checked the AsyncAPI 3 way once,
 * when it is imported: a binding that AsyncAPI 3 refuses is kept as the extension
 * `x-asyncapi2-binding-<protocol>` of the same bindings object — written again on export, no
 * longer a protocol binding — with a warning that says where.
 */
import { child } from './documentSet';
import type { JsonObject, NormalizedMessage, NormalizedService } from './normalized';
import { put } from './normalized';
import type { ImportWarning } from './readMessages';
import type { AsyncApiTools } from './tools';

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The extension key a refused binding is kept under. */
export const keptBindingKey = (protocol: string) => `x-asyncapi2-binding-${protocol}`;

interface Holder {
  /** Where the bindings are in the probe document (the path the parser will report). */
  probe: string;
  /** The object that holds `bindings`, in the service. */
  owner: JsonObject;
  /** Where it is in its file, for the warning. */
  at: { file: string; pointer: string };
}

/** Checks (with the parser) and moves aside the bindings of 2.x services (and of `messages`, theirs) that AsyncAPI 3 refuses. */
export async function checkBindings2(services: readonly NormalizedService[], messages: readonly NormalizedMessage[], tools: AsyncApiTools, warn: (w: ImportWarning) => void): Promise<void> {
  const holders: Holder[] = [];
  const probe: JsonObject = { asyncapi: '3.0.0', info: { title: 'bindings probe', version: '1' }, servers: {}, channels: {}, operations: {}, components: { messages: {} } };
  const add = (kind: 'servers' | 'channels' | 'operations' | 'messages', owner: JsonObject, at: Holder['at'], extra: JsonObject = {}) => {
    if (!isObject(owner.bindings)) return;
    const key = `b${holders.length}`;
    const entry = { ...extra, bindings: owner.bindings };
    if (kind === 'messages') put((probe.components as JsonObject).messages as JsonObject, key, entry);
    else put(probe[kind] as JsonObject, key, entry);
    holders.push({ probe: kind === 'messages' ? `/components/messages/${key}/bindings` : `/${kind}/${key}/bindings`, owner, at: { file: at.file, pointer: `${at.pointer}/bindings` } });
  };
  const v2 = services.filter((s) => s.asyncapi.startsWith('2.'));
  if (v2.length === 0) return;
  for (const service of v2) {
    for (const [name, server] of service.servers) add('servers', server, { file: service.file, pointer: `/servers/${name}` }, { host: 'probe', protocol: String(server.protocol ?? 'probe') });
    for (const channel of service.channels) add('channels', channel.meta, channel.at);
    for (const op of service.operations) {
      if (!isObject(op.meta.bindings)) continue;
      const channelKey = `c${holders.length}`;
      put(probe.channels as JsonObject, channelKey, {});
      add('operations', op.meta, op.at, { action: op.action, channel: { $ref: `#/channels/${channelKey}` } });
    }
  }
  for (const message of messages) add('messages', message.meta, message.at);
  if (holders.length === 0) return;
  const findings = await tools.validate('bindings-probe.json', JSON.stringify(probe), new Map());
  const refused = new Map<Holder, Set<string>>();
  for (const finding of findings) {
    const holder = holders.find((h) => finding.pointer.startsWith(`${h.probe}/`));
    const protocol = holder ? finding.pointer.slice(holder.probe.length + 1).split('/')[0] : undefined;
    if (!holder || !protocol || protocol.startsWith('x-')) continue;
    const set = refused.get(holder) ?? new Set<string>();
    set.add(protocol);
    refused.set(holder, set);
  }
  for (const [holder, protocols] of refused) {
    const bindings = holder.owner.bindings as JsonObject;
    const next: JsonObject = {};
    for (const [protocol, value] of Object.entries(bindings)) put(next, protocols.has(protocol) ? keptBindingKey(protocol) : protocol, value);
    holder.owner.bindings = next;
    for (const protocol of protocols) {
      warn({
        file: holder.at.file, pointer: child(holder.at, protocol).pointer,
        message: `The ${protocol} binding is not valid in AsyncAPI 3 (its binding schema refuses it); it is kept as "${keptBindingKey(protocol)}" and exported again, but no longer as a ${protocol} binding`,
      });
    }
  }
}
