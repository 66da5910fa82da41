import type { LockManagerLike } from './memoryLocks';

/**
 * Who drives a run. One tab at a time holds the run's exclusive Web Lock (`efd-run:<runId>`) and
 * writes; the others watch it (they re-read when the driver says it wrote) and can take over.
 * - `driving`: this tab holds the lock; its session writes.
 * - `watching`: another tab drives (or drove when this one opened).
 * - `taken-over`: this tab drove, and another tab took the run over.
 * - `taking-over`: this tab asked the driver to let go and waits for the lock.
 */
export type DriveState = 'driving' | 'watching' | 'taken-over' | 'taking-over';

/** What the tabs of one run tell each other (BroadcastChannel `efd-run:<runId>`). */
export type DriveMessage =
  /** The driver wrote: watchers re-read the run. */
  | { type: 'wrote' }
  /** A tab asks the driver to stop, finish its write and release the lock. */
  | { type: 'let-go'; from: string }
  /** A tab took the lock (after asking, or by stealing it from a tab that did not answer). */
  | { type: 'took-over'; from: string }
  /** The driver let go without being asked (it left run mode or closed): a watcher may drive. */
  | { type: 'released'; from: string };

/** The channel between the tabs of one run (a BroadcastChannel, or an in-memory one in tests). */
export interface DriveChannel {
  post(message: DriveMessage): void;
  /** Calls `listener` with every message another tab posted; returns the unsubscribe. */
  listen(listener: (message: DriveMessage) => void): () => void;
  close(): void;
}

export interface RunDrive {
  state(): DriveState;
  /** True while this tab holds the run's lock: checked before every write. */
  holds(): boolean;
  /** Calls `listener` when `state()` changes. */
  subscribe(listener: () => void): () => void;
  /** Drives if no other tab does (never waits); resolves to whether it drives. */
  start(): Promise<boolean>;
  /** Asks the driver to let go and takes the lock; steals it when the driver does not answer in time. */
  takeOver(): Promise<boolean>;
  /** Tells the watchers that the run's rows changed. */
  announce(): void;
  /** Calls `listener` when the driving tab wrote (this tab watches). */
  onWrote(listener: () => void): () => void;
  /**
   * What this tab does when asked to let go, before the lock is released: stop play and let the
   * write in flight finish. Writes are refused from the moment it is asked.
   */
  setLetGo(handler: () => Promise<void>): void;
  /** Releases the lock (telling the watchers) and stops listening. */
  dispose(): void;
}

export interface RunDriveOptions {
  runId: string;
  /** This tab's id (in messages, so a tab ignores its own). */
  tabId: string;
  locks: LockManagerLike;
  channel: DriveChannel;
  /** How long a take-over waits for the driver to let go before it steals the lock (default 2,000 ms). */
  answerWithinMs?: number;
}

/** The lock name of a run (any run id: a lock name is any string). */
export const runLockName = (runId: string) => `efd-run:${runId}`;

const MESSAGE_TYPES = new Set(['wrote', 'let-go', 'took-over', 'released']);

/** A message from the channel, checked (another version of the app may share it); undefined when unusable. */
export function checkDriveMessage(data: unknown): DriveMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const type: unknown = Reflect.get(data, 'type');
  const from: unknown = Reflect.get(data, 'from');
  if (typeof type !== 'string' || !MESSAGE_TYPES.has(type)) return undefined;
  if (type === 'wrote') return { type };
  if (typeof from !== 'string') return undefined;
  return { type, from } as DriveMessage;
}

