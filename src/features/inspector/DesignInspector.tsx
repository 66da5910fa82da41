import type { FlowDocument } from '../../core';
import { useAppStore } from '../../state/store';
import { Section, TextField } from './controls';

/** With nothing selected: the design's name and description, what it holds, and how to start. */
export function DesignInspector({ doc }: { doc: FlowDocument }) {
  const setDesignInfo = useAppStore((s) => s.setDesignInfo);
  const counts = [
    [doc.producers.length, 'producer'], [doc.eventTypes.length, 'event type'],
    [doc.consumers.length, 'consumer'], [doc.projections.length, 'projection'],
  ] as const;
  return (
    <>
      <Section title="Design">
        <TextField label="Design description" multiline value={doc.description}
          onChange={(description) => setDesignInfo({ description }, { coalesceKey: 'design:description' })} />
        <p className="inspector-hint">{counts.map(([n, noun]) => `${n} ${noun}${n === 1 ? '' : 's'}`).join(' · ')}</p>
      </Section>
      <Section title="How to">
        <ul className="howto">
          <li>Click or drag a kind from <strong>Add</strong> onto the canvas.</li>
          <li>Drag from a node’s right handle to another node’s left handle to connect them.</li>
          <li>Select a node to edit it here. Shift-click or Shift-drag selects several.</li>
          <li><kbd>Del</kbd> deletes, <kbd>Ctrl</kbd>+<kbd>C</kbd>/<kbd>V</kbd> copies, <kbd>Ctrl</kbd>+<kbd>Z</kbd> undoes; <kbd>?</kbd> lists every shortcut.</li>
        </ul>
      </Section>
    </>
  );
}
