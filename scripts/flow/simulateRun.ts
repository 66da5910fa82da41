// The run behind `npm run flow -- simulate`: the same engine and checker as the app, on the
// in-memory store (IndexedDB's key order and indexes, no browser needed). The trace is not kept
// (the checker reads the tables, not the trace): at 50,000 commands it would be 600,000 rows.
import { createMemorySimulationStore, createSimulationEngine, type FlowDocument } from '../../src/core';
import type { SimulateOptions } from './simulate';

/** Runs a design headless and returns the JSON report the CLI prints. */
export async function simulate(flow: FlowDocument, options: Omit<SimulateOptions, 'file'>) {
  const engine = createSimulationEngine(createMemorySimulationStore({ indexes: 'lean', copyOnWrite: false, discard: ['trace'] }));
  await engine.startRun(flow, options.settings);
  // Fired in chunks: one transaction each, so memory stays flat however many commands there are.
  for (let done = 0; done < options.commands; done += 5_000) {
    await engine.fireMany(flow.id, { count: Math.min(5_000, options.commands - done) });
  }
  const result = await engine.runUntilQuiet(flow.id, { maxSteps: options.maxSteps, stepsPerTransaction: 2_000, maxWaitSteps: options.maxSteps });
  const report = await engine.report(flow.id, { allow: options.allow });
  // The checker compared every projection with a rebuild from the event store (at quiet).
  const differing = report.entries.filter((e) => e.kind === 'rebuild-differs');
  const { trace: _notKept, ...counts } = await engine.counts(flow.id);
  const entries = report.entries.slice(0, options.entries);
  return {
    design: flow.id,
    seed: options.seed,
    commands: options.commands,
    settings: result.run.settings,
    verdict: result.verdict.message,
    quiet: result.quiet,
    steps: result.run.step,
    counts,
    invariants: {
      ok: report.ok,
      broken: report.broken,
      info: report.info,
      allowed: report.entries.length - report.broken - report.info,
      byKind: report.byKind,
      entries: entries.map(({ kind, severity, message, rootCause, eventIds, affected, at }) => ({
        kind, severity, message, rootCause: rootCause.nodeId, why: rootCause.what, at, eventIds: eventIds.slice(0, 20),
        downstream: { events: affected.eventIds.length, nodes: affected.nodeIds },
      })),
      ...(entries.length < report.entries.length ? { more: report.entries.length - entries.length } : {}),
    },
    rebuild: result.quiet
      ? { compared: true, equal: differing.length === 0, projectionsDiffering: differing.map((e) => e.nodeIds[0]) }
      : { compared: false, why: 'the run is not quiet: messages in flight would make any projection differ' },
  };
}
