/**
 * Test support: instances to judge two schemas by — the examples a document gives, a sample
 * made from a schema's own hints (const, enum, examples, default, formats), and mutants of each
 * (a required field removed, a value of the wrong type, an extra field, other JSON kinds, a
 * string that breaks a pattern or length, a number out of range). Deterministic.
 */
export type Json = unknown;

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2024-05-01T10:00:00Z', date: '2024-05-01', time: '10:00:00Z', email: 'ada@example.org', uri: 'https://example.org/a',
  'uri-reference': '/a/b', uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6', hostname: 'example.org', ipv4: '192.0.2.1', ipv6: '2001:db8::1',
};

/** A plausible instance of a (resolved) schema, from its own hints; cycles end in `null`. */
export function sampleOf(schema: Json, depth = 0): Json {
  if (depth > 6 || !isObject(schema)) return schema === false ? undefined : {};
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0) return sampleOf(list[0], depth + 1);
  }
  if (Array.isArray(schema.allOf)) {
    const parts = schema.allOf.map((s) => sampleOf(s, depth + 1));
    const merged = parts.filter(isObject).reduce((a, b) => ({ ...a, ...b }), {});
    const own = isObject(schema.properties) ? sampleOf({ ...schema, allOf: undefined }, depth + 1) : {};
    return isObject(own) ? { ...merged, ...own } : merged;
  }
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') ?? 'null' : schema.type;
  switch (type) {
    case 'string': {
      if (typeof schema.format === 'string' && FORMAT_SAMPLES[schema.format]) return FORMAT_SAMPLES[schema.format];
      const min = typeof schema.minLength === 'number' ? schema.minLength : 1;
      return 'x'.repeat(Math.max(1, min));
    }
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 1;
      return type === 'integer' ? Math.ceil(min) : min;
    }
    case 'boolean': return true;
    case 'null': return null;
    case 'array': {
      const items = Array.isArray(schema.items) ? schema.items.map((s) => sampleOf(s, depth + 1)) : [sampleOf(schema.items ?? {}, depth + 1)];
      return items;
    }
    default: {
      if (!isObject(schema.properties) && type !== 'object') return {};
      const out: Record<string, Json> = {};
      for (const [name, sub] of Object.entries(isObject(schema.properties) ? schema.properties : {})) {
        const value = sampleOf(sub, depth + 1);
        if (value !== undefined) Object.defineProperty(out, name, { value, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}

/** Values of other JSON kinds than `value`. */
function otherKinds(value: Json): Json[] {
  const all: Json[] = ['not-the-right-kind', 1234.5, true, null, [], { unexpected: 1 }];
  const kind = (v: Json) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  return all.filter((v) => kind(v) !== kind(value));
}

/** Mutants of an instance: each differs in one way a schema may care about. */
export function mutantsOf(instance: Json): Json[] {
  const out: Json[] = [...otherKinds(instance)];
  if (typeof instance === 'string') out.push('', `${instance}${'z'.repeat(300)}`, ' no-pattern match !');
  if (typeof instance === 'number') out.push(-1e9, 1e12, instance + 0.5);
  if (isObject(instance)) {
    out.push({ ...instance, __extra_field__: 'x' });
    for (const key of Object.keys(instance)) {
      const without = { ...instance };
      delete without[key];
      out.push(without);
      for (const other of otherKinds(instance[key]).slice(0, 3)) out.push({ ...instance, [key]: other });
      const value = instance[key];
      if (isObject(value)) {
        for (const inner of Object.keys(value)) {
          const nested = { ...value };
          delete nested[inner];
          out.push({ ...instance, [key]: nested });
          out.push({ ...instance, [key]: { ...value, [inner]: otherKinds(value[inner])[0] } });
        }
      }
      if (Array.isArray(value) && value.length > 0) {
        out.push({ ...instance, [key]: [] });
        out.push({ ...instance, [key]: [...value, otherKinds(value[0])[0]] });
      }
      if (typeof value === 'number') out.push({ ...instance, [key]: -1e9 }, { ...instance, [key]: 1e12 }, { ...instance, [key]: value + 0.5 });
      if (typeof value === 'string') out.push({ ...instance, [key]: '' }, { ...instance, [key]: `${value}${'z'.repeat(300)}` });
    }
  }
  if (Array.isArray(instance) && instance.length > 0) out.push([], [...instance, ...instance], [otherKinds(instance[0])[0]]);
  return out;
}
