import { getOwn, recordFrom } from '../../../core';
import { useState } from 'react';
import type { FaultSettings, RunRecord, SettingsPatch } from '../../../core';
import { useOptimisticValue } from './useOptimistic';

interface Props {
  run: RunRecord;
  enabled: boolean;
  onChange(patch: SettingsPatch): Promise<unknown>;
}

type ProbabilityFault = 'crashAfterCommit' | 'crashAfterPublish' | 'duplicateDelivery' | 'reorder' | 'consumerFailure';

const PROBABILITIES: { key: ProbabilityFault; label: string; help: string }[] = [
  { key: 'crashAfterCommit', label: 'Crash after commit, before publish', help: 'With dual write the event is lost for good; with an outbox the relay still publishes it.' },
  { key: 'crashAfterPublish', label: 'Crash after publish, before mark-sent', help: 'The relay publishes the same event id again: a duplicate on the wire.' },
  { key: 'duplicateDelivery', label: 'Duplicate delivery', help: 'The broker delivers a message twice to a subscriber (at-least-once delivery).' },
  { key: 'reorder', label: 'Reorder / delay', help: 'A subscriber\'s copy is delayed so later messages overtake it.' },
  { key: 'consumerFailure', label: 'Consumer failure', help: 'Handling fails; the message is redelivered, and dead-lettered at the retry limit.' },
];

/** The engine's switches (outbox, inbox), fault probabilities and the seed, saved with the run. */
export function FaultsPanel({ run, enabled, onChange }: Props) {
  const { settings, flow } = run;
  const [seed, setSeed] = useState(String(settings.seed));
  const faults = settings.faults;
  const setFault = (patch: Partial<FaultSettings>) => void onChange({ faults: patch });
  const owners = [...flow.producers.map((p) => ({ id: p.id, name: p.name, design: p.publishMode === 'outbox' })),
    ...flow.consumers.map((c) => ({ id: c.id, name: c.name, design: c.publishMode === 'outbox' }))];

  return (
    <div className="faults-grid" aria-label="Faults and patterns">
      <fieldset disabled={!enabled}>
        <legend>Transactional outbox</legend>
        <p className="sim-hint">Off = dual write: commit, then publish directly.</p>
        {owners.map((o) => (
          <label key={o.id}>
            <span>{o.name}</span>
            <OptimisticCheckbox
              stored={getOwn(settings.patterns.outbox, o.id) ?? o.design}
              onChange={(checked) => void onChange({ patterns: { outbox: recordFrom([[o.id, checked]]) } })}
              label={`Outbox for ${o.name}`}
            />
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!enabled}>
        <legend>Inbox (idempotent consumer)</legend>
        <p className="sim-hint">Off = no duplicate check: a redelivered event is applied again.</p>
        {flow.consumers.map((c) => (
          <label key={c.id}>
            <span>{c.name}</span>
            <OptimisticCheckbox
              stored={getOwn(settings.patterns.inbox, c.id) ?? c.useInbox}
              onChange={(checked) => void onChange({ patterns: { inbox: recordFrom([[c.id, checked]]) } })}
              label={`Inbox for ${c.name}`}
            />
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!enabled}>
        <legend>Faults (probability per chance)</legend>
        {PROBABILITIES.map((f) => (
          <label key={f.key} title={f.help}>
            <span>{f.label}</span>
            <ProbabilitySlider stored={faults[f.key]} onChange={(p) => setFault({ [f.key]: p })} label={f.label} />
          </label>
        ))}
      </fieldset>
      <fieldset disabled={!enabled}>
        <legend>More faults</legend>
        <label title="Any delivery whose payload holds this value always fails (a poison message)">
          <span>Poison value</span>
          <input
            type="text"
            defaultValue={faults.poisonValue ?? ''}
            placeholder="none"
            onBlur={(e) => setFault({ poisonValue: e.target.value.trim() === '' ? null : e.target.value.trim() })}
            aria-label="Poison value"
          />
        </label>
        <label title="The relay cannot publish for this many steps, from the current step">
          <span>Relay down for (steps)</span>
          <input
            type="number"
            min={0}
            defaultValue={faults.relayDown?.steps ?? 0}
            onBlur={(e) => {
              const steps = Math.max(0, Math.floor(Number(e.target.value) || 0));
              setFault({ relayDown: steps === 0 ? null : { fromStep: run.step, steps } });
            }}
            aria-label="Relay down for how many steps"
          />
        </label>
        <label title="An outbox row still pending after this many steps is reported as a stuck outbox">
          <span>Stuck outbox after (steps)</span>
          <input
            type="number"
            min={1}
            defaultValue={settings.stuckOutboxAfterSteps}
            onBlur={(e) => {
              const steps = Math.floor(Number(e.target.value));
              if (steps >= 1 && steps !== settings.stuckOutboxAfterSteps) void onChange({ stuckOutboxAfterSteps: steps });
            }}
            aria-label="Report an outbox row as stuck after how many steps"
          />
        </label>
        <label title="A different seed gives different generated values and fault draws; it restarts the run">
          <span>Seed</span>
          <input type="number" value={seed} onChange={(e) => setSeed(e.target.value)} aria-label="Seed" />
        </label>
        <button
          type="button"
          className="sim-btn"
          disabled={!Number.isInteger(Number(seed)) || Number(seed) === settings.seed}
          onClick={() => void onChange({ seed: Number(seed) })}
          title="Restart the run with this seed"
        >
          Restart with seed {seed}
        </button>
      </fieldset>
    </div>
  );
}

function OptimisticCheckbox({ stored, onChange, label }: { stored: boolean; onChange(checked: boolean): void; label: string }) {
  const [checked, setChecked] = useOptimisticValue(stored);
  return (
    <input
      type="checkbox"
      checked={checked}
      onChange={(e) => {
        setChecked(e.target.checked);
        onChange(e.target.checked);
      }}
      aria-label={label}
    />
  );
}

function ProbabilitySlider({ stored, onChange, label }: { stored: number; onChange(p: number): void; label: string }) {
  const [value, setValue] = useOptimisticValue(stored);
  const percent = `${Math.round(value * 100)}%`;
  return (
    <>
      <input
        type="range"
        min={0}
        max={1}
        step={0.05}
        value={value}
        onChange={(e) => {
          setValue(Number(e.target.value));
          onChange(Number(e.target.value));
        }}
        aria-label={label}
        aria-valuetext={percent}
      />
      <output className="fault-value">{percent}</output>
    </>
  );
}
