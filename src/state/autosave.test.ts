import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeFlow } from '../core/testing';
import type { FlowDocument } from '../core';
import { createAutosave } from './autosave';
import type { SaveState } from './uiSlice';

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function given() {
    const saved: FlowDocument[] = [];
    const states: SaveState[] = [];
    const autosave = createAutosave(async (doc) => { saved.push(doc); }, (s) => states.push(s), 300);
    return { saved, states, autosave };
  }

  it('given a burst of changes, when 300 ms pass after the last one, then only the newest is saved once', async () => {
    const { saved, autosave } = given();
    autosave.schedule(makeFlow({ name: 'a' }));
    await vi.advanceTimersByTimeAsync(200);
    autosave.schedule(makeFlow({ name: 'b' }));
    await vi.advanceTimersByTimeAsync(299);
    expect(saved).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved.map((d) => d.name)).toEqual(['b']);
  });

  it('given a pending change, when flushed, then it is saved at once and reported saved', async () => {
    const { saved, states, autosave } = given();
    autosave.schedule(makeFlow({ name: 'a' }));
    await autosave.flush();
    expect(saved.map((d) => d.name)).toEqual(['a']);
    expect(states).toEqual(['pending', 'saving', 'saved']);
  });

  it('given a pending change of a design being deleted, when cancelled, then nothing is saved', async () => {
    const { saved, autosave } = given();
    autosave.schedule(makeFlow({ id: 'gone' }));
    autosave.cancel('gone');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([]);
  });

  it('given a failing save, then the error state is reported', async () => {
    const states: SaveState[] = [];
    const autosave = createAutosave(() => Promise.reject(new Error('quota')), (s) => states.push(s), 300);
    autosave.schedule(makeFlow());
    await autosave.flush();
    expect(states.at(-1)).toBe('error');
  });
});
