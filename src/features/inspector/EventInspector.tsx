import { DESIGN_BOUNDS, effectiveFields, inheritanceChain, type EventType, type FlowDocument } from '../../core';
import { CheckboxField, NumberField, Section, SelectField, TextField } from './controls';
import { FieldsEditor } from './FieldsEditor';
import { useNodeUpdater } from './useNodeUpdater';

/** Event types that may become the base of `event` (not itself, not one that extends it). */
function possibleBases(doc: FlowDocument, event: EventType) {
  return doc.eventTypes.filter((candidate) =>
    candidate.id !== event.id && !inheritanceChain(doc, candidate.id).some((t) => t.id === event.id));
}

/** Edits an event type: name, description, version, base type, aggregate id, abstract, fields. */
export function EventInspector({ doc, node }: { doc: FlowDocument; node: EventType }) {
  const update = useNodeUpdater(node);
  const inherited = effectiveFields(doc, node.id).filter((f) => !node.fields.some((own) => own.name === f.name));
  const allFields = effectiveFields(doc, node.id);
  const baseOptions = [{ value: '', label: '— none —' }, ...possibleBases(doc, node).map((e) => ({ value: e.id, label: e.name }))];
  const aggregateOptions = [{ value: '', label: '— inherited / none —' }, ...allFields.map((f) => ({ value: f.name, label: f.name }))];
  if (node.aggregateIdField && !allFields.some((f) => f.name === node.aggregateIdField)) {
    aggregateOptions.splice(1, 0, { value: node.aggregateIdField, label: `${node.aggregateIdField} (missing)` });
  }
  return (
    <>
      <Section title="Event type">
        <TextField label="Name" value={node.name} onChange={(name) => update({ ...node, name }, 'name')} />
        <TextField label="Description" multiline value={node.description} onChange={(description) => update({ ...node, description }, 'description')} />
        <div className="form-grid">
          <NumberField label="Version" min={1} value={node.version} onChange={(version) => update({ ...node, version: Math.min(DESIGN_BOUNDS.version.max, Math.max(1, Math.round(version))) }, 'version')} />
          <SelectField label="Extends" value={node.extends ?? ''} options={baseOptions} title="Base event type whose fields this one inherits"
            onChange={(base) => update({ ...node, extends: base || undefined })} />
        </div>
        <div className="form-grid">
          <SelectField label="Aggregate id field" value={node.aggregateIdField ?? ''} options={aggregateOptions}
            title="The field that identifies the aggregate, e.g. videoId"
            onChange={(field) => update({ ...node, aggregateIdField: field || undefined })} />
          <CheckboxField label="Abstract" checked={node.abstract ?? false} title="A base type that is never emitted on its own"
            onChange={(abstract) => update({ ...node, abstract: abstract || undefined })} />
        </div>
      </Section>
      <Section title="Fields">
        <FieldsEditor noun="Field" fields={node.fields} onChange={(fields, key) => update({ ...node, fields }, key)} />
      </Section>
      {inherited.length > 0 && (
        <Section title="Inherited fields">
          <ul className="inherited-list">
            {inherited.map((f) => <li key={f.name}><span>{f.name}</span><span className="muted">{f.type}{f.required ? ', required' : ''}</span></li>)}
          </ul>
          <p className="inspector-hint">Edit them on the base type. Every event also carries the envelope: eventId, eventType, occurredAt, aggregateId.</p>
        </Section>
      )}
    </>
  );
}
