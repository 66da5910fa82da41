/**
 * The run's rows as the checker's input, the report they give, and the report stored for the UI
 * (the `anomalies` entries and the `reports` summary of a run).
 */
import { checkRun, type AnomalyKind, type CheckInput, type CheckReport, type CheckTables } from './checker';
import type { AnomalyRecord, ReportGroup, ReportSummaryRecord, RunRecord, TableName } from './records';
import type { SimulationStore, StoreTx } from './store';

/** The tables the checker reads. */
export const CHECKED_TABLES: readonly TableName[] = [
  'runs', 'commands', 'events', 'outbox', 'directPublishes', 'publications', 'deliveries', 'handlings', 'inbox',
  'deadLetters', 'projectionRows', 'externalEffects', 'locks', 'cacheEntries',
];

/** Every row of a run in one table, in primary-key order. */
export function allRows<T extends TableName>(tx: StoreTx, table: T, runId: string) {
  return tx.query(table, ':id', { prefix: [runId] });
}

/** Reads a run's rows as the checker's tables, inside the caller's transaction (one table after the other: less memory at once). */
export async function readCheckTables(tx: StoreTx, runId: string): Promise<CheckTables> {
  return {
    commands: await allRows(tx, 'commands', runId),
    events: await allRows(tx, 'events', runId),
    outbox: await allRows(tx, 'outbox', runId),
    pendingPublishes: await allRows(tx, 'directPublishes', runId),
    publications: await allRows(tx, 'publications', runId),
    deliveries: await allRows(tx, 'deliveries', runId),
    handlings: await allRows(tx, 'handlings', runId),
    inbox: await allRows(tx, 'inbox', runId),
    deadLetters: await allRows(tx, 'deadLetters', runId),
    projectionRows: await allRows(tx, 'projectionRows', runId),
    externalEffects: await allRows(tx, 'externalEffects', runId),
    locks: await allRows(tx, 'locks', runId),
    cacheEntries: await allRows(tx, 'cacheEntries', runId),
  };
}

/** The checker's input for a run as it stands (and, with `withStored`, the report stored for it, in the same transaction). */
export async function readCheckInput(
  store: SimulationStore, runId: string, allow: readonly AnomalyKind[] = [], withStored = false,
): Promise<{ run: RunRecord; input: CheckInput; stored?: StoredReport }> {
  const tables = withStored ? [...CHECKED_TABLES, 'anomalies', 'reports'] as const : CHECKED_TABLES;
  return store.transaction('r', tables, async (tx) => {
    const run = await tx.get('runs', runId);
    if (!run) throw new Error(`no simulation run for design "${runId}"`);
    const checked = await readCheckTables(tx, runId);
    const stored = withStored
      ? { entries: await allRows(tx, 'anomalies', runId), summary: await tx.get('reports', runId) }
      : undefined;
    return { run, input: { flow: run.flow, tables: checked, now: run.step, stalledOutboxAfterSteps: run.settings.stuckOutboxAfterSteps, allow }, stored };
  });
}

/** The summary of a report as stored for the UI (`reports`). Pure. */
export function reportSummary(runId: string, step: number, report: CheckReport): ReportSummaryRecord {
  return { runId, step, ok: report.ok, broken: report.broken, info: report.info, byKind: report.byKind, groups: groupEntries(report) };
}

/** An entry as the checker gave it, from its stored row (without the row's own fields). */
const entryText = ({ runId: _r, seq: _s, step: _t, ...entry }: AnomalyRecord) => JSON.stringify(entry);
/** A summary apart from the step it was computed at. */
const summaryText = ({ step: _t, ...summary }: ReportSummaryRecord) => JSON.stringify(summary);

/** The stored report (entries and summary) as the last check left it. */
export interface StoredReport {
  entries: AnomalyRecord[];
  summary: ReportSummaryRecord | undefined;
}

