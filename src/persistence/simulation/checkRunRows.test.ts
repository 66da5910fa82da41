import { afterEach, describe, expect, it } from 'vitest';
import exampleJson from '../../../public/examples/content-platform.json';
import { TABLE_NAMES, type FlowDocument } from '../../core';
import { checkRunRecord, onDamagedRunRow, repairRunRow, type DamagedRunRow } from './checkRunRows';
import { readRunRow } from './readRunRow';
import { freshEngine, runToQuiet } from './testEngine';

const example = exampleJson as FlowDocument;

describe('checks of the rows run mode reads', () => {
  let stop: (() => void) | undefined;
  afterEach(() => stop?.());

  it('given every table of a real run with faults, then every row passes its check unchanged (the checks mirror the engine\'s rows)', async () => {
    const { engine, db, close } = freshEngine();
    const damage: DamagedRunRow[] = [];
    stop = onDamagedRunRow((d) => damage.push(d));
    try {
      await runToQuiet(engine, example, { seed: 7, faults: { duplicateDelivery: 0.3, crashAfterPublish: 0.2, consumerFailure: 0.2 } }, 40);
      const run = await readRunRow(db, example.id);
      const checked = checkRunRecord(run);
      expect(checked.ok && checked.run).toEqual(run);
      for (const table of TABLE_NAMES.filter((t) => t !== 'runs')) {
        const rows = await db.table(table).toArray();
        for (const row of rows) expect(repairRunRow(table, row)).toBe(row);
      }
      expect(damage).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each([
    ['the row is missing its design', { flow: null }, 'flow: expected an object, found null'],
    ['the stats are missing', { stats: undefined }, 'stats: expected an object, found missing'],
    ['a counter map holds text', { stats: 'counts' }, 'stats: expected an object, found string "counts"'],
    ['the step is text', { step: '3' }, 'step: expected a number, found string "3"'],
    ['the design snapshot is damaged', { flow: { schemaVersion: 1 } }, 'flow: the design snapshot is damaged (/id id: missing)'],
  ])('given a run row where %s, then it is refused with what is wrong', async (_case, patch, problem) => {
    const { engine, db, close } = freshEngine();
    try {
      await engine.startRun(example);
      const run = await readRunRow(db, example.id);
      expect(checkRunRecord({ ...run, ...patch })).toEqual({ ok: false, problem });
    } finally {
      await close();
    }
  });

  it('given a run whose design snapshot row is gone (stored apart since version 5), then its run row is refused: the design is missing', async () => {
    const { engine, db, close } = freshEngine();
    try {
      await engine.startRun(example);
      await db.runDesigns.delete(example.id);
      expect(checkRunRecord(await readRunRow(db, example.id))).toEqual({ ok: false, problem: 'flow: expected an object, found missing' });
    } finally {
      await close();
    }
  });

  it('given a trace row whose text is an object, then it is shown as damaged and reported, and other fields stay', () => {
    const damage: DamagedRunRow[] = [];
    stop = onDamagedRunRow((d) => damage.push(d));
    const row = { runId: 'r', step: 3, clock: 0, kind: 'handle', text: { not: 'text' }, nodeIds: ['a'], edgeIds: 'e' };

    const repaired = repairRunRow('trace', row);

    expect(repaired).toEqual({ runId: 'r', step: 3, clock: 0, kind: 'handle', text: '⚠ damaged', nodeIds: ['a'], edgeIds: [] });
    expect(damage).toEqual([{ table: 'trace', runId: 'r', problem: 'text: expected text, found an object; edgeIds: expected a list of texts, found string "e"' }]);
  });

  it('given a row that is not an object, then every field shows as damaged', () => {
    expect(repairRunRow('deadLetters', 42)).toMatchObject({ reason: '⚠ damaged', attempts: Number.NaN });
  });
});
