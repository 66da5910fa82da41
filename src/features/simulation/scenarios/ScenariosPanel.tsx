import { useState } from 'react';
import type { FlowDocument, RunRecord, Scenario, ScenarioVerdict } from '../../../core';
import { selectDoc } from '../../../state/selectors';
import { useAppStore } from '../../../state/store';
import { describeGiven, describeThen, describeWhen } from './describeScenario';
import { scenarioResult, useScenarioResults } from './scenarioResults';
import { useScenarioActions, type ScenarioActions } from './useScenarioActions';
import { useRunSession, useRunSessionValue } from '../session/RunSessionContext';
import './scenarios.css';

interface Props {
  run: RunRecord;
  enabled: boolean;
}

/** The design's scenarios: run one or all, save the current run as one, rename, edit, delete. */
export function ScenariosPanel({ run, enabled }: Props) {
  const doc = useAppStore(selectDoc);
  const session = useRunSession();
  // A scenario run waits while Play or a long action runs (one activity at a time), and a run is saved when it stands still: the buttons wait too.
  const busy = useRunSessionValue(session, (s) => s.busy !== null || s.playing);
  const actions = useScenarioActions(session);
  const [deleted, setDeleted] = useState<Scenario | null>(null);
  useScenarioResults();
  if (!doc) return null;
  const can = enabled && !busy;
  const scenarios = doc.scenarios ?? [];
  const verdicts = scenarios.map((s) => scenarioResult(doc.id, s.id)).filter((v): v is ScenarioVerdict => v !== undefined);
  const failed = verdicts.filter((v) => !v.pass).length;
  return (
    <div className="panel-body scenarios" aria-label="Scenarios">
      <div className="panel-toolbar">
        <button type="button" className="sim-btn primary" disabled={!can} onClick={() => void actions.saveRun()}
          title="The commands fired in this run become the given, its faults and patterns the when, its projection rows and anomalies the then">
          Save this run as a scenario
        </button>
        <button type="button" className="sim-btn" disabled={!can || scenarios.length === 0} onClick={() => void actions.runAll()}>Run all</button>
        <label className="sim-btn" title="A run fixtures file (Export → Run fixtures) becomes a scenario">
          Import run fixtures…
          <input type="file" accept=".json,application/json" hidden aria-label="Import run fixtures as a scenario"
            onChange={(e) => { const file = e.target.files?.[0]; e.target.value = ''; if (file) void actions.importFixture(file); }} />
        </label>
        {deleted && (doc.scenarios ?? []).every((s) => s.id !== deleted.id) && (
          <span className="sim-confirm" role="status">
            Deleted “{deleted.name}”.
            <button type="button" className="sim-btn" onClick={() => { actions.undo(deleted.id); setDeleted(null); }}>Undo</button>
          </span>
        )}
        <span className="sim-hint" aria-live="polite">
          {scenarios.length === 0 ? 'No scenarios yet.'
            : `${scenarios.length} scenario${scenarios.length === 1 ? '' : 's'}${verdicts.length ? ` · ${verdicts.length - failed} passed · ${failed} failed` : ''}`}
        </span>
      </div>
      {scenarios.length === 0 ? (
        <p className="vt-empty">
          A scenario is a test of this design: given commands, when faults and pattern switches, then expected projection rows and anomalies.
          Fire some commands, run until quiet and press “Save this run as a scenario”. Scenarios are saved and exported with the design,
          and <code>npm run flow -- test design.json</code> runs them in CI.
        </p>
      ) : (
        <ul className="scenario-list">
          {scenarios.map((s) => (
            <ScenarioItem key={s.id} doc={doc} run={run} scenario={s} verdict={scenarioResult(doc.id, s.id)} enabled={can} actions={actions}
              onDelete={() => { actions.remove(s); setDeleted(s); }} />
          ))}
        </ul>
      )}
    </div>
  );
}

