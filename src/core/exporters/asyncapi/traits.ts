import { isRecord, kindOf } from '../jsonPointer';
import { derefDeep } from './derefDeep';
import { child, fail, type DocumentSet, type Location } from './documentSet';
import { put, type JsonObject } from './normalized';

/** JSON Merge Patch (RFC 7386): `patch` applied to `target`; `null` deletes. Pure. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return patch;
  const out: JsonObject = {};
  if (isRecord(target)) for (const [key, value] of Object.entries(target)) put(out, key, value);
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else put(out, key, mergePatch(Object.hasOwn(out, key) ? out[key] : undefined, value));
  }
  return out;
}

/** A schema-valued key (payload, headers) with the place its references are read from. */
export interface PlacedValue {
  value: unknown;
  at: Location;
}

/** An object after its traits: plain fields (references resolved), and the schema-valued keys kept with their place. */
export interface WithTraits {
  fields: JsonObject;
  placed: Map<string, PlacedValue>;
}

/**
 * Applies the `traits` of a message or an operation, as the spec's versions define it: in 2.x
 * a trait's values override the object's (JSON Merge Patch in the order given); in 3.x the
 * object's own values win. Schema-valued keys (`payload`, `headers`) are not copied: they keep
 * their place so that the schemas' references resolve where they were written; `skipKeys` (an
 * operation's channel, messages and reply: references read by the caller) are left out. Pure;
 * throws `SetImportError`.
 */
export function applyTraits(set: DocumentSet, object: JsonObject, at: Location, majorVersion: 2 | 3, schemaKeys: readonly string[], skipKeys: readonly string[] = []): WithTraits {
  const layers: { value: JsonObject; at: Location }[] = [];
  if (object.traits !== undefined) {
    if (!Array.isArray(object.traits)) fail(child(at, 'traits'), `"traits" must be an array, found ${kindOf(object.traits)}`);
    (object.traits as unknown[]).forEach((trait, i) => {
      // 2.x and 3.x allow a trait to be written as [trait, bindings-override]; the first element is the trait.
      const raw = Array.isArray(trait) ? trait[0] : trait;
      layers.push(set.object(raw, child(child(at, 'traits'), i), `Trait #${i + 1}`));
    });
  }
  const own = { value: object, at };
  const ordered = majorVersion === 2 ? [own, ...layers] : [...layers, own];
  let fields: unknown = {};
  const placed = new Map<string, PlacedValue>();
  for (const layer of ordered) {
    const plain: JsonObject = {};
    for (const [key, value] of Object.entries(layer.value)) {
      if (key === 'traits' || skipKeys.includes(key)) continue;
      if (schemaKeys.includes(key)) {
        const earlier = placed.get(key);
        placed.set(key, earlier === undefined ? { value, at: child(layer.at, key) } : mergeSchemas(set, earlier, { value, at: child(layer.at, key) }));
      } else {
        put(plain, key, derefDeep(set, value, child(layer.at, key)));
      }
    }
    fields = mergePatch(fields, plain);
  }
  return { fields: fields as JsonObject, placed };
}

/** Two layers both give a schema-valued key: merge the later over the earlier. */
function mergeSchemas(set: DocumentSet, earlier: PlacedValue, later: PlacedValue): PlacedValue {
  const a = set.follow(earlier.value, earlier.at);
  const b = set.follow(later.value, later.at);
  if (a.remote !== undefined || b.remote !== undefined) return later;
  // References inside the merged schema are read from the later layer's file: inline the earlier one's if it lives elsewhere.
  const base = a.at.file === b.at.file ? a.value : derefDeep(set, a.value, a.at);
  return { value: mergePatch(base, b.value), at: b.at };
}
