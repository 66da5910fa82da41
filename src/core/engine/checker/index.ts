/**
 * The invariant checker: computes the report of a run from its rows alone (see types.ts for what it
 * reads and README.md for the kinds). Nothing in it knows what a fault decided. Pure.
 */
import { checkCommands } from './commandChecks';
import { checkGaps, checkLostAndPhantom, checkMissed } from './deliveryChecks';
import { checkOrder, checkRebuild, checkRepeats, checkSideEffects } from './effectChecks';
import { buildFacts, EntrySink } from './facts';
import { checkStalledOutbox } from './outboxChecks';
import { checkCache, checkKeyOrder, checkLocks, checkLostUpdates } from './scaleChecks';
import type { AnomalyKind, CheckInput, CheckReport } from './types';

export * from './types';

/** Checks every invariant over a run's rows; entries in the order things went wrong. Pure. */
export function checkRun(input: CheckInput): CheckReport {
  const facts = buildFacts(input);
  const sink = new EntrySink(input.allow);
  checkLostAndPhantom(facts, sink);
  checkMissed(facts, sink);
  checkGaps(facts, sink);
  checkRepeats(facts, sink);
  checkOrder(facts, sink);
  checkSideEffects(facts, sink);
  checkStalledOutbox(facts, sink);
  checkCommands(facts, sink);
  checkRebuild(facts, sink);
  checkLostUpdates(facts, sink);
  checkKeyOrder(facts, sink);
  checkLocks(facts, sink);
  checkCache(facts, sink);
  const entries = sink.entries.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const byKind: Partial<Record<AnomalyKind, number>> = {};
  for (const e of entries) byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
  const broken = entries.filter((e) => e.severity === 'broken').length;
  return { ok: broken === 0, entries, byKind, broken, info: entries.filter((e) => e.severity === 'info').length };
}
