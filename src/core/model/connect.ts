import { upsertEffectFor, withCommandEmission, withHandlerEmission } from './autoMap';
import { canConnect } from './canConnect';
import { deriveEdges } from './deriveEdges';
import { designDefs, effectiveAggregateIdPath, eventPayloadPaths } from './inheritance';
import { FlowOperationError } from './FlowOperationError';
import { findNode, newCommandId, replaceNode } from './nodes';
import { removeProperty, withPropertyAtPath } from './schema/editSchema';
import { lastSegment, pathSegments } from './schema/paths';
import { schemaAtPath } from './schema/schemaPaths';
import type { Command, Consumer, EventType, FlowDocument, Handler, JsonSchemaObject, Producer, Projection, ValueSource } from './types';

function newCommand(doc: FlowDocument, producer: Producer, event: EventType): Command {
  const aggregatePath = effectiveAggregateIdPath(doc, event.id);
  const aggregateId: ValueSource = aggregatePath !== undefined
    ? { from: 'input', path: aggregatePath }
    : { from: 'generated', generator: 'uuid' };
  const entry = eventPayloadPaths(doc, event.id).find((p) => p.path === aggregatePath);
  const input: JsonSchemaObject = entry ? withPropertyAtPath({ type: 'object', properties: {} }, entry.path, entry.schema, true) : { type: 'object', properties: {} };
  return {
    id: newCommandId(doc, producer.id),
    name: `Emit${event.name}`,
    input,
    aggregateId,
    rowChanges: [],
    emits: [],
  };
}

/**
 * A command that emits nothing yet (e.g. a new producer's `CreateItem`) is still being set up: when
 * its aggregate id reads a top-level input the event does not have, it takes the event's aggregate
 * id instead (the input is replaced, or dropped when the command already has the event's one).
 */
function adoptAggregateId(doc: FlowDocument, command: Command, event: EventType): Command {
  const aggregatePath = effectiveAggregateIdPath(doc, event.id);
  const source = command.aggregateId;
  if (command.emits.length > 0 || command.rowChanges.length > 0 || aggregatePath === undefined || source.from !== 'input') return command;
  const paths = eventPayloadPaths(doc, event.id);
  const eventValue = paths.find((p) => p.path === aggregatePath);
  const oldName = pathSegments(source.path);
  if (!eventValue || paths.some((p) => p.path === source.path) || oldName?.length !== 1) return command;
  const withoutOld = removeProperty(command.input, '', oldName[0]!);
  const input = schemaAtPath(command.input, aggregatePath, designDefs(doc)) !== undefined
    ? withoutOld
    : withPropertyAtPath(withoutOld, aggregatePath, eventValue.schema, true);
  return { ...command, input, aggregateId: { from: 'input', path: aggregatePath } };
}

const DEFAULT_COMMAND = 'CreateItem';
const DEFAULT_AGGREGATE = 'item';

/**
 * A new producer's placeholders (aggregate `item`, command `CreateItem`) named after what it now
 * emits: the aggregate from the event's aggregate id (`orderId` → `order`), the command after the aggregate.
 */
function namedAfterAggregate(doc: FlowDocument, producer: Producer, command: Command, event: EventType): { producer: Producer; command: Command } {
  if (command.name !== DEFAULT_COMMAND || command.emits.length > 0) return { producer, command };
  const aggregatePath = effectiveAggregateIdPath(doc, event.id);
  const stem = (aggregatePath === undefined ? '' : lastSegment(aggregatePath) ?? '').replace(/_?id$/i, '');
  const aggregate = producer.aggregate === DEFAULT_AGGREGATE && stem ? stem : producer.aggregate;
  if (aggregate === DEFAULT_AGGREGATE || !/^[A-Za-z][A-Za-z0-9]*$/.test(aggregate)) return { producer, command };
  return { producer: { ...producer, aggregate }, command: { ...command, name: `Create${aggregate[0]!.toUpperCase()}${aggregate.slice(1)}` } };
}

/**
 * producer→event: the first command (made if none) emits the event; every field of the event
 * becomes an input (required as in the event) unless the command has it already, and is mapped.
 * A new producer's placeholder names follow the event's aggregate (`CreateItem` → `CreateOrder`).
 */
function connectProducer(doc: FlowDocument, source: Producer, event: EventType): FlowDocument {
  const { producer, command } = namedAfterAggregate(doc, source, adoptAggregateId(doc, source.commands[0] ?? newCommand(doc, source, event), event), event);
  const updated = withCommandEmission(doc, command, event.id);
  const commands = producer.commands.length === 0 ? [updated] : [updated, ...producer.commands.slice(1)];
  return replaceNode(doc, { ...producer, commands });
}

function withFirstHandler(consumer: Consumer, change: (handler: Handler) => Handler): Consumer {
  const [first, ...rest] = consumer.handlers;
  if (!first) throw new FlowOperationError(`${consumer.name} subscribes to no event yet`);
  return { ...consumer, handlers: [change(first), ...rest] };
}

/**
 * consumer→event: the first handler emits the event: same-named fields of the handled event are
 * mapped, and a required uuid / date-time field it lacks is generated (a new id, the clock's now).
 */
function connectConsumerEmission(doc: FlowDocument, consumer: Consumer, event: EventType): FlowDocument {
  return replaceNode(doc, withFirstHandler(consumer, (handler) => withHandlerEmission(doc, handler, event.id)));
}

/** consumer→projection: the first handler upserts a row keyed by the matching event field. */
function connectProjection(doc: FlowDocument, consumer: Consumer, projection: Projection): FlowDocument {
  return replaceNode(doc, withFirstHandler(consumer, (handler) => ({ ...handler, effects: [...handler.effects, upsertEffectFor(doc, handler, projection)] })));
}

/**
 * Connects two nodes by adding the semantics the edge stands for: producer→event adds an
 * emission to the first command (creating one if none) with an input for each event field;
 * event→consumer adds a handler; consumer→event adds an emission to the first handler (ids and
 * timestamps it cannot read are generated); consumer→projection adds an `upsert` effect to the
 * first handler. Same-named fields are mapped, so a new connection leaves nothing to fix by hand.
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
