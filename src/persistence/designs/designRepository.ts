import { restoreFlowDocument, type FlowDocument } from '../../core';
import type { DesignsDb } from './designsDb';

/** What the designs list shows about a design, without its document. */
export interface DesignSummary {
  id: string;
  name: string;
  createdAt: number;
  updatedAt: number;
  nodeCount: number;
}

/** Saving, listing and loading designs. Returns domain types; Dexie stays inside. */
export interface DesignRepository {
  /** All designs, most recently changed first. */
  listDesigns(): Promise<DesignSummary[]>;
  /** The design's document, restored (migrated and checked); undefined when missing or unreadable. */
  loadDesign(id: string): Promise<FlowDocument | undefined>;
  /** Creates or replaces the design `doc.id`, keeping its creation time. */
  saveDesign(doc: FlowDocument): Promise<void>;
  /** Renames a design (its document's name too). */
  renameDesign(id: string, name: string): Promise<void>;
  deleteDesign(id: string): Promise<void>;
  countDesigns(): Promise<number>;
  /** The id of the design that was open last, if any. */
  getLastOpenedId(): Promise<string | undefined>;
  setLastOpenedId(id: string): Promise<void>;
}

const LAST_OPENED = 'lastOpenedDesignId';

function nodeCount(doc: FlowDocument): number {
  return doc.eventTypes.length + doc.producers.length + doc.consumers.length + doc.projections.length;
}

/** A repository over a designs database; `now` gives the time stamps (injectable for tests). */
export function createDesignRepository(db: DesignsDb, now: () => number = () => Date.now()): DesignRepository {
  return {
    async listDesigns() {
      const records = await db.designs.orderBy('updatedAt').reverse().toArray();
      return records.map((r) => ({
        id: r.id, name: r.name, createdAt: r.createdAt, updatedAt: r.updatedAt, nodeCount: nodeCount(r.document),
      }));
    },
    async loadDesign(id) {
      const record = await db.designs.get(id);
      if (!record) return undefined;
      const restored = restoreFlowDocument(record.document);
      return restored.ok ? restored.doc : undefined;
    },
    async saveDesign(doc) {
      await db.transaction('rw', db.designs, async () => {
        const existing = await db.designs.get(doc.id);
        const at = now();
        await db.designs.put({
          id: doc.id, name: doc.name, createdAt: existing?.createdAt ?? at, updatedAt: at, document: doc,
        });
      });
    },
    async renameDesign(id, name) {
      await db.transaction('rw', db.designs, async () => {
        const existing = await db.designs.get(id);
        if (!existing) return;
        await db.designs.put({ ...existing, name, updatedAt: now(), document: { ...existing.document, name } });
      });
    },
    async deleteDesign(id) {
      await db.designs.delete(id);
    },
    countDesigns() {
      return db.designs.count();
    },
    async getLastOpenedId() {
      return (await db.settings.get(LAST_OPENED))?.value;
    },
    async setLastOpenedId(id) {
      await db.settings.put({ key: LAST_OPENED, value: id });
    },
  };
}
