import { useId, useRef, useState } from 'react';
import { pathLabel, type JsonSchemaObject } from '../../../core';
import { parseSchemaText, schemaText, type SchemaTextError } from './schemaText';

interface RawSchemaTabProps {
  label: string;
  schema: JsonSchemaObject;
  onChange(schema: JsonSchemaObject): void;
}

function describeError(error: SchemaTextError): string {
  const where = error.line !== undefined ? `line ${error.line}, column ${error.column}` : error.path ? `at ${error.path}` : 'at the top';
  const more = error.issues && error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : '';
  return `${where}: ${error.message}${more}`;
}

/**
 * The whole schema as JSON, checked as it is typed: a text that is no JSON (line and column) or
 * no well-formed JSON Schema (JSON pointer) is kept as typed and explained, and nothing is
 * applied; every good text is applied at once (one undo step per burst of typing).
 */
export function RawSchemaTab({ label, schema, onChange }: RawSchemaTabProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const applied = useRef<JsonSchemaObject | null>(null);
  // An outside change (undo, the tree) replaces a draft that was applied.
  if (draft !== null && applied.current !== null && applied.current !== schema) {
    applied.current = null;
    setDraft(null);
  }
  const text = draft ?? schemaText(schema);
  const result = draft === null ? undefined : parseSchemaText(draft);
  const error = result && 'error' in result ? result.error : undefined;
  return (
    <div className="schema-raw">
      <label htmlFor={id} className="visually-hidden">{label} as JSON Schema</label>
      <textarea id={id} className="schema-raw__text" value={text} spellCheck={false} rows={Math.min(24, Math.max(8, text.split('\n').length))}
        aria-invalid={error !== undefined} aria-describedby={`${id}-status`}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          const parsed = parseSchemaText(next);
          if ('schema' in parsed) {
            applied.current = null;
            onChange(parsed.schema);
            applied.current = parsed.schema;
          }
        }} />
      <p id={`${id}-status`} className={error ? 'field-error schema-raw__status' : 'inspector-hint schema-raw__status'} role={error ? 'alert' : undefined}>
        {error ? describeError(error) : 'A JSON Schema 2020-12 object schema. Keywords the tree does not show are kept as they are.'}
      </p>
      {error?.issues && error.issues.length > 1 && (
        <ul className="schema-raw__issues">
          {error.issues.slice(0, 8).map((issue) => <li key={`${issue.path}:${issue.message}`}><code>{issue.path || '/'}</code> ({pathLabel(issue.path)}): {issue.message}</li>)}
        </ul>
      )}
    </div>
  );
}
