import { ENVELOPE_KINDS, envelopeLabel, withEnvelope, type EnvelopeKind, type FlowDocument } from '../../core';
import { useAppStore } from '../../state/store';
import { Section, SelectField, TextField } from './controls';
import { LibraryEditor } from './LibraryEditor';
import { CompatibilitySection } from '../evolution/CompatibilitySection';

const ENVELOPE_HINT: Record<EnvelopeKind, string> = {
  eventflow: 'eventId, eventType, occurredAt, aggregateId, causationId and correlationId beside the payload’s own properties.',
  cloudevents: 'id, source, type, specversion, time, subject, datacontenttype, causationid and correlationid; the payload under data.',
  none: 'The message is the payload alone; handlers cannot read envelope values.',
};

/** With nothing selected: the design's name and description, what it holds, and how to start. */
export function DesignInspector({ doc }: { doc: FlowDocument }) {
  const setDesignInfo = useAppStore((s) => s.setDesignInfo);
  const applyEdit = useAppStore((s) => s.applyEdit);
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
      <Section title="Envelope">
        <SelectField label="Events travel in" value={doc.envelope.kind} title="The envelope of every event: exports and handlers follow it"
          options={ENVELOPE_KINDS.map((kind) => ({ value: kind, label: envelopeLabel(kind) }))}
          onChange={(kind) => applyEdit((d) => withEnvelope(d, { ...d.envelope, kind: kind as EnvelopeKind }))} />
        <p className="inspector-hint">{ENVELOPE_HINT[doc.envelope.kind]}</p>
        {doc.envelope.kind === 'cloudevents' && (
          <TextField label="CloudEvents source" value={doc.envelope.source ?? ''} placeholder={`/${doc.id}`}
            title="A URI-reference; each producer's or consumer's id is appended"
            onChange={(source) => applyEdit((d) => ({ ...d, envelope: source ? { ...d.envelope, source } : { kind: d.envelope.kind } }), { coalesceKey: 'design:envelope-source' })} />
        )}
      </Section>
      <Section title="Schema library">
        <LibraryEditor doc={doc} />
      </Section>
      <CompatibilitySection doc={doc} />
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
