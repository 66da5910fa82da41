/** Thrown inside a long action's progress once Stop was asked; the session swallows it. */
export class Stopped extends Error {
  constructor() {
    super('stopped');
  }
}

/**
 * The one stop mechanism of a session's activity (play or a long action): `stop()` sets it, the
 * activity checks it at every batch boundary, and a sleep between ticks ends at once.
 */
export class StopSignal {
  stopped = false;
  private wake: (() => void) | undefined;
  private readonly woken: Promise<void>;

  constructor() {
    this.woken = new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  /** Throws `Stopped` when stop was asked. */
  check(): void {
    if (this.stopped) throw new Stopped();
  }

  /** Waits for `sleep`, or less when stop is asked meanwhile. */
  async sleepUnlessStopped(sleep: Promise<void>): Promise<void> {
    await Promise.race([sleep, this.woken]);
  }
}