function ScenarioItem({ doc, run, scenario, verdict, enabled, actions, onDelete }: {
  doc: FlowDocument; run: RunRecord; scenario: Scenario; verdict: ScenarioVerdict | undefined; enabled: boolean; actions: ScenarioActions; onDelete(): void;
}) {
  const [renaming, setRenaming] = useState(false);
  const [json, setJson] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const status = verdict === undefined ? 'not run' : verdict.pass ? 'passed' : 'failed';
  return (
    <li className="scenario" aria-label={`Scenario ${scenario.name}`} data-status={status}>
      <div className="scenario-head">
        <span className={`pill ${verdict === undefined ? 'pill-neutral' : verdict.pass ? 'pill-ok' : 'pill-bad'}`}>{status}</span>
        {renaming ? (
          <input className="scenario-name-input" aria-label="Scenario name" defaultValue={scenario.name} autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter') { actions.rename(scenario.id, e.currentTarget.value); setRenaming(false); }
              if (e.key === 'Escape') setRenaming(false);
            }}
            onBlur={(e) => { if (e.currentTarget.value !== scenario.name) actions.rename(scenario.id, e.currentTarget.value); setRenaming(false); }} />
        ) : (
          <strong className="scenario-name" onDoubleClick={() => setRenaming(true)}>{scenario.name}</strong>
        )}
        <span className="scenario-actions">
          <button type="button" className="sim-btn primary" disabled={!enabled} onClick={() => void actions.runOne(scenario)} aria-label={`Run ${scenario.name}`}>Run</button>
          <button type="button" className="sim-btn" onClick={() => setRenaming(true)} aria-label={`Rename ${scenario.name}`}>Rename</button>
          <button type="button" className="sim-btn" disabled={!enabled} onClick={() => actions.useRunSettings(scenario, run)} aria-label={`Use the run's faults and patterns for ${scenario.name}`}
            title="Replace this scenario's when with the faults and pattern switches set in Faults & patterns">Use current faults</button>
          <button type="button" className="sim-btn" onClick={() => { setJson(json === null ? JSON.stringify(scenario, null, 2) : null); setErrors([]); }}
            aria-expanded={json !== null} aria-label={`Edit ${scenario.name} as JSON`}>Edit JSON</button>
          <button type="button" className="sim-btn" onClick={onDelete} aria-label={`Delete ${scenario.name}`}>Delete</button>
        </span>
      </div>
      <dl className="scenario-gwt">
        <dt>Given</dt><dd>{describeGiven(scenario)}</dd>
        <dt>When</dt><dd>{describeWhen(doc, scenario)}</dd>
        <dt>Then</dt><dd>{describeThen(scenario)}</dd>
      </dl>
      {json !== null && (
        <div className="scenario-json">
          <textarea aria-label={`JSON of ${scenario.name}`} value={json} spellCheck={false} rows={12} onChange={(e) => setJson(e.target.value)} />
          <div className="panel-toolbar">
            <button type="button" className="sim-btn primary" onClick={() => {
              const problems = actions.applyJson(scenario, json);
              setErrors(problems);
              if (problems.length === 0) setJson(null);
            }}>Apply</button>
            <button type="button" className="sim-btn" onClick={() => { setJson(null); setErrors([]); }}>Cancel</button>
          </div>
          {errors.length > 0 && <ul className="sim-errors" role="alert">{errors.map((e) => <li key={e}>{e}</li>)}</ul>}
        </div>
      )}
      {verdict && (
        <ul className="scenario-verdicts" aria-label={`Expectations of ${scenario.name}`}>
          {verdict.expectations.map((e, i) => (
            <li key={i} className={e.pass ? 'ok' : 'bad'}>
              <span aria-hidden>{e.pass ? '✓' : '✗'}</span>
              <span className="scenario-kind">{e.kind}</span>
              <span>{e.expected}</span>
              {!e.pass && <span className="scenario-found">found: {e.found}</span>}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}
