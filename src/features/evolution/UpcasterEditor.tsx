import type { UpcastStep } from '../../core';
import { lists, RowActions, SelectField, TextField } from '../inspector/controls';

const OPS: { value: UpcastStep['op']; label: string }[] = [
  { value: 'rename', label: 'Rename (move)' },
  { value: 'set', label: 'Set a default' },
  { value: 'remove', label: 'Remove' },
  { value: 'copy', label: 'Copy' },
  { value: 'map', label: 'Map values' },
];

/** A new step of a kind, with what it had in common with the old one (its path). */
function stepOf(op: UpcastStep['op'], previous?: UpcastStep): UpcastStep {
  const path = previous ? ('path' in previous ? previous.path : previous.from) : '';
  switch (op) {
    case 'rename': return { op, from: path, to: '' };
    case 'copy': return { op, from: path, to: '' };
    case 'set': return { op, path, value: '', onlyIfMissing: true };
    case 'remove': return { op, path };
    case 'map': return { op, path, values: [] };
  }
}

/** A JSON value as the user types it: JSON when it parses (`12`, `true`, `"x"`, `{…}`), else the text itself. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

const showValue = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function StepFields({ step, onChange }: { step: UpcastStep; onChange: (next: UpcastStep) => void }) {
  switch (step.op) {
    case 'rename':
    case 'copy':
      return (
        <div className="form-grid">
          <TextField compact label="From" value={step.from} placeholder="/total" onChange={(from) => onChange({ ...step, from })} />
          <TextField compact label="To" value={step.to} placeholder="/amount" onChange={(to) => onChange({ ...step, to })} />
        </div>
      );
    case 'set':
      return (
        <div className="form-grid">
          <TextField compact label="Path" value={step.path} placeholder="/currency" onChange={(path) => onChange({ ...step, path })} />
          <TextField compact label="Value (JSON)" value={showValue(step.value)} placeholder='"EUR"' onChange={(text) => onChange({ ...step, value: parseValue(text) })} />
        </div>
      );
    case 'remove':
      return <TextField compact label="Path" value={step.path} placeholder="/legacyField" onChange={(path) => onChange({ ...step, path })} />;
    case 'map':
      return (
        <>
          <TextField compact label="Path" value={step.path} placeholder="/status" onChange={(path) => onChange({ ...step, path })} />
          <TextField compact label="Old → new, one pair a line (JSON or text)" multiline
            value={step.values.map((v) => `${showValue(v.from)} -> ${showValue(v.to)}`).join('\n')}
            onChange={(text) => onChange({
              ...step,
              values: text.split('\n').filter((line) => line.includes('->')).map((line) => {
                const [from, to] = line.split('->').map((part) => part.trim());
                return { from: parseValue(from ?? ''), to: parseValue(to ?? '') };
              }),
            })} />
        </>
      );
  }
}

/**
 * Edits the upcaster from one version to the next: declarative steps on JSON Pointer paths,
 * applied in order to every stored event of the older version when it is replayed.
 */
export function UpcasterEditor({ steps, onChange }: { steps: UpcastStep[]; onChange: (steps: UpcastStep[], key?: string) => void }) {
  const replace = (i: number, next: UpcastStep, key?: string) => onChange(steps.map((s, j) => (j === i ? next : s)), key);
  return (
    <div className="upcaster" role="list" aria-label="Upcaster steps">
      {steps.length === 0 && <p className="inspector-hint">No steps: events of this version are read as they are.</p>}
      {steps.map((step, i) => (
        <div key={i} className="upcaster__step" role="listitem">
          <div className="upcaster__head">
            <SelectField compact label={`Step ${i + 1}`} value={step.op} options={OPS} onChange={(op) => replace(i, stepOf(op as UpcastStep['op'], step))} />
            <RowActions label={`step ${i + 1}`} index={i} count={steps.length}
              onMove={(from, to) => onChange(lists.move(steps, from, to))}
              onRemove={(index) => onChange(lists.removeAt(steps, index))} />
          </div>
          <StepFields step={step} onChange={(next) => replace(i, next, `upcast-${i}`)} />
        </div>
      ))}
      <button type="button" className="tool-button" onClick={() => onChange([...steps, stepOf('rename')])}>+ Step</button>
    </div>
  );
}
