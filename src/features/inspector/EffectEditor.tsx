import { DESIGN_BOUNDS, type Assignment, type FlowDocument, type ProjectionEffect, type ValueSource } from '../../core';
import { NumberField, SelectField } from './controls';
import { SourcePicker } from './SourcePicker';
import type { SourceContext } from './sourceOptions';

const EFFECT_KINDS = [
  { value: 'upsert', label: 'upsert' },
  { value: 'increment', label: 'increment' },
  { value: 'append', label: 'append' },
  { value: 'delete', label: 'delete' },
];

/** The same effect turned into another kind, keeping the projection and key. */
function withKind(effect: ProjectionEffect, kind: string, columns: string[]): ProjectionEffect {
  const base = { projectionId: effect.projectionId, key: effect.key };
  const column = columns[0] ?? '';
  if (kind === 'increment') return { kind, ...base, column, by: 1 };
  if (kind === 'append') return { kind, ...base, column, value: { from: 'literal', value: '' } };
  if (kind === 'delete') return { kind, ...base };
  return { kind: 'upsert', ...base, set: [] };
}

interface EffectEditorProps {
  doc: FlowDocument;
  label: string;
  effect: ProjectionEffect;
  context: SourceContext;
  onChange(effect: ProjectionEffect, coalesceKey?: string): void;
  onRemove(): void;
}

/** One effect of a handler on a projection: upsert / increment / append / delete, keyed by a source. */
export function EffectEditor({ doc, label, effect, context, onChange, onRemove }: EffectEditorProps) {
  const projection = doc.projections.find((p) => p.id === effect.projectionId);
  const valueColumns = (projection?.columns ?? []).map((c) => c.name).filter((name) => name !== projection?.key);
  const columnOptions = valueColumns.map((c) => ({ value: c, label: c }));
  const projectionOptions = doc.projections.map((p) => ({ value: p.id, label: p.name }));
  if (!projection) projectionOptions.unshift({ value: effect.projectionId, label: `${effect.projectionId} (missing)` });

  const setAssignment = (target: string, source: ValueSource | undefined, key?: string) => {
    if (effect.kind !== 'upsert') return;
    const others = effect.set.filter((a) => a.target !== target);
    const set: Assignment[] = source ? [...others, { target, source }] : others;
    set.sort((a, b) => valueColumns.indexOf(a.target) - valueColumns.indexOf(b.target));
    onChange({ ...effect, set }, key);
  };

  return (
    <div className="effect" role="group" aria-label={label}>
      <div className="effect__head">
        <SelectField compact label={`${label} kind`} value={effect.kind} options={EFFECT_KINDS}
          onChange={(kind) => onChange(withKind(effect, kind, valueColumns))} />
        <SelectField compact label={`${label} projection`} value={effect.projectionId} options={projectionOptions}
          onChange={(projectionId) => onChange({ ...withKind(effect, effect.kind, []), projectionId } as ProjectionEffect)} />
        <button type="button" className="icon-button icon-button--danger" aria-label={`Remove ${label}`} title="Remove effect" onClick={onRemove}>×</button>
      </div>
      <table className="mapping-table">
        <tbody>
          <tr>
            <th scope="row" title="Which row: the key column's value">key {projection?.key ?? ''}</th>
            <td><SourcePicker label={`${label} key from`} source={effect.key} context={context} allowUnmapped={false}
              onChange={(key, k) => { if (key) onChange({ ...effect, key }, k); }} /></td>
          </tr>
          {effect.kind === 'upsert' && valueColumns.map((column) => (
            <tr key={column}>
              <th scope="row">{column}</th>
              <td><SourcePicker label={`${label} ${column} from`} source={effect.set.find((a) => a.target === column)?.source}
                context={context} allowUnmapped onChange={(source, k) => setAssignment(column, source, k)} /></td>
            </tr>
          ))}
          {(effect.kind === 'increment' || effect.kind === 'append') && (
            <tr>
              <th scope="row">column</th>
              <td><SelectField compact label={`${label} column`} value={effect.column}
                options={columnOptions.some((o) => o.value === effect.column) ? columnOptions : [{ value: effect.column, label: `${effect.column || '—'} (missing)` }, ...columnOptions]}
                onChange={(column) => onChange({ ...effect, column })} /></td>
            </tr>
          )}
          {effect.kind === 'increment' && (
            <tr>
              <th scope="row">by</th>
              <td><NumberField compact label={`${label} increment by`} value={effect.by} onChange={(by) => onChange({ ...effect, by: Math.max(-DESIGN_BOUNDS.increment.max, Math.min(DESIGN_BOUNDS.increment.max, by)) }, `${label}:by`)} /></td>
            </tr>
          )}
          {effect.kind === 'append' && (
            <tr>
              <th scope="row">value</th>
              <td><SourcePicker label={`${label} value from`} source={effect.value} context={context} allowUnmapped={false}
                onChange={(value, k) => { if (value) onChange({ ...effect, value }, k); }} /></td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
