import { describe, expect, it } from 'vitest';
import { makeConsumer, makeEventType, makeFlow, makeHandler, makeProjection } from '../../core/testing';
import type { FlowDocument } from '../../core';
import exampleJson from '../../../public/examples/content-platform.json';
import { DesignsDb } from './designsDb';
import { createDesignRepository } from './designRepository';

let dbCounter = 0;
function freshRepository(clock = { t: 1000 }) {
  const db = new DesignsDb(`efd-designs-test-${++dbCounter}`);
  return { db, clock, repo: createDesignRepository(db, () => clock.t) };
}

function sampleFlow(): FlowDocument {
  const event = makeEventType({ name: 'VideoInputEvent', fields: ['videoId', 'title'], aggregateIdField: 'videoId' });
  const projection = makeProjection({ name: 'videos', key: 'videoId' });
  const consumer = makeConsumer({ name: 'author-service', handlers: [makeHandler(event.id)] });
  const doc = makeFlow({ id: 'design-1', name: 'Video flow', eventTypes: [event], consumers: [consumer], projections: [projection] });
  return { ...doc, layout: { ...doc.layout, viewport: { x: -120.5, y: 42, zoom: 0.75 } } };
}

describe('designRepository', () => {
  it('given a saved design, when it is loaded, then the document is identical, positions and viewport included', async () => {
    const { repo } = freshRepository();
    const doc = sampleFlow();

    await repo.saveDesign(doc);
    const loaded = await repo.loadDesign(doc.id);

    expect(loaded).toEqual(doc);
  });

  it('given the built-in example, when it round-trips through IndexedDB, then nothing changes', async () => {
    const { repo } = freshRepository();
    const example = structuredClone(exampleJson) as FlowDocument;

    await repo.saveDesign(example);

    expect(await repo.loadDesign(example.id)).toEqual(example);
  });

  it('given two designs, when listed, then the most recently saved comes first with its node count', async () => {
    const { repo, clock } = freshRepository();
    await repo.saveDesign({ ...sampleFlow(), id: 'a', name: 'A' });
    clock.t = 2000;
    await repo.saveDesign({ ...sampleFlow(), id: 'b', name: 'B' });

    const list = await repo.listDesigns();

    expect(list.map((d) => [d.id, d.name, d.updatedAt, d.nodeCount])).toEqual([['b', 'B', 2000, 3], ['a', 'A', 1000, 3]]);
  });

  it('given a saved design, when saved again later, then its creation time is kept', async () => {
    const { repo, clock } = freshRepository();
    await repo.saveDesign(sampleFlow());
    clock.t = 5000;
    await repo.saveDesign({ ...sampleFlow(), description: 'changed' });

    const [summary] = await repo.listDesigns();

    expect(summary).toMatchObject({ createdAt: 1000, updatedAt: 5000 });
    expect((await repo.loadDesign('design-1'))?.description).toBe('changed');
  });

  it('given a design, when renamed, then list and document carry the new name', async () => {
    const { repo } = freshRepository();
    await repo.saveDesign(sampleFlow());

    await repo.renameDesign('design-1', 'Renamed');

    expect((await repo.listDesigns())[0]?.name).toBe('Renamed');
    expect((await repo.loadDesign('design-1'))?.name).toBe('Renamed');
  });

  it('given a design, when deleted, then it is gone', async () => {
    const { repo } = freshRepository();
    await repo.saveDesign(sampleFlow());

    await repo.deleteDesign('design-1');

    expect(await repo.loadDesign('design-1')).toBeUndefined();
    expect(await repo.countDesigns()).toBe(0);
  });

  it('given a stored record that is not a flow document, when loaded, then it is refused', async () => {
    const { repo, db } = freshRepository();
    await db.designs.put({ id: 'bad', name: 'Bad', createdAt: 1, updatedAt: 1, document: { nope: true } as unknown as FlowDocument });

    expect(await repo.loadDesign('bad')).toBeUndefined();
  });

  it('remembers the last opened design', async () => {
    const { repo } = freshRepository();
    expect(await repo.getLastOpenedId()).toBeUndefined();

    await repo.setLastOpenedId('design-1');

    expect(await repo.getLastOpenedId()).toBe('design-1');
  });
});
