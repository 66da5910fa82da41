import { getOwn, recordFrom, setOwn, type FlowDocument, type Position } from '../../core';
import type { JournalRecord } from './designsDb';

/**
 * The positions a drag moved since its first position was journalled in full: a small row written
 * for every position shown while nodes are dragged, instead of the whole document (serialising a
 * 1,000-node document costs milliseconds of the drag's frames). It is stored in the journal table
 * beside the tab's full entry, under the tab id with `MOVES_SUFFIX`, and applies only on top of the
 * full entry of the same design and tab whose `seq` is its `baseSeq`.
 */
export interface JournalMoves {
  designId: string;
  tabId: string;
  /** The `seq` of the full entry (the document at the drag's first position) these moves apply to. */
  baseSeq: number;
  /** The edit counter of the newest position. */
  seq: number;
  at: number;
  /** Node id → position, for the nodes whose position differs from the base (pairs: ids are user names). */
  moves: [string, Position][];
}

/** Appended to the tab id of a moves row (no tab id contains it). */
export const MOVES_SUFFIX = '\u0000moves';

/** The journal key of a tab's moves row. */
export const movesKey = (designId: string, tabId: string): [string, string] => [designId, `${tabId}${MOVES_SUFFIX}`];

/** Whether a journal row is a moves row (by its stored tab id). */
export const isMovesRow = (row: unknown): boolean =>
  typeof row === 'object' && row !== null && typeof Reflect.get(row, 'tabId') === 'string' && (Reflect.get(row, 'tabId') as string).endsWith(MOVES_SUFFIX);

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
const isPosition = (v: unknown): v is Position =>
  typeof v === 'object' && v !== null && Number.isFinite(Reflect.get(v, 'x')) && Number.isFinite(Reflect.get(v, 'y'));

/** A moves row as stored, checked (its tab id without the suffix); undefined when unusable. */
export function checkJournalMoves(row: unknown): JournalMoves | undefined {
  if (!isMovesRow(row)) return undefined;
  const r = row as Record<string, unknown>;
  const { designId, baseSeq, seq, at, moves } = r;
  const storedTab = r.tabId as string;
  if (typeof designId !== 'string' || !isCount(baseSeq) || !isCount(seq) || !Array.isArray(moves)) return undefined;
  const checked: [string, Position][] = [];
  for (const pair of moves as unknown[]) {
    if (!Array.isArray(pair) || typeof pair[0] !== 'string' || !isPosition(pair[1])) return undefined;
    checked.push([pair[0], { x: pair[1].x, y: pair[1].y }]);
  }
  return {
    designId, tabId: storedTab.slice(0, -MOVES_SUFFIX.length), baseSeq, seq,
    at: typeof at === 'number' && Number.isFinite(at) ? at : 0, moves: checked,
  };
}

/** The row to store for `moves`. */
export function movesRow(moves: JournalMoves): JournalMoves {
  return { ...moves, tabId: `${moves.tabId}${MOVES_SUFFIX}` };
}

/** The positions of `doc` that differ from `base` (the document at the drag's first position). */
export function movedSince(base: Readonly<Record<string, Position>>, doc: FlowDocument): [string, Position][] {
  const moved: [string, Position][] = [];
  for (const [id, position] of Object.entries(doc.layout.positions)) {
    const before = getOwn(base, id);
    if (before === position) continue;
    if (!before || before.x !== position.x || before.y !== position.y) moved.push([id, { x: position.x, y: position.y }]);
  }
  return moved;
}

/** The entry with the moves applied, when they belong to it (same design and tab, based on its seq, newer). */
export function withMoves(entry: JournalRecord, moves: readonly JournalMoves[]): JournalRecord {
  const own = moves.find((m) => m.designId === entry.designId && m.tabId === entry.tabId && m.baseSeq === entry.seq && m.seq > entry.seq);
  if (!own) return entry;
  const positions = recordFrom(Object.entries(entry.doc.layout.positions));
  for (const [id, position] of own.moves) {
    // Only nodes of the design move; a stray id is not added.
    if (Object.hasOwn(positions, id)) setOwn(positions, id, position);
  }
  return { ...entry, seq: own.seq, at: own.at, doc: { ...entry.doc, layout: { ...entry.doc.layout, positions } } };
}
