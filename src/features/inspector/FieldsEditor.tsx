import { useState } from 'react';
import {
  FIELD_TYPES, addProperty, freshPropertyName, moveProperty, removeProperty, renameProperty, replaceSchemaAt, requiredNames,
  schemaKind, schemaProperties, setPropertyRequired, withType, propertyLocation,
  type FieldType, type JsonSchemaObject, type JsonValue,
} from '../../core';
import { CheckboxField, RowActions, SelectField, TextField } from './controls';

const TYPE_OPTIONS = FIELD_TYPES.map((t) => ({ value: t, label: t }));

/** The text a user types for an example, read back in the field's type where that parses. */
export function parseLiteral(text: string, type: FieldType): JsonValue | undefined {
  if (text === '') return undefined;
  if (type === 'number' || type === 'integer') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

const parseValues = (text: string) => text.split(',').map((v) => v.trim()).filter(Boolean);

/**
 * The allowed values of an enum as comma separated text. The text is kept as typed (a trailing
 * comma or space survives, so the next value can be typed); only the parsed list is stored.
 */
function EnumValuesField({ label, values, onChange }: { label: string; values: string[]; onChange(values: string[]): void }) {
  const [draft, setDraft] = useState(values.join(', '));
  const text = parseValues(draft).join('\u0000') === values.join('\u0000') ? draft : values.join(', ');
  return <TextField label={label} value={text} onChange={(next) => { setDraft(next); onChange(parseValues(next)); }} />;
}

interface FieldsEditorProps {
  /** "Field" or "Input": used in every accessible name, e.g. "Field 2 name". */
  noun: string;
  schema: JsonSchemaObject;
  onChange(schema: JsonSchemaObject, coalesceKey?: string): void;
}

/** Edits the top-level properties of an object schema: add, remove, reorder, name, type, required, and details. */
export function FieldsEditor({ noun, schema, onChange }: FieldsEditorProps) {
  const [expanded, setExpanded] = useState<number | null>(null);
  const fields = schemaProperties(schema);
  const required = new Set(requiredNames(schema));
  return (
    <div className="fields-editor">
      {fields.length === 0 && <div className="inspector-empty">No {noun.toLowerCase()}s yet.</div>}
      {fields.length > 0 && (
        <div className="field-row__legend" aria-hidden="true">
          <span>Name</span><span>Type</span><span title="Required">Req.</span><span />
        </div>
      )}
      {fields.map(([name, property], index) => {
        const label = `${noun} ${index + 1}`;
        const open = expanded === index;
        const kind = schemaKind(property);
        const type = (FIELD_TYPES as readonly string[]).includes(kind) ? kind as FieldType : undefined;
        const object = typeof property === 'object' ? property : {};
        const setProperty = (next: JsonSchemaObject, key?: string) => onChange(replaceSchemaAt(schema, propertyLocation('', name), next), key && `${noun}:${index}:${key}`);
        return (
          <div key={index} className="field-row" role="group" aria-label={`${label}: ${name}`}>
            <div className="field-row__main">
              <TextField compact label={`${label} name`} value={name}
                onChange={(next) => onChange(renameProperty(schema, '', name, next), `${noun}:${index}:name`)} />
              <SelectField compact label={`${label} type`} value={type ?? 'custom'}
                options={type ? TYPE_OPTIONS : [{ value: 'custom', label: kind }, ...TYPE_OPTIONS]}
                onChange={(next) => setProperty(withType(property, next as FieldType))} />
              <CheckboxField compact label={`${label} required`} title="Required" checked={required.has(name)}
                onChange={(value) => onChange(setPropertyRequired(schema, '', name, value))} />
              <button type="button" className="icon-button" aria-expanded={open} aria-label={`${label} details`}
                title="Description, example, values" onClick={() => setExpanded(open ? null : index)}>{open ? '▾' : '▸'}</button>
              <RowActions label={label} index={index} count={fields.length}
                onMove={(_from, to) => onChange(moveProperty(schema, '', name, to))} onRemove={() => onChange(removeProperty(schema, '', name))} />
            </div>
            {kind === 'enum' && (
              <EnumValuesField label={`${label} enum values (comma separated)`} values={(Array.isArray(object.enum) ? object.enum : []).map(String)}
                onChange={(values) => setProperty({ ...object, enum: values }, 'enum')} />
            )}
            {open && (
              <div className="field-row__details">
                <TextField label={`${label} description`} value={typeof object.description === 'string' ? object.description : ''}
                  onChange={(description) => setProperty({ ...object, description }, 'description')} />
                <TextField label={`${label} example`} value={Array.isArray(object.examples) && object.examples[0] !== undefined && object.examples[0] !== null ? String(object.examples[0]) : ''}
                  onChange={(text) => {
                    const example = parseLiteral(text, type ?? 'string');
                    const { examples: _old, ...rest } = object;
                    setProperty(example === undefined ? rest : { ...rest, examples: [example] }, 'example');
                  }} />
              </div>
            )}
          </div>
        );
      })}
      <button type="button" className="tool-button add-button"
        onClick={() => onChange(addProperty(schema, '', freshPropertyName(schema), { type: 'string' }))}>
        + Add {noun.toLowerCase()}
      </button>
    </div>
  );
}
