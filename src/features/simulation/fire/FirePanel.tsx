import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { libraryDefs, pathLabel, type FireRequest, type Payload, type RunRecord } from '../../../core';
import { PayloadFields } from './PayloadFields';
import { countInputs, formErrors, type FormState } from './payloadForm';
import { PayloadJson } from './PayloadJson';

/** Beyond this many inputs the form shows the payload as JSON only (a design with thousands of fields). */
const MAX_FORM_INPUTS = 200;
const EMPTY: FormState = { value: {}, pending: new Map() };

interface Props {
  run: RunRecord;
  /** A producer selected on the canvas becomes the target. */
  selectedNodeId: string | null;
  enabled: boolean;
  /** Play is on: firing many is a long action of its own and waits until play is paused. */
  playing?: boolean;
  onFire(request: FireRequest): Promise<unknown>;
  onFireMany(producerId: string, commandId: string, count: number): Promise<unknown>;
  /** The payload the run's seeded generator would pick next (undefined when it cannot tell). */
  preview(producerId: string, commandId: string): Promise<Payload | undefined>;
}

/**
 * Fire a command at a producer: a form generated from the command's input schema (nested objects
 * as groups, lists with add / remove, enums as choices, nullable values with a null box; what the
 * form cannot show field by field as JSON), or the whole input as JSON; prefilled by the run's
 * seeded generator (the values the engine would pick), checked against the schema as it is typed;
 * and "fire N" with generated values.
 */
export function FirePanel({ run, selectedNodeId, enabled, playing = false, onFire, onFireMany, preview }: Props) {
  const producers = run.flow.producers.filter((p) => p.commands.length > 0);
  const [chosenProducer, setProducerId] = useState(producers[0]?.id ?? '');
  const producerId = producers.some((p) => p.id === selectedNodeId) ? (selectedNodeId ?? '') : chosenProducer;
  const producer = producers.find((p) => p.id === producerId) ?? producers[0];
  const [chosenCommand, setCommandId] = useState('');
  const command = producer?.commands.find((c) => c.id === chosenCommand) ?? producer?.commands[0];
  const [form, setForm] = useState<FormState>(EMPTY);
  const [asJson, setAsJson] = useState(false);
  const defs = libraryDefs(run.flow.schemaLibrary);
  const [count, setCount] = useState(10);
  const [refresh, setRefresh] = useState(0);
  // Once the user types in the form, the steps that move the run's random state must not overwrite it:
  // only firing, ↻, or choosing another producer or command (here or on the canvas) fills it again.
  const [editedTarget, setEditedTarget] = useState<string | null>(null);
  const target = `${producer?.id}/${command?.id}`;
  if (editedTarget !== null && editedTarget !== target) setEditedTarget(null);
  const edited = editedTarget === target;
  const setEdited = (yes: boolean) => setEditedTarget(yes ? target : null);

  // Prefill from the seeded generator whenever the target or the run's random state changes; not
  // while the form is off (a long action's batches, another tab driving): once, when it is on again.
  const previewKey = `${target}/${run.seq.command}/${edited ? 'edited' : enabled ? run.rngState : 'off'}/${refresh}`;
  useEffect(() => {
    if (!producer || !command || edited) return;
    let cancelled = false;
    void preview(producer.id, command.id).then((payload) => {
      if (cancelled || payload === undefined) return;
      setForm({ value: payload, pending: new Map() });
    });
    return () => {
      cancelled = true;
    };
    // previewKey names everything the preview depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [previewKey]);

  const tooMany = useMemo(() => (command ? countInputs(command.input, defs, MAX_FORM_INPUTS) > MAX_FORM_INPUTS : false), [command, defs]);
  const errors = useMemo(() => (command ? formErrors(command.input, form, defs) : new Map<string, string>()), [command, form, defs]);

  if (!producer || !command) return <p className="sim-hint">This design has no producer with a command to fire.</p>;

  const change = (next: FormState) => {
    setEdited(true);
    setForm(next);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (errors.size > 0) return;
    await onFire({ producerId: producer.id, commandId: command.id, payload: form.value });
    setEdited(false);
  };
  const json = asJson || tooMany;
  const topErrors = [...errors].filter(([path]) => json || path === '');

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
      {!tooMany && (
        <label className="sim-check">
          <input type="checkbox" checked={asJson} onChange={(e) => setAsJson(e.target.checked)} /> Edit the input as JSON
        </label>
      )}
      {tooMany && <p className="sim-hint">The input has more than {MAX_FORM_INPUTS} values: edit it as JSON.</p>}
      {json
        ? <PayloadJson value={form.value} onChange={(value: Payload) => change({ value, pending: new Map() })} />
        : <PayloadFields schema={command.input} state={form} onChange={change} errors={errors} defs={defs} />}
      {topErrors.length > 0 && (
        <ul className="sim-errors" aria-label="What does not fit the input">
          {topErrors.slice(0, 8).map(([path, message]) => <li key={path}>{path ? `${pathLabel(path)}: ` : ''}{message}</li>)}
        </ul>
      )}
      <div className="sim-row">
        <button type="submit" className="sim-btn primary" disabled={!enabled || errors.size > 0}
          title={errors.size > 0 ? 'Fix the values marked in red first' : 'Queue this command at the producer; Step to handle it'}>
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
          disabled={!enabled || playing}
          onClick={() => void onFireMany(producer.id, command.id, count)}
          title={playing ? 'Pause first: firing many commands is a long action of its own' : `Fire ${count} ${command.name} commands with generated values`}
        >
          Fire {count.toLocaleString('en')}
        </button>
      </div>
    </form>
  );
}
