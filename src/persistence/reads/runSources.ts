/**
 * The simulation panels' read models over the engine's Dexie tables (indexes in SIMULATION_SCHEMA):
 * one paged source per panel view, each over one compound index and a run prefix. The UI never
 * writes these tables; the engine does.
 */
import type {
  AnomalyRecord, BusinessRowRecord, CommandRecord, DeadLetterRecord, DeliveryRecord, EventRecord, InboxRecord,
  OutboxRecord, ProjectionRowRecord, PublicationRecord, TraceRecord, AnomalyKind, ReportSummaryRecord,
} from '../../core';
import { readRunRow, type SimulationDb } from '../simulation';
import { checkRunRecord, repairRunRow, type CheckedRun } from '../simulation/checkRunRows';
import { indexSource, type IndexSource } from './indexSource';
import { wherePrefix } from './prefixRange';

type Source<Row> = IndexSource<Row>;

/** Outbox rows of one owner (producer or consumer), of one event, or all, in seq order. */
export function outboxSource(db: SimulationDb, runId: string, by: { ownerId?: string; eventId?: string }): Source<OutboxRecord> {
  if (by.eventId) return indexSource({ table: db.outbox, index: '[runId+eventId]', prefix: [runId, by.eventId], tail: () => [], appendOnly: false, byOffset: true });
  if (by.ownerId) return indexSource({ table: db.outbox, index: '[runId+ownerId+seq]', prefix: [runId, by.ownerId], tail: (r) => [r.seq], appendOnly: true });
  return indexSource({ table: db.outbox, index: '[runId+seq]', prefix: [runId], tail: (r) => [r.seq], appendOnly: true, denseFrom: 1 });
}

/** Business rows (aggregates) of one producer, or of all producers. */
export function businessRowSource(db: SimulationDb, runId: string, producerId?: string): Source<BusinessRowRecord> {
  const prefix = producerId ? [runId, producerId] : [runId];
  return indexSource({
    table: db.businessRows, index: '[runId+producerId+aggregateId]', prefix,
    tail: (r) => (producerId ? [r.aggregateId] : [r.producerId, r.aggregateId]), appendOnly: false,
  });
}

/** Broker deliveries per subscriber, of one event, or all. */
export function deliverySource(db: SimulationDb, runId: string, by: { consumerId?: string; eventId?: string }): Source<DeliveryRecord> {
  if (by.eventId) return indexSource({ table: db.deliveries, index: '[runId+eventId]', prefix: [runId, by.eventId], tail: () => [], appendOnly: false, byOffset: true });
  if (by.consumerId) return indexSource({ table: db.deliveries, index: '[runId+consumerId+seq]', prefix: [runId, by.consumerId], tail: (r) => [r.seq], appendOnly: true });
  return indexSource({ table: db.deliveries, index: '[runId+seq]', prefix: [runId], tail: (r) => [r.seq], appendOnly: true, denseFrom: 1 });
}

/** Broker publications per event type, of one event, or all. */
export function publicationSource(db: SimulationDb, runId: string, by: { eventTypeId?: string; eventId?: string }): Source<PublicationRecord> {
  if (by.eventId) return indexSource({ table: db.publications, index: '[runId+eventId]', prefix: [runId, by.eventId], tail: () => [], appendOnly: false, byOffset: true });
  if (by.eventTypeId) return indexSource({ table: db.publications, index: '[runId+eventTypeId+seq]', prefix: [runId, by.eventTypeId], tail: (r) => [r.seq], appendOnly: true });
  return indexSource({ table: db.publications, index: '[runId+seq]', prefix: [runId], tail: (r) => [r.seq], appendOnly: true, denseFrom: 1 });
}

/** A consumer's inbox, or every consumer's, in processing order per consumer. */
export function inboxSource(db: SimulationDb, runId: string, consumerId?: string): Source<InboxRecord> {
  if (consumerId) return indexSource({ table: db.inbox, index: '[runId+consumerId+seq]', prefix: [runId, consumerId], tail: (r) => [r.seq], appendOnly: true });
  return indexSource({ table: db.inbox, index: '[runId+consumerId+seq]', prefix: [runId], tail: (r) => [r.consumerId, r.seq], appendOnly: false });
}

/** The rows of one projection, by key. */
export function projectionSource(db: SimulationDb, runId: string, projectionId: string): Source<ProjectionRowRecord> {
  return indexSource({ table: db.projectionRows, index: '[runId+projectionId+key]', prefix: [runId, projectionId], tail: (r) => [r.key], appendOnly: false });
}

