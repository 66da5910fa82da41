import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNode, type FlowDocument } from '../core';
import { useAppStore } from './store';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
const state = () => useAppStore.getState();

describe('deleting what others reference', () => {
  it('given an event that handlers and a command use, when its deletion is requested, then nothing goes until confirmed, and the request says what else goes', () => {
    state().loadDocument(example);
    state().selectNode('video-input-event');
    state().requestDeleteSelection();

    expect(state().doc).toBe(example);
    expect(state().pendingDeletion).toMatchObject({ nodeIds: ['video-input-event'], names: ['VideoInputEvent'] });
    expect(state().pendingDeletion?.consequences.join('\n')).toContain('author-service stops handling VideoInputEvent');

    state().confirmPendingDeletion();
    expect(findNode(state().doc!, 'video-input-event')).toBeUndefined();
    expect(state().pendingDeletion).toBeNull();
    state().undo();
    expect(state().doc).toEqual(example);
  });

  it('given a pending deletion, when cancelled, then the design and the selection stay', () => {
    state().loadDocument(example);
    state().selectNode('author-videos');
    state().requestDeleteSelection();
    state().cancelPendingDeletion();
    expect(state().doc).toBe(example);
    expect(state().selectedNodeIds).toEqual(['author-videos']);
    expect(state().history.past).toHaveLength(0);
  });

  it('given a node nobody references, when its deletion is requested, then it goes at once', () => {
    state().loadDocument(example);
    state().selectNode('content-ingest');
    state().requestDeleteSelection();
    expect(state().pendingDeletion).toBeNull();
    expect(findNode(state().doc!, 'content-ingest')).toBeUndefined();
  });
});

describe('the side panel follows the selection', () => {
  it('given the problems list open, when a node is selected on the canvas, then the inspector shows it', () => {
    state().loadDocument(example);
    state().setSidePanel('problems');
    state().setSelection(['author-service'], []);
    expect(state().sidePanel).toBe('inspector');
  });

  it('given the problems list open, when a connection is selected, then the inspector shows it; when the selection only shrinks, the problems list stays', () => {
    state().loadDocument(example);
    state().setSelection(['author-service', 'follow-center'], []);
    state().setSidePanel('problems');
    state().setSelection(['author-service'], []);
    expect(state().sidePanel).toBe('problems');
    state().setSelection([], ['subscribes:video-input-event->author-service']);
    expect(state().sidePanel).toBe('inspector');
  });
});
