import { useId, type ReactNode } from 'react';
import { SearchSelect } from './SearchSelect';

interface TextFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  multiline?: boolean;
  placeholder?: string;
  /** Hide the visible label (compact rows); it stays the accessible name. */
  compact?: boolean;
  title?: string;
  /** A shorter text to show than the accessible name (e.g. "Minimum" for "Field 3.2 minimum"). */
  visibleLabel?: string;
}

/** A labelled text input or textarea. */
export function TextField({ label, value, onChange, multiline, placeholder, compact, title, visibleLabel }: TextFieldProps) {
  const id = useId();
  const named = compact || visibleLabel !== undefined ? label : undefined;
  const common = { id, value, placeholder, title: title ?? label, onChange: (e: { target: { value: string } }) => onChange(e.target.value) };
  return (
    <div className={`form-field${compact ? ' form-field--compact' : ''}`}>
      {compact ? null : <label htmlFor={id}>{visibleLabel ?? label}</label>}
      {multiline
        ? <textarea {...common} rows={2} aria-label={named} />
        : <input type="text" {...common} aria-label={named} spellCheck={false} />}
    </div>
  );
}

interface NumberFieldProps {
  label: string;
  value: number;
  onChange(value: number): void;
  min?: number;
  step?: number;
  compact?: boolean;
}

/** A labelled number input; ignores input that is not a number. */
export function NumberField({ label, value, onChange, min, step, compact }: NumberFieldProps) {
  const id = useId();
  return (
    <div className={`form-field${compact ? ' form-field--compact' : ''}`}>
      {compact ? null : <label htmlFor={id}>{label}</label>}
      <input id={id} type="number" value={Number.isFinite(value) ? value : ''} min={min} step={step ?? 1} title={label}
        aria-label={compact ? label : undefined}
        onChange={(e) => { const n = e.target.valueAsNumber; if (Number.isFinite(n)) onChange(n); }} />
    </div>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  group?: string;
}

interface SelectFieldProps {
  label: string;
  value: string;
  options: SelectOption[];
  onChange(value: string): void;
  compact?: boolean;
  title?: string;
  /** A shorter text to show than the accessible name. */
  visibleLabel?: string;
}

/** Beyond this many options a select becomes a search box (a payload of thousands of fields). */
const MANY_OPTIONS = 150;

/** A labelled select; options with a `group` are shown under an optgroup. With very many options, a search box. */
export function SelectField({ label, value, options, onChange, compact, title, visibleLabel }: SelectFieldProps) {
  const id = useId();
  if (options.length > MANY_OPTIONS) {
    return (
      <div className={`form-field${compact ? ' form-field--compact' : ''}`}>
        {compact ? null : <label htmlFor={id}>{visibleLabel ?? label}</label>}
        <SearchSelect label={label} value={value} options={options} onChange={onChange} title={title} />
      </div>
    );
  }
  const groups = [...new Set(options.map((o) => o.group))];
  const render = (list: SelectOption[]) => list.map((o) => <option key={o.value} value={o.value}>{o.label}</option>);
  return (
    <div className={`form-field${compact ? ' form-field--compact' : ''}`}>
      {compact ? null : <label htmlFor={id}>{visibleLabel ?? label}</label>}
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} title={title ?? label}
        aria-label={compact || visibleLabel !== undefined ? label : undefined}>
        {groups.map((group) => group === undefined
          ? render(options.filter((o) => o.group === undefined))
          : <optgroup key={group} label={group}>{render(options.filter((o) => o.group === group))}</optgroup>)}
      </select>
    </div>
  );
}

interface CheckboxFieldProps {
  label: string;
  checked: boolean;
  onChange(value: boolean): void;
  title?: string;
  /** Show only the box; the label stays its accessible name and tooltip. */
  compact?: boolean;
  /** A shorter text to show than the accessible name. */
  visibleLabel?: string;
}

/** A labelled checkbox. */
export function CheckboxField({ label, checked, onChange, title, compact, visibleLabel }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="form-check" title={title ?? label}>
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} aria-label={compact || visibleLabel !== undefined ? label : undefined} />
      {!compact && <label htmlFor={id}>{visibleLabel ?? label}</label>}
    </div>
  );
}

/** A titled block of the inspector, with optional actions on the right of its title. */
export function Section({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="inspector-section" aria-label={title}>
      <div className="inspector-section__head">
        <h3>{title}</h3>
        {actions && <div className="inspector-section__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

interface RowActionsProps {
  label: string;
  index: number;
  count: number;
  onMove(from: number, to: number): void;
  onRemove(index: number): void;
}

/** Move up / move down / remove buttons for an item of an ordered list. */
export function RowActions({ label, index, count, onMove, onRemove }: RowActionsProps) {
  return (
    <div className="row-actions">
      <button type="button" className="icon-button" aria-label={`Move ${label} up`} title="Move up" disabled={index === 0}
        onClick={() => onMove(index, index - 1)}>↑</button>
      <button type="button" className="icon-button" aria-label={`Move ${label} down`} title="Move down" disabled={index === count - 1}
        onClick={() => onMove(index, index + 1)}>↓</button>
      <button type="button" className="icon-button icon-button--danger" aria-label={`Remove ${label}`} title="Remove"
        onClick={() => onRemove(index)}>×</button>
    </div>
  );
}

interface CollapsibleItemProps extends RowActionsProps {
  /** What the toggle shows after its arrow. */
  title: ReactNode;
  open: boolean;
  onToggle(): void;
  children: ReactNode;
}

/** An item of an ordered list that folds open under its title, with move and remove buttons. */
export function CollapsibleItem({ title, open, onToggle, children, ...rowActions }: CollapsibleItemProps) {
  return (
    <div className="collapsible">
      <div className="collapsible__head">
        <button type="button" className="collapsible__toggle" aria-expanded={open} onClick={onToggle} title={open ? 'Collapse' : 'Expand'}>
          {open ? '▾' : '▸'} {title}
        </button>
        <RowActions {...rowActions} />
      </div>
      {open && children}
    </div>
  );
}

/** Pure list helpers for the editors. */
export const lists = {
  replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
    return list.map((current, i) => (i === index ? item : current));
  },
  removeAt<T>(list: readonly T[], index: number): T[] {
    return list.filter((_, i) => i !== index);
  },
  move<T>(list: readonly T[], from: number, to: number): T[] {
    if (to < 0 || to >= list.length) return [...list];
    const next = [...list];
    const [item] = next.splice(from, 1);
    if (item !== undefined) next.splice(to, 0, item);
    return next;
  },
};
