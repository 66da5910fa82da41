import {
  getOwn, STRING_FORMATS, isNullable, isSchemaObject, pathLabel, schemaTypes, subschema, validateInstance, withNullable,
  type JsonSchema, type JsonSchemaObject, type JsonValue,
} from '../../../core';
import { CheckboxField, SelectField, TextField } from '../controls';
import { JsonValueField, OptionalNumberField } from './detailControls';
import type { TreeRow } from './treeRows';
import { typeChoiceOf, typeOptions, withTypeChoice } from './typeChoice';

interface PropertyDetailsProps {
  noun: string;
  row: TreeRow;
  libraryNames: readonly string[];
  onChange(schema: JsonSchemaObject, coalesceKey?: string): void;
  onClose(): void;
  onRawTab(): void;
}

/** A copy of the schema with a keyword set, or left out when the value is undefined. */
function withKeyword(schema: JsonSchemaObject, keyword: string, value: unknown): JsonSchemaObject {
  const next = { ...schema };
  if (value === undefined || value === '') Reflect.deleteProperty(next, keyword);
  else Object.defineProperty(next, keyword, { value, enumerable: true, writable: true, configurable: true });
  return next;
}

const STRING_KINDS = new Set(['string', 'date-time', 'uuid', 'enum']);

const BOUND_PAIRS = [['minimum', 'maximum'], ['exclusiveMinimum', 'exclusiveMaximum'], ['minLength', 'maxLength'], ['minItems', 'maxItems']] as const;

/** Bounds that leave no value (a minimum above the maximum), said as the details are typed. */
export function contradictions(schema: JsonSchemaObject): string[] {
  return BOUND_PAIRS.flatMap(([low, high]) => {
    const a = schema[low];
    const b = schema[high];
    return typeof a === 'number' && typeof b === 'number' && a > b ? [`${low} ${a} is above ${high} ${b}: no value fits`] : [];
  });
}

/** Why a value does not fit the property, for the default and examples boxes. */
function misfit(schema: JsonSchema, value: JsonValue): string | undefined {
  const [first] = validateInstance(schema, value);
  return first ? `does not fit: ${first.path ? `${pathLabel(first.path)} ` : ''}${first.message}` : undefined;
}

/**
 * The details of one property: description, nullable, and the constraints of its kind (format,
 * lengths and pattern of text; bounds and steps of numbers; items of lists; closed objects), its
 * default and examples (checked against the property as they are typed).
 */
