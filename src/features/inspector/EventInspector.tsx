import { DESIGN_BOUNDS, envelopeLabel, eventPayloadPaths, inheritanceChain, pathLabel, schemaSummary, type EventType, type FlowDocument } from '../../core';
import { CheckboxField, NumberField, Section, SelectField, TextField } from './controls';
import { SchemaEditor } from './schema/SchemaEditor';
import { useNodeUpdater } from './useNodeUpdater';
import { VersionHistorySection } from '../evolution/VersionHistorySection';

/** The inherited values listed here; a base with thousands is seen in full on the base itself. */
const MAX_INHERITED = 50;

/** Event types that may become the base of `event` (not itself, not one that extends it). */
function possibleBases(doc: FlowDocument, event: EventType) {
  return doc.eventTypes.filter((candidate) =>
    candidate.id !== event.id && !inheritanceChain(doc, candidate.id).some((t) => t.id === event.id));
}

/** Edits an event type: name, description, version, base type, aggregate id, abstract, payload. */
export function EventInspector({ doc, node }: { doc: FlowDocument; node: EventType }) {
  const update = useNodeUpdater(node);
  const paths = eventPayloadPaths(doc, node.id);
  const inherited = paths.filter((entry) => entry.inheritedFrom !== undefined);
  const baseOptions = [{ value: '', label: '— none —' }, ...possibleBases(doc, node).map((e) => ({ value: e.id, label: e.name }))];
  const aggregateOptions = [{ value: '', label: '— inherited / none —' }, ...paths.map((p) => ({ value: p.path, label: pathLabel(p.path) }))];
  if (node.aggregateIdPath !== undefined && !paths.some((p) => p.path === node.aggregateIdPath)) {
    aggregateOptions.splice(1, 0, { value: node.aggregateIdPath, label: `${pathLabel(node.aggregateIdPath)} (missing)` });
  }
  return (
    <>
      <Section title="Event type">
        <TextField label="Name" value={node.name} onChange={(name) => update({ ...node, name }, 'name')} />
        <TextField label="Description" multiline value={node.description} onChange={(description) => update({ ...node, description }, 'description')} />
        <div className="form-grid">
          <NumberField label="Version" min={1} value={node.version} onChange={(version) => update({ ...node, version: Math.min(DESIGN_BOUNDS.version.max, Math.max(1, Math.round(version))) }, 'version')} />
          <SelectField label="Extends" value={node.extends ?? ''} options={baseOptions} title="Base event type whose payload this one extends"
            onChange={(base) => update({ ...node, extends: base || undefined })} />
        </div>
        <div className="form-grid">
          <SelectField label="Aggregate id field" value={node.aggregateIdPath ?? ''} options={aggregateOptions}
            title="The value that identifies the aggregate, e.g. videoId"
            onChange={(path) => update({ ...node, aggregateIdPath: path || undefined })} />
          <CheckboxField label="Abstract" checked={node.abstract ?? false} title="A base type that is never emitted on its own"
            onChange={(abstract) => update({ ...node, abstract: abstract || undefined })} />
        </div>
      </Section>
      <Section title="Fields">
        <SchemaEditor noun="Field" label={`Payload of ${node.name}`} schema={node.payload} library={doc.schemaLibrary}
          onChange={(payload, key) => update({ ...node, payload }, key)} />
      </Section>
      {inherited.length > 0 && (
        <Section title="Inherited fields">
          <ul className="inherited-list">
            {inherited.slice(0, MAX_INHERITED).map((f) => <li key={f.path}><span>{pathLabel(f.path)}</span><span className="muted">{schemaSummary(f.schema)}{f.required ? ', required' : ''}</span></li>)}
          </ul>
          {inherited.length > MAX_INHERITED && <p className="inspector-hint">… and {(inherited.length - MAX_INHERITED).toLocaleString('en')} more on the base types.</p>}
          <p className="inspector-hint">Edit them on the base type. Every event also travels in the design’s envelope ({envelopeLabel(doc.envelope.kind)}).</p>
        </Section>
      )}
      <VersionHistorySection doc={doc} node={node} />
    </>
  );
}
