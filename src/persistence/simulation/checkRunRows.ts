import { getOwn, restoreFlowDocument, setOwn, type RunRecord, type TableName } from '../../core';

/**
 * Checks of the rows run mode reads from the simulation database. A run lives for weeks in a
 * browser that may crash mid-write, be upgraded, or be edited by hand in the developer tools; a
 * damaged row must never blank run mode. The run row is checked whole (a damaged one offers
 * "reset the run"); a panel row is repaired for display (wrong values are shown as damaged) and
 * reported, so the workspace can offer the reset too.
 *
 * The field lists mirror src/core/engine/records.ts and runRecord.ts; when the engine's rows
 * change, change them here too (a unit test checks them against rows the engine writes).
 */

type Kind = 'text' | 'number' | 'bool' | 'texts' | 'payload' | 'counts' | 'object' | 'list';
/** A field's kind; a trailing `?` means it may be absent. Keys are fixed field names, never user input. */
type Spec = Readonly<Record<string, Kind | `${Kind}?`>>;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function fits(kind: Kind, value: unknown): boolean {
  switch (kind) {
    case 'text': return typeof value === 'string';
    case 'number': return typeof value === 'number' && !Number.isNaN(value);
    case 'bool': return typeof value === 'boolean';
    case 'texts': return Array.isArray(value) && value.every((v) => typeof v === 'string');
    // Any JSON object: payloads may nest (JSON Schema payloads); the cells show nested values as JSON.
    case 'payload': return isObject(value);
    case 'counts': return isObject(value) && Object.values(value).every((v) => typeof v === 'number' && Number.isFinite(v));
    case 'object': return isObject(value);
    case 'list': return Array.isArray(value);
  }
}

