import type { FlowDocument } from '../core';
import type { SaveState } from './uiSlice';

/** Debounce of autosave after the last edit. */
export const AUTOSAVE_DELAY_MS = 300;

/** Debounced saving of the latest document; `flush` saves at once (page hide, design switch). */
export interface Autosave {
  schedule(doc: FlowDocument): void;
  flush(): Promise<void>;
  /** Forgets a pending save of this design (it is being deleted). */
  cancel(designId: string): void;
  /** The document waiting to be saved, if any. */
  pending(): FlowDocument | null;
}

/**
 * An autosave that keeps only the newest document and saves it `delayMs` after the last change.
 * `onState` reports pending / saving / saved / error for the toolbar's indicator.
 */
export function createAutosave(
  save: (doc: FlowDocument) => Promise<void>,
  onState: (state: SaveState, error?: unknown) => void,
  delayMs = AUTOSAVE_DELAY_MS,
): Autosave {
  let pending: FlowDocument | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> = Promise.resolve();

  const flush = async (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    const doc = pending;
    pending = null;
    if (doc) {
      onState('saving');
      inFlight = inFlight.then(() => save(doc)).then(
        () => { if (!pending) onState('saved'); },
        (error: unknown) => onState('error', error),
      );
    }
    await inFlight;
  };

  return {
    schedule(doc) {
      pending = doc;
      onState('pending');
      clearTimeout(timer);
      timer = setTimeout(() => void flush(), delayMs);
    },
    flush,
    pending() {
      return pending;
    },
    cancel(designId) {
      if (pending?.id !== designId) return;
      pending = null;
      clearTimeout(timer);
      timer = undefined;
      onState('saved');
    },
  };
}
