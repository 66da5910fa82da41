import type { Emission, FlowDocument } from '../../core';
import { SelectField, lists } from './controls';
import { EmissionEditor } from './EmissionEditor';
import type { SourceContext } from './sourceOptions';

interface EmissionsEditorProps {
  doc: FlowDocument;
  /** The owner's label ("Command 1", "Handler 2"): each emission and the add picker are named after it. */
  label: string;
  emits: Emission[];
  context: SourceContext;
  onChange(emits: Emission[], coalesceKey?: string): void;
  /** Emits the event type, or fills the unmapped fields of its emission if already emitted. */
  emit(eventTypeId: string): void;
  /** Whether `emit` would map more fields of an existing emission (else its button is left out). */
  canMapMissing(emission: Emission): boolean;
  mapMissingHint: string;
}

/** The events a command or handler emits, each with its field mappings, and a picker to emit another. */
export function EmissionsEditor({ doc, label, emits, context, onChange, emit, canMapMissing, mapMissingHint }: EmissionsEditorProps) {
  const emittable = doc.eventTypes.filter((e) => !e.abstract && !emits.some((m) => m.eventTypeId === e.id));
  return (
    <>
      {emits.map((emission, index) => (
        <EmissionEditor key={`${emission.eventTypeId}-${index}`} doc={doc} label={`${label} emission ${index + 1}`} emission={emission} context={context}
          onChange={(next, k) => onChange(lists.replaceAt(emits, index, next), k)}
          onRemove={() => onChange(lists.removeAt(emits, index))}
          onMapMissing={canMapMissing(emission) ? () => emit(emission.eventTypeId) : undefined}
          mapMissingHint={mapMissingHint} />
      ))}
      {emittable.length > 0 && (
        <SelectField compact label={`${label}: emit another event`} value=""
          options={[{ value: '', label: '+ Emit an event…' }, ...emittable.map((e) => ({ value: e.id, label: e.name }))]}
          onChange={(eventTypeId) => { if (eventTypeId) emit(eventTypeId); }} />
      )}
    </>
  );
}
