import type { EventType } from '../model/types';
import type { EventTypeCollector } from './asyncApiEvents';
import { childPointer, followRefs, ImportError, isRecord, kindOf } from './jsonPointer';

/** An AsyncAPI operation, the same for 3.0 (`send`/`receive`) and 2.x (`publish`/`subscribe`). */
export interface NormalizedOperation {
  id: string;
  action: 'send' | 'receive';
  pointer: string;
  eventTypes: EventType[];
  /** The `x-eventflow-node` extension, when the document came from this app. */
  node?: Record<string, unknown>;
}

function requireRecord(value: unknown, path: string, what: string): Record<string, unknown> {
  if (!isRecord(value)) throw new ImportError({ path, message: `${what} must be an object, found ${kindOf(value)}` });
  return value;
}

const nodeOf = (op: Record<string, unknown>) => (isRecord(op['x-eventflow-node']) ? op['x-eventflow-node'] : undefined);

/** AsyncAPI 3.0: every operation's action and the messages of its channel; every channel's messages become types too. */
export function operations3(root: Record<string, unknown>, events: EventTypeCollector): NormalizedOperation[] {
  const channels = root.channels === undefined ? {} : requireRecord(root.channels, '/channels', '"channels"');
  for (const [key, raw] of Object.entries(channels)) {
    const at = childPointer('/channels', key);
    const channel = requireRecord(followRefs(root, raw, at).value, at, `Channel "${key}"`);
    if (channel.messages === undefined) continue;
    const messages = requireRecord(channel.messages, childPointer(at, 'messages'), `"messages" of channel "${key}"`);
    for (const [name, message] of Object.entries(messages)) events.fromMessage(message, childPointer(childPointer(at, 'messages'), name), name);
  }
  const operations = root.operations === undefined ? {} : requireRecord(root.operations, '/operations', '"operations"');
  return Object.entries(operations).map(([id, raw]) => {
    const at = childPointer('/operations', id);
    const op = requireRecord(followRefs(root, raw, at).value, at, `Operation "${id}"`);
    if (op.action !== 'send' && op.action !== 'receive') {
      throw new ImportError({ path: childPointer(at, 'action'), message: `Operation "${id}" has action ${JSON.stringify(op.action)}; expected "send" or "receive"` });
    }
    if (!isRecord(op.channel)) throw new ImportError({ path: childPointer(at, 'channel'), message: `Operation "${id}" needs a "channel" reference` });
    const channel = followRefs(root, op.channel, childPointer(at, 'channel'));
    const channelValue = requireRecord(channel.value, channel.pointer, 'A channel');
    const refs: [unknown, string, string][] = Array.isArray(op.messages)
      ? op.messages.map((m, i) => [m, childPointer(childPointer(at, 'messages'), i), id])
      : Object.entries(isRecord(channelValue.messages) ? channelValue.messages : {}).map(([name, m]) => [m, childPointer(childPointer(channel.pointer, 'messages'), name), name]);
    return { id, action: op.action, pointer: at, eventTypes: refs.map(([m, p, name]) => events.fromMessage(m, p, name)), node: nodeOf(op) };
  });
}

/** AsyncAPI 2.x: `publish` operations send, `subscribe` operations receive; a message may be `oneOf`. */
export function operations2(root: Record<string, unknown>, events: EventTypeCollector): NormalizedOperation[] {
  const channels = root.channels === undefined ? {} : requireRecord(root.channels, '/channels', '"channels"');
  const result: NormalizedOperation[] = [];
  for (const [key, raw] of Object.entries(channels)) {
    const at = childPointer('/channels', key);
    const channel = requireRecord(followRefs(root, raw, at).value, at, `Channel "${key}"`);
    for (const verb of ['publish', 'subscribe'] as const) {
      if (channel[verb] === undefined) continue;
      const opAt = childPointer(at, verb);
      const op = requireRecord(channel[verb], opAt, `"${verb}" of channel "${key}"`);
      if (op.message === undefined) throw new ImportError({ path: childPointer(opAt, 'message'), message: `The ${verb} operation of channel "${key}" has no "message"` });
      const messageAt = childPointer(opAt, 'message');
      const message = followRefs(root, op.message, messageAt);
      const list: [unknown, string][] = isRecord(message.value) && Array.isArray(message.value.oneOf)
        ? message.value.oneOf.map((m, i) => [m, childPointer(childPointer(message.pointer, 'oneOf'), i)])
        : [[op.message, messageAt]];
      const id = typeof op.operationId === 'string' && op.operationId ? op.operationId : `${key}.${verb}`;
      result.push({
        id,
        action: verb === 'publish' ? 'send' : 'receive',
        pointer: opAt,
        eventTypes: list.map(([m, p]) => events.fromMessage(m, p, key)),
        node: nodeOf(op),
      });
    }
  }
  return result;
}

/** Every message of `components.messages`, so that messages no operation uses still become event types. */
export function componentMessages(root: Record<string, unknown>, events: EventTypeCollector): void {
  if (!isRecord(root.components) || root.components.messages === undefined) return;
  const messages = requireRecord(root.components.messages, '/components/messages', '"components.messages"');
  for (const [name, message] of Object.entries(messages)) events.fromMessage(message, childPointer('/components/messages', name), name);
}
