import { childPath } from '../model/schema/paths';
import { objectSchemaOf } from '../model/schema/simpleTypes';
import type { EventType } from '../model/types';
import { unescapePointerSegment } from '../model/validation/problems';
import { childPointer, followRefs, ImportError, isRecord, kindOf } from './jsonPointer';
import { schemaFields } from './schemaToFields';
import { X } from './toAsyncApi';

/** `VideoInputEvent` → `video-input-event`; `user signed up` → `user-signed-up`. Pure. */
export function slugify(name: string): string {
  const slug = name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return slug || 'node';
}

/** The first of `base`, `base-2`, `base-3`… not in `used`; records it as used. */
export function uniqueId(base: string, used: Set<string>): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

const lastToken = (pointer: string) => unescapePointerSegment(pointer.slice(pointer.lastIndexOf('/') + 1));

/**
 * Turns the messages and payload schemas of an AsyncAPI document into event types: one per
 * payload schema (a component schema used by several messages is one type), bases from
 * `allOf`/`$ref`, fields from `properties`. Remembers what it made so every reference to the
 * same schema or message gives the same type.
 */
export class EventTypeCollector {
  private readonly bySchema = new Map<string, EventType>();
  private readonly byMessage = new Map<string, EventType>();
  private readonly payloadSchemas = new Set<string>();
  private readonly order = new Map<EventType, number>();
  private readonly componentOrder = new Map<string, number>();
  private readonly marked = new Set<string>();

  constructor(private readonly root: Record<string, unknown>, private readonly usedIds: Set<string>) {
    const components = root.components;
    const schemas = isRecord(components) && isRecord(components.schemas) ? components.schemas : {};
    Object.keys(schemas).forEach((key, i) => this.componentOrder.set(childPointer('/components/schemas', key), i));
  }

  /** The event type a message carries (its payload), from a message value found at `at`. */
  fromMessage(raw: unknown, at: string, key: string): EventType {
    const { value: message, pointer } = followRefs(this.root, raw, at);
    const known = this.byMessage.get(pointer);
    if (known) return known;
    if (!isRecord(message)) throw new ImportError({ path: pointer, message: `A message must be an object, found ${kindOf(message)}` });
    const componentKey = pointer.startsWith('/components/messages/') ? lastToken(pointer) : undefined;
    const name = [message.name, message.title, componentKey, key].find((n): n is string => typeof n === 'string' && n.length > 0) ?? 'Event';
    let payload: unknown = message.payload ?? { type: 'object' };
    let payloadAt = childPointer(pointer, 'payload');
    if (isRecord(payload) && payload.schema !== undefined && payload.schemaFormat !== undefined) {
      const format = String(payload.schemaFormat);
      if (!/json|asyncapi/i.test(format)) {
        throw new ImportError({ path: childPointer(payloadAt, 'schemaFormat'), message: `Schema format "${format}" is not supported; use JSON Schema or AsyncAPI schemas` });
      }
      payload = payload.schema;
      payloadAt = childPointer(payloadAt, 'schema');
    }
    const resolved = followRefs(this.root, payload, payloadAt);
    this.payloadSchemas.add(resolved.pointer);
    const type = this.fromSchema(resolved.value, resolved.pointer, name);
    this.byMessage.set(pointer, type);
    return type;
  }

  /** Event types for the component schemas made by our own exporter (`x-eventflow-event`), in order. */
  collectMarkedSchemas(): void {
    const components = this.root.components;
    if (!isRecord(components) || !isRecord(components.schemas)) return;
    for (const [key, schema] of Object.entries(components.schemas)) {
      if (isRecord(schema) && isRecord(schema[X.event])) this.fromSchema(schema, childPointer('/components/schemas', key), key);
    }
  }

  private fromSchema(schema: unknown, pointer: string, nameHint: string): EventType {
    const known = this.bySchema.get(pointer);
    if (known) return known;
    if (!isRecord(schema)) throw new ImportError({ path: pointer, message: `A payload must be a schema object, found ${kindOf(schema)}` });
    const meta = isRecord(schema[X.event]) ? schema[X.event] as Record<string, unknown> : undefined;
    const name = meta && typeof schema.title === 'string' && schema.title ? schema.title : nameHint;
    const wantedId = meta && typeof meta.id === 'string' && meta.id ? meta.id : slugify(name);
    const type: EventType = {
      id: uniqueId(wantedId, this.usedIds),
      kind: 'event',
      name,
      description: typeof schema.description === 'string' ? schema.description : '',
      version: meta && Number.isInteger(meta.version) && (meta.version as number) > 0 ? meta.version as number : 1,
      payload: { type: 'object', properties: {} },
    };
    this.bySchema.set(pointer, type);
    if (meta) this.marked.add(pointer);
    this.order.set(type, this.componentOrder.get(pointer) ?? this.componentOrder.size + this.order.size);
    if (meta?.abstract === true) type.abstract = true;
    if (meta && typeof meta.aggregateIdPath === 'string') type.aggregateIdPath = meta.aggregateIdPath;
    else if (meta && typeof meta.aggregateIdField === 'string') type.aggregateIdPath = childPath('', meta.aggregateIdField);
    const fields = schemaFields(this.root, schema, pointer);
    if (schema.allOf !== undefined) {
      if (!Array.isArray(schema.allOf)) throw new ImportError({ path: childPointer(pointer, 'allOf'), message: `"allOf" must be an array, found ${kindOf(schema.allOf)}` });
      schema.allOf.forEach((part, i) => {
        const at = childPointer(childPointer(pointer, 'allOf'), i);
        const target = followRefs(this.root, part, at);
        if (!isRecord(target.value)) throw new ImportError({ path: at, message: `An "allOf" entry must be a schema object, found ${kindOf(target.value)}` });
        if (target.value[X.envelope] === true) return;
        if (isRecord(part) && part.$ref !== undefined && type.extends === undefined) {
          const base = this.fromSchema(target.value, target.pointer, typeof target.value.title === 'string' ? target.value.title : lastToken(target.pointer));
          type.extends = base.id;
        } else {
          fields.unshift(...schemaFields(this.root, target.value, target.pointer));
        }
      });
    }
    type.payload = objectSchemaOf(fields);
    return type;
  }

  /** Every type made so far, in document order; foreign schemas that no message carries become abstract bases. */
  types(): EventType[] {
    for (const [pointer, type] of this.bySchema) {
      if (this.payloadSchemas.has(pointer)) delete type.abstract;
      else if (!this.marked.has(pointer)) type.abstract = true;
    }
    return [...this.bySchema.values()].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}