/** The event store: all events by global position, one type's, one stream's (by version), or one event. */
export function eventSource(db: SimulationDb, runId: string, by: { eventTypeId?: string; streamId?: string; eventId?: string }): Source<EventRecord> {
  if (by.eventId) return indexSource({ table: db.events, index: '[runId+eventId]', prefix: [runId, by.eventId], tail: () => [], appendOnly: false, byOffset: true });
  if (by.streamId) return indexSource({ table: db.events, index: '[runId+streamId+version]', prefix: [runId, by.streamId], tail: (r) => [r.version], appendOnly: true });
  if (by.eventTypeId) return indexSource({ table: db.events, index: '[runId+eventTypeId+position]', prefix: [runId, by.eventTypeId], tail: (r) => [r.position], appendOnly: true });
  return indexSource({ table: db.events, index: '[runId+position]', prefix: [runId], tail: (r) => [r.position], appendOnly: true, denseFrom: 1 });
}

/** Dead letters of one consumer, or all. */
export function deadLetterSource(db: SimulationDb, runId: string, consumerId?: string): Source<DeadLetterRecord> {
  if (consumerId) return indexSource({ table: db.deadLetters, index: '[runId+consumerId+seq]', prefix: [runId, consumerId], tail: (r) => [r.seq], appendOnly: true });
  return indexSource({ table: db.deadLetters, index: '[runId+seq]', prefix: [runId], tail: (r) => [r.seq], appendOnly: true, denseFrom: 1 });
}

/** The trace: every micro-step, or the steps that touched one event. */
export function traceSource(db: SimulationDb, runId: string, eventId?: string): Source<TraceRecord> {
  if (eventId) return indexSource({ table: db.trace, index: '[runId+eventId+step]', prefix: [runId, eventId], tail: (r) => [r.step], appendOnly: true });
  return indexSource({ table: db.trace, index: '[runId+step]', prefix: [runId], tail: (r) => [r.step], appendOnly: true, denseFrom: 1 });
}

/** The run's newest micro-step (the trace's last row), or undefined before the first step. */
export async function lastTrace(db: SimulationDb, runId: string): Promise<TraceRecord | undefined> {
  const row = await wherePrefix(db.trace, '[runId+step]', [runId]).last();
  return row && repairRunRow('trace', row);
}

/** The run's newest `limit` anomalies, newest first. */
export async function latestAnomalies(db: SimulationDb, runId: string, limit: number): Promise<AnomalyRecord[]> {
  const rows = await wherePrefix(db.anomalies, '[runId+seq]', [runId]).reverse().limit(limit).toArray();
  return rows.map((row) => repairRunRow('anomalies', row));
}

/** The run row of a design, checked (checkRunRows.ts); undefined when it has none. */
export async function readRun(db: SimulationDb, runId: string): Promise<CheckedRun | undefined> {
  const row: unknown = await readRunRow(db, runId);
  return row === undefined ? undefined : checkRunRecord(row);
}

/** The invariant report as last computed, in the order things went wrong; or the entries of one kind. */
export function anomalySource(db: SimulationDb, runId: string, kind?: AnomalyKind): Source<AnomalyRecord> {
  if (kind) return indexSource({ table: db.anomalies, index: '[runId+kind+seq]', prefix: [runId, kind], tail: (r) => [r.seq], appendOnly: false });
  return indexSource({ table: db.anomalies, index: '[runId+seq]', prefix: [runId], tail: (r) => [r.seq], appendOnly: false });
}

/** The summary of the invariant report last computed for a run (undefined before the first check). */
export function readReport(db: SimulationDb, runId: string): Promise<ReportSummaryRecord | undefined> {
  return db.reports.get(runId);
}

/** Commands fired at one producer, or at all, in the order they were fired. */
export function commandSource(db: SimulationDb, runId: string, producerId?: string): Source<CommandRecord> {
  if (producerId) return indexSource({ table: db.commands, index: '[runId+producerId+seq]', prefix: [runId, producerId], tail: (r) => [r.seq], appendOnly: true });
  return indexSource({ table: db.commands, index: '[runId+seq]', prefix: [runId], tail: (r) => [r.seq], appendOnly: true, denseFrom: 1 });
}

/** One event of the event store by its id, or undefined. */
export function eventById(db: SimulationDb, runId: string, eventId: string): Promise<EventRecord | undefined> {
  return db.events.where('[runId+eventId]').equals([runId, eventId]).first();
}
