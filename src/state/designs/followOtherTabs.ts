import { findNode, type FlowDocument } from '../../core';
import type { DesignsMessage, DesignsPersistence } from '../../persistence/designs';
import type { AppState } from '../store';
import type { DesignSession } from './designSession';
import type { DesignConflict } from './designTypes';

interface FollowerContext {
  get: () => AppState;
  session: DesignSession;
  persistence: () => DesignsPersistence;
  /** Shows a stored document without journalling or saving it. */
  showDocument(doc: FlowDocument, revision: number): void;
  enterConflict(kind: DesignConflict['kind']): void;
  guarded(what: string, verb: () => Promise<void>): Promise<void>;
  openMostRecentOrNew(except?: string): Promise<void>;
}

/**
 * What this tab does when another tab saved or deleted the design open here: with unsaved edits,
 * it is told (a conflict, the user chooses); without, it follows at once — the newer revision (its
 * own viewport kept), or another design when this one was deleted.
 */
export function createTabFollower(c: FollowerContext): (message: DesignsMessage) => Promise<void> {
  const repo = () => c.persistence().repository;

  async function followNewerRevision(id: string) {
    const loaded = await repo().loadDesign(id);
    if (loaded.status !== 'ok' || loaded.design.revision <= c.session.revision || c.get().doc?.id !== id) return;
    // An edit may have been made while the newer revision was read.
    if (c.session.hasUnsavedEdits()) return c.enterConflict('changed');
    const viewport = c.get().doc?.layout.viewport;
    const theirs = loaded.design.doc;
    const doc = viewport ? { ...theirs, layout: { ...theirs.layout, viewport } } : theirs;
    const selected = c.get().selectedNodeIds;
    c.showDocument(doc, loaded.design.revision);
    c.get().setSelection(selected.filter((nodeId) => findNode(doc, nodeId) !== undefined), []);
  }

  return async (message) => {
    const open = c.get().doc;
    if (!open || message.designId !== open.id || message.tabId === c.persistence().tabs.tabId) return;
    if (message.kind === 'saved' && message.revision <= c.session.revision) return;
    if (c.get().conflict) return;
    if (c.session.hasUnsavedEdits()) return c.enterConflict(message.kind === 'deleted' ? 'deleted' : 'changed');
    if (message.kind === 'deleted') {
      await c.guarded('Opening another design', () => c.openMostRecentOrNew(message.designId));
      c.get().showToast(`“${open.name}” was deleted in another tab.`, 'info');
      return;
    }
    await followNewerRevision(open.id);
  };
}
