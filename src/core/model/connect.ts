import { canConnect } from './canConnect';
import { deriveEdges } from './deriveEdges';
import { effectiveAggregateIdField, effectiveFields } from './effectiveFields';
import { FlowOperationError } from './FlowOperationError';
import { findNode, newCommandId, replaceNode } from './nodes';
import type {
  Assignment, Command, Consumer, Emission, EventType, FieldDef, FlowDocument, Handler, Producer, Projection,
  ValueSource,
} from './types';

function copyField(field: FieldDef): FieldDef {
  const copy: FieldDef = { name: field.name, type: field.type, required: true };
  if (field.description !== undefined) copy.description = field.description;
  if (field.enumValues !== undefined) copy.enumValues = [...field.enumValues];
  if (field.itemType !== undefined) copy.itemType = field.itemType;
  return copy;
}

function newCommand(doc: FlowDocument, producer: Producer, event: EventType): Command {
  const aggregateField = effectiveAggregateIdField(doc, event.id);
  const aggregateId: ValueSource = aggregateField
    ? { from: 'input', field: aggregateField }
    : { from: 'generated', generator: 'uuid' };
  const inputFields = effectiveFields(doc, event.id)
    .filter((field) => field.name === aggregateField)
    .map(copyField);
  return {
    id: newCommandId(doc, producer.id),
    name: `Emit${event.name}`,
    inputFields,
    aggregateId,
    rowChanges: [],
    emits: [],
  };
}

/** producer→event: the first command (made if none) emits the event, its inputs cover the required fields. */
function connectProducer(doc: FlowDocument, producer: Producer, event: EventType): FlowDocument {
  const command = producer.commands[0] ?? newCommand(doc, producer, event);
  const fields = effectiveFields(doc, event.id);
  const inputNames = new Set(command.inputFields.map((field) => field.name));
  const addedInputs = fields.filter((field) => field.required && !inputNames.has(field.name)).map(copyField);
  const inputFields = [...command.inputFields, ...addedInputs];
  const available = new Set(inputFields.map((field) => field.name));
  const mappings: Assignment[] = fields
    .filter((field) => available.has(field.name))
    .map((field) => ({ target: field.name, source: { from: 'input', field: field.name } }));
  const updated: Command = { ...command, inputFields, emits: [...command.emits, { eventTypeId: event.id, mappings }] };
  const commands = producer.commands.length === 0 ? [updated] : [updated, ...producer.commands.slice(1)];
  return replaceNode(doc, { ...producer, commands });
}

function withFirstHandler(consumer: Consumer, change: (handler: Handler) => Handler): Consumer {
  const [first, ...rest] = consumer.handlers;
  if (!first) throw new FlowOperationError(`${consumer.name} subscribes to no event yet`);
  return { ...consumer, handlers: [change(first), ...rest] };
}

/** consumer→event: the first handler emits the event, same-named fields of the handled event mapped. */
function connectConsumerEmission(doc: FlowDocument, consumer: Consumer, event: EventType): FlowDocument {
  return replaceNode(doc, withFirstHandler(consumer, (handler) => {
    const handled = new Set(effectiveFields(doc, handler.eventTypeId).map((field) => field.name));
    const mappings: Assignment[] = effectiveFields(doc, event.id)
      .filter((field) => handled.has(field.name))
      .map((field) => ({ target: field.name, source: { from: 'event', field: field.name } }));
    const emission: Emission = { eventTypeId: event.id, mappings };
    return { ...handler, emits: [...handler.emits, emission] };
  }));
}

/** consumer→projection: the first handler upserts a row keyed by the matching event field. */
function connectProjection(doc: FlowDocument, consumer: Consumer, projection: Projection): FlowDocument {
  return replaceNode(doc, withFirstHandler(consumer, (handler) => {
    const handled = new Set(effectiveFields(doc, handler.eventTypeId).map((field) => field.name));
    const aggregateField = effectiveAggregateIdField(doc, handler.eventTypeId);
    const keyField = handled.has(projection.key) ? projection.key : (aggregateField ?? 'aggregateId');
    const set: Assignment[] = projection.columns
      .filter((column) => column.name !== projection.key && handled.has(column.name))
      .map((column) => ({ target: column.name, source: { from: 'event', field: column.name } }));
    return {
      ...handler,
      effects: [...handler.effects, { kind: 'upsert', projectionId: projection.id, key: { from: 'event', field: keyField }, set }],
    };
  }));
}

/**
 * Connects two nodes by adding the semantics the edge stands for: producer→event adds an
 * emission to the first command (creating one if none) and the inputs the event requires;
 * event→consumer adds a handler; consumer→event adds an emission to the first handler;
 * consumer→projection adds an `upsert` effect to the first handler. Same-named fields are mapped.
 * Pure. Throws FlowOperationError with the reason when the connection is illegal (see `canConnect`).
 */
export function connect(doc: FlowDocument, sourceId: string, targetId: string): FlowDocument {
  const check = canConnect(doc, sourceId, targetId);
  if (!check.ok) throw new FlowOperationError(check.reason);
  const source = findNode(doc, sourceId);
  const target = findNode(doc, targetId);
  if (source?.kind === 'producer' && target?.kind === 'event') return connectProducer(doc, source, target);
  if (source?.kind === 'event' && target?.kind === 'consumer') {
    return replaceNode(doc, { ...target, handlers: [...target.handlers, { eventTypeId: source.id, effects: [], emits: [] }] });
  }
  if (source?.kind === 'consumer' && target?.kind === 'event') return connectConsumerEmission(doc, source, target);
  if (source?.kind === 'consumer' && target?.kind === 'projection') return connectProjection(doc, source, target);
  throw new FlowOperationError('These nodes cannot be connected');
}

/**
 * Removes what an edge stands for (edge ids as in `deriveEdges`): every emission of the event
 * by the source, the handler(s) of a subscription (with their effects and emissions), or every
 * effect of the consumer on the projection. Pure. Throws FlowOperationError for an unknown edge.
 */
export function disconnect(doc: FlowDocument, edgeId: string): FlowDocument {
  const edge = deriveEdges(doc).find((candidate) => candidate.id === edgeId);
  if (!edge) throw new FlowOperationError(`There is no connection '${edgeId}'`);
  const source = findNode(doc, edge.source);
  const target = findNode(doc, edge.target);
  if (source?.kind === 'producer') {
    return replaceNode(doc, {
      ...source,
      commands: source.commands.map((c) => ({ ...c, emits: c.emits.filter((e) => e.eventTypeId !== edge.target) })),
    });
  }
  if (edge.kind === 'subscribes' && target?.kind === 'consumer') {
    return replaceNode(doc, { ...target, handlers: target.handlers.filter((h) => h.eventTypeId !== edge.source) });
  }
  if (source?.kind === 'consumer') {
    const handlers = source.handlers.map((h): Handler => (edge.kind === 'emits'
      ? { ...h, emits: h.emits.filter((e) => e.eventTypeId !== edge.target) }
      : { ...h, effects: h.effects.filter((effect) => effect.projectionId !== edge.target) }));
    return replaceNode(doc, { ...source, handlers });
  }
  throw new FlowOperationError(`The connection '${edgeId}' refers to nodes that do not exist`);
}
