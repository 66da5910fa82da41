/**
 * "Save this run as a scenario": the commands a run was given become the scenario's given, the
 * run's settings its when, and its current projection rows and anomalies its then. Pure.
 */
import type { RunSettings } from '../engine';
import { INFORMATIONAL_KINDS, NO_FAULTS } from '../engine';
import type { RunSnapshot } from '../exporters';
import { getOwn, type ExpectedRow, type FlowDocument, type Scenario, type ScenarioAnomalyKind, type ScenarioCommand, type ScenarioWhen } from '../model';

/** The settings that differ from the defaults, as a scenario's when (readable, and only what matters). */
export function whenFromSettings(settings: RunSettings): ScenarioWhen {
  const faults: NonNullable<ScenarioWhen['faults']> = {};
  for (const [key, value] of Object.entries(settings.faults)) {
    const none = getOwn(NO_FAULTS as unknown as Record<string, unknown>, key);
    if (value !== none) Object.defineProperty(faults, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const patterns: NonNullable<ScenarioWhen['patterns']> = {};
  for (const [key, switches] of Object.entries(settings.patterns)) {
    if (Object.keys(switches).length > 0) Object.defineProperty(patterns, key, { value: { ...switches }, enumerable: true, writable: true, configurable: true });
  }
  return {
    seed: settings.seed,
    ...(Object.keys(faults).length > 0 ? { faults } : {}),
    ...(Object.keys(patterns).length > 0 ? { patterns } : {}),
    ...(settings.instances && Object.keys(settings.instances).length > 0 ? { instances: { ...settings.instances } } : {}),
    ...(settings.concurrency && Object.keys(settings.concurrency).length > 0 ? { concurrency: { ...settings.concurrency } } : {}),
    ...(settings.cacheLeases && Object.keys(settings.cacheLeases).length > 0 ? { cacheLeases: { ...settings.cacheLeases } } : {}),
    ...(settings.ackTimeoutSteps !== 200 ? { ackTimeoutSteps: settings.ackTimeoutSteps } : {}),
    ...(settings.callerRetries !== 0 ? { callerRetries: settings.callerRetries } : {}),
    ...(settings.conflictRetries !== 3 ? { conflictRetries: settings.conflictRetries } : {}),
  };
}

/** Columns whose value depends on when a command was fired (the simulated clock): left out of the expected rows. */
function clockColumns(flow: FlowDocument, projectionId: string): Set<string> {
  const projection = flow.projections.find((p) => p.id === projectionId);
  return new Set((projection?.columns ?? []).filter((c) => c.type === 'date-time').map((c) => c.name));
}

/**
 * A scenario from what a run holds: each request the caller sent (retries aside) with its payload,
 * the run's settings, every projection row (columns that hold the simulated clock left out, since
 * a replay fires everything at step 0) and the broken anomaly kinds it found as expected.
 */
export function scenarioFromRun(snapshot: RunSnapshot, id: string, name: string): Scenario {
  const { run } = snapshot;
  const commands: ScenarioCommand[] = [...snapshot.commands]
    .filter((c) => c.requestId === c.id)
    .sort((a, b) => a.seq - b.seq)
    .map((c) => ({ producerId: c.producerId, commandId: c.commandId, input: structuredClone(c.payload), count: 1 }));
  const rows: ExpectedRow[] = [...snapshot.projectionRows]
    .sort((a, b) => (a.projectionId < b.projectionId ? -1 : a.projectionId > b.projectionId ? 1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map((row) => {
      const skip = clockColumns(run.flow, row.projectionId);
      const values: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
      for (const [column, value] of Object.entries(row.values)) {
        if (!skip.has(column)) Object.defineProperty(values, column, { value, enumerable: true, writable: true, configurable: true });
      }
      return { projectionId: row.projectionId, key: row.key, values: { ...values } };
    });
  const kinds = new Set<ScenarioAnomalyKind>();
  for (const a of snapshot.anomalies) if (a.severity !== 'info' && !INFORMATIONAL_KINDS.has(a.kind)) kinds.add(a.kind);
  return {
    id, name,
    given: { commands },
    when: whenFromSettings(run.settings),
    then: { rows, expectAnomalies: [...kinds].sort(), allowAnomalies: [] },
  };
}
