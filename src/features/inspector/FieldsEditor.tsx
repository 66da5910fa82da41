import { useState } from 'react';
import { FIELD_TYPES, type FieldDef, type FieldType, type Literal } from '../../core';
import { CheckboxField, RowActions, SelectField, TextField, lists } from './controls';

const TYPE_OPTIONS = FIELD_TYPES.map((t) => ({ value: t, label: t }));
const ITEM_TYPES = ['string', 'number', 'integer', 'boolean', 'date-time', 'uuid'] as const;

/** The text a user types for an example, read back in the field's type where that parses. */
export function parseLiteral(text: string, type: FieldType): Literal | undefined {
  if (text === '') return undefined;
  if (type === 'number' || type === 'integer') {
    const n = Number(text);
    return Number.isFinite(n) ? n : text;
  }
  if (type === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  return text;
}

function freshFieldName(fields: FieldDef[]): string {
  let n = fields.length + 1;
  while (fields.some((f) => f.name === `field${n}`)) n++;
  return `field${n}`;
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
  fields: FieldDef[];
  onChange(fields: FieldDef[], coalesceKey?: string): void;
}

/** Edits an ordered list of fields: add, remove, reorder, name, type, required, and details. */
export function FieldsEditor({ noun, fields, onChange }: FieldsEditorProps) {
  const [expanded, setExpanded] = useState<number | null>(null);
  const change = (index: number, patch: Partial<FieldDef>, key?: string) =>
    onChange(lists.replaceAt(fields, index, { ...fields[index] as FieldDef, ...patch }), key && `${noun}:${index}:${key}`);
  return (
    <div className="fields-editor">
      {fields.length === 0 && <div className="inspector-empty">No {noun.toLowerCase()}s yet.</div>}
      {fields.length > 0 && (
        <div className="field-row__legend" aria-hidden="true">
          <span>Name</span><span>Type</span><span title="Required">Req.</span><span />
        </div>
      )}
      {fields.map((field, index) => {
        const label = `${noun} ${index + 1}`;
        const open = expanded === index;
        return (
          <div key={index} className="field-row" role="group" aria-label={`${label}: ${field.name}`}>
            <div className="field-row__main">
              <TextField compact label={`${label} name`} value={field.name} onChange={(name) => change(index, { name }, 'name')} />
              <SelectField compact label={`${label} type`} value={field.type} options={TYPE_OPTIONS}
                onChange={(type) => change(index, { type: type as FieldType, ...(type === 'enum' && !field.enumValues ? { enumValues: ['a', 'b'] } : {}) })} />
              <CheckboxField compact label={`${label} required`} title="Required" checked={field.required}
                onChange={(required) => change(index, { required })} />
              <button type="button" className="icon-button" aria-expanded={open} aria-label={`${label} details`}
                title="Description, example, values" onClick={() => setExpanded(open ? null : index)}>{open ? '▾' : '▸'}</button>
              <RowActions label={label} index={index} count={fields.length}
                onMove={(from, to) => onChange(lists.move(fields, from, to))} onRemove={(i) => onChange(lists.removeAt(fields, i))} />
            </div>
            {field.type === 'enum' && (
              <EnumValuesField label={`${label} enum values (comma separated)`} values={field.enumValues ?? []}
                onChange={(enumValues) => change(index, { enumValues }, 'enum')} />
            )}
            {open && (
              <div className="field-row__details">
                <TextField label={`${label} description`} value={field.description ?? ''}
                  onChange={(description) => change(index, { description }, 'description')} />
                <TextField label={`${label} example`} value={field.example === undefined || field.example === null ? '' : String(field.example)}
                  onChange={(text) => change(index, { example: parseLiteral(text, field.type) }, 'example')} />
                {field.type === 'array' && (
                  <SelectField label={`${label} item type`} value={field.itemType ?? 'string'}
                    options={ITEM_TYPES.map((t) => ({ value: t, label: t }))}
                    onChange={(itemType) => change(index, { itemType: itemType as FieldDef['itemType'] })} />
                )}
              </div>
            )}
          </div>
        );
      })}
      <button type="button" className="tool-button add-button"
        onClick={() => onChange([...fields, { name: freshFieldName(fields), type: 'string', required: false }])}>
        + Add {noun.toLowerCase()}
      </button>
    </div>
  );
}
