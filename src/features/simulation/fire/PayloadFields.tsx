import { useState } from 'react';
import {
  childPath, isSchemaObject, lastSegment, parentPath, pathLabel, setOwn, valueAtPath, withValueAtPath,
  type JsonSchema, type JsonValue, type Payload, type SchemaDefs,
} from '../../../core';
import {
  allowsNull, choices, formKind, formProperties, formSchema, itemSchema, skeleton, type FormState,
} from './payloadForm';

interface FieldsProps {
  state: FormState;
  onChange(state: FormState): void;
  errors: ReadonlyMap<string, string>;
  defs: SchemaDefs;
}

/** `value` without the part at `path` (a property, or an array item). */
function withoutValueAt(value: Payload, path: string): Payload {
  const parent = parentPath(path);
  const key = lastSegment(path);
  if (parent === undefined || key === undefined) return value;
  const holder = valueAtPath(value, parent);
  let next: JsonValue;
  if (Array.isArray(holder)) next = holder.filter((_, i) => String(i) !== key);
  else if (typeof holder === 'object' && holder !== null) {
    next = {};
    for (const k of Object.keys(holder)) if (k !== key) setOwn(next, k, holder[k] as JsonValue);
  } else return value;
  return (parent === '' ? next : withValueAtPath(value, parent, next)) as Payload;
}

const withoutPending = (pending: ReadonlyMap<string, string>, path: string) => {
  const next = new Map(pending);
  for (const key of next.keys()) if (key === path || key.startsWith(`${path}/`)) next.delete(key);
  return next;
};

/** The inputs of a command's payload, one per value, nested objects as groups and lists with add / remove. */
export function PayloadFields({ schema, ...props }: FieldsProps & { schema: JsonSchema }) {
  const plain = formSchema(schema, props.defs);
  return (
    <>
      {formProperties(plain, props.defs).map((property) => (
        <FieldNode key={property.name} {...props} schema={property.schema} path={childPath('', property.name)} required={property.required} />
      ))}
    </>
  );
}

interface NodeProps extends FieldsProps {
  schema: JsonSchema;
  path: string;
  required: boolean;
}

function FieldNode(props: NodeProps) {
  const { state, onChange, errors, defs, path, required } = props;
  const schema = formSchema(props.schema, defs);
  const kind = formKind(schema);
  const value = valueAtPath(state.value, path);
  const name = pathLabel(path);
  const label = `${name}${required ? '' : ' (optional)'}`;
  // Inside a group only the last key is shown (the group says the rest); the accessible name is the whole path.
  const key = lastSegment(path) ?? '';
  const parentValue = valueAtPath(state.value, parentPath(path) ?? '');
  const short = Array.isArray(parentValue) ? `#${Number(key) + 1}` : key;
  const set = (next: JsonValue) => onChange({ value: withValueAtPath(state.value, path, next) as Payload, pending: withoutPending(state.pending, path) });
  const unset = () => onChange({ value: withoutValueAt(state.value, path), pending: withoutPending(state.pending, path) });
  const error = errors.get(path);
  const title = isSchemaObject(schema) && typeof schema.description === 'string' ? schema.description : name;
  if (kind === 'object' || kind === 'array') {
    const present = value !== undefined;
    return (
      <fieldset className="sim-fieldset" title={title}>
        <legend title={name}>
          {short}{required ? '' : '?'}
          {!required && present && <button type="button" className="sim-link" aria-label={`Leave out ${name}`} onClick={unset}>×</button>}
        </legend>
        {!present && (
          <button type="button" className="sim-btn sim-btn--small" aria-label={`Add ${name}`} onClick={() => set(skeleton(schema, defs))}>+ {short}</button>
        )}
        {present && kind === 'object' && formProperties(schema, defs).map((property) => (
          <FieldNode key={property.name} {...props} schema={property.schema} path={childPath(path, property.name)} required={property.required} />
        ))}
        {present && kind === 'array' && Array.isArray(value) && (
          <>
            {value.map((_, i) => (
              <div key={i} className="sim-item">
                <FieldNode {...props} schema={itemSchema(schema)} path={childPath(path, i)} required />
                <button type="button" className="sim-link" aria-label={`Remove ${pathLabel(childPath(path, i))}`} onClick={() => onChange({ value: withoutValueAt(state.value, childPath(path, i)), pending: withoutPending(state.pending, path) })}>×</button>
              </div>
            ))}
            <button type="button" className="sim-btn sim-btn--small" aria-label={`Add an item to ${name}`} onClick={() => set([...value, skeleton(itemSchema(schema), defs)])}>+ item</button>
          </>
        )}
        {error && <em className="field-error" role="alert">{error}</em>}
      </fieldset>
    );
  }
  return (
    <div className="sim-field" title={title}>
      <span title={name}>{short}{required ? '' : '?'}</span>
      <span className="sim-field__control">
        <LeafInput {...props} schema={schema} kind={kind} label={label} value={value} set={set} unset={unset} />
        {allowsNull(schema) && (
          <label className="sim-null" title={`${name} is null`}><input type="checkbox" aria-label={`${name} is null`} checked={value === null}
            onChange={(e) => (e.target.checked ? set(null) : set(skeleton({ ...(isSchemaObject(schema) ? schema : {}), type: (isSchemaObject(schema) && Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : 'string') }, defs)))} />null</label>
        )}
      </span>
      {error && <em className="field-error" role="alert">{error}</em>}
    </div>
  );
}

