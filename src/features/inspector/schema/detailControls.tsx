import { useId, useState } from 'react';
import type { JsonValue } from '../../../core';

interface OptionalNumberProps {
  label: string;
  /** A shorter text to show than the accessible name. */
  visibleLabel?: string;
  value: unknown;
  onChange(value: number | undefined): void;
  min?: number;
  step?: number;
  integer?: boolean;
}

/** A number that may be left empty (the keyword is then left out); a bad number is shown, not applied. */
export function OptionalNumberField({ label, visibleLabel, value, onChange, min, step, integer }: OptionalNumberProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (typeof value === 'number' ? String(value) : '');
  const parsed = shown.trim() === '' ? undefined : Number(shown);
  const bad = parsed !== undefined && (!Number.isFinite(parsed) || (integer === true && !Number.isInteger(parsed)) || (min !== undefined && parsed < min));
  return (
    <div className="form-field form-field--small">
      <label htmlFor={id}>{visibleLabel ?? label}</label>
      <input id={id} type="number" value={shown} step={step ?? 'any'} min={min} aria-invalid={bad} title={label} aria-label={label}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const n = text.trim() === '' ? undefined : Number(text);
          if (n === undefined) onChange(undefined);
          else if (Number.isFinite(n) && !(integer === true && !Number.isInteger(n)) && !(min !== undefined && n < min)) onChange(n);
        }}
        onBlur={() => { if (!bad) setDraft(null); }} />
      {bad && <span className="field-error">{integer ? 'a whole number' : 'a number'}{min !== undefined ? ` from ${min} up` : ''}</span>}
    </div>
  );
}

interface JsonValueFieldProps {
  label: string;
  /** A shorter text to show than the accessible name. */
  visibleLabel?: string;
  value: JsonValue | undefined;
  onChange(value: JsonValue | undefined): void;
  placeholder?: string;
  /** Checks a parsed value; returns why it does not fit, or undefined. */
  check?(value: JsonValue): string | undefined;
}

/** Any JSON value typed as JSON (`"text"`, `3`, `[1, 2]`, `{"a": 1}`); empty leaves the keyword out. Shows what is wrong while typed. */
export function JsonValueField({ label, visibleLabel, value, onChange, placeholder, check }: JsonValueFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (value === undefined ? '' : JSON.stringify(value));
  let problem: string | undefined;
  if (draft !== null && draft.trim() !== '') {
    try {
      problem = check?.(JSON.parse(draft) as JsonValue);
    } catch {
      problem = 'not JSON (text needs "quotes")';
    }
  }
  return (
    <div className="form-field">
      <label htmlFor={id}>{visibleLabel ?? label}</label>
      <input id={id} type="text" value={shown} placeholder={placeholder} spellCheck={false} aria-invalid={problem !== undefined} title={label} aria-label={label}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (text.trim() === '') return onChange(undefined);
          try {
            const parsed = JSON.parse(text) as JsonValue;
            if (!check?.(parsed)) onChange(parsed);
          } catch {
            // Shown as a problem until it parses.
          }
        }}
        onBlur={() => { if (problem === undefined) setDraft(null); }} />
      {problem && <span className="field-error" role="alert">{problem}</span>}
    </div>
  );
}
