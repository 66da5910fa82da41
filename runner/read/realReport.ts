/**
 * The JSON report of a run on real infrastructure: the engine checker's verdict over the rows read
 * from PostgreSQL and JetStream, in the shape of `flow simulate`'s report (design, seed, commands,
 * settings, verdict, quiet, counts, invariants with entries and root causes, rebuild), plus what only
 * a real run has (topology, processes, kills, throughput). Pure.
 */
import { checkRun, diffProjections, replayProjections, stateFromRows, type AnomalyKind, type CheckReport, type FlowDocument } from '../../src/core';
import type { RunOutcome } from '../runDesign';
import type { ChaosFaults } from '../supervisor/faults';
import { checkInputOf } from './checkTables';

export interface RealReportInput {
  flow: FlowDocument;
  seed: number;
  commands: number;
  faults: ChaosFaults;
  allow: readonly AnomalyKind[];
  outcome: RunOutcome;
  /** Entries listed (all are counted). */
  entries?: number;
}

/** The rebuild comparison of a real run: projections replayed from the event store vs the read model. Pure. */
export function rebuildOf(flow: FlowDocument, outcome: Pick<RunOutcome, 'rows'>) {
  const differences = diffProjections(stateFromRows(flow, outcome.rows.projectionRows), replayProjections(flow, outcome.rows.events));
  return { equal: differences.length === 0, differences, position: outcome.rows.events.at(-1)?.position ?? 0 };
}

export function realReport(input: RealReportInput): { report: Record<string, unknown>; check: CheckReport; ok: boolean } {
  const { outcome, flow } = input;
  const rows = outcome.rows;
  const check = checkRun(checkInputOf(flow, outcome, input.allow));
  const rebuild = rebuildOf(flow, outcome);
  const ok = check.ok && outcome.quiet && outcome.failure === undefined;
  const plan = outcome.plan;
  const listed = check.entries.slice(0, input.entries ?? 200);
  const verdict = outcome.failure
    ? `failed: ${outcome.failure}`
    : outcome.quiet ? 'quiet: nothing pending in PostgreSQL or JetStream' : `not quiet when the run stopped: ${outcome.pending}`;
  const report = {
    design: flow.id,
    runner: 'postgresql+jetstream',
    seed: input.seed,
    commands: input.commands,
    settings: {
      faults: input.faults,
      patterns: outcome.settings.patterns,
      callerRetries: outcome.settings.callerRetries,
      conflictRetries: outcome.settings.conflictRetries,
      stalledOutboxAfterMs: outcome.stalledAfterMs,
      topology: {
        namespace: plan.namespace,
        relaysPerOutbox: plan.relaysPerOutbox,
        ackWaitMs: plan.ackWaitMs,
        brokerDedupe: plan.brokerDedupe,
        producers: plan.producers.map((p) => ({ id: p.id, outbox: p.outbox, publishFirst: p.publishFirst })),
        consumers: plan.consumers.map((c) => ({ id: c.id, instances: c.instances, mode: c.mode, inbox: c.inbox, outbox: c.outbox, maxDeliver: c.maxDeliver })),
      },
    },
    verdict,
    quiet: outcome.quiet,
    counts: {
      commands: rows.commands.length,
      commandsHandled: rows.commands.filter((c) => c.status === 'handled').length,
      commandsRejected: rows.commands.filter((c) => c.status === 'rejected').length,
      commandsUnanswered: rows.commands.filter((c) => c.status === 'crashed').length,
      events: rows.events.length,
      outbox: rows.outbox.length,
      publications: rows.publications.length,
      handlings: rows.handlings.length,
      duplicatesSkipped: rows.handlings.filter((h) => h.outcome === 'duplicate-skipped').length,
      redeliveredHandlings: rows.handlings.filter((h) => h.deliveryCount > 1).length,
      inbox: rows.inbox.length,
      deadLetters: rows.deadLetters.length,
      externalEffects: rows.externalEffects.length,
      projectionRows: rows.projectionRows.length,
    },
    invariants: {
      ok,
      broken: check.broken,
      info: check.info,
      allowed: check.entries.length - check.broken - check.info,
      byKind: check.byKind,
      entries: listed.map(({ kind, severity, message, rootCause, eventIds, affected, at }) => ({
        kind, severity, message, rootCause: rootCause.nodeId, why: rootCause.what, atMs: at, eventIds: eventIds.slice(0, 20),
        downstream: { events: affected.eventIds.length, nodes: affected.nodeIds },
      })),
      ...(listed.length < check.entries.length ? { more: check.entries.length - listed.length } : {}),
    },
    rebuild: { equal: rebuild.equal, differences: rebuild.differences.length, position: rebuild.position },
    infrastructure: {
      processes: outcome.processes,
      durationMs: outcome.durationMs,
      processingMs: outcome.processing.ms,
      commandsPerSecond: Math.round(outcome.processing.commandsPerSecond * 10) / 10,
      kills: rows.processEvents.filter((e) => e.kind === 'SIGKILL').length,
      ackLost: rows.processEvents.filter((e) => e.kind === 'ack-lost').length,
    },
  };
  return { report, check, ok };
}
