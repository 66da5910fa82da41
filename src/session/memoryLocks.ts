/**
 * A tiny in-memory Web Locks manager for node tests: the subset of `navigator.locks` the run drive
 * uses, with the browser's semantics (exclusive locks only). A request is granted when the lock is
 * free and no request waits before it; `ifAvailable` calls back with null instead of waiting;
 * `signal` aborts a waiting request (its promise rejects with an AbortError); `steal` releases the
 * holder at once (the holder's request promise rejects with an AbortError) and is granted ahead of
 * the queue. A lock is released when the callback's promise settles, or when its client is dropped
 * (`drop()`: a tab that closed or crashed, whose callback never settles).
 */
export interface LockRequestOptions {
  mode?: 'exclusive' | 'shared';
  ifAvailable?: boolean;
  steal?: boolean;
  signal?: AbortSignal;
}

/** The part of the browser's LockManager the run drive needs. */
export interface LockManagerLike {
  request(name: string, options: LockRequestOptions, callback: (lock: { name: string } | null) => unknown): Promise<unknown>;
}

interface Pending {
  client: MemoryLockClient;
  callback: (lock: { name: string } | null) => unknown;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

interface Held extends Pending {
  token: object;
}

const abortError = (message: string) => Object.assign(new Error(message), { name: 'AbortError' });

/** One realm's locks (one browser profile); `client()` is one tab's `navigator.locks`. */
export class MemoryLocks {
  private readonly held = new Map<string, Held>();
  private readonly queues = new Map<string, Pending[]>();

  client(): MemoryLockClient {
    return new MemoryLockClient(this);
  }

  /** The name of every lock held now (for tests' assertions). */
  heldNames(): string[] {
    return [...this.held.keys()];
  }

  /** @internal */
  request(client: MemoryLockClient, name: string, options: LockRequestOptions, callback: Pending['callback']): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const pending: Pending = { client, callback, resolve, reject };
      const queue = this.queueOf(name);
      if (options.steal) {
        const holder = this.held.get(name);
        if (holder) {
          this.held.delete(name);
          holder.reject(abortError(`Lock "${name}" broken by another request with the 'steal' option.`));
        }
        this.grant(name, pending);
        return;
      }
      if (!this.held.has(name) && queue.length === 0) {
        this.grant(name, pending);
        return;
      }
      if (options.ifAvailable) {
        this.run(pending, null).then(resolve, reject);
        return;
      }
      if (options.signal?.aborted) {
        reject(abortError('The request was aborted.'));
        return;
      }
      queue.push(pending);
      options.signal?.addEventListener('abort', () => {
        const at = queue.indexOf(pending);
        if (at < 0) return;
        queue.splice(at, 1);
        reject(abortError('The request was aborted.'));
      }, { once: true });
    });
  }

  /** @internal Releases every lock of a client and drops its waiting requests (a closed tab). */
  drop(client: MemoryLockClient): void {
    for (const [name, queue] of this.queues) this.queues.set(name, queue.filter((p) => p.client !== client));
    for (const [name, holder] of [...this.held]) {
      if (holder.client !== client) continue;
      this.held.delete(name);
      this.next(name);
    }
  }

  private queueOf(name: string): Pending[] {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = [];
      this.queues.set(name, queue);
    }
    return queue;
  }

  private async run(pending: Pending, lock: { name: string } | null): Promise<unknown> {
    return pending.callback(lock);
  }

  private grant(name: string, pending: Pending): void {
    const token = {};
    const held: Held = { ...pending, token };
    this.held.set(name, held);
    this.run(pending, { name }).then(
      (value) => this.settle(name, token, () => pending.resolve(value)),
      (error: unknown) => this.settle(name, token, () => pending.reject(error)),
    );
  }

  /** The callback settled: the lock goes (unless it was stolen or dropped before) and the next waits end. */
  private settle(name: string, token: object, answer: () => void): void {
    if (this.held.get(name)?.token !== token) return;
    this.held.delete(name);
    answer();
    this.next(name);
  }

  private next(name: string): void {
    if (this.held.has(name)) return;
    const waiting = this.queueOf(name).shift();
    if (waiting) this.grant(name, waiting);
  }
}

/** One tab's view of the locks (what `navigator.locks` is in a page). */
export class MemoryLockClient implements LockManagerLike {
  constructor(private readonly locks: MemoryLocks) {}

  request(name: string, options: LockRequestOptions, callback: Pending['callback']): Promise<unknown> {
    return this.locks.request(this, name, options, callback);
  }

  /** The tab closed or crashed: its locks are released, its waiting requests dropped. */
  drop(): void {
    this.locks.drop(this);
  }
}
