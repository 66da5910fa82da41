import type {
  AnomalyRecord, CommandRecord, EventRecord, ProjectionRowRecord, RunRecord, TraceRecord,
} from '../engine/records';
import { cloudEventsSource, wrapPayload } from '../model/schema/envelope';

/** What a run left in its tables, as read for an export (any order; the exports sort). */
export interface RunSnapshot {
  run: RunRecord;
  commands: CommandRecord[];
  events: EventRecord[];
  projectionRows: ProjectionRowRecord[];
  trace: TraceRecord[];
  anomalies: AnomalyRecord[];
}

const bySeq = <T extends { seq: number }>(rows: T[]) => [...rows].sort((a, b) => a.seq - b.seq);
const nameOf = (nodes: { id: string; name: string }[], id: string) => nodes.find((n) => n.id === id)?.name ?? id;

function about(run: RunRecord) {
  return {
    design: { id: run.flow.id, name: run.flow.name },
    seed: run.settings.seed,
    settings: run.settings,
    steps: run.step,
    quiet: run.quiet,
  };
}

/**
 * A run's trace as a JSON object: the design and settings it ran with, every micro-step in
 * order (what it did, in words, which fault fired, the nodes and edges involved) and the
 * invariant report. Pure.
 */
export function toTraceJson(snapshot: RunSnapshot) {
  return {
    format: 'event-flow-designer/trace',
    version: 1,
    ...about(snapshot.run),
    trace: [...snapshot.trace].sort((a, b) => a.step - b.step).map(({ runId: _runId, ...step }) => step),
    anomalies: bySeq(snapshot.anomalies).map(({ kind, message, eventIds, nodeIds, step }) => ({ kind, message, eventIds, nodeIds, step })),
  };
}

/**
 * A run as a given/when/then fixture that a team can paste into its own tests: given the
 * commands that were fired (producer, command, payload), when the run went as far as it did
 * (steps, quiet), then these events followed (envelope + payload, in event-store order, each also
 * as the `message` that travels in the design's envelope — this tool's, CloudEvents or none —,
 * which the JSON Schema and AsyncAPI exports' message schemas describe), these projection rows are
 * current (by projection name, sorted by key) and these anomalies were found. Pure.
 */
export function toGivenWhenThen(snapshot: RunSnapshot) {
  const { run } = snapshot;
  const flow = run.flow;
  const projections: Record<string, ProjectionRowRecord['values'][]> = {};
  for (const projection of flow.projections) projections[projection.name] = [];
  const rows = [...snapshot.projectionRows].sort((a, b) => a.projectionId.localeCompare(b.projectionId) || a.key.localeCompare(b.key));
  for (const row of rows) (projections[nameOf(flow.projections, row.projectionId)] ??= []).push(row.values);
  return {
    format: 'event-flow-designer/fixture',
    version: 1,
    ...about(run),
    given: {
      commands: bySeq(snapshot.commands).map((c) => ({
        id: c.id,
        producer: nameOf(flow.producers, c.producerId),
        command: c.commandName,
        payload: c.payload,
        status: c.status,
        ...(c.reason ? { reason: c.reason } : {}),
      })),
    },
    when: { action: run.quiet ? 'run until quiet' : `run ${run.step} micro-steps`, steps: run.step, quiet: run.quiet },
    then: {
      events: [...snapshot.events].sort((a, b) => a.position - b.position).map((e) => ({
        position: e.position,
        eventId: e.eventId,
        eventType: e.eventTypeName,
        occurredAt: e.occurredAt,
        aggregateId: e.aggregateId,
        stream: e.streamId,
        version: e.version,
        source: nameOf([...flow.producers, ...flow.consumers], e.sourceId),
        causedBy: e.causationId,
        payload: e.payload,
        message: wrapPayload(flow.envelope, {
          eventId: e.eventId,
          eventType: e.eventTypeName,
          occurredAt: e.occurredAt,
          aggregateId: e.aggregateId,
          source: cloudEventsSource(flow.envelope, flow.id, e.sourceId),
          causationId: e.causationId,
          correlationId: e.commandId,
        }, e.payload),
      })),
      projections,
      anomalies: bySeq(snapshot.anomalies).map(({ kind, message, eventIds }) => ({ kind, message, eventIds })),
    },
  };
}
