import { commandInputPaths, withCommandEmission, type Command, type FlowDocument } from '../../core';
import { CheckboxField, RowActions, TextField, lists } from './controls';
import { EmissionsEditor } from './EmissionsEditor';
import { SchemaEditor } from './schema/SchemaEditor';
import { SourcePicker } from './SourcePicker';
import type { SourceContext } from './sourceOptions';

interface CommandEditorProps {
  doc: FlowDocument;
  label: string;
  command: Command;
  beforeColumns: string[];
  onChange(command: Command, coalesceKey?: string): void;
}

/** One command: its inputs, the aggregate it changes, the row changes and the events it emits. */
export function CommandEditor({ doc, label, command, beforeColumns, onChange }: CommandEditorProps) {
  const context: SourceContext = { inputPaths: commandInputPaths(doc, command.input, { listItems: true }).map((p) => p.path), beforeColumns };
  const key = (k?: string) => (k ? `${command.id}:${k}` : undefined);
  return (
    <div className="command">
      <TextField label={`${label} name`} value={command.name} onChange={(name) => onChange({ ...command, name }, key('name'))} />
      <TextField label={`${label} description`} value={command.description ?? ''}
        onChange={(description) => onChange({ ...command, description }, key('description'))} />
      <CheckboxField label="Callers send an idempotency key" checked={command.idempotencyKey ?? false}
        title="The caller sends the same key with every retry of a request; the producer remembers the keys it handled, in the same transaction as the change, and answers a retry from the first result"
        onChange={(idempotencyKey) => onChange({ ...command, idempotencyKey })} />
      <h4>Input fields</h4>
      <SchemaEditor noun="Input" label={`Input of ${command.name || label}`} schema={command.input} library={doc.schemaLibrary}
        onChange={(input, k) => onChange({ ...command, input }, key(k))} />
      <h4>Aggregate id</h4>
      <SourcePicker label={`${label} aggregate id from`} source={command.aggregateId} context={{ inputPaths: context.inputPaths }} allowUnmapped={false}
        onChange={(source, k) => { if (source) onChange({ ...command, aggregateId: source }, key(k)); }} />
      <h4>Row changes</h4>
      {command.rowChanges.map((change, index) => {
        const rowLabel = `Row change ${index + 1}`;
        const set = (next: typeof change, k?: string) => onChange({ ...command, rowChanges: lists.replaceAt(command.rowChanges, index, next) }, key(k));
        return (
          <div key={index} className="assignment-row" role="group" aria-label={rowLabel}>
            <TextField compact label={`${rowLabel} column`} value={change.target} onChange={(target) => set({ ...change, target }, `row:${index}`)} />
            <span className="assignment-row__arrow" aria-hidden="true">←</span>
            <SourcePicker label={`${rowLabel} from`} source={change.source} context={context} allowUnmapped={false}
              onChange={(source, k) => { if (source) set({ ...change, source }, k); }} />
            <RowActions label={rowLabel} index={index} count={command.rowChanges.length}
              onMove={(from, to) => onChange({ ...command, rowChanges: lists.move(command.rowChanges, from, to) })}
              onRemove={(i) => onChange({ ...command, rowChanges: lists.removeAt(command.rowChanges, i) })} />
          </div>
        );
      })}
      <button type="button" className="tool-button add-button" onClick={() => onChange({
        ...command,
        rowChanges: [...command.rowChanges, { target: `column${command.rowChanges.length + 1}`, source: { from: 'literal', value: '' } }],
      })}>+ Add row change</button>
      <h4>Emits</h4>
      <EmissionsEditor doc={doc} label={label} emits={command.emits} context={context}
        onChange={(emits, k) => onChange({ ...command, emits }, key(k))}
        emit={(eventTypeId) => onChange(withCommandEmission(doc, command, eventTypeId))}
        canMapMissing={() => true}
        mapMissingHint="Map every unmapped field from the same-named input, adding the inputs it needs" />
    </div>
  );
}

