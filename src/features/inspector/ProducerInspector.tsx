import { useState } from 'react';
import { newCommandId, type FlowDocument, type Producer, type PublishMode } from '../../core';
import { CollapsibleItem, Section, SelectField, TextField, lists } from './controls';
import { CommandEditor } from './CommandEditor';
import { useNodeUpdater } from './useNodeUpdater';

export const PUBLISH_MODE_HINT = 'Outbox: row and event in one local transaction, then a relay publishes (at least once). Dual write: commit, then publish directly (a crash in between loses the event).';

export const PUBLISH_MODE_OPTIONS = [
  { value: 'outbox', label: 'Outbox' },
  { value: 'dual-write', label: 'Dual write' },
];

/** Edits a producer: name, description, aggregate, publish mode and commands. */
export function ProducerInspector({ doc, node }: { doc: FlowDocument; node: Producer }) {
  const update = useNodeUpdater(node);
  const [openCommand, setOpenCommand] = useState(0);
  const beforeColumns = [...new Set(node.commands.flatMap((c) => c.rowChanges.map((r) => r.target)))];
  const setCommands = (commands: Producer['commands'], key?: string) => update({ ...node, commands }, key);
  const addCommand = () => {
    const id = newCommandId(doc, node.id);
    setCommands([...node.commands, {
      id, name: `Command${node.commands.length + 1}`, input: { type: 'object', properties: {} }, aggregateId: { from: 'generated', generator: 'uuid' }, rowChanges: [], emits: [],
    }]);
    setOpenCommand(node.commands.length);
  };
  return (
    <>
      <Section title="Producer">
        <TextField label="Name" value={node.name} onChange={(name) => update({ ...node, name }, 'name')} />
        <TextField label="Description" multiline value={node.description} onChange={(description) => update({ ...node, description }, 'description')} />
        <div className="form-grid">
          <TextField label="Aggregate table" value={node.aggregate} onChange={(aggregate) => update({ ...node, aggregate }, 'aggregate')} />
          <SelectField label="Publish mode" value={node.publishMode} options={PUBLISH_MODE_OPTIONS} title={PUBLISH_MODE_HINT}
            onChange={(mode) => update({ ...node, publishMode: mode as PublishMode })} />
        </div>
      </Section>
      <Section title="Commands" actions={<button type="button" className="tool-button" onClick={addCommand}>+ Add command</button>}>
        {node.commands.length === 0 && <div className="inspector-empty">No commands: add one to fire it in a run.</div>}
        {node.commands.map((command, index) => {
          const label = `Command ${index + 1}`;
          const open = openCommand === index;
          return (
            <CollapsibleItem key={command.id} title={command.name} open={open}
              onToggle={() => setOpenCommand(open ? -1 : index)} label={label} index={index} count={node.commands.length}
              onMove={(from, to) => setCommands(lists.move(node.commands, from, to))}
              onRemove={(i) => setCommands(lists.removeAt(node.commands, i))}>
              <CommandEditor doc={doc} label={label} command={command} beforeColumns={beforeColumns}
                onChange={(next, key) => setCommands(lists.replaceAt(node.commands, index, next), key)} />
            </CollapsibleItem>
          );
        })}
      </Section>
    </>
  );
}