/** Whether a new check found exactly what is stored (the step it ran at aside). Pure. */
function sameAsStored(stored: StoredReport | undefined, report: CheckReport, summary: ReportSummaryRecord): boolean {
  if (!stored?.summary || summaryText(stored.summary) !== summaryText(summary)) return false;
  return stored.entries.length === report.entries.length && stored.entries.every((row, i) => entryText(row) === JSON.stringify(report.entries[i]));
}

/**
 * Checks a run and stores the report for the UI; returns it with its summary (at the run's step).
 * Nothing is written when the check finds what is stored (e.g. after every step of a healthy run,
 * the report is re-checked and nothing changed): the stored entries and summary keep the step of the
 * check that found them, and their live views read nothing new. One read transaction then, not
 * three.
 */
export async function checkAndStore(store: SimulationStore, runId: string, allow: readonly AnomalyKind[] = []): Promise<{ report: CheckReport; summary: ReportSummaryRecord }> {
  const { run, input, stored } = await readCheckInput(store, runId, allow, true);
  const report = checkRun(input);
  const summary = reportSummary(runId, run.step, report);
  if (sameAsStored(stored, report, summary)) return { report, summary };
  await store.transaction('rw', ['anomalies', 'reports'], async (tx) => {
    await tx.deletePrefix('anomalies', [runId]);
    const rows: AnomalyRecord[] = report.entries.map((entry, i) => ({ ...entry, runId, seq: i + 1, step: run.step }));
    await tx.bulkPut('anomalies', rows);
    await tx.put('reports', summary);
  });
  return { report, summary };
}

/**
 * `checkAndStore` inside the caller's transaction, on `run` as it stands there (e.g. the engine's
 * in-memory copy after a step): the rows are read, checked, compared with the stored report and
 * written only when they differ, all in that one transaction.
 */
export async function checkAndStoreIn(tx: StoreTx, run: RunRecord, allow: readonly AnomalyKind[] = []): Promise<{ report: CheckReport; summary: ReportSummaryRecord }> {
  const { runId } = run;
  const tables = await readCheckTables(tx, runId);
  const report = checkRun({ flow: run.flow, tables, now: run.step, stalledOutboxAfterSteps: run.settings.stuckOutboxAfterSteps, allow });
  const summary = reportSummary(runId, run.step, report);
  const stored = { entries: await allRows(tx, 'anomalies', runId), summary: await tx.get('reports', runId) };
  if (!sameAsStored(stored, report, summary)) {
    await tx.deletePrefix('anomalies', [runId]);
    await tx.bulkPut('anomalies', report.entries.map((entry, i) => ({ ...entry, runId, seq: i + 1, step: run.step })));
    await tx.put('reports', summary);
  }
  return { report, summary };
}

const SEVERITY_ORDER = { broken: 0, allowed: 1, info: 2 } as const;

/**
 * The report's entries grouped by kind, each with its root causes by count: broken kinds first,
 * then in the order they first went wrong (the first group is usually where it started). Pure.
 */
export function groupEntries(report: CheckReport): ReportGroup[] {
  const groups = new Map<AnomalyKind, { group: ReportGroup; causes: Map<string, number> }>();
  for (const e of report.entries) {
    let g = groups.get(e.kind);
    if (!g) groups.set(e.kind, (g = { group: { kind: e.kind, severity: e.severity, count: 0, firstAt: e.at, rootCauses: [] }, causes: new Map() }));
    g.group.firstAt = Math.min(g.group.firstAt, e.at);
    g.group.count += 1;
    if (SEVERITY_ORDER[e.severity] < SEVERITY_ORDER[g.group.severity]) g.group.severity = e.severity;
    g.causes.set(e.rootCause.nodeId, (g.causes.get(e.rootCause.nodeId) ?? 0) + 1);
  }
  return [...groups.values()]
    .map(({ group, causes }) => ({ ...group, rootCauses: [...causes].map(([nodeId, count]) => ({ nodeId, count })).sort((a, b) => b.count - a.count) }))
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.firstAt - b.firstAt);
}
