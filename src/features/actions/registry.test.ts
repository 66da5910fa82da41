import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { findNode, type FlowDocument } from '../../core';
import { useAppStore } from '../../state/store';
import { parseChord } from './chords';
import { decideKey, type ActionKeyPress } from './keyboard';
import { ACTIONS, actionsInMode, getAction, performAction } from './registry';
import type { ActionContext, RunControls } from './types';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;

/** What the canvas and the run workspace were asked to do (they are React Flow and the engine in the app). */
function harness(run: Partial<RunControls> | null = null) {
  const calls: string[] = [];
  const context = (): ActionContext => ({
    state: useAppStore.getState(),
    canvas: {
      fitView: () => calls.push('fitView'),
      autoLayout: () => calls.push('autoLayout'),
      addNodeAtCenter: (kind) => calls.push(`add ${kind}`),
    },
    run: run && {
      current: true, quiet: false, playing: false, busy: false,
      step: () => calls.push('step'), togglePlay: () => calls.push('togglePlay'), runUntilQuiet: () => calls.push('runUntilQuiet'),
      stop: () => calls.push('stop'), reset: () => calls.push('reset'),
      ...run,
    },
  });
  return { calls, context };
}

const key = (key: string, mods: Partial<ActionKeyPress> = {}): ActionKeyPress =>
  ({ key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, repeat: false, typing: false, inDialog: false, ...mods });

const press = (press: ActionKeyPress, context: ActionContext) => {
  const decision = decideKey(press, context, ACTIONS);
  if (decision.kind === 'claimed' && decision.perform) decision.action.perform(context);
  return decision.kind === 'claimed' ? `${decision.action.id}${decision.perform ? '' : ' (claimed, not performed)'}` : 'none';
};

