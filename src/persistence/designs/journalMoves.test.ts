import { describe, expect, it } from 'vitest';
import { getOwn, recordFrom, type FlowDocument } from '../../core';
import { makeFlow } from '../../core/testing';
import exampleJson from '../../../public/examples/content-platform.json';
import { DesignsDb } from './designsDb';
import { createDesignRepository } from './designRepository';
import { createEditJournal } from './editJournal';
import { checkJournalMoves, movedSince, movesKey, movesRow, withMoves, type JournalMoves } from './journalMoves';

let dbCounter = 0;
const at = (x: number, y = 0) => ({ x, y });

/** A design whose node ids include hostile names. */
function design(): FlowDocument {
  const doc = makeFlow({ id: 'design-1', name: 'Moves' });
  return { ...doc, layout: { ...doc.layout, positions: recordFrom([['a', at(0)], ['__proto__', at(10)], ['constructor', at(20)]]) } };
}
const entry = (doc: FlowDocument, seq: number) => ({ designId: doc.id, tabId: 'tab-a', baseRevision: 0, seq, at: 1, doc });
const moves = (baseSeq: number, seq: number, list: JournalMoves['moves']): JournalMoves => ({ designId: 'design-1', tabId: 'tab-a', baseSeq, seq, at: 2, moves: list });

describe('a drag\'s moves in the journal', () => {
  it('lists only the positions that moved since the drag\'s first position, whatever the node ids', () => {
    const base = design();
    const now = { ...base, layout: { ...base.layout, positions: recordFrom([['a', at(0)], ['__proto__', at(11, 5)], ['constructor', at(20)]]) } };
    expect(movedSince(base.layout.positions, now)).toEqual([['__proto__', at(11, 5)]]);
  });

  it('applies on top of its base entry only (same design and tab, the base seq, newer), and never adds a node', () => {
    const doc = design();
    const moved = withMoves(entry(doc, 3), [moves(3, 9, [['__proto__', at(99)], ['ghost', at(1)]])]);
    expect(moved.seq).toBe(9);
    expect(getOwn(moved.doc.layout.positions, '__proto__')).toEqual(at(99));
    expect(Object.keys(moved.doc.layout.positions)).toEqual(['a', '__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    for (const other of [moves(2, 9, [['a', at(5)]]), moves(3, 3, [['a', at(5)]]), { ...moves(3, 9, [['a', at(5)]]), tabId: 'tab-b' }]) {
      expect(withMoves(entry(doc, 3), [other])).toEqual(entry(doc, 3));
    }
  });

  it.each([
    ['not a moves row', { designId: 'd', tabId: 'tab-a', baseSeq: 1, seq: 2, moves: [] }],
    ['a position that is not a number', movesRow({ ...moves(1, 2, []), moves: [['a', { x: 'far', y: 0 }]] } as unknown as JournalMoves)],
    ['a pair that is not a pair', movesRow({ ...moves(1, 2, []), moves: [{ a: at(1) }] } as unknown as JournalMoves)],
    ['a negative seq', movesRow(moves(1, -2, []))],
  ])('refuses %s', (_, row) => {
    expect(checkJournalMoves(row)).toBeUndefined();
  });

  it('is replayed with its entry, and goes with the save that stores the drag\'s positions (a later one stays)', async () => {
    const db = new DesignsDb(`efd-designs-moves-test-${++dbCounter}`);
    const journal = createEditJournal(db, undefined);
    const repo = createDesignRepository(db, () => 1000);
    const doc = { ...(structuredClone(exampleJson) as FlowDocument), id: 'design-1' };
    const nodeId = Object.keys(doc.layout.positions)[0]!;
    await journal.record(entry(doc, 3));
    await journal.recordMoves(moves(3, 8, [[nodeId, at(42, 7)]]));
    const [replayed] = await journal.readAll();
    expect(replayed?.seq).toBe(8);
    expect(getOwn(replayed!.doc.layout.positions, nodeId)).toEqual(at(42, 7));

    await repo.saveDesign(replayed!.doc, { baseRevision: 0, journal: { tabId: 'tab-a', seq: 7 } });
    expect(await db.journal.get(movesKey(doc.id, 'tab-a'))).toBeDefined();
    await repo.saveDesign(replayed!.doc, { baseRevision: 1, journal: { tabId: 'tab-a', seq: 8 } });
    expect(await db.journal.get(movesKey(doc.id, 'tab-a'))).toBeUndefined();
    expect(await journal.readAll()).toEqual([]);
    db.close();
  });
});
