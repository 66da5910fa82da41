import { withCommandEmission } from '../model/autoMap';
import {
  CURRENT_SCHEMA_VERSION,
  type Command, type Consumer, type EventType, type FlowDocument, type Layout, type Producer, type Projection,
} from '../model/types';
import { EventTypeCollector, slugify, uniqueId } from './asyncApiEvents';
import { componentMessages, operations2, operations3, type NormalizedOperation } from './asyncApiOperations';
import { childPointer, ImportError, isRecord, kindOf, type ImportIssue } from './jsonPointer';
import { X } from './toAsyncApi';

export type FromAsyncApiResult =
  | { ok: true; doc: FlowDocument; asyncApiVersion: string }
  | { ok: false; errors: ImportIssue[] };

const GRID = { column: 320, row: 180 };

/** One command per message of a foreign send operation: every value (inherited ones too) comes from the command's input. */
function commandFor(op: NormalizedOperation, index: number, usedIds: Set<string>, emitting: (command: Command, type: EventType) => Command): Command[] {
  return op.eventTypes.map((type, i) => emitting({
    id: uniqueId(slugify(`${op.id}${op.eventTypes.length > 1 ? `-${i + 1}` : ''}`), usedIds),
    name: op.eventTypes.length > 1 ? `${op.id} ${type.name}` : op.id,
    description: `Sends ${type.name} (operation ${op.id}, #${index + 1})`,
    input: { type: 'object', properties: {} },
    aggregateId: { from: 'generated', generator: 'uuid' },
    rowChanges: [],
    emits: [],
  }, type));
}

/** Producers and consumers: taken whole from `x-eventflow-node` when present, else one of each per document. */
function buildNodes(title: string, ops: NormalizedOperation[], unattached: unknown, usedIds: Set<string>, emitting: (command: Command, type: EventType) => Command) {
  const producers = new Map<string, Producer>();
  const consumers = new Map<string, Consumer>();
  const extNodes = [...ops.map((op) => op.node), ...(Array.isArray(unattached) ? unattached : [])];
  for (const node of extNodes) {
    if (!isRecord(node) || typeof node.id !== 'string') continue;
    if (node.kind === 'producer' && !producers.has(node.id)) producers.set(node.id, node as unknown as Producer);
    if (node.kind === 'consumer' && !consumers.has(node.id)) consumers.set(node.id, node as unknown as Consumer);
  }
  for (const node of [...producers.values(), ...consumers.values()]) usedIds.add(node.id);
  const foreign = ops.filter((op) => op.node === undefined);
  const sends = foreign.filter((op) => op.action === 'send');
  if (sends.length > 0) {
    const id = uniqueId(slugify(title), usedIds);
    producers.set(id, {
      id, kind: 'producer', name: title, description: `Sends of ${title}`, aggregate: slugify(title),
      publishMode: 'outbox', commands: sends.flatMap((op, i) => commandFor(op, i, usedIds, emitting)),
    });
  }
  const receives = foreign.filter((op) => op.action === 'receive');
  if (receives.length > 0) {
    const id = uniqueId(slugify(`${title} consumer`), usedIds);
    const handled = [...new Set(receives.flatMap((op) => op.eventTypes.map((t) => t.id)))];
    consumers.set(id, {
      id, kind: 'consumer', name: `${title} consumer`, description: `Receives of ${title}`, useInbox: true,
      retryLimit: 3, publishMode: 'outbox', handlers: handled.map((eventTypeId) => ({ eventTypeId, effects: [], emits: [] })),
    });
  }
  return { producers: [...producers.values()], consumers: [...consumers.values()] };
}

