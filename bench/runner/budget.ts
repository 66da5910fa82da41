/**
 * The bench's clock: one time budget for the whole run, shared out to the scenarios by plan. A
 * scenario asks for its share when it starts and gets its planned milliseconds scaled by how much
 * time is really left for what is still planned, so a slow or loaded machine gives every scenario
 * less time (and the scenario reports a partial run) instead of running over. Nothing here can fail
 * a run because the machine is slow.
 */
export class Budget {
  private readonly end: number;
  private plannedLeft: number;

  constructor(totalMs: number, plannedMs: number, private readonly now: () => number = Date.now) {
    this.end = now() + totalMs;
    this.plannedLeft = plannedMs;
  }

  /** Milliseconds this scenario may spend (planned share × what is left / what is still planned). */
  take(plannedMs: number): number {
    const left = Math.max(0, this.end - this.now());
    const share = this.plannedLeft > 0 ? (left * plannedMs) / this.plannedLeft : left;
    this.plannedLeft = Math.max(0, this.plannedLeft - plannedMs);
    return Math.max(0, Math.min(share, left));
  }

  /** Milliseconds left in the whole run. */
  left(): number {
    return Math.max(0, this.end - this.now());
  }
}
