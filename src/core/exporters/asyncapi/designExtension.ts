/**
 * `x-eventflow-design`: what an AsyncAPI document cannot say about a design (commands, handlers,
 * projections, layout, envelope, version histories, the contracts as imported), written once at
 * the root of a whole-design export — linear in the design, never repeated per operation. Event
 * payloads and the schema library are not in it: they are the document's `components.schemas`,
 * named here. Pure.
 */
import type { FlowDocument } from '../../model/types';
import type { EventSchemaPlan } from '../contracts/eventSchemas';
import type { ExportPlan } from './exportPlan';

export const DESIGN_EXTENSION = 'x-eventflow-design';

/** The extension as written: the flow document without payloads and library, plus where those are. */
export interface DesignExtension {
  document: Record<string, unknown>;
  /** Event type id → the `components.schemas` key of its payload schema. */
  payloadSchemas: Record<string, string>;
  /** Library entries in order: name in the design → key in `components.schemas`. */
  library: { name: string; schema: string }[];
}

export function designExtension(doc: FlowDocument, schemas: EventSchemaPlan, _plan: ExportPlan): DesignExtension {
  const { schemaLibrary, eventTypes, ...rest } = doc;
  const payloadSchemas: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const planned of schemas.types) payloadSchemas[planned.type.id] = planned.payloadName;
  return {
    document: {
      ...structuredClone(rest),
      eventTypes: eventTypes.map(({ payload: _payload, ...type }) => structuredClone(type)),
    },
    payloadSchemas: { ...payloadSchemas },
    library: schemaLibrary.map((entry) => ({ name: entry.name, schema: schemas.libraryNames.get(entry.name)! })),
  };
}
