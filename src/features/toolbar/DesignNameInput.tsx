import { useAppStore } from '../../state/store';
import { selectDesignName } from '../../state/selectors';

/** The open design's name, editable in place (an undoable edit, saved automatically). */
export function DesignNameInput() {
  const name = useAppStore(selectDesignName);
  const setDesignInfo = useAppStore((s) => s.setDesignInfo);
  return (
    <input className="toolbar__name" aria-label="Design name" title="Design name (click to rename)" value={name}
      size={Math.max(12, Math.min(32, name.length + 1))}
      onChange={(event) => setDesignInfo({ name: event.target.value }, { coalesceKey: 'design:name' })}
      onBlur={(event) => { if (!event.target.value.trim()) setDesignInfo({ name: 'Untitled design' }); }}
      onKeyDown={(event) => { if (event.key === 'Enter') event.currentTarget.blur(); }} />
  );
}
