import { eventPayloadPaths, inPathOrder, unmappedPaths, parentPath, pathLabel, type Emission, type EventPath, type FlowDocument, type PayloadMapping, type ValueSource } from '../../core';
import { VirtualRows } from './VirtualRows';
import { SelectField } from './controls';
import { SourcePicker } from './SourcePicker';
import type { SourceContext } from './sourceOptions';

interface EmissionEditorProps {
  doc: FlowDocument;
  label: string;
  emission: Emission;
  context: SourceContext;
  onChange(emission: Emission, coalesceKey?: string): void;
  onRemove(): void;
  /** Fills the unmapped fields where the tool can; leave it out when it would change nothing. */
  onMapMissing?: () => void;
  /** What `onMapMissing` does, as its tooltip. */
  mapMissingHint: string;
}

/** Beyond this many values the mapping list scrolls on its own and renders only what is in view. */
const MANY_ROWS = 60;

/** An emitted event: which type, and for each of its values (nested and inherited too) where it comes from. */
export function EmissionEditor({ doc, label, emission, context, onChange, onRemove, onMapMissing, mapMissingHint }: EmissionEditorProps) {
  const fields = eventPayloadPaths(doc, emission.eventTypeId);
  const eventOptions = doc.eventTypes.filter((e) => !e.abstract || e.id === emission.eventTypeId)
    .map((e) => ({ value: e.id, label: e.name }));
  const byTarget = new Map(emission.mappings.map((m) => [m.target, m]));
  const known = new Set(fields.map((f) => f.path));
  const stale = emission.mappings.filter((m) => !known.has(m.target));
  /** The mapping of a parent that sets this value along with it. */
  const covering = (path: string) => {
    for (let p = parentPath(path); p !== undefined; p = parentPath(p)) {
      const mapping = byTarget.get(p);
      if (mapping) return mapping;
    }
    return undefined;
  };
  const unmapped = unmappedPaths(fields, emission.mappings);

  const cell = (field: EventPath) => {
    const parent = covering(field.path);
    const name = pathLabel(field.path);
    return parent
      ? <span className="inspector-hint">set with {pathLabel(parent.target)}</span>
      : <SourcePicker label={`${label} ${name} from`} source={byTarget.get(field.path)?.source} context={context} allowUnmapped
        onChange={(source, key) => setMapping(field.path, source, key)} />;
  };

  const setMapping = (target: string, source: ValueSource | undefined, key?: string) => {
    const others = emission.mappings.filter((m) => m.target !== target);
    const mappings: PayloadMapping[] = source ? [...others, { target, source }] : others;
    // Keep the order of the event's values, so the mapping reads like the event.
    onChange({ ...emission, mappings: inPathOrder(fields, mappings) }, key);
  };

  return (
    <div className="emission" role="group" aria-label={label}>
      <div className="emission__head">
        <SelectField label={`${label} event type`} compact value={emission.eventTypeId} options={eventOptions}
          onChange={(eventTypeId) => onChange({ eventTypeId, mappings: [] })} />
        <button type="button" className="icon-button icon-button--danger" aria-label={`Remove ${label}`} title="Stop emitting this event"
          onClick={onRemove}>×</button>
      </div>
      {fields.length > MANY_ROWS ? (
        <VirtualRows label={`${label} field mappings`} count={fields.length} rowHeight={30} maxHeight={420} rowKey={(i) => fields[i]!.path}
          renderRow={(i) => {
            const field = fields[i]!;
            return (
              <div className={`mapping-row${field.present && !byTarget.has(field.path) && !covering(field.path) ? ' is-missing' : ''}`} style={{ paddingLeft: (field.depth - 1) * 10 }}>
                <span className="mapping-row__name" title={field.path}>{field.depth > 1 ? field.name : pathLabel(field.path)}{field.required && <span className="field-list__req">*</span>}</span>
                {cell(field)}
              </div>
            );
          }} />
      ) : (
        <table className="mapping-table">
          <caption className="visually-hidden">{label} field mappings</caption>
          <tbody>
            {fields.map((field) => (
              <tr key={field.path} className={field.present && !byTarget.has(field.path) && !covering(field.path) ? 'is-missing' : undefined}>
                <th scope="row" title={`${field.path}: ${field.required ? 'required' : 'optional'}`} style={field.depth > 1 ? { paddingLeft: (field.depth - 1) * 10 } : undefined}>
                  {field.depth > 1 ? field.name : pathLabel(field.path)}{field.required && <span className="field-list__req">*</span>}
                </th>
                <td>{cell(field)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {stale.length > 0 && (
        <table className="mapping-table">
          <tbody>
            {stale.map((mapping) => (
              <tr key={`stale-${mapping.target}`} className="is-stale">
                <th scope="row" title="This field does not exist on the event">{pathLabel(mapping.target)} ⚠</th>
                <td>
                  <button type="button" className="tool-button" onClick={() => setMapping(mapping.target, undefined)}>Remove mapping</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unmapped.length > 0 && onMapMissing && (
        <button type="button" className="tool-button add-button" title={mapMissingHint} aria-label={`${label}: map the unmapped fields`}
          onClick={onMapMissing}>Map unmapped fields ({unmapped.slice(0, 5).map((f) => pathLabel(f.path)).join(', ')}{unmapped.length > 5 ? ` and ${(unmapped.length - 5).toLocaleString('en')} more` : ''})</button>
      )}
    </div>
  );
}