describe('the action registry', () => {
  beforeEach(() => {
    useAppStore.getState().loadDocument(example);
    useAppStore.getState().setMode('design');
    useAppStore.getState().setOverlay(null);
  });

  it('has unique ids, readable chords, and no two actions of one mode on the same chord', () => {
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
    for (const mode of ['design', 'run'] as const) {
      const seen = new Map<string, string>();
      for (const action of ACTIONS.filter((a) => a.modes.includes(mode))) {
        for (const shortcut of action.shortcuts ?? []) {
          const chord = JSON.stringify(parseChord(shortcut));
          expect(seen.get(chord), `${shortcut} of ${action.id} in ${mode}`).toBeUndefined();
          seen.set(chord, action.id);
        }
      }
    }
  });

  it('given design mode, when Ctrl+Z, Shift+Ctrl+Z and Ctrl+Y are pressed, then the design is undone and redone through the registry', () => {
    const { context } = harness();
    useAppStore.getState().updateNode({ ...findNode(example, 'author-service')!, name: 'authors' });
    expect(press(key('z', { ctrlKey: true }), context())).toBe('edit.undo');
    expect(findNode(useAppStore.getState().doc!, 'author-service')?.name).toBe('author-service');
    expect(press(key('z', { ctrlKey: true }), context())).toBe('none');
    expect(press(key('Z', { ctrlKey: true, shiftKey: true }), context())).toBe('edit.redo');
    expect(findNode(useAppStore.getState().doc!, 'author-service')?.name).toBe('authors');
    useAppStore.getState().undo();
    expect(press(key('y', { ctrlKey: true }), context())).toBe('edit.redo');
  });

  it('given a field has focus, then editing keys stay with the field, and Ctrl+K still opens the palette', () => {
    const { context } = harness();
    useAppStore.getState().selectNode('content-ingest');
    expect(press(key('Delete', { typing: true }), context())).toBe('none');
    expect(press(key('a', { ctrlKey: true, typing: true }), context())).toBe('none');
    expect(findNode(useAppStore.getState().doc!, 'content-ingest')).toBeDefined();
    expect(press(key('k', { ctrlKey: true, typing: true }), context())).toBe('help.palette');
    expect(useAppStore.getState().overlay).toBe('palette');
  });

  it('given a referenced event selected, when Delete is pressed, then the deletion waits for a confirmation', () => {
    const { context } = harness();
    useAppStore.getState().selectNode('video-input-event');
    expect(press(key('Delete'), context())).toBe('edit.delete');
    expect(useAppStore.getState().pendingDeletion?.names).toEqual(['VideoInputEvent']);
    useAppStore.getState().cancelPendingDeletion();
  });

  it('given run mode, then S and . step, Space plays, and design keys do nothing', () => {
    const { calls, context } = harness({});
    useAppStore.getState().setMode('run');
    expect(press(key('s'), context())).toBe('run.step');
    expect(press(key('.'), context())).toBe('run.step');
    expect(press(key(' '), context())).toBe('run.play');
    expect(press(key(' ', { repeat: true }), context())).toBe('run.play (claimed, not performed)');
    expect(press(key('z', { ctrlKey: true }), context())).toBe('none');
    expect(calls).toEqual(['step', 'step', 'togglePlay']);
  });

  it('given a run of an older version of the design, then nothing steps, and Space is still kept from the page', () => {
    const { calls, context } = harness({ current: false });
    useAppStore.getState().setMode('run');
    expect(press(key('s'), context())).toBe('none');
    expect(press(key(' '), context())).toBe('run.play (claimed, not performed)');
    expect(performAction(getAction('run.untilQuiet'), context())).toBe(false);
    expect(calls).toEqual([]);
  });

  it('given a long action running, then Stop is enabled and Step, Play and Reset are not', () => {
    const { context } = harness({ busy: true });
    useAppStore.getState().setMode('run');
    const enabled = actionsInMode(context()).filter((a) => a.group === 'Run' && a.enabled(context())).map((a) => a.id);
    expect(enabled).toEqual(['run.stop']);
  });

  it('given play, then Play (checked) pauses, Stop and Reset are enabled, Step and Run until quiet are not', () => {
    const { context } = harness({ playing: true });
    useAppStore.getState().setMode('run');
    const enabled = actionsInMode(context()).filter((a) => a.group === 'Run' && a.enabled(context())).map((a) => a.id);
    expect(enabled).toEqual(['run.play', 'run.stop', 'run.reset']);
    expect(getAction('run.play').checked?.(context())).toBe(true);
  });

  it('given another tab drives the run, then no run action is enabled and S and Space change nothing', () => {
    const { calls, context } = harness({ watching: true });
    useAppStore.getState().setMode('run');
    const enabled = actionsInMode(context()).filter((a) => a.group === 'Run' && a.enabled(context())).map((a) => a.id);
    expect(enabled).toEqual([]);
    expect(press(key('s'), context())).toBe('none');
    expect(press(key(' '), context())).toBe('run.play (claimed, not performed)');
    expect(calls).toEqual([]);
  });

  it('given the canvas actions, then they ask the canvas, in the modes they exist in', () => {
    const { calls, context } = harness();
    expect(performAction(getAction('add.event'), context())).toBe(true);
    expect(performAction(getAction('edit.autoLayout'), context())).toBe(true);
    expect(press(key('F', { shiftKey: true }), context())).toBe('view.fit');
    useAppStore.getState().setMode('run');
    expect(performAction(getAction('add.event'), context())).toBe(false);
    expect(calls).toEqual(['add event', 'autoLayout', 'fitView']);
  });

  it('given ?, then the shortcuts help opens in both modes, but not while typing', () => {
    const { context } = harness({});
    expect(press(key('?', { shiftKey: true, typing: true }), context())).toBe('none');
    expect(press(key('?', { shiftKey: true }), context())).toBe('help.shortcuts');
    expect(useAppStore.getState().overlay).toBe('shortcuts');
    useAppStore.getState().setMode('run');
    useAppStore.getState().setOverlay(null);
    expect(press(key('?', { shiftKey: true }), context())).toBe('help.shortcuts');
  });
});
