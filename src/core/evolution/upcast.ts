/**
 * Upcasting: turning an event written with an older version of its type into the current one,
 * by the declarative steps each version carries (`EventType.history[n].upcast`, from version n to
 * n + 1). This is how an event store replays old events against a newer design. All pure.
 */
import type { EventTypeVersion, UpcastStep } from '../model/contracts';
import { sameJson } from './schemaFacts';

type Json = unknown;

/** `/a/b~1c` → `['a', 'b/c']`; `''` → `[]`. */
export function pointerTokens(path: string): string[] {
  if (path === '') return [];
  return path.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const isContainer = (value: unknown): value is Record<string, unknown> | unknown[] => typeof value === 'object' && value !== null;

function read(root: Json, tokens: string[]): { found: boolean; value?: Json } {
  let current = root;
  for (const token of tokens) {
    if (Array.isArray(current) && /^\d+$/.test(token) && Number(token) < current.length) current = current[Number(token)];
    else if (isContainer(current) && !Array.isArray(current) && Object.hasOwn(current, token)) current = current[token];
    else return { found: false };
  }
  return { found: true, value: current };
}

/** Writes `value` at `tokens` in a copy-on-write manner, creating objects on the way. Returns the new root. */
function write(root: Json, tokens: string[], value: Json): Json {
  if (tokens.length === 0) return value;
  const [head, ...rest] = tokens as [string, ...string[]];
  if (Array.isArray(root) && /^\d+$/.test(head)) {
    const copy = [...root];
    copy[Number(head)] = write(copy[Number(head)], rest, value);
    return copy;
  }
  const base = isContainer(root) && !Array.isArray(root) ? root : {};
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(base)) Object.defineProperty(copy, k, { value: v, writable: true, enumerable: true, configurable: true });
  const next = write(Object.hasOwn(copy, head) ? copy[head] : undefined, rest, value);
  Object.defineProperty(copy, head, { value: next, writable: true, enumerable: true, configurable: true });
  return copy;
}

function remove(root: Json, tokens: string[]): Json {
  if (tokens.length === 0 || !read(root, tokens).found) return root;
  const parentTokens = tokens.slice(0, -1);
  const last = tokens[tokens.length - 1]!;
  const parent = read(root, parentTokens).value;
  if (Array.isArray(parent)) return write(root, parentTokens, parent.filter((_, i) => i !== Number(last)));
  const copy: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parent as Record<string, unknown>)) {
    if (k !== last) Object.defineProperty(copy, k, { value: v, writable: true, enumerable: true, configurable: true });
  }
  return write(root, parentTokens, copy);
}

/** Applies one upcast step to a payload; the input is never changed. */
export function applyUpcastStep(payload: Json, step: UpcastStep): Json {
  switch (step.op) {
    case 'rename': {
      const found = read(payload, pointerTokens(step.from));
      return found.found ? write(remove(payload, pointerTokens(step.from)), pointerTokens(step.to), found.value) : payload;
    }
    case 'copy': {
      const found = read(payload, pointerTokens(step.from));
      return found.found ? write(payload, pointerTokens(step.to), structuredClone(found.value)) : payload;
    }
    case 'set':
      return step.onlyIfMissing && read(payload, pointerTokens(step.path)).found ? payload : write(payload, pointerTokens(step.path), structuredClone(step.value));
    case 'remove':
      return remove(payload, pointerTokens(step.path));
    case 'map': {
      const found = read(payload, pointerTokens(step.path));
      const entry = found.found ? step.values.find((v) => sameJson(v.from, found.value)) : undefined;
      return entry ? write(payload, pointerTokens(step.path), structuredClone(entry.to)) : payload;
    }
  }
}

/** Applies a list of steps in order. */
export const applyUpcaster = (payload: Json, steps: readonly UpcastStep[]): Json => steps.reduce(applyUpcastStep, payload);

export type UpcastResult = { ok: true; payload: Json; steps: number } | { ok: false; message: string };

/**
 * A payload written with version `from` of an event type, as version `to` reads it: the
 * upcasters of every version in between, in order. Fails when a version in between has no
 * history entry (its events cannot be brought forward), or when `from` is newer than `to`.
 */
export function upcastPayload(payload: Json, from: number, to: number, history: readonly EventTypeVersion[] = []): UpcastResult {
  if (from === to) return { ok: true, payload, steps: 0 };
  if (from > to) return { ok: false, message: `an event of version ${from} cannot be read as the older version ${to}` };
  let current = payload;
  let steps = 0;
  for (let version = from; version < to; version++) {
    const entry = history.find((h) => h.version === version);
    if (!entry) return { ok: false, message: `version ${version} has no upcaster to version ${version + 1}` };
    current = applyUpcaster(current, entry.upcast);
    steps += entry.upcast.length;
  }
  return { ok: true, payload: current, steps };
}
