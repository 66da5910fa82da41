import { describe, expect, it } from 'vitest';
import { ACTIONS } from './registry';
import { searchActions } from './search';

const ids = (query: string) => searchActions(ACTIONS, query).map((a) => a.id);

describe('searching the actions', () => {
  it('given an empty query, then every action in registry order', () => {
    expect(ids('  ')).toEqual(ACTIONS.map((a) => a.id));
  });

  it('given the start of a label, then that action comes first', () => {
    expect(ids('und')[0]).toBe('edit.undo');
    expect(ids('run until')[0]).toBe('run.untilQuiet');
    expect(ids('fit')[0]).toBe('view.fit');
  });

  it('given a keyword the label lacks, then the action is found by it', () => {
    expect(ids('read model')).toContain('add.projection');
    expect(ids('deselect')).toEqual(['edit.clearSelection']);
  });

  it('given several words, then only actions matching every word', () => {
    expect(ids('add consumer')).toEqual(['add.consumer']);
    expect(ids('add zebra')).toEqual([]);
  });

  it('given a word in the middle of a label, then it still matches, after the word starts', () => {
    const found = ids('lay');
    expect(found[0]).toBe('edit.autoLayout');
  });
});
