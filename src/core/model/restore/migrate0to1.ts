import { setOwn } from '../ownKeys';
import type { JsonObject } from './migrations';

/*
 * Format 0, the pre-release shape: every node carried its own `position: { x, y }` and the
 * viewport sat at the top level (`viewport`); consumers had `inbox` instead of `useInbox`;
 * there was no `publishMode` (everything went through an outbox); descriptions and event
 * type versions were optional.
 */

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const NODE_LISTS = ['eventTypes', 'producers', 'consumers', 'projections'] as const;

function migrateNode(list: (typeof NODE_LISTS)[number], node: JsonObject): JsonObject {
  const { position: _position, inbox, ...rest } = node;
  const next: JsonObject = { description: '', ...rest };
  if (list === 'consumers') {
    next.useInbox = rest.useInbox ?? inbox ?? true;
  } else if (inbox !== undefined) {
    next.inbox = inbox;
  }
  if (list === 'producers' || list === 'consumers') next.publishMode = rest.publishMode ?? 'outbox';
  if (list === 'eventTypes') next.version = rest.version ?? 1;
  return next;
}

/** Format 0 → 1. Pure; leaves anything it does not recognise for the structure check. */
export function migrate0to1(doc: JsonObject): JsonObject {
  const { viewport, ...rest } = doc;
  const positions: Record<string, unknown> = {};
  const next: JsonObject = { description: '', ...rest };
  for (const list of NODE_LISTS) {
    const nodes = doc[list];
    if (!Array.isArray(nodes)) continue;
    next[list] = nodes.map((node: unknown) => {
      if (!isObject(node)) return node;
      if (typeof node.id === 'string' && node.position !== undefined) setOwn(positions, node.id, node.position);
      return migrateNode(list, node);
    });
  }
  const layout: JsonObject = isObject(doc.layout) ? { ...doc.layout } : {};
  layout.positions = { ...positions, ...(isObject(layout.positions) ? layout.positions : {}) };
  if (viewport !== undefined && layout.viewport === undefined) layout.viewport = viewport;
  next.layout = layout;
  return next;
}
