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
import { rewriteRefs } from '../contracts/schemaRefs';

export const DESIGN_EXTENSION = 'x-eventflow-design';

/** The extension as written: the flow document without payloads and library, plus where those are. */
export interface DesignExtension {
  document: Record<string, unknown>;
  /** Event type id → the `components.schemas` key of its payload schema. */
  payloadSchemas: Record<string, string>;
  /** Library entries in order: name in the design → key in `components.schemas`. */
  library: { name: string; schema: string }[];
}

/**
 * Schemas inside the extension (command inputs, headers, past payloads) refer to the library as
 * `#/$defs/<name>`; written into an AsyncAPI document, those references must resolve there, so
 * they point at `#/components/schemas/<key>` (and `readOwnDesign` turns them back).
 */
export function designExtension(doc: FlowDocument, schemas: EventSchemaPlan, _plan: ExportPlan): DesignExtension {
  const { schemaLibrary, eventTypes: rawTypes, evolution, ...raw } = doc;
  const resolvable = <T>(value: T): T => rewriteRefs(value, '#/components/schemas/', (name) => schemas.libraryNames.get(name) ?? name) as T;
  const rest: Record<string, unknown> = resolvable(raw);
  // A baseline is a snapshot with its own library: kept as text, so that no reader resolves its references here.
  if (evolution) rest.evolution = { compatibility: evolution.compatibility, ...(evolution.baseline ? { baselineJson: JSON.stringify(evolution.baseline) } : {}) };
  const eventTypes = rawTypes.map(({ payload: _payload, ...type }) => resolvable(type));
  const payloadSchemas: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const planned of schemas.types) payloadSchemas[planned.type.id] = planned.payloadName;
  return {
    document: { ...rest, eventTypes },
    payloadSchemas: { ...payloadSchemas },
    library: schemaLibrary.map((entry) => ({ name: entry.name, schema: schemas.libraryNames.get(entry.name)! })),
  };
}
