import { patternOf, type PatternId } from './patterns';

/**
 * What a micro-step was, in the terms of the pattern it belongs to. The step that ran writes it on
 * its trace row (the engine knows which branch it took); `explainStep` turns it into words.
 */
export type StepPhase =
  | 'command-load'
  | 'command-commit-outbox'
  | 'command-commit-dual-write'
  | 'command-commit-publish-first'
  | 'command-commit-no-events'
  | 'command-answered-by-key'
  | 'command-conflict'
  | 'command-rejected'
  | 'command-crashed'
  | 'relay-publish'
  | 'relay-mark-sent'
  | 'relay-mark-before-publish'
  | 'direct-publish'
  | 'deliver'
  | 'redeliver'
  | 'inbox-duplicate'
  | 'inbox-apply'
  | 'inbox-apply-separately'
  | 'apply-without-inbox'
  | 'inbox-record-later'
  | 'handle-crashed'
  | 'handle-failed'
  | 'ack'
  | 'handle-read'
  | 'lock-read'
  | 'lock-wait'
  | 'occ-conflict'
  | 'lock-lost'
  | 'fenced'
  | 'instance-killed'
  | 'instance-started'
  | 'instance-added'
  | 'instance-removed'
  | 'cache-hit'
  | 'cache-miss'
  | 'cache-fill'
  | 'cache-fill-refused'
  | 'wait';

/** A step in words: the pattern, which of its steps, and what one transaction wrote (if any). */
export interface StepExplanation {
  pattern?: PatternId;
  /** The pattern's steps this micro-step covers, numbered from 1 (`[2, 3]` = steps 2–3). */
  steps?: readonly [number, number];
  /** How many steps the pattern has. */
  of?: number;
  /** "outbox steps 2–3 of 7" — short, for a chip. */
  label: string;
  /** The whole sentence: label and what happened in the pattern's terms. */
  headline: string;
  /** What the step's one local transaction wrote; absent when it committed nothing. */
  transaction?: readonly string[];
}

interface Entry {
  pattern?: PatternId;
  steps?: readonly [number, number];
  /** The pattern's name in the label ("outbox", "dual write"). */
  short?: string;
  says: string;
  transaction?: readonly string[];
}