interface LeafProps extends NodeProps {
  kind: ReturnType<typeof formKind>;
  label: string;
  value: JsonValue | undefined;
  set(value: JsonValue): void;
  unset(): void;
}

function LeafInput({ schema, kind, label, value, set, unset, required, state, onChange, path, errors }: LeafProps) {
  const invalid = errors.has(path);
  const common = { 'aria-label': label, 'aria-invalid': invalid, spellCheck: false };
  if (kind === 'choice' || kind === 'boolean') {
    const options = choices(schema);
    const index = options.findIndex((o) => JSON.stringify(o) === JSON.stringify(value));
    return (
      <select {...common} value={index < 0 ? '' : String(index)} onChange={(e) => (e.target.value === '' ? unset() : set(options[Number(e.target.value)]!))}>
        {(!required || index < 0) && <option value="">—</option>}
        {options.map((o, i) => <option key={i} value={i}>{typeof o === 'string' ? o : JSON.stringify(o)}</option>)}
      </select>
    );
  }
  if (kind === 'number' || kind === 'integer') {
    const pending = state.pending.get(path);
    const text = pending ?? (typeof value === 'number' ? String(value) : '');
    return (
      <input {...common} type="number" step={kind === 'integer' ? 1 : 'any'} value={text} onChange={(e) => {
        const typed = e.target.value;
        const n = Number(typed);
        if (typed.trim() !== '' && Number.isFinite(n)) return set(n);
        if (!e.target.validity.badInput && typed.trim() === '') return required ? onChange({ value: state.value, pending: new Map(state.pending).set(path, '') }) : unset();
        onChange({ value: state.value, pending: new Map(state.pending).set(path, typed) });
      }} />
    );
  }
  if (kind === 'null') return <input {...common} type="text" value="null" readOnly />;
  if (kind === 'json') return <JsonInput label={label} value={value} invalid={invalid} set={set} unset={unset} />;
  return (
    <input {...common} type="text" value={typeof value === 'string' ? value : value === undefined || value === null ? '' : JSON.stringify(value)}
      placeholder={isSchemaObject(schema) && typeof schema.format === 'string' ? schema.format : undefined}
      onChange={(e) => (e.target.value === '' && !required ? unset() : set(e.target.value))} />
  );
}

/** A value the form cannot show field by field (a `oneOf`, a tuple…), typed as JSON. */
function JsonInput({ label, value, invalid, set, unset }: { label: string; value: JsonValue | undefined; invalid: boolean; set(value: JsonValue): void; unset(): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? (value === undefined ? '' : JSON.stringify(value));
  let bad = false;
  try {
    if (draft !== null && draft.trim() !== '') JSON.parse(draft);
  } catch {
    bad = true;
  }
  return (
    <input type="text" aria-label={`${label} (JSON)`} aria-invalid={invalid || bad} value={text} spellCheck={false} title="JSON: text needs quotes"
      onChange={(e) => {
        setDraft(e.target.value);
        if (e.target.value.trim() === '') return unset();
        try {
          set(JSON.parse(e.target.value) as JsonValue);
        } catch {
          // Marked invalid until it parses.
        }
      }}
      onBlur={() => setDraft(null)} />
  );
}

