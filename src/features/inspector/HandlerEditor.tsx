import { envelopeAttributes, eventPayloadPaths, upsertEffectFor, withHandlerEmission, type FlowDocument, type Handler } from '../../core';
import { RowActions, SelectField, TextField, lists } from './controls';
import { EffectEditor } from './EffectEditor';
import { EmissionsEditor } from './EmissionsEditor';
import { DeliveryFields } from './ScaleFields';
import type { SourceContext } from './sourceOptions';

interface HandlerEditorProps {
  doc: FlowDocument;
  label: string;
  handler: Handler;
  /** Event types this consumer already handles (not offered again). */
  handledIds: string[];
  onChange(handler: Handler, coalesceKey?: string): void;
}

/** The handler of one subscribed event type: its delivery mode, its effects on projections and the events it emits. */
export function HandlerEditor({ doc, label, handler, handledIds, onChange }: HandlerEditorProps) {
  const context: SourceContext = {
    eventPaths: eventPayloadPaths(doc, handler.eventTypeId, { listItems: true }).map((p) => p.path),
    envelopePaths: envelopeAttributes(doc.envelope).map((a) => a.path),
  };
  const key = (k?: string) => (k ? `${handler.eventTypeId}:${k}` : undefined);
  const eventOptions = doc.eventTypes.filter((e) => e.id === handler.eventTypeId || !handledIds.includes(e.id))
    .map((e) => ({ value: e.id, label: e.name }));
  const mapsMore = (eventTypeId: string, mapped: number) =>
    (withHandlerEmission(doc, handler, eventTypeId).emits.find((e) => e.eventTypeId === eventTypeId)?.mappings.length ?? 0) > mapped;
  return (
    <div className="handler">
      <SelectField label={`${label} event`} value={handler.eventTypeId} options={eventOptions} title="The subscribed event type"
        onChange={(eventTypeId) => onChange({ ...handler, eventTypeId })} />
      <DeliveryFields doc={doc} label={label} handler={handler} onChange={(next, k) => onChange(next, key(k))} />
      <h4>Effects on projections</h4>
      {handler.effects.length === 0 && <div className="inspector-empty">No effects.</div>}
      {handler.effects.map((effect, index) => (
        <EffectEditor key={index} doc={doc} label={`${label} effect ${index + 1}`} effect={effect} context={context}
          onChange={(next, k) => onChange({ ...handler, effects: lists.replaceAt(handler.effects, index, next) }, key(k))}
          onRemove={() => onChange({ ...handler, effects: lists.removeAt(handler.effects, index) })} />
      ))}
      {doc.projections.length > 0 && (
        <SelectField compact label={`${label}: add an effect`} value=""
          options={[{ value: '', label: '+ Add an effect on…' }, ...doc.projections.map((p) => ({ value: p.id, label: p.name }))]}
          onChange={(projectionId) => {
            const projection = doc.projections.find((p) => p.id === projectionId);
            if (projection) onChange({ ...handler, effects: [...handler.effects, upsertEffectFor(doc, handler, projection)] });
          }} />
      )}
      <h4>Calls outside the transaction</h4>
      {(handler.externalEffects ?? []).map((external, index) => (
        <div key={index} className="assignment-row" role="group" aria-label={`${label} call ${index + 1}`}>
          <TextField compact label={`${label} call ${index + 1}`} value={external.name}
            onChange={(name) => onChange({ ...handler, externalEffects: lists.replaceAt(handler.externalEffects ?? [], index, { name }) }, key(`external:${index}`))} />
          <RowActions label={`${label} call ${index + 1}`} index={index} count={handler.externalEffects?.length ?? 0}
            onMove={(from, to) => onChange({ ...handler, externalEffects: lists.move(handler.externalEffects ?? [], from, to) })}
            onRemove={(i) => onChange({ ...handler, externalEffects: lists.removeAt(handler.externalEffects ?? [], i) })} />
        </div>
      ))}
      <button type="button" className="tool-button add-button"
        title="A side effect outside the consumer's database (send an e-mail, call an API): it cannot join the transaction, so no inbox protects it from a redelivery"
        onClick={() => onChange({ ...handler, externalEffects: [...(handler.externalEffects ?? []), { name: 'send e-mail' }] })}>+ Add a call outside the transaction</button>
      <h4>Emits</h4>
      <EmissionsEditor doc={doc} label={label} emits={handler.emits} context={context}
        onChange={(emits, k) => onChange({ ...handler, emits }, key(k))}
        emit={(eventTypeId) => onChange(withHandlerEmission(doc, handler, eventTypeId))}
        canMapMissing={(emission) => mapsMore(emission.eventTypeId, emission.mappings.length)}
        mapMissingHint="Map unmapped fields from the same-named fields of the handled event; generate missing ids and timestamps" />
    </div>
  );
}