/** The drive of one run in one tab (see DriveState). */
export function createRunDrive(options: RunDriveOptions): RunDrive {
  const { runId, tabId, locks, channel } = options;
  const name = runLockName(runId);
  const answerWithinMs = options.answerWithinMs ?? 2000;
  let current: DriveState = 'watching';
  let holding = false;
  /** Ends the lock's callback (releases the lock); set while held. */
  let release: (() => void) | undefined;
  /** Which grant is the current one (a stolen old grant's rejection must not touch a newer one). */
  let grant = 0;
  let letGo: () => Promise<void> = async () => {};
  let disposed = false;
  const listeners = new Set<() => void>();
  const wroteListeners = new Set<() => void>();

  const setState = (next: DriveState) => {
    if (next === current) return;
    current = next;
    for (const listener of [...listeners]) listener();
  };

  /** Requests the lock; resolves to whether it was granted. While granted, the lock is held until `release`. */
  const acquire = (lockOptions: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal }) =>
    new Promise<boolean>((granted) => {
      const mine = ++grant;
      locks.request(name, { mode: 'exclusive', ...lockOptions }, (lock) => {
        if (!lock) {
          granted(false);
          return undefined;
        }
        if (disposed || mine !== grant) return undefined;
        holding = true;
        granted(true);
        return new Promise<void>((resolve) => {
          release = resolve;
        });
      }).then(
        () => granted(false),
        () => {
          // Aborted while waiting, or the lock was stolen by another tab: this tab writes no more.
          granted(false);
          if (mine === grant && holding) {
            holding = false;
            release = undefined;
            setState('taken-over');
          }
        },
      );
    });

  const letGoNow = () => {
    holding = false;
    const done = release;
    release = undefined;
    done?.();
  };

  /**
   * The driver said it let go: wait (a little) for the lock, since the message can arrive before
   * the browser has freed it. Of several watchers one gets it; the others keep watching.
   */
  const takeFreedLock = async () => {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), answerWithinMs);
    const got = await acquire({ signal: timeout.signal });
    clearTimeout(timer);
    if (got && !disposed) setState('driving');
  };

  const unlisten = channel.listen((message) => {
    if (disposed) return;
    if (message.type === 'wrote') {
      if (!holding) for (const listener of [...wroteListeners]) listener();
      return;
    }
    if (message.from === tabId) return;
    if (message.type === 'let-go' && holding) {
      // Writes stop at once; the write in flight finishes, then the lock goes.
      holding = false;
      setState('taken-over');
      void letGo().finally(letGoNow);
    } else if (message.type === 'took-over' && (holding || current === 'driving')) {
      letGoNow();
      setState('taken-over');
    } else if (message.type === 'released' && current !== 'driving' && current !== 'taking-over') {
      void takeFreedLock();
    }
  });

  const drive: RunDrive = {
    state: () => current,
    holds: () => holding && !disposed,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async start() {
      if (holding) return true;
      const got = await acquire({ ifAvailable: true });
      if (disposed) return false;
      if (got) setState('driving');
      return got;
    },
    async takeOver() {
      if (holding || disposed) return holding;
      const before = current;
      setState('taking-over');
      let got = await acquire({ ifAvailable: true });
      if (!got && !disposed) {
        channel.post({ type: 'let-go', from: tabId });
        const timeout = new AbortController();
        const timer = setTimeout(() => timeout.abort(), answerWithinMs);
        got = await acquire({ signal: timeout.signal });
        clearTimeout(timer);
        // The driver did not answer (a crashed or frozen tab): its lock is broken.
        if (!got && !disposed) got = await acquire({ steal: true });
      }
      if (disposed) return false;
      if (!got) {
        setState(before);
        return false;
      }
      setState('driving');
      channel.post({ type: 'took-over', from: tabId });
      return true;
    },
    announce() {
      if (holding) channel.post({ type: 'wrote' });
    },
    onWrote(listener) {
      wroteListeners.add(listener);
      return () => {
        wroteListeners.delete(listener);
      };
    },
    setLetGo(handler) {
      letGo = handler;
    },
    dispose() {
      if (disposed) return;
      const wasHolding = holding;
      disposed = true;
      grant++;
      letGoNow();
      if (wasHolding) channel.post({ type: 'released', from: tabId });
      unlisten();
      channel.close();
      listeners.clear();
      wroteListeners.clear();
    },
  };
  return drive;
}

/** The channel of a run over BroadcastChannel (browsers; node has one too). */
export function broadcastDriveChannel(runId: string): DriveChannel {
  const channel = new BroadcastChannel(runLockName(runId));
  const listeners = new Set<(message: DriveMessage) => void>();
  channel.onmessage = (event: MessageEvent) => {
    const message = checkDriveMessage(event.data);
    if (message) for (const listener of [...listeners]) listener(message);
  };
  return {
    post: (message) => channel.postMessage(message),
    listen(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    close: () => channel.close(),
  };
}
