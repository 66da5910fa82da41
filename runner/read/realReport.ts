/**
 * The JSON report of a run on real infrastructure, in the shape of `flow simulate`'s report (design,
 * seed, commands, settings, quiet, counts, invariants with entries, dead letters, rebuild) plus what
 * only a real run has (processes, kills, throughput). Pure.
 */
import type { FlowDocument } from '../../src/core';
import type { RunOutcome } from '../runDesign';
import type { ChaosFaults } from '../supervisor/faults';
import { oracle, type OracleKind, type OracleReport } from './realOracle';

export interface RealReportInput {
  flow: FlowDocument;
  seed: number;
  commands: number;
  faults: ChaosFaults;
  patterns: { inbox: Record<string, boolean>; outbox: Record<string, boolean> };
  allow: ReadonlySet<OracleKind>;
  outcome: RunOutcome;
}

export function realReport(input: RealReportInput): { report: Record<string, unknown>; checked: OracleReport; ok: boolean } {
  const { outcome, flow } = input;
  const rows = outcome.rows;
  const checked = oracle(flow, rows, input.allow);
  const ok = checked.ok && outcome.quiet && outcome.failure === undefined;
  const k = checked.byKind;
  const plan = outcome.plan;
  const report = {
    design: flow.id,
    runner: 'postgresql+jetstream',
    seed: input.seed,
    commands: input.commands,
    settings: {
      faults: input.faults,
      patterns: input.patterns,
      topology: {
        namespace: plan.namespace,
        relaysPerOutbox: plan.relaysPerOutbox,
        ackWaitMs: plan.ackWaitMs,
        brokerDedupe: plan.brokerDedupe,
        consumers: plan.consumers.map((c) => ({ id: c.id, instances: c.instances, mode: c.mode, inbox: c.inbox, outbox: c.outbox, maxDeliver: c.maxDeliver })),
        producers: plan.producers.map((p) => ({ id: p.id, outbox: p.outbox })),
      },
    },
    quiet: outcome.quiet,
    pending: outcome.pending,
    ...(outcome.failure ? { failure: outcome.failure } : {}),
    counts: {
      commands: rows.commands.length,
      commandsHandled: rows.commands.filter((c) => c.status === 'handled').length,
      commandsRejected: rows.commands.filter((c) => c.status === 'rejected').length,
      events: rows.events.length,
      outbox: rows.outbox.length,
      publications: rows.publications.length,
      handlings: rows.handlings.length,
      duplicatesSkipped: rows.handlings.filter((h) => h.outcome === 'duplicate-skipped').length,
      redelivered: rows.durables.reduce((sum, d) => sum + d.redelivered, 0),
      inbox: rows.inbox.length,
      deadLetters: rows.deadLetters.length,
      projectionRows: rows.projectionRows.length,
    },
    invariants: {
      ok,
      lost: k.lost,
      phantoms: k.phantom,
      gaps: k.gap,
      duplicateEffects: k['duplicate-effect'],
      harmlessRepeats: k.repeat,
      outOfOrder: k['stale-overwrite'],
      stuckOutbox: k['stalled-outbox'],
      rejectedCommands: k['rejected-command'],
      duplicateCommandEffects: k['duplicate-command-effect'],
      projectionDiffers: k['projection-differs'],
      entries: checked.entries.map(({ kind, broken, eventIds, nodeIds, message }) => ({ kind, broken, eventIds, nodeIds, message })),
    },
    deadLetters: rows.deadLetters.length,
    rebuild: { equal: checked.rebuild.equal, differences: checked.rebuild.differences.length, position: rows.events.at(-1)?.position ?? 0 },
    infrastructure: {
      processes: outcome.processes,
      durationMs: outcome.durationMs,
      processingMs: outcome.processing.ms,
      commandsPerSecond: Math.round(outcome.processing.commandsPerSecond * 10) / 10,
      chaos: rows.processEvents.filter((e) => e.kind === 'SIGKILL' || e.kind.startsWith('crash-point') || e.kind === 'ack-lost').length,
    },
  };
  return { report, checked, ok };
}
