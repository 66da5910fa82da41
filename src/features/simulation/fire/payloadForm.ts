import { emptyRecord, getOwn, recordFrom, setOwn, type CellValue, type FieldDef, type Payload } from '../../../core';

/** The text a form input shows for a payload value. Pure. */
export function toInputText(value: CellValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => (v === null ? '' : String(v))).join(', ');
  return String(value);
}

/**
 * The payload typed into the form, converted to the fields' types: numbers parsed, booleans from
 * `true`/`false`, arrays split on commas, empty optional fields left out. Returns the field errors
 * instead when a value does not fit its field. Pure.
 */
export function fromInputTexts(
  fields: readonly FieldDef[],
  texts: Readonly<Record<string, string>>,
): { payload: Payload; errors: Record<string, string> } {
  // Field names are the user's: the records have no prototype and are written through setOwn.
  const payload: Payload = emptyRecord();
  const errors: Record<string, string> = emptyRecord();
  const fail = (field: FieldDef, message: string) => setOwn(errors, field.name, message);
  const put = (field: FieldDef, value: Payload[string]) => setOwn(payload, field.name, value);
  for (const field of fields) {
    const text = (getOwn(texts, field.name) ?? '').trim();
    if (text === '') {
      if (field.required) fail(field, 'required');
      continue;
    }
    switch (field.type) {
      case 'integer':
      case 'number': {
        const n = Number(text);
        if (!Number.isFinite(n) || (field.type === 'integer' && !Number.isInteger(n))) fail(field, `not ${field.type === 'integer' ? 'an integer' : 'a number'}`);
        else put(field, n);
        break;
      }
      case 'boolean':
        if (text !== 'true' && text !== 'false') fail(field, 'true or false');
        else put(field, text === 'true');
        break;
      case 'enum':
        if (field.enumValues && field.enumValues.length > 0 && !field.enumValues.includes(text)) fail(field, `one of ${field.enumValues.join(', ')}`);
        else put(field, text);
        break;
      case 'array':
        put(field, text.split(',').map((s) => s.trim()).filter(Boolean));
        break;
      default:
        put(field, text);
    }
  }
  return { payload, errors };
}

/** Form texts for every field from a (generated) payload. Pure. */
export function textsFromPayload(fields: readonly FieldDef[], payload: Payload): Record<string, string> {
  return recordFrom(fields.map((f) => [f.name, toInputText(getOwn(payload, f.name))]));
}
