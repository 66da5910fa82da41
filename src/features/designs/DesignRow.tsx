import { useState } from 'react';
import type { DesignSummary } from '../../state/savedDesigns';
import { useAppStore } from '../../state/store';

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** One design in the list: open it, rename it in place, duplicate it, delete it after a confirmation. */
export function DesignRow({ design, current }: { design: DesignSummary; current: boolean }) {
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [draft, setDraft] = useState(design.name);
  const { switchDesign, renameDesign, duplicateDesign, deleteDesign } = useAppStore.getState();

  const commitRename = () => {
    setMode('view');
    if (draft.trim() && draft.trim() !== design.name) void renameDesign(design.id, draft);
  };

  if (mode === 'rename') {
    return (
      <li className="design-row">
        <input className="design-row__input" aria-label={`New name for ${design.name}`} value={draft} autoFocus
          onChange={(e) => setDraft(e.target.value)} onBlur={commitRename}
          onKeyDown={(e) => { if (e.key === 'Enter') commitRename(); if (e.key === 'Escape') setMode('view'); }} />
      </li>
    );
  }
  if (mode === 'confirm-delete') {
    return (
      <li className="design-row design-row--confirm" role="group" aria-label={`Confirm deleting ${design.name}`}>
        <span className="design-row__question">Delete “{design.name}”? This cannot be undone.</span>
        <button type="button" className="tool-button tool-button--danger" onClick={() => void deleteDesign(design.id)}>Delete</button>
        <button type="button" className="tool-button" onClick={() => setMode('view')}>Cancel</button>
      </li>
    );
  }
  return (
    <li className={`design-row${current ? ' is-current' : ''}`}>
      <button type="button" className="design-row__open" aria-current={current ? 'true' : undefined} aria-label={`Open ${design.name}`}
        title={`Open ${design.name}`} onClick={() => void switchDesign(design.id)}>
        <span className="design-row__name">{design.name}</span>
        <span className="design-row__meta">{design.nodeCount} nodes · {dateFormat.format(design.updatedAt)}</span>
      </button>
      <button type="button" className="text-button" aria-label={`Rename ${design.name}`} title="Rename"
        onClick={() => { setDraft(design.name); setMode('rename'); }}>Rename</button>
      <button type="button" className="text-button" aria-label={`Duplicate ${design.name}`} title="Duplicate: a copy you can change freely"
        onClick={() => void duplicateDesign(design.id)}>Duplicate</button>
      <button type="button" className="text-button text-button--danger" aria-label={`Delete ${design.name}`} title="Delete (asks first)"
        onClick={() => setMode('confirm-delete')}>Delete</button>
    </li>
  );
}
