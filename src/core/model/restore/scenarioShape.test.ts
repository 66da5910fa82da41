import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { restoreFlowDocument } from './restoreFlowDocument';

const example = () => JSON.parse(readFileSync('public/examples/content-platform.json', 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('restoreFlowDocument: scenarios', () => {
  it('given a design without scenarios, when restored, then it has none (the field stays optional)', () => {
    const doc = example();
    delete doc.scenarios;
    const restored = restoreFlowDocument(doc);
    expect(restored.ok && restored.doc.scenarios).toBe(undefined);
  });

  it('given a scenario with only an id and a name, when restored, then the defaults are filled in', () => {
    const doc = example();
    doc.scenarios = [{ id: 's', name: 'Nothing yet', given: { commands: [{ producerId: 'content-ingest', commandId: 'ingest-video' }] } }];
    const restored = restoreFlowDocument(doc);
    expect(restored.ok && restored.doc.scenarios).toEqual([{
      id: 's', name: 'Nothing yet', given: { commands: [{ producerId: 'content-ingest', commandId: 'ingest-video', count: 1 }] },
      when: { seed: 1 }, then: { rows: [], expectAnomalies: [], allowAnomalies: [] },
    }]);
  });

  it('given broken scenario fields, when restored, then each error has its JSON pointer and says what was expected', () => {
    const doc = example();
    doc.scenarios[0].when.faults.duplicateDelivery = 1.5;
    doc.scenarios[1].then.expectAnomalies = ['vanished'];
    doc.scenarios[2].given.commands[1].input = 'blocked';
    const restored = restoreFlowDocument(doc);
    expect(restored.ok).toBe(false);
    expect(!restored.ok && restored.errors).toEqual([
      { path: '/scenarios/0/when/faults/duplicateDelivery', message: 'duplicateDelivery: expected a probability between 0 and 1, found the number 1.5' },
      { path: '/scenarios/1/then/expectAnomalies/0', message: expect.stringMatching(/^0: expected one of 'lost', 'phantom', .*found the text "vanished"$/) },
      { path: '/scenarios/2/given/commands/1/input', message: 'input: expected an object, found the text "blocked"' },
    ]);
  });

  it('given two scenarios with one id, when restored, then it is refused at the second', () => {
    const doc = example();
    doc.scenarios[1].id = doc.scenarios[0].id;
    const restored = restoreFlowDocument(doc);
    expect(!restored.ok && restored.errors).toEqual([{ path: '/scenarios/1/id', message: `id: '${doc.scenarios[0].id}' is used by another scenario too` }]);
  });

  it('given pattern switches keyed by ids like __proto__, when restored, then they stay own keys', () => {
    const doc = JSON.parse(JSON.stringify(example()).replace('"patterns":{"outbox":{"content-ingest":false}}', '"patterns":{"outbox":{"__proto__":false}}')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    doc.scenarios[1].when.patterns = JSON.parse('{"inbox":{"__proto__":false}}');
    const restored = restoreFlowDocument(doc);
    const inbox = restored.ok ? restored.doc.scenarios?.[1]?.when.patterns?.inbox : undefined;
    expect(inbox && Object.hasOwn(inbox, '__proto__')).toBe(true);
  });
});
