import type { FlowDocument } from '../model/types';

/** The design as the text of a `.json` flow document (2-space indent, final newline). Pure. */
export function serializeFlowDocument(doc: FlowDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A file-name-safe base name for a design's exports, e.g. `Content platform` → `content-platform`. Pure. */
export function exportBaseName(doc: Pick<FlowDocument, 'name' | 'id'>): string {
  const base = (doc.name || doc.id).normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return base || 'design';
}
