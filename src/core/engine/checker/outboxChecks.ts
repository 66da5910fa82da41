/**
 * Stalled outbox: rows that waited longer than the threshold while the relay marked nothing sent
 * (it was down, or kept publishing and crashing before mark-sent). Found from the rows' creation
 * and sent steps, so the entry stays in the report after the outbox drains. A mere backlog, with
 * the relay marking rows sent all along, is not a stall. The relay gets a turn about once every N
 * steps when N processes have work, so the threshold is never below 20 × N (chance, not a stall).
 * Pure.
 */
import type { EntrySink, Facts } from './facts';
import type { CheckOutboxRow } from './types';

/** Periods longer than `threshold` in which the relay marked no row sent: [from, to]. Pure. */
export function idleWindows(sentSteps: readonly number[], now: number, threshold: number): [number, number][] {
  const steps = [...sentSteps].sort((a, b) => a - b);
  const windows: [number, number][] = [];
  let previous = 0;
  for (const s of [...steps, now]) {
    if (s - previous > threshold) windows.push([previous, s]);
    previous = Math.max(previous, s);
  }
  return windows;
}

export function checkStalledOutbox(facts: Facts, sink: EntrySink): void {
  const rows = facts.input.tables.outbox;
  const flow = facts.input.flow;
  const threshold = Math.max(facts.input.stalledOutboxAfterSteps, 20 * (flow.producers.length + flow.consumers.length + 2));
  const windows = idleWindows(rows.flatMap((r) => (r.sentStep === undefined ? [] : [r.sentStep])), facts.input.now, threshold);
  if (windows.length === 0) return;
  const episodes = new Map<string, { ownerId: string; window: [number, number]; rows: CheckOutboxRow[] }>();
  for (const row of rows) {
    const end = row.sentStep ?? facts.input.now;
    const window = windows.find(([from, to]) => Math.min(end, to) - Math.max(row.createdStep, from) > threshold);
    if (!window) continue;
    const key = `${row.ownerId}\u0000${window[0]}`;
    const episode = episodes.get(key);
    if (episode) episode.rows.push(row);
    else episodes.set(key, { ownerId: row.ownerId, window, rows: [row] });
  }
  for (const { ownerId, window, rows: stalled } of episodes.values()) {
    const oldest = stalled[0] as CheckOutboxRow;
    const published = facts.publications.get(oldest.eventId)?.filter((p) => p.via === 'relay').length ?? 0;
    const why = published > 1 ? `published ${published} times, not marked sent` : published === 1 ? 'published, not marked sent' : 'not published';
    const drained = stalled.every((r) => r.status === 'sent');
    const longest = Math.max(...stalled.map((r) => (r.sentStep ?? facts.input.now) - r.createdStep));
    sink.add({
      id: `stalled-outbox:${ownerId}:${window[0]}`, kind: 'stalled-outbox', at: window[0],
      rootCause: { nodeId: ownerId, what: `the relay moved nothing in ${facts.name(ownerId)}'s outbox from step ${window[0]} to ${window[1]}` },
      message: `${facts.name(ownerId)} outbox: ${stalled.length} row(s) waited more than ${threshold} steps (up to ${longest}) while the relay marked nothing sent from step ${window[0]} to ${window[1]}; oldest ${oldest.eventId} ${why}${drained ? '; all sent since' : ''}`,
      nodeIds: [ownerId], eventIds: stalled.slice(0, 20).map((r) => r.eventId), affected: { eventIds: [], nodeIds: [] },
    });
  }
}
