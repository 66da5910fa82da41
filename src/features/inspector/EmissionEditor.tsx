import { eventPayloadPaths, isSameOrUnder, pathLabel, type Emission, type FlowDocument, type PayloadMapping, type ValueSource } from '../../core';
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

/** An emitted event: which type, and for each of its values (nested and inherited too) where it comes from. */
export function EmissionEditor({ doc, label, emission, context, onChange, onRemove, onMapMissing, mapMissingHint }: EmissionEditorProps) {
  const fields = eventPayloadPaths(doc, emission.eventTypeId);
  const eventOptions = doc.eventTypes.filter((e) => !e.abstract || e.id === emission.eventTypeId)
    .map((e) => ({ value: e.id, label: e.name }));
  const byTarget = new Map(emission.mappings.map((m) => [m.target, m]));
  const stale = emission.mappings.filter((m) => !fields.some((f) => f.path === m.target));
  const covering = (path: string) => emission.mappings.find((m) => m.target !== path && isSameOrUnder(path, m.target));
  const unmapped = fields.filter((f) => f.depth === 1 && !emission.mappings.some((m) => isSameOrUnder(m.target, f.path) || isSameOrUnder(f.path, m.target)));

  const setMapping = (target: string, source: ValueSource | undefined, key?: string) => {
    const others = emission.mappings.filter((m) => m.target !== target);
    const mappings: PayloadMapping[] = source ? [...others, { target, source }] : others;
    // Keep the order of the event's values, so the mapping reads like the event.
    const order = (m: PayloadMapping) => { const i = fields.findIndex((f) => f.path === m.target); return i < 0 ? fields.length : i; };
    onChange({ ...emission, mappings: mappings.sort((a, b) => order(a) - order(b)) }, key);
  };

  return (
    <div className="emission" role="group" aria-label={label}>
      <div className="emission__head">
        <SelectField label={`${label} event type`} compact value={emission.eventTypeId} options={eventOptions}
          onChange={(eventTypeId) => onChange({ eventTypeId, mappings: [] })} />
        <button type="button" className="icon-button icon-button--danger" aria-label={`Remove ${label}`} title="Stop emitting this event"
          onClick={onRemove}>×</button>
      </div>
      <table className="mapping-table">
        <caption className="visually-hidden">{label} field mappings</caption>
        <tbody>
          {fields.map((field) => {
            const mapping = byTarget.get(field.path);
            const parent = covering(field.path);
            const name = pathLabel(field.path);
            return (
              <tr key={field.path} className={field.present && !mapping && !parent ? 'is-missing' : undefined}>
                <th scope="row" title={`${field.path}: ${field.required ? 'required' : 'optional'}`} style={field.depth > 1 ? { paddingLeft: (field.depth - 1) * 10 } : undefined}>
                  {field.depth > 1 ? field.name : name}{field.required && <span className="field-list__req">*</span>}
                </th>
                <td>
                  {parent
                    ? <span className="inspector-hint">set with {pathLabel(parent.target)}</span>
                    : <SourcePicker label={`${label} ${name} from`} source={mapping?.source} context={context} allowUnmapped
                      onChange={(source, key) => setMapping(field.path, source, key)} />}
                </td>
              </tr>
            );
          })}
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
      {unmapped.length > 0 && onMapMissing && (
        <button type="button" className="tool-button add-button" title={mapMissingHint} aria-label={`${label}: map the unmapped fields`}
          onClick={onMapMissing}>Map unmapped fields ({unmapped.map((f) => pathLabel(f.path)).join(', ')})</button>
      )}
    </div>
  );
}
