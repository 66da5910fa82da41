import type { BatchOptions, SimulationEngine } from '../core';

/** Thrown instead of a write while another tab drives the run; the session shows the banner, not an error. */
export class NotDriving extends Error {
  constructor() {
    super('This run is driven in another tab: take it over to change it here.');
  }
}

/** The engine's methods that write the run's tables. */
const WRITES = [
  'startRun', 'updateSettings', 'reset', 'deleteRun', 'fire', 'fireMany', 'redrive', 'step', 'stepWithRun', 'runSteps',
  'runUntilQuiet', 'report', 'reportWithSummary', 'replaceWithRebuild', 'killInstance',
] as const satisfies readonly (keyof SimulationEngine)[];

/** The engine's methods that only read (named so the list of writes is known to be complete). */
export const ENGINE_READS = [
  'getRun', 'previewPayload', 'checkInput', 'projectionsAt', 'compareWithRebuild', 'replayWithDesign', 'counts',
] as const satisfies readonly (keyof SimulationEngine)[];

/**
 * Every engine method is listed as a write or a read: a method added to the engine and listed in
 * neither fails the type check here (an unlisted write would pass the guard unchecked).
 */
type Unlisted = Exclude<keyof SimulationEngine, (typeof WRITES)[number] | (typeof ENGINE_READS)[number]>;
const everyMethodListed: [Unlisted] extends [never] ? true : { unlisted: Unlisted } = true;
void everyMethodListed;

/** The two batched writes (and where their options are), whose `between` runs before each further transaction. */
const BATCH_OPTIONS_AT = new Map<string, number>([['runSteps', 2], ['runUntilQuiet', 1]]);

/** Where writes are written down while they run, so a tab letting go can wait for the one in flight. */
export interface WritesInFlight {
  /** Resolves when no write started through the guard is still running. */
  settled(): Promise<void>;
}

/**
 * The engine of a session that may only write while this tab drives the run: `holds()` is asked
 * before every write, and before every further transaction of a batched one, so a lock that was
 * taken away (handed over or stolen) stops the writes at once. Reads pass through.
 */
export function guardWrites(engine: SimulationEngine, holds: () => boolean): SimulationEngine & WritesInFlight {
  const running = new Set<Promise<unknown>>();
  const check = () => {
    if (!holds()) throw new NotDriving();
  };
  const guarded: SimulationEngine & WritesInFlight = {
    ...engine,
    async settled() {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
  };
  for (const method of WRITES) {
    const write = engine[method] as (...args: unknown[]) => Promise<unknown>;
    const wrapped = (...args: unknown[]) => {
      check();
      const at = BATCH_OPTIONS_AT.get(method);
      if (at !== undefined) {
        const options = (args[at] ?? {}) as BatchOptions;
        const between = options.between;
        args[at] = {
          ...options,
          between: async (progress: Parameters<NonNullable<BatchOptions['between']>>[0]) => {
            await between?.(progress);
            check();
          },
        };
      }
      const done = write.apply(engine, args);
      running.add(done);
      void done.finally(() => running.delete(done)).catch(() => {});
      return done;
    };
    Object.defineProperty(guarded, method, { value: wrapped, enumerable: true });
  }
  return guarded;
}
