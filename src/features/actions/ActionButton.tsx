import type { ReactNode } from 'react';
import { useAction } from './useAction';

interface Props {
  /** The registry id, e.g. "edit.undo". */
  action: string;
  /** What the button shows; its accessible name is the action's label unless `named` is false. */
  children?: ReactNode;
  className?: string;
  /** False when the visible text is the name (e.g. "✓ No problems"). */
  named?: boolean;
}

/** A toolbar button for a registry action: its label, tooltip with shortcuts, enabled and pressed state. */
export function ActionButton({ action: id, children, className = 'tool-button', named = true }: Props) {
  const { action, enabled, checked, title, perform } = useAction(id);
  return (
    <button type="button" className={className} onClick={perform} disabled={!enabled} title={title}
      aria-label={named ? action.label : undefined} aria-pressed={checked}
      aria-keyshortcuts={action.shortcuts?.map((s) => s.replace('Mod', 'Control')).join(' ') || undefined}>
      {children ?? action.label}
    </button>
  );
}
