import { getOwn } from '../../../core';
import { useEffect, useState, type FormEvent } from 'react';
import type { FieldDef, FireRequest, RunRecord } from '../../../core';
import { runEngine } from '../runEngine';
import { fromInputTexts, textsFromPayload } from './payloadForm';

interface Props {
  run: RunRecord;
  /** A producer selected on the canvas becomes the target. */
  selectedNodeId: string | null;
  enabled: boolean;
  onFire(request: FireRequest): Promise<unknown>;
  onFireMany(producerId: string, commandId: string, count: number): Promise<unknown>;
}

/**
 * Fire a command at a producer: a form generated from the command's input fields, prefilled by the
 * run's seeded generator (the values the engine would pick), editable; and "fire N" with generated values.
 */
export function FirePanel({ run, selectedNodeId, enabled, onFire, onFireMany }: Props) {
  const producers = run.flow.producers.filter((p) => p.commands.length > 0);
  const [chosenProducer, setProducerId] = useState(producers[0]?.id ?? '');
  const producerId = producers.some((p) => p.id === selectedNodeId) ? (selectedNodeId ?? '') : chosenProducer;
  const producer = producers.find((p) => p.id === producerId) ?? producers[0];
  const [chosenCommand, setCommandId] = useState('');
  const command = producer?.commands.find((c) => c.id === chosenCommand) ?? producer?.commands[0];
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [count, setCount] = useState(10);
  const [refresh, setRefresh] = useState(0);
  // Once the user types in the form, the steps that move the run's random state must not overwrite it:
  // only firing, ↻, or choosing another producer or command (here or on the canvas) fills it again.
  const [editedTarget, setEditedTarget] = useState<string | null>(null);
  const target = `${producer?.id}/${command?.id}`;
  if (editedTarget !== null && editedTarget !== target) setEditedTarget(null);
  const edited = editedTarget === target;
  const setEdited = (yes: boolean) => setEditedTarget(yes ? target : null);

  // Prefill from the seeded generator whenever the target or the run's random state changes.
  const previewKey = `${target}/${run.seq.command}/${edited ? 'edited' : run.rngState}/${refresh}`;
  useEffect(() => {
    if (!producer || !command || edited) return;
    let cancelled = false;
    runEngine().previewPayload(run.runId, producer.id, command.id).then(
      (payload) => {
        if (cancelled) return;
        setTexts(textsFromPayload(command.inputFields, payload));
        setErrors({});
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
    // previewKey names everything the preview depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewKey]);

  if (!producer || !command) return <p className="sim-hint">This design has no producer with a command to fire.</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = fromInputTexts(command.inputFields, texts);
    setErrors(result.errors);
    if (Object.keys(result.errors).length > 0) return;
    await onFire({ producerId: producer.id, commandId: command.id, payload: result.payload });
    setEdited(false);
  };

  return (
    <form className="sim-form" onSubmit={(e) => void submit(e)} aria-label="Fire a command">
      <h3>Fire a command</h3>
      <label className="sim-field">
        <span>Producer</span>
        <select value={producer.id} onChange={(e) => { setProducerId(e.target.value); setCommandId(''); }} aria-label="Producer">
          {producers.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
        </select>
      </label>
      <label className="sim-field">
        <span>Command</span>
        <select value={command.id} onChange={(e) => setCommandId(e.target.value)} aria-label="Command">
          {producer.commands.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
      </label>
      {command.inputFields.map((field) => (
        <FieldInput
          key={`${command.id}:${field.name}`}
          field={field}
          value={getOwn(texts, field.name) ?? ''}
          error={getOwn(errors, field.name)}
          onChange={(value) => {
            setEdited(true);
            setTexts((t) => ({ ...t, [field.name]: value }));
          }}
        />
      ))}
      <div className="sim-row">
        <button type="submit" className="sim-btn primary" disabled={!enabled} title="Queue this command at the producer; Step to handle it">
          Fire
        </button>
        <button
          type="button"
          className="sim-btn"
          onClick={() => {
            setEdited(false);
            setRefresh((n) => n + 1);
          }}
          aria-label="Generate the values again"
          title="Fill the form with the seeded generator's values again"
        >
          ↻
        </button>
        <span className="sim-row-gap" />
        <input
          type="number"
          className="sim-count"
          min={1}
          max={100000}
          value={count}
          onChange={(e) => setCount(Math.max(1, Math.min(100_000, Math.floor(Number(e.target.value) || 1))))}
          aria-label="How many commands to fire"
          title="How many commands to fire with generated values"
        />
        <button
          type="button"
          className="sim-btn"
          disabled={!enabled}
          onClick={() => void onFireMany(producer.id, command.id, count)}
          title={`Fire ${count} ${command.name} commands with generated values`}
        >
          Fire {count.toLocaleString('en')}
        </button>
      </div>
    </form>
  );
}

function FieldInput({ field, value, error, onChange }: { field: FieldDef; value: string; error?: string; onChange(value: string): void }) {
  const label = `${field.name}${field.required ? '' : ' (optional)'}`;
  const describedBy = error ? `fire-error-${field.name}` : undefined;
  return (
    <label className="sim-field" title={field.description ?? field.name}>
      <span>{field.name}{field.required ? '' : '?'}</span>
      {field.type === 'enum' || field.type === 'boolean' ? (
        <select value={value} onChange={(e) => onChange(e.target.value)} aria-label={label} aria-invalid={!!error} aria-describedby={describedBy}>
          {!field.required && <option value="">—</option>}
          {(field.type === 'boolean' ? ['true', 'false'] : field.enumValues ?? []).map((v) => <option key={v} value={v}>{v}</option>)}
        </select>
      ) : (
        <input
          type={field.type === 'integer' || field.type === 'number' ? 'number' : 'text'}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-label={label}
          aria-invalid={!!error}
          aria-describedby={describedBy}
          spellCheck={false}
        />
      )}
      {error && <em id={describedBy} className="field-error">{error}</em>}
    </label>
  );
}
