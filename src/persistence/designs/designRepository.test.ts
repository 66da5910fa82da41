import { describe, expect, it } from 'vitest';
import { makeConsumer, makeEventType, makeFlow, makeHandler, makeProjection } from '../../core/testing';
import type { FlowDocument } from '../../core';
import exampleJson from '../../../public/examples/content-platform.json';
import { DesignsDb } from './designsDb';
import { createDesignRepository, type DesignRepository } from './designRepository';

let dbCounter = 0;
function freshRepository(clock = { t: 1000 }) {
  const db = new DesignsDb(`efd-designs-repo-test-${++dbCounter}`);
  return { db, clock, repo: createDesignRepository(db, () => clock.t) };
}

function sampleFlow(): FlowDocument {
  const event = makeEventType({ name: 'VideoInputEvent', fields: ['videoId', 'title'], aggregateIdField: 'videoId' });
  const projection = makeProjection({ name: 'videos', key: 'videoId' });
  const consumer = makeConsumer({ name: 'author-service', handlers: [makeHandler(event.id)] });
  const doc = makeFlow({ id: 'design-1', name: 'Video flow', eventTypes: [event], consumers: [consumer], projections: [projection] });
  return { ...doc, layout: { ...doc.layout, viewport: { x: -120.5, y: 42, zoom: 0.75 } } };
}

async function loaded(repo: DesignRepository, id: string): Promise<FlowDocument | undefined> {
  const result = await repo.loadDesign(id);
  return result.status === 'ok' ? result.design.doc : undefined;
}