/** What a reader gets instead of a value of the wrong kind. */
function placeholder(kind: Kind): unknown {
  switch (kind) {
    case 'text': return '⚠ damaged';
    case 'list': return [];
    case 'number': return Number.NaN;
    case 'bool': return false;
    case 'texts': return [];
    case 'payload': case 'counts': case 'object': return Object.create(null) as Record<string, unknown>;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)?.slice(0, 40)}`;
}

const KIND_WORDS: Record<Kind, string> = {
  text: 'text', number: 'a number', bool: 'true or false', texts: 'a list of texts', payload: 'a payload',
  counts: 'counts per node', object: 'an object', list: 'a list',
};

/** The problems of `row` against `spec`, as "field: expected …, found …". */
function problemsOf(row: Record<string, unknown>, spec: Spec, prefix = ''): string[] {
  const problems: string[] = [];
  for (const [field, declared] of Object.entries(spec)) {
    const optional = declared.endsWith('?');
    const kind = (optional ? declared.slice(0, -1) : declared) as Kind;
    const value = getOwn(row, field);
    if (value === undefined && optional) continue;
    if (!fits(kind, value)) problems.push(`${prefix}${field}: expected ${KIND_WORDS[kind]}, found ${describe(value)}`);
  }
  return problems;
}

const ROW_SPECS: Readonly<Record<Exclude<TableName, 'runs'>, Spec>> = {
  commands: { runId: 'text', seq: 'number', id: 'text', requestId: 'text', attempt: 'number', producerId: 'text', commandId: 'text', commandName: 'text', payload: 'payload', idempotencyKey: 'text?', status: 'text', firedStep: 'number', handledStep: 'number?', aggregateId: 'text?', eventIds: 'texts?', reason: 'text?', conflicts: 'number', answeredFrom: 'text?', answered: 'bool?' },
  businessRows: { runId: 'text', producerId: 'text', aggregateId: 'text', version: 'number', columns: 'payload', updatedStep: 'number' },
  idempotencyKeys: { runId: 'text', producerId: 'text', key: 'text', commandId: 'text', eventIds: 'texts', step: 'number' },
  outbox: { runId: 'text', seq: 'number', ownerId: 'text', eventId: 'text', eventTypeId: 'text', eventTypeName: 'text', status: 'text', createdStep: 'number', sentStep: 'number?' },
  directPublishes: { runId: 'text', seq: 'number', ownerId: 'text', holder: 'text?', eventId: 'text', eventTypeName: 'text', createdStep: 'number' },
  publications: { runId: 'text', seq: 'number', eventId: 'text', eventTypeId: 'text', eventTypeName: 'text', publisherId: 'text', via: 'text', republished: 'bool', subscriberIds: 'texts', streamId: 'text', version: 'number', causationId: 'text', message: 'object', step: 'number' },
  deliveries: { runId: 'text', seq: 'number', publicationSeq: 'number', eventId: 'text', eventTypeId: 'text', eventTypeName: 'text', streamId: 'text', version: 'number', consumerId: 'text', status: 'text', attempts: 'number', failures: 'number', order: 'number', deadline: 'number?', outcome: 'text?', duplicateOf: 'number?', queuedStep: 'number', deliveredStep: 'number?', ackedStep: 'number?', partition: 'number?', orderingKey: 'text?', instance: 'text?' },
  brokerCursors: { runId: 'text', consumerId: 'text', streamId: 'text', order: 'number' },
  inbox: { runId: 'text', consumerId: 'text', eventId: 'text', seq: 'number', eventTypeName: 'text', processedStep: 'number', duplicatesSkipped: 'number' },
  handlings: { runId: 'text', seq: 'number', consumerId: 'text', eventId: 'text', eventTypeId: 'text', streamId: 'text', version: 'number', deliverySeq: 'number', outcome: 'text', changes: 'list', emitted: 'texts', step: 'number' },
  externalEffects: { runId: 'text', seq: 'number', consumerId: 'text', eventId: 'text', name: 'text', step: 'number' },
  deadLetters: { runId: 'text', seq: 'number', consumerId: 'text', eventId: 'text', eventTypeName: 'text', deliverySeq: 'number', attempts: 'number', reason: 'text', step: 'number' },
  projectionRows: { runId: 'text', projectionId: 'text', key: 'text', values: 'payload', lastEventId: 'text', updatedStep: 'number', version: 'number?' },
  events: { runId: 'text', position: 'number', eventId: 'text', eventTypeId: 'text', eventTypeName: 'text', streamId: 'text', aggregateType: 'text', aggregateId: 'text', version: 'number', occurredAt: 'text', payload: 'payload', sourceId: 'text', commandId: 'text', causationId: 'text', depth: 'number', step: 'number' },
  trace: { runId: 'text', step: 'number', clock: 'number', kind: 'text', phase: 'text?', text: 'text', fault: 'text?', eventId: 'text?', commandId: 'text?', nodeIds: 'texts', edgeIds: 'texts' },
  anomalies: { runId: 'text', seq: 'number', step: 'number', id: 'text', kind: 'text', severity: 'text', message: 'text', rootCause: 'object', nodeIds: 'texts', eventIds: 'texts', affected: 'object', at: 'number' },
  reports: { runId: 'text', step: 'number', ok: 'bool', broken: 'number', info: 'number', byKind: 'counts', groups: 'list' },
  locks: {
    runId: 'text', projectionId: 'text', key: 'text', consumerId: 'text', holder: 'text', holderName: 'text', incarnation: 'number', acquiredStep: 'number',
    leaseUntil: 'number', waits: 'number', lastWaitStep: 'number?', lastWaiter: 'text?',
  },
  cacheEntries: { runId: 'text', projectionId: 'text', key: 'text', version: 'number?', lease: 'number?', filledStep: 'number?' },
};

const RUN_SPEC: Spec = {
  runId: 'text', flow: 'object', settings: 'object', rngState: 'number', step: 'number', clock: 'number', seq: 'object',
  position: 'number', stats: 'object', processes: 'list', quiet: 'bool',
};
const SETTINGS_SPEC: Spec = {
  seed: 'number', faults: 'object', patterns: 'object', ackTimeoutSteps: 'number', callerRetries: 'number', conflictRetries: 'number',
  stuckOutboxAfterSteps: 'number', stepMillis: 'number', startClock: 'number',
};
const PATTERNS_SPEC: Spec = { outbox: 'object', publishFirst: 'object', inbox: 'object', derivedIds: 'object', idempotencyKey: 'object' };
const SEQ_SPEC: Spec = {
  command: 'number', event: 'number', outbox: 'number', direct: 'number', publication: 'number', delivery: 'number',
  order: 'number', inbox: 'number', handling: 'number', external: 'number', deadLetter: 'number',
};
const STATS_SPEC: Spec = {
  commandsPending: 'number', commandsQueued: 'counts', commandsHandled: 'number', commandsRejected: 'number', commandsCrashed: 'number',
  outboxPending: 'counts', outboxSent: 'counts', directPending: 'counts', queued: 'counts', inFlight: 'counts', acked: 'counts',
  dead: 'counts', retries: 'counts', redelivered: 'counts', inboxProcessed: 'counts', duplicatesSkipped: 'counts',
  projectionRows: 'counts', published: 'counts', crashes: 'counts', relayCrashes: 'number', events: 'number', handlings: 'number',
  maxDepth: 'number', deepestEventId: 'text', progressStep: 'number',
  conflicts: 'counts?', lockWaits: 'counts?', fenced: 'counts?', instanceKills: 'counts?',
  cacheHits: 'counts?', cacheMisses: 'counts?', cacheInvalidations: 'counts?', cacheFillsRefused: 'counts?',
};

/**
 * The run row is read several times a second while a run plays, and its design snapshot only
 * changes when the run is reset: the last restore is reused while the snapshot's text is the same.
 */
let lastSnapshot: { text: string; result: ReturnType<typeof restoreFlowDocument> } | undefined;
function restoreSnapshot(flow: unknown): ReturnType<typeof restoreFlowDocument> {
  let text: string;
  try {
    text = JSON.stringify(flow);
  } catch {
    return restoreFlowDocument(flow);
  }
  if (lastSnapshot?.text !== text) lastSnapshot = { text, result: restoreFlowDocument(flow) };
  return lastSnapshot.result;
}

/** A run row that can be used, or what is wrong with it in plain words. */
export type CheckedRun = { ok: true; run: RunRecord } | { ok: false; problem: string };

/**
 * Checks the run row of a design (never throws). Its design snapshot goes through
 * `restoreFlowDocument`; the checked run carries the restored snapshot.
 */
export function checkRunRecord(row: unknown): CheckedRun {
  if (!isObject(row)) return { ok: false, problem: `the run row is ${describe(row)}` };
  const problems = problemsOf(row, RUN_SPEC);
  if (isObject(row.settings)) {
    problems.push(...problemsOf(row.settings, SETTINGS_SPEC, 'settings.'));
    if (isObject(row.settings.patterns)) problems.push(...problemsOf(row.settings.patterns, PATTERNS_SPEC, 'settings.patterns.'));
  }
  if (isObject(row.seq)) problems.push(...problemsOf(row.seq, SEQ_SPEC, 'seq.'));
  if (isObject(row.stats)) problems.push(...problemsOf(row.stats, STATS_SPEC, 'stats.'));
  let flow: unknown = row.flow;
  if (isObject(row.flow)) {
    const restored = restoreSnapshot(row.flow);
    if (restored.ok) flow = restored.doc;
    else problems.push(`flow: the design snapshot is damaged (${restored.errors[0]?.path} ${restored.errors[0]?.message})`);
  }
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    return { ok: false, problem: `${problems[0]}${more}` };
  }
  return { ok: true, run: { ...(row as unknown as RunRecord), flow: flow as RunRecord['flow'] } };
}

/** A damaged panel row that was repaired for display. */
export interface DamagedRunRow {
  table: string;
  runId: string;
  problem: string;
}

const listeners = new Set<(damage: DamagedRunRow) => void>();

/** Hears of every damaged row a panel reads (the workspace then offers to reset the run). */
export function onDamagedRunRow(listener: (damage: DamagedRunRow) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A panel row made safe to show: each field of the wrong kind is replaced by a placeholder ("⚠
 * damaged" for text, an empty list, …), and the damage is reported. A healthy row is returned as it is.
 */
export function repairRunRow<Row>(table: string, row: Row): Row {
  const spec = getOwn<Spec>(ROW_SPECS, table);
  if (!spec) return row;
  if (!isObject(row)) {
    const repaired = Object.fromEntries(Object.entries(spec).map(([f, k]) => [f, placeholder(k.replace('?', '') as Kind)]));
    for (const listener of listeners) listener({ table, runId: '', problem: `a row is ${describe(row)}` });
    return repaired as Row;
  }
  const problems = problemsOf(row, spec);
  if (problems.length === 0) return row;
  const repaired: Record<string, unknown> = { ...row };
  for (const [field, declared] of Object.entries(spec)) {
    const optional = declared.endsWith('?');
    const kind = (optional ? declared.slice(0, -1) : declared) as Kind;
    const value = getOwn(row, field);
    if (value === undefined && optional) continue;
    if (!fits(kind, value)) setOwn(repaired, field, placeholder(kind));
  }
  const runId = typeof row.runId === 'string' ? row.runId : '';
  for (const listener of listeners) listener({ table, runId, problem: problems.join('; ') });
  return repaired as Row;
}
