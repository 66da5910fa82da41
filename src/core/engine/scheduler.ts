/**
 * Which process acts next. Every process with work (a producer, the relay, a consumer, the broker's
 * ack timer) is a candidate; the run's seeded source picks one uniformly, so processes interleave
 * differently per seed but identically for the same seed, and no process waits longer because
 * another one has a long queue.
 */
import { countOf, total } from './counters';
import type { ProcessRecord, RunRecord } from './records';

/** A process that may act in a step (`broker`: hand out again a delivery whose ack deadline passed). */
export interface Actor {
  /** `instance-up`: a killed consumer instance whose down time is over starts again. */
  kind: 'producer' | 'relay' | 'consumer' | 'broker' | 'instance-up' | 'scale' | 'reader';
  nodeId: string;
  process?: ProcessRecord;
}

/** Whether the relay is down at a step (the relay-down fault). Pure. */
export function relayIsDown(run: Pick<RunRecord, 'settings'>, step: number): boolean {
  const down = run.settings.faults.relayDown;
  return down !== null && step > down.fromStep && step <= down.fromStep + down.steps;
}

const holds = (p: ProcessRecord) => p.producer !== undefined || p.relay !== undefined || p.consumer !== undefined || (p.prefetched !== undefined && p.prefetched.length > 0) ||
  p.reader !== undefined || (p.readQueue !== undefined && p.readQueue.length > 0);

/** The processes that have (or, for a consumer and the broker, may have) work at `step`, from counters and memory. Pure. */
export function candidates(run: RunRecord, step: number): Actor[] {
  const s = run.stats;
  const actors: Actor[] = [];
  for (const process of run.processes) {
    const node = process.nodeId;
    if (process.kind === 'producer') {
      if (holds(process) || countOf(s.directPending, node) > 0 || countOf(s.commandsQueued, node) > 0) actors.push({ kind: 'producer', nodeId: node, process });
    } else if (process.kind === 'relay') {
      if (holds(process) || (!relayIsDown(run, step) && total(s.outboxPending) > 0)) actors.push({ kind: 'relay', nodeId: '', process });
    } else if (process.kind === 'reader') {
      if (holds(process) && !sitsOut(run, process, step)) actors.push({ kind: 'reader', nodeId: node, process });
    } else if (process.downUntil !== undefined) {
      if (step >= process.downUntil) actors.push({ kind: 'instance-up', nodeId: node, process });
    } else if (sitsOut(run, process, step)) {
      continue;
    } else if (holds(process) || (process.instance !== undefined ? (process.directHeld ?? 0) : countOf(s.directPending, node)) > 0 || countOf(s.queued, node) > 0) {
      actors.push({ kind: 'consumer', nodeId: node, process });
    }
  }
  if (run.nextAckDeadline !== null && step > run.nextAckDeadline) actors.push({ kind: 'broker', nodeId: '' });
  for (const [consumerId, wanted] of Object.entries(run.settings.instances ?? {})) {
    const now = run.processes.filter((p) => p.kind === 'consumer' && p.nodeId === consumerId).length;
    if (now > 0 && now !== Math.max(1, Math.floor(wanted))) actors.push({ kind: 'scale', nodeId: consumerId });
  }
  return actors;
}

/** The name a slow process has in `faults.slowInstances`: `<consumer id>#<n>` for a consumer instance, `reader:<projection id>` for a cache's reader. Pure. */
export const slowName = (process: Pick<ProcessRecord, 'id' | 'kind' | 'nodeId' | 'instance'>): string =>
  (process.kind === 'reader' ? process.id : `${process.nodeId}#${process.instance ?? 1}`);

/** Whether a slow process (a consumer instance or a cache's reader, named as `slowName` says, in `faults.slowInstances`) sits out this step. Pure. */
export function sitsOut(run: RunRecord, process: ProcessRecord, step: number): boolean {
  const slow = run.settings.faults.slowInstances;
  if (!slow || slow.length === 0) return false;
  const name = slowName(process);
  const entry = slow.find((s) => s.instance === name);
  return entry !== undefined && entry.factor > 1 && step % Math.floor(entry.factor) !== 0;
}

/** Whether a run has nothing left to do: no command, outbox row, publish, delivery or held work pending. Pure. */
export function isQuiet(run: RunRecord): boolean {
  const s = run.stats;
  return s.commandsPending === 0 && total(s.outboxPending) === 0 && total(s.directPending) === 0 &&
    total(s.queued) === 0 && total(s.inFlight) === 0 && !run.processes.some(holds);
}

/** What a run that has nothing to do now is waiting for, and until which step. Pure. */
export function waitingFor(run: RunRecord, step: number): { until: number; text: string } {
  const down = run.settings.faults.relayDown;
  if (down && relayIsDown(run, step) && total(run.stats.outboxPending) > 0) {
    const until = down.fromStep + down.steps + 1;
    return { until, text: `relay is down (fault): nothing else to do, ${until - step} step(s) until it is back (step ${until})` };
  }
  const downUntil = run.processes.filter((p) => p.downUntil !== undefined).map((p) => p.downUntil as number);
  if (downUntil.length > 0 && total(run.stats.queued) > 0) {
    const back = Math.min(...downUntil);
    if (run.nextAckDeadline === null || back <= run.nextAckDeadline) {
      return { until: back, text: `consumer instances are down (fault): nothing else to do, ${Math.max(0, back - step)} step(s) until one starts again (step ${back})` };
    }
  }
  const slow = run.processes.filter((p) => p.downUntil === undefined && (p.kind === 'reader' ? holds(p) : p.kind === 'consumer' && (holds(p) || countOf(run.stats.queued, p.nodeId) > 0)) && sitsOut(run, p, step));
  if (slow.length > 0) {
    const next = Math.min(...slow.map((p) => {
      const factor = Math.floor(run.settings.faults.slowInstances?.find((s) => s.instance === slowName(p))?.factor ?? 1);
      return step + (factor - (step % factor));
    }));
    return { until: next, text: `only slow processes have work and they sit out this step (fault): ${slow.map(slowName).join(', ')} act again at step ${next}` };
  }
  const until = (run.nextAckDeadline ?? step) + 1;
  const unacked = total(run.stats.inFlight);
  return { until, text: `nothing to do until an ack deadline passes at step ${until}: ${unacked} delivery(ies) handed out and never acknowledged` };
}