describe('designRepository', () => {
  it('given a saved design, when it is loaded, then the document is identical, positions and viewport included', async () => {
    const { repo } = freshRepository();
    const doc = sampleFlow();

    expect(await repo.saveDesign(doc, { baseRevision: 0 })).toEqual({ status: 'saved', revision: 1 });

    expect(await loaded(repo, doc.id)).toEqual(doc);
  });

  it('given the built-in example, when it round-trips through IndexedDB, then nothing changes', async () => {
    const { repo } = freshRepository();
    const example = structuredClone(exampleJson) as FlowDocument;

    await repo.saveDesign(example, { baseRevision: 0 });

    expect(await loaded(repo, example.id)).toEqual(example);
  });

  it('given two designs, when listed, then the most recently saved comes first with its node count', async () => {
    const { repo, clock } = freshRepository();
    await repo.saveDesign({ ...sampleFlow(), id: 'a', name: 'A' }, { baseRevision: 0 });
    clock.t = 2000;
    await repo.saveDesign({ ...sampleFlow(), id: 'b', name: 'B' }, { baseRevision: 0 });

    const list = await repo.listDesigns();

    expect(list.map((d) => [d.id, d.name, d.updatedAt, d.status === 'ok' ? d.nodeCount : -1])).toEqual([['b', 'B', 2000, 3], ['a', 'A', 1000, 3]]);
  });

  it('given a saved design, when saved again on its revision, then the revision moves on and the creation time is kept', async () => {
    const { repo, clock } = freshRepository();
    await repo.saveDesign(sampleFlow(), { baseRevision: 0 });
    clock.t = 5000;

    const outcome = await repo.saveDesign({ ...sampleFlow(), description: 'changed' }, { baseRevision: 1 });

    expect(outcome).toEqual({ status: 'saved', revision: 2 });
    const [summary] = await repo.listDesigns();
    expect(summary).toMatchObject({ createdAt: 1000, updatedAt: 5000, revision: 2 });
    expect((await loaded(repo, 'design-1'))?.description).toBe('changed');
  });

  it('given another tab saved first, when a save names the older revision, then it is refused and nothing is written', async () => {
    const { repo } = freshRepository();
    await repo.saveDesign(sampleFlow(), { baseRevision: 0 });
    await repo.saveDesign({ ...sampleFlow(), description: 'tab A' }, { baseRevision: 1 });

    const outcome = await repo.saveDesign({ ...sampleFlow(), description: 'tab B' }, { baseRevision: 1 });

    expect(outcome).toEqual({ status: 'conflict', revision: 2 });
    expect((await loaded(repo, 'design-1'))?.description).toBe('tab A');
  });

  it('given a design that exists, when another is created with its id, then the create is refused', async () => {
    const { repo } = freshRepository();
    await repo.saveDesign(sampleFlow(), { baseRevision: 0 });

    expect(await repo.saveDesign({ ...sampleFlow(), name: 'Other' }, { baseRevision: 0 })).toEqual({ status: 'conflict', revision: 1 });
  });

  it('given a deleted design, when a stale tab saves it, then the tombstone refuses it and it stays deleted', async () => {
    const { repo } = freshRepository();
    await repo.saveDesign(sampleFlow(), { baseRevision: 0 });

    await repo.deleteDesign('design-1');

    expect(await repo.loadDesign('design-1')).toEqual({ status: 'deleted' });
    expect(await repo.saveDesign(sampleFlow(), { baseRevision: 1 })).toEqual({ status: 'deleted' });
    expect(await repo.saveDesign(sampleFlow(), { baseRevision: 0 })).toEqual({ status: 'deleted' });
    expect(await repo.countDesigns()).toBe(0);
  });

  it('given a journal row of the saving tab, when the save stores it, then the row is deleted in the same transaction; a newer row stays', async () => {
    const { repo, db } = freshRepository();
    const doc = sampleFlow();
    await db.journal.put({ designId: doc.id, tabId: 'tab-a', baseRevision: 0, seq: 3, at: 1, doc });
    await db.journal.put({ designId: doc.id, tabId: 'tab-b', baseRevision: 0, seq: 1, at: 1, doc });

    await repo.saveDesign(doc, { baseRevision: 0, journal: { tabId: 'tab-a', seq: 3 } });
    expect(await db.journal.get([doc.id, 'tab-a'])).toBeUndefined();
    expect(await db.journal.get([doc.id, 'tab-b'])).toBeDefined();

    await db.journal.put({ designId: doc.id, tabId: 'tab-a', baseRevision: 1, seq: 5, at: 2, doc });
    await repo.saveDesign(doc, { baseRevision: 1, journal: { tabId: 'tab-a', seq: 4 } });
    expect((await db.journal.get([doc.id, 'tab-a']))?.seq).toBe(5);
  });

  it('records which tab wrote a revision, at which edit', async () => {
    const { repo } = freshRepository();
    await repo.saveDesign(sampleFlow(), { baseRevision: 0, journal: { tabId: 'tab-a', seq: 7 } });

    const result = await repo.loadDesign('design-1');

    expect(result.status === 'ok' && result.design.savedBy).toEqual({ tabId: 'tab-a', seq: 7 });
  });

  it('given a design, when renamed, then list and document carry the new name at the next revision', async () => {
    const { repo } = freshRepository();
    await repo.saveDesign(sampleFlow(), { baseRevision: 0 });

    expect(await repo.renameDesign('design-1', 'Renamed')).toEqual({ status: 'saved', revision: 2 });

    expect((await repo.listDesigns())[0]?.name).toBe('Renamed');
    expect((await loaded(repo, 'design-1'))?.name).toBe('Renamed');
  });

  it.each([
    ['the document is null', { document: null }, 'its saved document is missing'],
    ['the document is not a design', { document: { nope: true } }, 'its saved document is damaged: schemaVersion is missing: this is not a flow document (at /schemaVersion)'],
    ['a node name is a number', { document: { ...sampleFlow(), eventTypes: [{ ...sampleFlow().eventTypes[0], name: 3 }] } }, 'its saved document is damaged: name: expected text, found the number 3 (at /eventTypes/0/name)'],
  ])('given a stored row where %s, when listed and loaded, then it is reported damaged with what is wrong', async (_case, patch, problem) => {
    const { repo, db } = freshRepository();
    await repo.saveDesign({ ...sampleFlow(), id: 'good', name: 'Good' }, { baseRevision: 0 });
    await db.designs.put({ id: 'bad', name: 'Bad', createdAt: 1, updatedAt: 1, revision: 1, ...patch } as never);

    const list = await repo.listDesigns();
    const result = await repo.loadDesign('bad');

    expect(list.map((d) => [d.id, d.status])).toEqual([['good', 'ok'], ['bad', 'damaged']]);
    expect(list[1]).toMatchObject({ status: 'damaged', name: 'Bad', problem });
    expect(result).toMatchObject({ status: 'damaged', design: { problem } });
  });

  it('given a row that is not even an object, when listed, then it is damaged and can be read raw and deleted', async () => {
    const { repo, db } = freshRepository();
    const raw = db.designs as unknown as { put(v: unknown, k?: unknown): Promise<unknown> };
    await raw.put({ id: 42, what: 'a number key' });

    const [entry] = await repo.listDesigns();
    expect(entry).toMatchObject({ status: 'damaged', id: '42' });
    expect(await repo.readRawDesign('42')).toEqual({ id: 42, what: 'a number key' });

    await repo.deleteDesign('42');
    expect(await repo.countDesigns()).toBe(0);
  });

  it('remembers the last opened design, and ignores a damaged setting', async () => {
    const { repo, db } = freshRepository();
    expect(await repo.getLastOpenedId()).toBeUndefined();

    await repo.setLastOpenedId('design-1');
    expect(await repo.getLastOpenedId()).toBe('design-1');

    await db.settings.put({ key: 'lastOpenedDesignId', value: { not: 'text' } as never });
    expect(await repo.getLastOpenedId()).toBeUndefined();
  });
});
