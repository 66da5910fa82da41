import { useId, useState } from 'react';

interface NameInputProps {
  label: string;
  name: string;
  /** Names the new name must not take (the siblings'). */
  taken(name: string): boolean;
  onRename(name: string): void;
}

/**
 * A property name as it is typed: each name that is free is applied at once (so renames carry
 * to mappings as the user types); a name a sibling already has is kept as typed, with the reason
 * shown, until it is changed (Escape brings the last good name back): nothing typed is lost.
 */
export function NameInput({ label, name, taken, onRename }: NameInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const errorId = useId();
  const clash = draft !== null && draft !== name && taken(draft);
  return (
    <div className="form-field form-field--compact schema-row__name">
      <input type="text" value={draft ?? name} aria-label={label} title={label} spellCheck={false}
        aria-invalid={clash} aria-describedby={clash ? errorId : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setDraft(next);
          if (next !== name && !taken(next)) onRename(next);
        }}
        onBlur={() => { if (!clash) setDraft(null); }}
        onKeyDown={(e) => { if (e.key === 'Escape') setDraft(null); }} />
      {clash && <span id={errorId} className="field-error" role="alert">Another field here is called “{draft}”</span>}
    </div>
  );
}
