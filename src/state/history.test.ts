import { describe, expect, it } from 'vitest';
import { makeFlow } from '../core/testing';
import { COALESCE_WINDOW_MS, emptyHistory, recordEdit, redoStep, undoStep } from './history';

const v0 = makeFlow({ name: 'v0' });
const v1 = makeFlow({ name: 'v1' });
const v2 = makeFlow({ name: 'v2' });

describe('history', () => {
  it('given two edits without a key, when recorded, then each is its own undo step', () => {
    const h1 = recordEdit(emptyHistory, v0, undefined, 0);
    const h2 = recordEdit(h1, v1, undefined, 10);
    expect(h2.past.map((d) => d.name)).toEqual(['v0', 'v1']);
  });

  it('given a burst of edits with the same key, when recorded within the window, then they merge into one step', () => {
    const h1 = recordEdit(emptyHistory, v0, 'name', 0);
    const h2 = recordEdit(h1, v1, 'name', COALESCE_WINDOW_MS - 1);
    expect(h2.past.map((d) => d.name)).toEqual(['v0']);
  });

  it('given an edit with the same key after the window, when recorded, then it is a new step', () => {
    const h1 = recordEdit(emptyHistory, v0, 'name', 0);
    const h2 = recordEdit(h1, v1, 'name', COALESCE_WINDOW_MS + 1);
    expect(h2.past).toHaveLength(2);
  });

  it('given edits with different keys, when recorded at once, then they stay apart', () => {
    const h2 = recordEdit(recordEdit(emptyHistory, v0, 'a', 0), v1, 'b', 1);
    expect(h2.past).toHaveLength(2);
  });

  it('undo then redo walks back and forth and keeps the live viewport', () => {
    const history = recordEdit(recordEdit(emptyHistory, v0, undefined, 0), v1, undefined, 1);
    const present = { ...v2, layout: { ...v2.layout, viewport: { x: 5, y: 6, zoom: 0.5 } } };

    const undone = undoStep(history, present);
    expect(undone?.doc.name).toBe('v1');
    expect(undone?.doc.layout.viewport).toEqual({ x: 5, y: 6, zoom: 0.5 });

    const redone = undone && redoStep(undone.history, undone.doc);
    expect(redone?.doc.name).toBe('v2');
    expect(redone?.history.future).toHaveLength(0);
  });

  it('a new edit after an undo clears the redo future', () => {
    const undone = undoStep(recordEdit(emptyHistory, v0, undefined, 0), v1);
    expect(undone?.history.future).toHaveLength(1);
    const after = recordEdit(undone!.history, undone!.doc, undefined, 5);
    expect(after.future).toHaveLength(0);
  });

  it('nothing to undo or redo gives null', () => {
    expect(undoStep(emptyHistory, v0)).toBeNull();
    expect(redoStep(emptyHistory, v0)).toBeNull();
  });
});
