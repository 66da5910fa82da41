import { beforeEach, describe, expect, it } from 'vitest';
import { makeEventType, makeFlow } from '../core/testing';
import { DesignsDb, designRepository } from '../persistence/designs';
import { openSimulationEngine } from '../persistence/simulation';
import { useAppStore } from './store';

const state = () => useAppStore.getState();

describe('the designs slice', () => {
  beforeEach(async () => {
    const db = new DesignsDb();
    await db.designs.clear();
    await db.settings.clear();
    db.close();
    await state().createDesign();
  });

  it('given an open design, when a document is opened (imported), then it becomes a NEW design and the old one is kept', async () => {
    const before = state().doc!;
    const imported = makeFlow({ id: before.id, name: before.name, eventTypes: [makeEventType({ name: 'Imported' })] });

    await state().openDesign(imported);

    const opened = state().doc!;
    expect(opened.id).not.toBe(before.id);
    expect(opened.name).toBe(`${before.name} 2`);
    expect(opened.eventTypes.map((e) => e.name)).toEqual(['Imported']);
    const ids = (await designRepository.listDesigns()).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([before.id, opened.id]));
    expect(await designRepository.getLastOpenedId()).toBe(opened.id);
  });

  it('given an edit, when autosave is flushed, then the repository holds the edited document', async () => {
    state().addNode('event', { x: 10, y: 20 });
    await state().flushAutosave();
    const saved = await designRepository.loadDesign(state().doc!.id);
    expect(saved).toEqual(state().doc);
    expect(state().saveState).toBe('saved');
  });

  it('given two designs, when the open one is deleted, then the other one opens', async () => {
    const first = state().doc!;
    await state().createDesign();
    const second = state().doc!;

    await state().deleteDesign(second.id);

    expect(state().doc?.id).toBe(first.id);
    expect(await designRepository.loadDesign(second.id)).toBeUndefined();
  });

  it('given a design with a run, when the design is deleted, then its run is deleted too', async () => {
    const first = state().doc!;
    await state().createDesign();
    state().addNode('event', { x: 0, y: 0 });
    const doomed = state().doc!;
    const engine = openSimulationEngine();
    await engine.startRun(doomed, { seed: 3 });
    expect(await engine.getRun(doomed.id)).toBeDefined();

    await state().deleteDesign(doomed.id);

    expect(await engine.getRun(doomed.id)).toBeUndefined();
    expect(state().doc?.id).toBe(first.id);
  });

  it('given a design, when duplicated, then a copy with its own id and a "copy" name opens', async () => {
    const source = state().doc!;
    await state().duplicateDesign(source.id);
    expect(state().doc?.id).not.toBe(source.id);
    expect(state().doc?.name).toBe(`${source.name} copy`);
  });

  it('given the open design, when renamed from the list, then the name is an undoable edit and saved', async () => {
    const id = state().doc!.id;
    await state().renameDesign(id, 'Payments');
    expect(state().doc?.name).toBe('Payments');
    expect((await designRepository.loadDesign(id))?.name).toBe('Payments');
    state().undo();
    expect(state().doc?.name).not.toBe('Payments');
  });
});
