/**
 * The patterns a run is made of, in words: what each step does and what goes wrong without it
 * (the source article's sections 4.2 and 4.3, and the delivery rules of DOMAIN.md). The "why?"
 * of the run's step line opens one of these. Pure data.
 */
export type PatternId =
  | 'transactional-outbox'
  | 'dual-write'
  | 'publish-first'
  | 'optimistic-concurrency'
  | 'idempotent-command'
  | 'at-least-once-delivery'
  | 'idempotent-consumer'
  | 'retries-and-dead-letters';

export interface Pattern {
  id: PatternId;
  title: string;
  /** One sentence: what the pattern guarantees. */
  promise: string;
  /** The pattern's steps, numbered from 1 in the order they happen. */
  steps: readonly string[];
  /** The article's diagram, in words: who talks to whom, and what sits in one transaction. */
  diagram: readonly string[];
  /** What goes wrong without it, or when a crash falls between two steps. */
  pitfalls: readonly string[];
}

const PATTERN_LIST: readonly Pattern[] = [
  {
    id: 'transactional-outbox',
    title: 'Transactional outbox',
    promise: 'A committed change is published at least once: the event is written in the same local transaction as the change.',
    steps: [
      'receive the command',
      'write the business row',
      'write the event to the outbox table, in the same local transaction',
      'after the commit, trigger sending',
      'the relay reads the pending outbox row',
      'the relay sends it to the broker',
      'on success, the relay marks the row sent',
    ],
    diagram: [
      'producer ── one local transaction ──▶ [ business table | outbox table ]',
      'relay ◀── reads pending rows ── outbox table',
      'relay ── sends ──▶ broker ── delivers ──▶ consumers',
      'relay ── marks "sent" ──▶ outbox table',
    ],
    pitfalls: [
      'A crash after step 6 and before step 7 leaves the row pending: the relay sends it again, so delivery is at least once and consumers need an inbox.',
      'A relay that marks the row sent before sending it (at most once) loses the event if it dies in between.',
    ],
  },
  {
    id: 'dual-write',
    title: 'Dual write (no outbox)',
    promise: 'None: the change is committed, then the event is published from memory, and nothing ties the two together.',
    steps: ['commit the business row (and the event store)', 'publish the event to the broker, outside the transaction'],
    diagram: ['producer ── local transaction ──▶ [ business table ]', 'producer ── publish from memory ──▶ broker'],
    pitfalls: ['A crash between step 1 and step 2 loses the event for good: the change is committed, no subscriber ever hears of it.'],
  },
  {
    id: 'publish-first',
    title: 'Publish first, then commit',
    promise: 'None: the event leaves before the change it announces is committed.',
    steps: ['publish the event to the broker', 'commit the business row'],
    diagram: ['producer ── publish ──▶ broker', 'producer ── local transaction ──▶ [ business table ]'],
    pitfalls: ['A crash (or a refused commit) after step 1 leaves a phantom: subscribers act on an event whose change never happened.'],
  },
  {
    id: 'optimistic-concurrency',
    title: 'Optimistic concurrency on the event stream',
    promise: 'Two writers never both append the same version of an aggregate: the second one is refused and retries on fresh state.',
    steps: [
      'read the aggregate and its stream version',
      'append the new events expecting that version, in the commit',
      'if another writer appended first, the append is refused: re-read and retry, or give up past the limit',
    ],
    diagram: ['writer A ── reads v3 ──┐', 'writer B ── reads v3 ──┤── both append "expecting v3": the first wins, the second is refused'],
    pitfalls: ['Without the version check both appends land and one writer\'s decision was taken on state that no longer existed (a lost update).'],
  },
  {
    id: 'idempotent-command',
    title: 'Idempotency key on commands',
    promise: 'A caller that retries a command it got no answer for does not commit a second change.',
    steps: ['the command carries a key chosen by the caller', 'the producer records the key with the commit', 'a retry with the same key is answered from the first commit'],
    diagram: ['caller ── command + key ──▶ producer ── one transaction ──▶ [ business table | keys table ]'],
    pitfalls: ['A producer that dies after its commit and before answering makes the caller retry: without a key, the retry commits the change twice.'],
  },
  {
    id: 'at-least-once-delivery',
    title: 'At-least-once delivery',
    promise: 'Every published message reaches each subscriber until it is acknowledged; some arrive more than once.',
    steps: ['the broker hands the message to the consumer', 'the consumer handles it and commits', 'the consumer acknowledges it, and the broker forgets it'],
    diagram: ['broker ── deliver ──▶ consumer', 'consumer ── ack ──▶ broker', 'no ack before the timeout ⇒ the broker delivers again'],
    pitfalls: [
      'A consumer that dies after its commit and before its ack gets the message again: the second handling must recognise it (the inbox).',
      'Exactly-once is an effect, not a delivery.',
    ],
  },
  {
    id: 'idempotent-consumer',
    title: 'Idempotent consumer (inbox)',
    promise: 'Each event changes the consumer\'s state once, however often it arrives — for what commits in the same local transaction as the inbox row.',
    steps: ['check the inbox for the event id', 'apply the effect (projection rows, emitted events through the outbox)', 'record the event id in the inbox, in the same local transaction'],
    diagram: ['consumer ── one local transaction ──▶ [ inbox table | projection rows | outbox table ]'],
    pitfalls: [
      'Without the inbox a redelivered event is applied again: counters count twice, statuses move back.',
      'An inbox row written in a second transaction leaves a window: a crash between the two applies the effect again.',
      'An effect outside the database (an e-mail, an HTTP call) cannot join the transaction: the inbox does not protect it.',
    ],
  },
  {
    id: 'retries-and-dead-letters',
    title: 'Retries and dead letters',
    promise: 'A failing message is retried a bounded number of times, then set aside where someone can see it.',
    steps: ['the handling fails and its transaction rolls back', 'the message is retried, up to the limit', 'past the limit it goes to the dead letters'],
    diagram: ['broker ── deliver ──▶ consumer ── fails ──▶ retry … ──▶ dead letters'],
    pitfalls: ['A dead-lettered message is a gap in the consumer\'s state until someone redrives it.'],
  },
];

export const PATTERNS: ReadonlyMap<PatternId, Pattern> = new Map(PATTERN_LIST.map((p) => [p.id, p]));

/** The pattern of this id. Pure. */
export function patternOf(id: PatternId): Pattern {
  const pattern = PATTERNS.get(id);
  if (!pattern) throw new Error(`unknown pattern ${id}`);
  return pattern;
}
