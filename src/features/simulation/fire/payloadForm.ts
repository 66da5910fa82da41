import type { CellValue, FieldDef, Payload } from '../../../core';

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
  const payload: Payload = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const text = (texts[field.name] ?? '').trim();
    if (text === '') {
      if (field.required) errors[field.name] = 'required';
      continue;
    }
    switch (field.type) {
      case 'integer':
      case 'number': {
        const n = Number(text);
        if (!Number.isFinite(n) || (field.type === 'integer' && !Number.isInteger(n))) errors[field.name] = `not ${field.type === 'integer' ? 'an integer' : 'a number'}`;
        else payload[field.name] = n;
        break;
      }
      case 'boolean':
        if (text !== 'true' && text !== 'false') errors[field.name] = 'true or false';
        else payload[field.name] = text === 'true';
        break;
      case 'enum':
        if (field.enumValues && field.enumValues.length > 0 && !field.enumValues.includes(text)) errors[field.name] = `one of ${field.enumValues.join(', ')}`;
        else payload[field.name] = text;
        break;
      case 'array':
        payload[field.name] = text.split(',').map((s) => s.trim()).filter(Boolean);
        break;
      default:
        payload[field.name] = text;
    }
  }
  return { payload, errors };
}

/** Form texts for every field from a (generated) payload. Pure. */
export function textsFromPayload(fields: readonly FieldDef[], payload: Payload): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.name, toInputText(payload[f.name])]));
}
