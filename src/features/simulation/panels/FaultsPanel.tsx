import { useState } from 'react';
import { getOwn, recordFrom, type FaultSettings, type PatternOverrides, type RunRecord, type SettingsPatch } from '../../../core';
import { useOptimisticValue } from './useOptimistic';

interface Props {
  run: RunRecord;
  enabled: boolean;
  onChange(patch: SettingsPatch): Promise<unknown>;
}

type ProbabilityFault = 'crashBeforeCommit' | 'crashAfterCommit' | 'crashAfterPublish' | 'crashAfterHandle' | 'duplicateDelivery' | 'reorder' | 'consumerFailure';

const CRASHES: { key: ProbabilityFault; label: string; help: string }[] = [
  { key: 'crashBeforeCommit', label: 'Crash before commit', help: 'A producer or consumer dies before its transaction commits: nothing is committed, the caller gets no answer, the message comes back after the ack timeout. With publish-first dual write the event is already out: a phantom.' },
  { key: 'crashAfterCommit', label: 'Crash after commit, before publish', help: 'A producer dies after its commit: with an outbox the relay still publishes; with dual write the publish it held in memory is lost; the caller gets no answer and may retry.' },
  { key: 'crashAfterPublish', label: 'Relay crash after publish, before mark-sent', help: 'The relay publishes the same event id again after its restart: a duplicate on the wire.' },
  { key: 'crashAfterHandle', label: 'Consumer crash after handle, before ack', help: 'The handling is committed but never acknowledged: the broker redelivers it after the ack timeout, and only an inbox recognises it.' },
];

const BROKER_FAULTS: { key: ProbabilityFault; label: string; help: string }[] = [
  { key: 'duplicateDelivery', label: 'Duplicate delivery', help: 'The broker delivers a message twice to a subscriber (at-least-once delivery).' },
  { key: 'reorder', label: 'Reorder / delay', help: 'A subscriber\'s copy is delayed so messages of other streams overtake it (each stream stays in order).' },
  { key: 'consumerFailure', label: 'Consumer failure', help: 'Handling fails; the message is queued again, and dead-lettered once its failures exceed the retry limit.' },
];

