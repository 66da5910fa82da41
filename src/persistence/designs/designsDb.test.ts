import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { DesignsDb } from './designsDb';
import { createDesignRepository } from './designRepository';
import exampleJson from '../../../public/examples/content-platform.json';
import type { FlowDocument } from '../../core';

let counter = 0;
const freshName = () => `efd-designs-compat-${++counter}`;
const example = () => structuredClone(exampleJson) as FlowDocument;

describe('the designs database opens what earlier versions of the app wrote with Dexie', () => {
  it('given a database of the first version (Dexie version 1: designs and settings), when opened, then its designs load and the new stores are added', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(1).stores({ designs: 'id, updatedAt, name', settings: 'key' });
    await old.table('designs').put({ id: 'd-1', name: 'Old one', createdAt: 1, updatedAt: 2, document: { ...example(), id: 'd-1', name: 'Old one' } });
    await old.table('settings').put({ key: 'lastOpenedDesignId', value: 'd-1' });
    old.close();

    const db = new DesignsDb(name);
    const repo = createDesignRepository(db, () => 10);
    const loaded = await repo.loadDesign('d-1');
    expect(loaded.status).toBe('ok');
    expect(loaded.status === 'ok' && loaded.design.revision).toBe(0);
    expect(await repo.getLastOpenedId()).toBe('d-1');
    // The second version's stores exist now: a save (which reads tombstones and the journal) works.
    expect(await repo.saveDesign({ ...example(), id: 'd-1', name: 'Old one' }, { baseRevision: 0 })).toEqual({ status: 'saved', revision: 1 });
    const raw = await db.open();
    expect([...raw.objectStoreNames].sort()).toEqual(['designs', 'journal', 'settings', 'tombstones']);
    expect([...raw.transaction('journal').objectStore('journal').indexNames]).toEqual(['tabId']);
    db.close();
  });

  it('given a database Dexie wrote at version 2, when opened, then nothing is upgraded and Dexie still opens it afterwards', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(1).stores({ designs: 'id, updatedAt, name', settings: 'key' });
    old.version(2).stores({ designs: 'id, updatedAt, name', settings: 'key', tombstones: 'id', journal: '[designId+tabId], tabId' });
    await old.table('journal').put({ designId: 'd', tabId: 't', baseRevision: 0, seq: 1, at: 1, doc: example() });
    old.close();

    const db = new DesignsDb(name);
    expect(await db.journal.count()).toBe(1);
    expect((await db.journal.get(['d', 't']))?.seq).toBe(1);
    db.close();

    const again = new Dexie(name);
    again.version(2).stores({ designs: 'id, updatedAt, name', settings: 'key', tombstones: 'id', journal: '[designId+tabId], tabId' });
    expect(await again.table('journal').count()).toBe(1);
    again.close();
  });

  it('given a transaction whose body throws, when run, then nothing of it is written', async () => {
    const db = new DesignsDb(freshName());
    await expect(db.transaction('rw', ['settings'], async (tx) => {
      await tx.settings.put({ key: 'a', value: '1' });
      throw new Error('changed my mind');
    })).rejects.toThrow('changed my mind');
    expect(await db.settings.get('a')).toBeUndefined();
    db.close();
  });

  it('given a database closed for good, when used, then every call fails with DatabaseClosedError instead of recreating it', async () => {
    const db = new DesignsDb(freshName());
    await db.settings.put({ key: 'a', value: '1' });
    db.close({ disableAutoOpen: true });
    await expect(db.settings.get('a')).rejects.toMatchObject({ name: 'DatabaseClosedError' });
  });
});

describe('a database this version cannot upgrade', () => {
  it('given a first-version database keyed by name instead of id, when opened, then it is refused with UpgradeError and nothing in it changes', async () => {
    const name = freshName();
    const old = new Dexie(name);
    old.version(1).stores({ designs: 'name', settings: 'key' });
    await old.table('designs').put({ id: 'd-1', name: 'Kept', createdAt: 1, updatedAt: 2, document: example() });
    old.close();

    const db = new DesignsDb(name);
    await expect(db.designs.toArray()).rejects.toMatchObject({ name: 'UpgradeError' });
    db.close();

    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(1);
    expect((await again.table('designs').toArray()).map((d: { name: string }) => d.name)).toEqual(['Kept']);
    again.close();
  });
});

describe('a database a newer version of the app opened', () => {
  it('given the database at a higher version with the same stores, when opened, then this version works with it', async () => {
    const name = freshName();
    const first = new DesignsDb(name);
    await first.settings.put({ key: 'k', value: 'v' });
    first.close();
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name, 1000);
      request.onsuccess = () => { request.result.close(); resolve(); };
      request.onerror = () => reject(request.error);
    });
    const db = new DesignsDb(name);
    expect(await db.settings.get('k')).toEqual({ key: 'k', value: 'v' });
    expect((await db.open()).version).toBe(1000);
    db.close();
  });
});
