import { useMemo } from 'react';
import {
  addScenario, deleteScenario, freshScenarioId, freshScenarioName, renameScenario, replaceScenario, restoreScenario,
  whenFromSettings, scenarioFromFixture, scenarioFromRun, type FlowDocument, type RunRecord, type Scenario, type ScenarioVerdict,
} from '../../../core';
import type { RunSession } from '../../../session';
import { readRunSnapshotOf } from '../../../state/liveReads';
import { useAppStore } from '../../../state/store';
import { runScenarioInSession } from './runInSession';
import { forgetScenarioResult, setScenarioResult } from './scenarioResults';

const currentDoc = (): FlowDocument => {
  const doc = useAppStore.getState().doc;
  if (!doc) throw new Error('no design is open');
  return doc;
};

/**
 * The Scenarios tab's verbs. Running one restarts the design's run with the scenario's settings
 * (the panels then show that run) as a long action of the run session (busy, Stop); edits go
 * through the design's history (undo restores them).
 */
export function useScenarioActions(session: RunSession) {
  return useMemo(() => {
    const store = useAppStore.getState;
    const fail = (error: unknown) => store().showToast(error instanceof Error ? error.message : String(error), 'error');
    /** The scenario's verdict, or undefined when it was stopped, refused (something else runs) or failed (the session says why). */
    const runOne = async (scenario: Scenario): Promise<ScenarioVerdict | undefined> => {
      const doc = currentDoc();
      store().clearSimView();
      const verdict = await runScenarioInSession(session, doc, scenario);
      if (verdict) setScenarioResult(doc.id, verdict);
      return verdict;
    };
    return {
      runOne,
      async runAll() {
        const verdicts: ScenarioVerdict[] = [];
        for (const scenario of currentDoc().scenarios ?? []) {
          const verdict = await runOne(scenario);
          if (!verdict) return;
          verdicts.push(verdict);
        }
        const failed = verdicts.filter((v) => !v.pass).length;
        store().showToast(`${verdicts.length} scenario${verdicts.length === 1 ? '' : 's'}: ${verdicts.length - failed} passed, ${failed} failed`, failed ? 'error' : 'info');
      },
      /** The run as it stands (its commands, settings, projection rows and anomaly kinds) becomes a new scenario. */
      async saveRun(): Promise<Scenario | undefined> {
        try {
          const doc = currentDoc();
          // The anomaly kinds the run shows become the then's expected kinds: check the run as it is now.
          await session.checkReport();
          const snapshot = await readRunSnapshotOf(doc.id);
          if (!snapshot || snapshot.commands.length === 0) {
            store().showToast('Fire a command first: a scenario needs something given.', 'error');
            return undefined;
          }
          const scenario = scenarioFromRun(snapshot, freshScenarioId(doc), freshScenarioName(doc, 'Saved run'));
          store().applyEdit((d) => addScenario(d, scenario));
          store().showToast(`Saved “${scenario.name}”: ${scenario.given.commands.length} command(s), ${scenario.then.rows.length} expected row(s).`, 'info');
          return scenario;
        } catch (error) {
          fail(error);
          return undefined;
        }
      },
      /** A run fixtures file (Export → Run fixtures) becomes a scenario; a refused file says why. */
      async importFixture(file: File): Promise<void> {
        try {
          const doc = currentDoc();
          let value: unknown;
          try {
            value = JSON.parse(await file.text());
          } catch {
            return fail(`${file.name} is not JSON`);
          }
          const result = scenarioFromFixture(value, doc, freshScenarioId(doc), freshScenarioName(doc, file.name.replace(/\.fixtures\.json$|\.json$/, ''), false));
          if (!result.ok) return fail(`${file.name} cannot become a scenario: ${result.errors.slice(0, 3).join('; ')}`);
          store().applyEdit((d) => addScenario(d, result.scenario));
          store().showToast(`Imported “${result.scenario.name}” from ${file.name}.`, 'info');
        } catch (error) {
          fail(error);
        }
      },
      rename(id: string, name: string) {
        const trimmed = name.trim();
        if (!trimmed) return fail('A scenario needs a name.');
        store().applyEdit((d) => renameScenario(d, id, trimmed));
      },
      remove(scenario: Scenario) {
        store().applyEdit((d) => deleteScenario(d, scenario.id));
        forgetScenarioResult(currentDoc().id, scenario.id);
      },
      /** Undoes the last edit of the design (the delete just made), through the design's history. */
      undo(id: string): boolean {
        store().undo();
        return (currentDoc().scenarios ?? []).some((s) => s.id === id);
      },
      /** Takes the run's current faults and pattern switches (Faults & patterns tab) as the scenario's when. */
      useRunSettings(scenario: Scenario, run: RunRecord) {
        const when = { ...whenFromSettings(run.settings), ...(scenario.when.maxSteps ? { maxSteps: scenario.when.maxSteps } : {}) };
        store().applyEdit((d) => replaceScenario(d, { ...scenario, when }));
        forgetScenarioResult(currentDoc().id, scenario.id);
      },
      /** Replaces a scenario by its edited JSON; the errors (with pointers) when it is refused. */
      applyJson(scenario: Scenario, text: string): string[] {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (error) {
          return [`Not JSON: ${error instanceof Error ? error.message : String(error)}`];
        }
        const restored = restoreScenario(value);
        if (!restored.ok) return restored.errors.map((e) => `${e.path || '/'}: ${e.message}`);
        if (restored.scenario.id !== scenario.id) return [`/id: keep the id '${scenario.id}' (rename with the name)`];
        store().applyEdit((d) => replaceScenario(d, restored.scenario));
        forgetScenarioResult(currentDoc().id, scenario.id);
        return [];
      },
    };
  }, [session]);
}

export type ScenarioActions = ReturnType<typeof useScenarioActions>;