const ENTRIES: Record<StepPhase, Entry> = {
  'command-load': { pattern: 'optimistic-concurrency', steps: [1, 1], short: 'optimistic concurrency', says: 'the producer took the command and read the aggregate\'s stream version, the version its append will expect' },
  'command-commit-outbox': { pattern: 'transactional-outbox', steps: [2, 3], short: 'outbox', says: 'business row, event store append and outbox row committed in one transaction', transaction: ['business row', 'event store', 'outbox row'] },
  'command-commit-dual-write': { pattern: 'dual-write', steps: [1, 1], short: 'dual write', says: 'business row and event store committed; the publish is a separate step, and a crash before it loses the event', transaction: ['business row', 'event store'] },
  'command-commit-publish-first': { pattern: 'publish-first', steps: [1, 2], short: 'publish first', says: 'published before the commit, then committed the business row and event store: a crash in between would have left a phantom event', transaction: ['business row', 'event store'] },
  'command-commit-no-events': { pattern: 'optimistic-concurrency', steps: [2, 2], short: 'optimistic concurrency', says: 'business row committed; the command emits no event', transaction: ['business row'] },
  'command-answered-by-key': { pattern: 'idempotent-command', steps: [3, 3], short: 'idempotency key', says: 'a retry with a known key, answered from the first commit: nothing committed again' },
  'command-conflict': { pattern: 'optimistic-concurrency', steps: [3, 3], short: 'optimistic concurrency', says: 'another writer appended first, so the append was refused: the producer re-reads and retries' },
  'command-rejected': { says: 'command rejected: nothing committed' },
  'command-crashed': { says: 'the producer died before its commit: the transaction rolled back and nothing of it stays' },
  'relay-publish': { pattern: 'transactional-outbox', steps: [4, 6], short: 'outbox', says: 'after the commit the relay read the pending outbox row and sent it to the broker; the row is not marked sent yet' },
  'relay-mark-sent': { pattern: 'transactional-outbox', steps: [7, 7], short: 'outbox', says: 'the relay marked the outbox row sent; a crash before this step would have sent it again (at least once)', transaction: ['outbox row'] },
  'relay-mark-before-publish': { pattern: 'transactional-outbox', steps: [7, 7], short: 'outbox, out of order', says: 'the relay marked the row sent before sending it (at most once): a crash now loses the event', transaction: ['outbox row'] },
  'direct-publish': { pattern: 'dual-write', steps: [2, 2], short: 'dual write', says: 'published from memory after the commit, outside any transaction' },
  deliver: { pattern: 'at-least-once-delivery', steps: [1, 1], short: 'at-least-once delivery', says: 'the broker handed the message over; it stays unacknowledged, and comes back if the consumer dies before its ack' },
  redeliver: { pattern: 'at-least-once-delivery', steps: [1, 1], short: 'at-least-once delivery', says: 'no ack before the timeout: the broker delivers the message again' },
  'inbox-duplicate': { pattern: 'idempotent-consumer', steps: [1, 1], short: 'inbox', says: 'the event id is already in the inbox: the duplicate is skipped, nothing applied again', transaction: ['inbox row'] },
  'inbox-apply': { pattern: 'idempotent-consumer', steps: [1, 3], short: 'inbox', says: 'inbox checked, effect applied and event id recorded in one transaction', transaction: ['inbox row', 'projection rows', 'emitted events and their outbox rows'] },
  'inbox-apply-separately': { pattern: 'idempotent-consumer', steps: [1, 2], short: 'inbox, split', says: 'inbox checked and effect applied; the inbox row follows in a second transaction, so a crash in between applies the effect again', transaction: ['projection rows', 'emitted events'] },
  'apply-without-inbox': { pattern: 'idempotent-consumer', steps: [2, 2], short: 'no inbox', says: 'effect applied without an inbox check: a redelivery would apply it again', transaction: ['projection rows', 'emitted events'] },
  'inbox-record-later': { pattern: 'idempotent-consumer', steps: [3, 3], short: 'inbox, second transaction', says: 'the inbox row written in a second transaction: a crash before it would have applied the effect twice', transaction: ['inbox row'] },
  'handle-crashed': { pattern: 'at-least-once-delivery', steps: [2, 2], short: 'at-least-once delivery', says: 'the consumer died before its commit: nothing committed, the message comes back after the ack timeout' },
  'handle-failed': { pattern: 'retries-and-dead-letters', steps: [1, 3], short: 'retries', says: 'the handling failed and rolled back: the message is retried, or dead-lettered past the limit' },
  ack: { pattern: 'at-least-once-delivery', steps: [3, 3], short: 'at-least-once delivery', says: 'acknowledged: the broker forgets the message' },
  'handle-read': { says: 'read the rows the handling will write; the write is a later step, so another instance may write them in between (a lost update without a concurrency control)' },
  'lock-read': { says: 'took the row locks (holder and lease in the lock table) and read the rows; nobody else writes them until the write releases the locks or the lease ends', transaction: ['lock rows'] },
  'lock-wait': { says: 'the row lock is held by another instance whose lease has not ended: waiting', transaction: ['lock row (the wait)'] },
  'occ-conflict': { says: 'optimistic concurrency: the row\'s version changed since the read, so nothing was written; the handling reads again and retries' },
  'lock-lost': { says: 'the lock\'s lease ended and another instance took it over: nothing written; the handling locks and reads again' },
  fenced: { says: 'single writer: the partition moved to another instance since the read, so this write is fenced off and the message goes back to the new owner' },
  'instance-killed': { says: 'a consumer instance was killed: what it held in memory is gone, its partitions move to the others (a rebalance)' },
  'instance-started': { says: 'a consumer instance started again and joined its group: a rebalance' },
  'instance-added': { says: 'an instance was added to the consumer group: a rebalance' },
  'instance-removed': { says: 'an instance left the consumer group: what it held comes back after the ack timeout; a rebalance' },
  'cache-hit': { says: 'cache-aside: the entry was in the cache: read from it' },
  'cache-miss': { says: 'cache-aside: not in the cache, so the row was loaded from the store (with leases: a lease taken); the fill is a later step, and a write in between makes what it fills stale' },
  'cache-fill': { says: 'cache-aside: the loaded row put into the cache', transaction: ['cache entry'] },
  'cache-fill-refused': { says: 'cache-aside with leases: a write invalidated the entry after the miss, so the fill is refused (no stale entry)' },
  wait: { says: 'nothing could move: waiting' },
};

const range = ([from, to]: readonly [number, number]) => (from === to ? `step ${from}` : `steps ${from}–${to}`);

/** The step in the words of its pattern, e.g. "outbox steps 2–3 of 7: business row, … in one transaction". Pure. */
export function explainStep(phase: StepPhase): StepExplanation {
  const entry = ENTRIES[phase];
  if (!entry.pattern || !entry.steps) {
    return { label: entry.says.split(':')[0]!, headline: entry.says, ...(entry.transaction ? { transaction: entry.transaction } : {}) };
  }
  const of = patternOf(entry.pattern).steps.length;
  const label = `${entry.short ?? entry.pattern} ${range(entry.steps)} of ${of}`;
  return {
    pattern: entry.pattern, steps: entry.steps, of, label, headline: `${label}: ${entry.says}`,
    ...(entry.transaction ? { transaction: entry.transaction } : {}),
  };
}

/** Every phase, for tests and docs. */
export const STEP_PHASES = Object.keys(ENTRIES) as StepPhase[];
