import { useState } from 'react';
import { findJsonSyntaxError, type JsonValue, type Payload } from '../../../core';

/** The whole input as JSON text; a text that is no JSON object is kept as typed and explained. */
export function PayloadJson({ value, onChange }: { value: Payload; onChange(value: Payload): void }) {
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? JSON.stringify(value, null, 2);
  let problem: string | undefined;
  if (draft !== null) {
    const syntax = findJsonSyntaxError(draft);
    if (syntax) problem = `line ${syntax.line}, column ${syntax.column}: ${syntax.message}`;
    else {
      const parsed = JSON.parse(draft) as JsonValue;
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) problem = 'the input must be a JSON object';
    }
  }
  return (
    <label className="sim-field sim-field--wide">
      <span>Input (JSON)</span>
      <textarea value={text} rows={Math.min(16, Math.max(5, text.split('\n').length))} spellCheck={false} aria-label="Command input (JSON)" aria-invalid={problem !== undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          if (findJsonSyntaxError(e.target.value)) return;
          const parsed = JSON.parse(e.target.value) as JsonValue;
          if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) onChange(parsed);
        }}
        onBlur={() => { if (problem === undefined) setDraft(null); }} />
      {problem && <em className="field-error" role="alert">{problem}</em>}
    </label>
  );
}