export function PropertyDetails({ noun, row, libraryNames, onChange, onClose, onRawTab }: PropertyDetailsProps) {
  const schema: JsonSchemaObject = isSchemaObject(row.schema) ? row.schema : {};
  const label = `${noun} ${row.outline}`;
  const set = (keyword: string, value: unknown, key?: string) => onChange(withKeyword(schema, keyword, value), key ?? keyword);
  const types = schemaTypes(schema);
  const items = subschema(schema, 'items');
  const number = (keyword: string, text: string, integer = false, min?: number) => (
    <OptionalNumberField label={`${label} ${text}`} visibleLabel={text[0]!.toUpperCase() + text.slice(1)} value={getOwn(schema, keyword)} integer={integer} min={min} onChange={(n) => set(keyword, n)} />
  );
  return (
    <section className="schema-details" aria-label={`Details of ${label}`}>
      <div className="schema-details__head">
        <h4>{row.name || '(no name)'} <span className="muted">{row.summary}</span></h4>
        <button type="button" className="icon-button" aria-label={`Close the details of ${label}`} title="Close" onClick={onClose}>×</button>
      </div>
      <TextField label={`${label} description`} visibleLabel="Description" multiline value={typeof schema.description === 'string' ? schema.description : ''}
        onChange={(description) => set('description', description || undefined, 'description')} />
      {types && row.kind !== 'null' && (
        <CheckboxField label={`${label} can be null`} visibleLabel="Can be null" checked={isNullable(schema)} title="type: [..., 'null']"
          onChange={(value) => onChange(withNullable(schema, value))} />
      )}
      {STRING_KINDS.has(row.kind) && (
        <>
          <SelectField label={`${label} format`} visibleLabel="Format" value={typeof schema.format === 'string' ? schema.format : ''}
            options={[{ value: '', label: '— none —' }, ...STRING_FORMATS.map((f) => ({ value: f, label: f })),
              ...(typeof schema.format === 'string' && !(STRING_FORMATS as readonly string[]).includes(schema.format) ? [{ value: schema.format, label: `${schema.format} (custom)` }] : [])]}
            onChange={(format) => set('format', format || undefined)} />
          <div className="form-grid">
            {number('minLength', 'min length', true, 0)}
            {number('maxLength', 'max length', true, 0)}
          </div>
          <PatternField label={`${label} pattern`} value={typeof schema.pattern === 'string' ? schema.pattern : ''} onChange={(pattern) => set('pattern', pattern || undefined, 'pattern')} />
        </>
      )}
      {(row.kind === 'number' || row.kind === 'integer') && (
        <div className="form-grid">
          {number('minimum', 'minimum')}
          {number('maximum', 'maximum')}
          {number('exclusiveMinimum', 'greater than')}
          {number('exclusiveMaximum', 'less than')}
          {number('multipleOf', 'multiple of')}
        </div>
      )}
      {row.kind === 'array' && (
        <>
          <SelectField label={`${label} item type`} visibleLabel="Item type" value={items === undefined ? 'string' : typeChoiceOf(items)}
            options={typeOptions(items ?? { type: 'string' }, libraryNames)}
            onChange={(choice) => onChange({ ...schema, items: withTypeChoice(items ?? {}, choice) })} />
          <div className="form-grid">
            {number('minItems', 'min items', true, 0)}
            {number('maxItems', 'max items', true, 0)}
          </div>
          <CheckboxField label={`${label} unique items`} visibleLabel="Unique items" checked={schema.uniqueItems === true} onChange={(unique) => set('uniqueItems', unique || undefined)} />
        </>
      )}
      {row.kind === 'object' && (
        <CheckboxField label={`${label} closed (no other properties)`} visibleLabel="Closed (no other properties)" checked={schema.additionalProperties === false}
          title="additionalProperties: false" onChange={(closed) => set('additionalProperties', closed ? false : undefined)} />
      )}
      {contradictions(schema).map((text) => <p key={text} className="field-error" role="alert">{text}</p>)}
      {(typeChoiceOf(schema) === 'custom') && (
        <p className="inspector-hint">This one is a {row.kind}: <button type="button" className="link-button" onClick={onRawTab}>edit it in the JSON Schema tab</button>.</p>
      )}
      <JsonValueField label={`${label} default`} visibleLabel="Default (JSON)" value={schema.default as JsonValue | undefined} placeholder='e.g. "draft" or 0'
        check={(value) => misfit(schema, value)} onChange={(value) => set('default', value)} />
      <JsonValueField label={`${label} examples`} visibleLabel="Examples (a JSON list)" value={schema.examples as JsonValue | undefined} placeholder='a list, e.g. ["draft", "published"]'
        check={(value) => {
          if (!Array.isArray(value)) return 'a list of examples, e.g. ["a", "b"]';
          for (const [i, example] of value.entries()) {
            const why = misfit(schema, example);
            if (why) return `example ${i + 1} ${why}`;
          }
          return undefined;
        }}
        onChange={(value) => set('examples', value)} />
    </section>
  );
}

/** A regular expression, checked as typed (JSON Schema patterns use the `u` flag). */
function PatternField({ label, value, onChange }: { label: string; value: string; onChange(pattern: string): void }) {
  let problem: string | undefined;
  try {
    new RegExp(value, 'u');
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  return (
    <div className="schema-details__pattern">
      <TextField label={label} visibleLabel="Pattern (regular expression)" value={value} placeholder="e.g. ^[A-Z]{3}$" onChange={onChange} />
      {problem && <span className="field-error" role="alert">not a regular expression: {problem}</span>}
    </div>
  );
}