/** The engine's switches per node (outbox, publish-first, inbox, derived ids, idempotency keys), faults, limits and the seed, saved with the run. */
export function FaultsPanel({ run, enabled, onChange }: Props) {
  const { settings, flow } = run;
  const [seed, setSeed] = useState(String(settings.seed));
  const faults = settings.faults;
  const p = settings.patterns;
  const setFault = (patch: Partial<FaultSettings>) => void onChange({ faults: patch });
  const setSwitch = (pattern: keyof PatternOverrides, id: string, value: boolean) => void onChange({ patterns: { [pattern]: recordFrom([[id, value]]) } });
  const owners = [...flow.producers.map((o) => ({ id: o.id, name: o.name, outbox: o.publishMode === 'outbox' })),
    ...flow.consumers.map((o) => ({ id: o.id, name: o.name, outbox: o.publishMode === 'outbox' }))];
  const limit = (label: string, title: string, value: number, min: number, save: (n: number) => void) => (
    <label title={title}>
      <span>{label}</span>
      <input type="number" min={min} defaultValue={value} aria-label={label} key={value}
        onBlur={(e) => {
          const n = Math.floor(Number(e.target.value));
          if (Number.isFinite(n) && n >= min && n !== value) save(n);
        }} />
    </label>
  );

  return (
    <div className="faults-grid" aria-label="Faults and patterns">
      <fieldset disabled={!enabled}>
        <legend>Transactional outbox</legend>
        <p className="sim-hint">Off = dual write: commit, then publish directly (or publish first, then commit).</p>
        {owners.map((o) => {
          const outbox = getOwn(p.outbox, o.id) ?? o.outbox;
          return (
            <div key={o.id} className="switch-row">
              <Switch label={`Outbox for ${o.name}`} text={o.name} stored={outbox} onChange={(v) => setSwitch('outbox', o.id, v)} />
              {!outbox && (
                <Switch label={`Publish before commit for ${o.name}`} text="publish first" stored={getOwn(p.publishFirst, o.id) ?? false}
                  onChange={(v) => setSwitch('publishFirst', o.id, v)} title="Dual write that publishes before it commits: a failed commit leaves a phantom event on the broker" />
              )}
            </div>
          );
        })}
      </fieldset>
      <fieldset disabled={!enabled}>
        <legend>Consumers</legend>
        <p className="sim-hint">Inbox off = no duplicate check. Fresh ids = a redelivery emits new events no inbox downstream can recognise.</p>
        {flow.consumers.map((c) => (
          <div key={c.id} className="switch-row">
            <Switch label={`Inbox for ${c.name}`} text={`${c.name}: inbox`} stored={getOwn(p.inbox, c.id) ?? c.useInbox} onChange={(v) => setSwitch('inbox', c.id, v)} />
            {c.handlers.some((h) => h.emits.length > 0) && (
              <Switch label={`Derived event ids for ${c.name}`} text="derived ids" stored={getOwn(p.derivedIds, c.id) ?? (c.emittedIds ?? 'derived') === 'derived'}
                onChange={(v) => setSwitch('derivedIds', c.id, v)} title="Ids of emitted events derived from (consumer, handled event, emission): a redelivery re-emits the same id" />
            )}
          </div>
        ))}
      </fieldset>
      <fieldset disabled={!enabled}>
        <legend>Callers</legend>
        <p className="sim-hint">A caller whose command got no answer retries it; without an idempotency key the retry commits a second change.</p>
        {flow.producers.map((o) => (
          <Switch key={o.id} label={`Idempotency keys for ${o.name}`} text={`${o.name}: idempotency keys`}
            stored={getOwn(p.idempotencyKey, o.id) ?? o.commands.every((c) => c.idempotencyKey === true)} onChange={(v) => setSwitch('idempotencyKey', o.id, v)} />
        ))}
        {limit('Caller retries', 'Times a caller retries a command that got no answer (its producer crashed); 0 = never', settings.callerRetries, 0, (n) => void onChange({ callerRetries: n }))}
        {limit('Conflict retries', 'Times a command that lost an optimistic-concurrency race re-reads its aggregate and retries before it is rejected', settings.conflictRetries, 0, (n) => void onChange({ conflictRetries: n }))}
      </fieldset>
      <fieldset disabled={!enabled}>
        <legend>Crashes (probability per chance)</legend>
        {CRASHES.map((f) => (
          <label key={f.key} title={f.help}>
            <span>{f.label}</span>
            <ProbabilitySlider stored={faults[f.key]} onChange={(v) => setFault({ [f.key]: v })} label={f.label} />
          </label>
        ))}
        {limit('Ack timeout (steps)', 'Steps a delivery may stay unacknowledged before the broker hands it out again', settings.ackTimeoutSteps, 1, (n) => void onChange({ ackTimeoutSteps: n }))}
      </fieldset>
      <fieldset disabled={!enabled}>
        <legend>Broker and consumer faults</legend>
        {BROKER_FAULTS.map((f) => (
          <label key={f.key} title={f.help}>
            <span>{f.label}</span>
            <ProbabilitySlider stored={faults[f.key]} onChange={(v) => setFault({ [f.key]: v })} label={f.label} />
          </label>
        ))}
        <label title="Any delivery whose payload holds this value always fails (a poison message)">
          <span>Poison value</span>
          <input type="text" defaultValue={faults.poisonValue ?? ''} placeholder="none" aria-label="Poison value"
            onBlur={(e) => setFault({ poisonValue: e.target.value.trim() === '' ? null : e.target.value.trim() })} />
        </label>
      </fieldset>
      <fieldset disabled={!enabled}>
        <legend>Relay, thresholds, seed</legend>
        <label title="The relay cannot publish for this many steps, from the current step">
          <span>Relay down for (steps)</span>
          <input type="number" min={0} defaultValue={faults.relayDown?.steps ?? 0} aria-label="Relay down for how many steps"
            onBlur={(e) => {
              const steps = Math.max(0, Math.floor(Number(e.target.value) || 0));
              setFault({ relayDown: steps === 0 ? null : { fromStep: run.step, steps } });
            }} />
        </label>
        {limit('Stalled outbox after (steps)', 'An outbox row waiting longer than this while the relay marks nothing sent is reported as a stalled outbox (never below 20 steps per process)', settings.stuckOutboxAfterSteps, 1, (n) => void onChange({ stuckOutboxAfterSteps: n }))}
        <label title="A different seed gives different generated values and fault draws; it restarts the run">
          <span>Seed</span>
          <input type="number" value={seed} onChange={(e) => setSeed(e.target.value)} aria-label="Seed" />
        </label>
        <button type="button" className="sim-btn" disabled={!Number.isInteger(Number(seed)) || Number(seed) === settings.seed}
          onClick={() => void onChange({ seed: Number(seed) })} title="Restart the run with this seed">
          Restart with seed {seed}
        </button>
      </fieldset>
    </div>
  );
}

function Switch({ stored, onChange, label, text, title }: { stored: boolean; onChange(checked: boolean): void; label: string; text: string; title?: string }) {
  const [checked, setChecked] = useOptimisticValue(stored);
  return (
    <label title={title}>
      <span>{text}</span>
      <input type="checkbox" checked={checked} aria-label={label}
        onChange={(e) => {
          setChecked(e.target.checked);
          onChange(e.target.checked);
        }} />
    </label>
  );
}

function ProbabilitySlider({ stored, onChange, label }: { stored: number; onChange(p: number): void; label: string }) {
  const [value, setValue] = useOptimisticValue(stored);
  const percent = `${Math.round(value * 100)}%`;
  return (
    <>
      <input type="range" min={0} max={1} step={0.05} value={value} aria-label={label} aria-valuetext={percent}
        onChange={(e) => {
          setValue(Number(e.target.value));
          onChange(Number(e.target.value));
        }} />
      <output className="fault-value">{percent}</output>
    </>
  );
}
