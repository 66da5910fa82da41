import { useAppStore } from '../../state/store';
import { selectMode } from '../../state/selectors';
import type { EditorMode } from '../../state/uiSlice';

const MODES: { mode: EditorMode; label: string; hint: string }[] = [
  { mode: 'design', label: 'Design', hint: 'Edit the design' },
  { mode: 'run', label: 'Run', hint: 'Run the design as a simulation' },
];

/** Design | Run: which workspace the canvas is in. */
export function ModeSwitch() {
  const mode = useAppStore(selectMode);
  const setMode = useAppStore((s) => s.setMode);
  return (
    <div className="segmented" role="radiogroup" aria-label="Mode">
      {MODES.map((item) => (
        <button key={item.mode} type="button" role="radio" aria-checked={mode === item.mode} title={item.hint}
          className={`segmented__item${mode === item.mode ? ' is-active' : ''}`} onClick={() => setMode(item.mode)}>
          {item.label}
        </button>
      ))}
    </div>
  );
}
