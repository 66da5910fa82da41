import { getOwn } from '../ownKeys';
import { checkSchema } from '../schema/checkSchema';
import { bool, integer, listOf, oneOf, shape, text, type Check } from './ShapeChecker';

/**
 * The structure of the optional contract fields (`EventType.message`, `EventType.history`,
 * `FlowDocument.asyncapi`, `FlowDocument.evolution`; see `../contracts.ts`): enough that an
 * exporter can trust them. Values kept as written (AsyncAPI fields, bindings) only need to be objects.
 */

const object: Check = (c, v, p) => { c.object(v, p); };
const anyJson: Check = () => undefined;
const anySchema: Check = (c, v, p) => { for (const issue of checkSchema(v, p)) c.errors.push(issue); };
const objectSchema: Check = (c, v, p) => {
  if (c.object(v, p) === undefined) return;
  for (const issue of checkSchema(v, p)) c.errors.push(issue);
};

export const messageContractShape: Check = shape({
  'key?': text, 'fields?': object, 'headers?': anySchema,
  'payloadSource?': shape({ 'schemaFormat?': text, schema: anyJson, readAs: objectSchema }),
});

const upcastStep: Check = (c, v, p) => {
  const step = c.object(v, p);
  if (step === undefined) return;
  oneOf(['rename', 'set', 'remove', 'copy', 'map'])(c, step.op, `${p}/op`);
  const paths = step.op === 'rename' || step.op === 'copy' ? ['from', 'to'] : ['path'];
  for (const key of paths) text(c, getOwn(step, key), `${p}/${key}`);
  if (step.op === 'set' && step.onlyIfMissing !== undefined) bool(c, step.onlyIfMissing, `${p}/onlyIfMissing`);
  if (step.op === 'map') listOf(shape({ from: anyJson, to: anyJson }))(c, step.values, `${p}/values`);
};

export const historyShape: Check = listOf(shape({ version: integer, payload: objectSchema, 'extends?': text, upcast: listOf(upcastStep) }));

const operation = shape({ key: text, action: oneOf(['send', 'receive']), nodeId: text, channel: text, eventTypeIds: listOf(text), fields: object });

export const asyncApiContractShape: Check = shape({
  channels: listOf(shape({ key: text, fields: object, messages: listOf(shape({ key: text, eventTypeId: text })) })),
  services: listOf(shape({
    title: text, 'asyncapi?': text, info: object, 'documentId?': text, 'defaultContentType?': text,
    servers: listOf(shape({ name: text, server: object })), securitySchemes: listOf(shape({ name: text, scheme: object })),
    nodeIds: listOf(text), 'channels?': listOf(text), 'eventTypeIds?': listOf(text), operations: listOf(operation), 'extensions?': object,
  })),
});

export const evolutionShape: Check = shape({
  compatibility: oneOf(['backward', 'forward', 'full', 'none']),
  'baseline?': shape({
    label: text,
    library: listOf(shape({ name: text, schema: anySchema })),
    eventTypes: listOf(shape({ id: text, name: text, version: integer, schema: anySchema, 'payload?': objectSchema })),
  }),
});
