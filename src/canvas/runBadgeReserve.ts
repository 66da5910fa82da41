import type { NodeKind } from '../core';

/** One line of run badges (16 px badges, 3 px apart) and the strip around them (padding, border, margin). */
const BADGE_LINE = 19;
const STRIP = 33 - BADGE_LINE;

/**
 * Lines of run badges each kind of card can show at once at its width (two to three badges a line):
 * a consumer its queued/delivered/acked/inbox counters, duplicates skipped, retries, dead letters,
 * its own outbox and anomalies; a producer its outbox and anomalies; an event type what was published;
 * a projection its rows.
 */
const LINES: Record<NodeKind, number> = { consumer: 5, producer: 2, event: 2, projection: 2 };

/**
 * Height, in px, that auto-layout keeps free under a card for the badges a run adds to it, so that a
 * run never grows a card over its neighbour (whatever the mode the layout was made in). A consumer
 * with several instances (issue 13) shows a line per instance on top of its counters.
 */
export function runBadgeReserve(kind: NodeKind, instances = 1): number {
  const instanceLines = kind === 'consumer' && instances > 1 ? Math.min(instances, 64) : 0;
  return STRIP + (LINES[kind] + instanceLines) * BADGE_LINE;
}
