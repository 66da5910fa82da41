import type { SimulationEngine } from '../core';
import type { WritesInFlight } from './guardWrites';
import type { RunDrive } from './runDrive';
import type { createStateCell } from './stateCell';
import type { RunSession } from './types';

interface FollowDriveDeps {
  drive: RunDrive;
  session: RunSession;
  cell: ReturnType<typeof createStateCell>;
  /** The session's engine (guarded: it knows the writes in flight). */
  engine: SimulationEngine & Partial<WritesInFlight>;
  /** Reads the run row and the report again and shows them. */
  reread(): Promise<unknown>;
}

/**
 * The drive's part of a session: the state follows the drive; asked to let go, play stops and the
 * write in flight finishes before the lock goes; a watching tab re-reads the run when the driver
 * wrote (reads coalesced: one in flight, one more after it), and the driving tab tells the
 * watchers whenever what it shows changed (as paced as what it shows).
 */
export function followDrive({ drive, session, cell, engine, reread }: FollowDriveDeps) {
  let reading: Promise<void> | undefined;
  let again = false;
  const rereadCoalesced = async (): Promise<void> => {
    if (reading) {
      again = true;
      return reading;
    }
    reading = (async () => {
      do {
        again = false;
        await reread();
      } while (again);
    })();
    try {
      await reading;
    } finally {
      reading = undefined;
    }
  };
  drive.setLetGo(async () => {
    session.stop();
    await session.whenIdle();
    await engine.settled?.();
  });
  const offDrive = drive.subscribe(() => {
    cell.set({ drive: drive.state() });
    // Handed a run no tab started yet (its driver closed first): this tab starts it.
    if (drive.holds() && !cell.current().run && cell.current().damaged === undefined) void session.open();
  });
  const offWrote = drive.onWrote(() => void rereadCoalesced());
  let told = cell.get();
  const offCell = cell.subscribe(() => {
    const shown = cell.get();
    if (shown.run !== told.run || shown.report !== told.report) drive.announce();
    told = shown;
  });
  return {
    reread: rereadCoalesced,
    stop() {
      offDrive();
      offWrote();
      offCell();
    },
  };
}
