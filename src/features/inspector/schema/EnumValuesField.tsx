import { useState } from 'react';
import type { JsonValue } from '../../../core';
import { parseLiteralText } from '../sourceOptions';
import { TextField } from '../controls';

/** Enum values typed comma separated: `draft, 3, true, null` gives a string, a number, a boolean and null. */
export function parseEnumText(text: string): JsonValue[] {
  return text.split(',').map((v) => v.trim()).filter(Boolean).map((v) => (/^".*"$/.test(v) ? v.slice(1, -1) : parseLiteralText(v)));
}

/** Enum values as text: strings as they are (quoted when they would read as another type), others as JSON. */
export function enumText(values: readonly JsonValue[]): string {
  return values.map((v) => (typeof v === 'string' ? (parseLiteralText(v) === v ? v : JSON.stringify(v)) : JSON.stringify(v))).join(', ');
}

/**
 * The allowed values of an enum as comma separated text, of any JSON type. The text is kept as
 * typed (a trailing comma or space survives, so the next value can be typed); only the parsed
 * list is stored.
 */
export function EnumValuesField({ label, values, onChange }: { label: string; values: readonly JsonValue[]; onChange(values: JsonValue[]): void }) {
  const [draft, setDraft] = useState(enumText(values));
  const text = JSON.stringify(parseEnumText(draft)) === JSON.stringify(values) ? draft : enumText(values);
  return <TextField compact label={label} placeholder="values, comma separated" value={text} onChange={(next) => { setDraft(next); onChange(parseEnumText(next)); }} />;
}
