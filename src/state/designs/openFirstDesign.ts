import { createEmptyDocument, type FlowDocument } from '../../core';
import type { DesignsPersistence, HealthyDesign } from '../../persistence/designs';
import { newDesignId } from '../designIds';
import type { AppState } from '../store';
import type { DesignsDeps } from './designTypes';
import type { ReplayReport } from './replayJournals';

interface StartContext {
  get: () => AppState;
  persistence: () => DesignsPersistence;
  deps: DesignsDeps;
  open(doc: FlowDocument, revision: number, unsaved?: boolean): void;
  mostRecentOther(except?: string): Promise<HealthyDesign | undefined>;
  createAndOpen(doc: FlowDocument): Promise<void>;
  /** Edits a full disk kept from being saved during the replay of gone tabs' journals. */
  unsaved: ReplayReport['unsaved'];
}

/**
 * The first design a page shows, without writing anything that is not needed: edits a full disk
 * kept from being saved (shown unsaved), else this tab's design after a reload, else the design
 * opened last anywhere, else the most recent healthy one (saying which are damaged), else a new
 * one; on a first visit, the built-in example.
 */
export async function openFirstDesign(c: StartContext): Promise<void> {
  const repo = c.persistence().repository;
  const [pending] = c.unsaved;
  if (pending) {
    c.open(pending.entry.doc, pending.base, true);
    await c.persistence().journal.discard(pending.entry.designId, pending.entry.tabId).catch(() => undefined);
    return;
  }
  for (const id of [c.persistence().tabMemory.get(), await repo.getLastOpenedId()]) {
    const last = id ? await repo.loadDesign(id) : undefined;
    if (last?.status === 'ok') return c.open(last.design.doc, last.design.revision);
  }
  const list = await repo.listDesigns();
  const damaged = list.filter((d) => d.status === 'damaged');
  if (damaged.length > 0) {
    const one = damaged.length === 1;
    const names = damaged.map((d) => `“${d.name}”`).join(', ');
    c.get().showToast(`${one ? 'A design is' : `${damaged.length} designs are`} damaged and could not be opened: ${names}. Open ☰ Designs to download the raw data or delete ${one ? 'it' : 'them'}.`);
  }
  const recent = await c.mostRecentOther();
  if (recent) return c.open(recent.doc, recent.revision);
  if (list.length > 0) return c.get().createDesign();
  let example: FlowDocument;
  try {
    example = await c.deps.fetchExample();
  } catch {
    example = createEmptyDocument(newDesignId(), 'Untitled design');
  }
  await c.createAndOpen(example);
}