/** Keeps known positions of existing nodes; places the rest on a grid, one column per kind. */
function layoutFor(doc: Omit<FlowDocument, 'layout'>, stored: unknown): Layout {
  const positions: Layout['positions'] = {};
  const known = isRecord(stored) && isRecord(stored.positions) ? stored.positions : {};
  const columns = [doc.producers, doc.eventTypes, doc.consumers, doc.projections];
  columns.forEach((nodes, column) => nodes.forEach((node, row) => {
    const position = known[node.id];
    positions[node.id] = isRecord(position) && typeof position.x === 'number' && typeof position.y === 'number'
      ? { x: position.x, y: position.y }
      : { x: column * GRID.column, y: row * GRID.row };
  }));
  const viewport = isRecord(stored) && isRecord(stored.viewport) ? stored.viewport : undefined;
  return viewport ? { positions, viewport: viewport as unknown as NonNullable<Layout['viewport']> } : { positions };
}

/**
 * Reads an AsyncAPI 3.0 or 2.x document (a parsed JSON/YAML object) into a flow document:
 * messages become event types with fields from their payload schemas (bases from
 * `allOf`/`$ref`), send/publish operations producers, receive/subscribe operations consumers,
 * nodes laid out on a grid. What this app wrote in `x-eventflow-*` extensions (ids, publish
 * modes, inbox, commands, handlers, projections, layout) is restored. The result's structure
 * is not checked here: pass it through `restoreFlowDocument`. Pure; reports problems with JSON
 * pointers instead of throwing.
 */
export function fromAsyncApi(input: unknown): FromAsyncApiResult {
  try {
    if (!isRecord(input)) throw new ImportError({ path: '', message: `An AsyncAPI document must be an object, found ${kindOf(input)}` });
    const version = input.asyncapi;
    if (typeof version !== 'string' || !/^(2\.[0-6]|3\.0)\.\d+$/.test(version)) {
      throw new ImportError({ path: '/asyncapi', message: `Unsupported AsyncAPI version ${JSON.stringify(version)}; expected 3.0.x or 2.0–2.6` });
    }
    if (!isRecord(input.info)) throw new ImportError({ path: '/info', message: `"info" must be an object, found ${kindOf(input.info)}` });
    if (typeof input.info.title !== 'string' || !input.info.title.trim()) {
      throw new ImportError({ path: '/info/title', message: `"info.title" must be a non-empty string, found ${kindOf(input.info.title)}` });
    }
    const title = input.info.title.trim();
    const usedIds = new Set<string>();
    const events = new EventTypeCollector(input, usedIds);
    events.collectMarkedSchemas();
    const ops = version.startsWith('3.') ? operations3(input, events) : operations2(input, events);
    componentMessages(input, events);
    const eventTypes = events.types();
    const typesOnly = { eventTypes, schemaLibrary: [] } as unknown as FlowDocument;
    const emitting = (command: Command, type: EventType) => withCommandEmission(typesOnly, command, type.id);
    const { producers, consumers } = buildNodes(title, ops, input[X.unattached], usedIds, emitting);
    const projections = input[X.projections];
    if (projections !== undefined && !Array.isArray(projections)) {
      throw new ImportError({ path: childPointer('', X.projections), message: `"${X.projections}" must be an array, found ${kindOf(projections)}` });
    }
    (projections ?? []).forEach((projection: unknown, i: number) => {
      if (!isRecord(projection) || typeof projection.id !== 'string') {
        throw new ImportError({ path: childPointer(childPointer('', X.projections), i), message: `A projection must be an object with an "id", found ${kindOf(projection)}` });
      }
    });
    const metaValue = input.info[X.document];
    const meta: Record<string, unknown> = isRecord(metaValue) ? metaValue : {};
    const semantics: Omit<FlowDocument, 'layout'> = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: typeof meta.id === 'string' && meta.id ? meta.id : slugify(title),
      name: title,
      description: typeof input.info.description === 'string' ? input.info.description : '',
      envelope: { kind: 'eventflow' },
      schemaLibrary: [],
      eventTypes,
      producers,
      consumers,
      projections: (projections ?? []) as Projection[],
    };
    return { ok: true, asyncApiVersion: version, doc: { ...semantics, layout: layoutFor(semantics, input[X.layout]) } };
  } catch (error) {
    if (error instanceof ImportError) return { ok: false, errors: [error.issue] };
    throw error;
  }
}
