/**
 * Deliberate engine bugs, switched on only by tests through `createSimulationEngine(store,
 * { mutants })`, to prove that the checker finds each one from the tables alone (mutation tests).
 * The app and the CLI never set them.
 */
export interface EngineMutants {
  /** The relay marks a row sent first and publishes it in a later step: a crash in between loses the event. */
  atMostOnceRelay?: boolean;
  /** The consumer never looks into its inbox before applying (it still writes the inbox row). */
  skipInboxCheck?: boolean;
  /** The consumer commits its effects, then writes the inbox row in a second transaction. */
  inboxInSeparateTransaction?: boolean;
  /** The consumer acknowledges a message before handling it. */
  ackBeforeHandle?: boolean;
  /** A consumer publishes the events it emits directly after its commit, even with an outbox. */
  emitWithoutOutbox?: boolean;
  /** The broker ignores each stream's order per subscriber (reordered and redelivered messages overtake their predecessors). */
  reorderIgnoringOrder?: boolean;
  /** Issue 13: an instance takes a message of its partition while an earlier one of that partition is still in flight (to an instance that lost it in a rebalance). */
  partitionNotBlocked?: boolean;
  /** Issue 13, optimistic concurrency: the write never compares the row's version with the one read. */
  skipVersionCheck?: boolean;
  /** Issue 13, lock: a lock's lease never ends, so a dead holder's lock is never taken over. */
  lockLeaseNeverEnds?: boolean;
  /** Issue 13, single writer: an instance writes although its partition moved to another instance since it read. */
  skipFencing?: boolean;
  /** Issue 13, cache-aside with leases: a reader fills the cache although a write cleared its lease. */
  fillIgnoresLease?: boolean;
  /** Issue 13: a killed or crashed instance drops every dual-write publish of its consumer, its live siblings' too (one memory per consumer, as before per-instance memory). */
  sharedInstanceMemory?: boolean;
}

export const NO_MUTANTS: EngineMutants = {};
