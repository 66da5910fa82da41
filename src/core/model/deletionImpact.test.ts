import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeDeletion } from './deletionImpact';
import { deleteNodes } from './deleteNodes';
import type { FlowDocument } from './types';

const example = JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as FlowDocument;
const idOf = (name: string) => [...example.eventTypes, ...example.producers, ...example.consumers, ...example.projections].find((n) => n.name === name)!.id;

describe('describeDeletion', () => {
  it('given the example, when VideoInputEvent would be deleted, then the emission and both handlers that go are named', () => {
    const lines = describeDeletion(example, [idOf('VideoInputEvent')]);
    expect(lines).toEqual(expect.arrayContaining([
      expect.stringMatching(/^content-ingest's command \w+ no longer emits VideoInputEvent/),
      expect.stringMatching(/^author-service stops handling VideoInputEvent: its handler goes, with \d+ effects? and \d+ emissions?$/),
      expect.stringMatching(/^status-board stops handling VideoInputEvent: its handler goes/),
    ]));
  });

  it('given the example, when a projection would be deleted, then the consumers that stop updating it are named', () => {
    expect(describeDeletion(example, [idOf('videos-by-status')])).toEqual([
      'status-board no longer updates videos-by-status when it handles VideoInputEvent (1 effect)',
      'status-board no longer updates videos-by-status when it handles VideoStatusChangeEvent (1 effect)',
    ]);
  });

  it('given a base event type, when it would be deleted, then its subtypes losing their base are named', () => {
    const lines = describeDeletion(example, [idOf('VideoEvent')]);
    expect(lines).toContain('VideoInputEvent no longer extends VideoEvent (its inherited fields go)');
  });

  it('given the nodes on both ends, when both would be deleted, then nothing else is reported (a deleted node loses nothing worth naming)', () => {
    expect(describeDeletion(example, [idOf('author-service'), idOf('author-videos'), idOf('AuthorVideoAddedEvent'), idOf('follow-center'), idOf('notifications')])).toEqual([]);
  });

  it('given any single node of the example, then it reports a loss exactly when the deletion changes a node that stays', () => {
    const nodes = (doc: FlowDocument) => [...doc.eventTypes, ...doc.producers, ...doc.consumers, ...doc.projections];
    for (const node of nodes(example)) {
      const after = deleteNodes(example, [node.id]);
      const survivors = (doc: FlowDocument) => JSON.stringify(nodes(doc).filter((n) => n.id !== node.id));
      const changedElsewhere = survivors(after) !== survivors(example);
      expect({ node: node.name, reported: describeDeletion(example, [node.id]).length > 0 }).toEqual({ node: node.name, reported: changedElsewhere });
    }
  });
});
