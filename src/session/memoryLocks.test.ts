import { describe, expect, it } from 'vitest';
import { MemoryLocks } from './memoryLocks';

/** Holds `name` from `client` until the returned release is called; `granted` says when the callback ran. */
function hold(client: ReturnType<MemoryLocks['client']>, name: string, options = {}) {
  let release = () => {};
  let granted: boolean | undefined;
  const request = client.request(name, options, (lock) => {
    granted = lock !== null;
    if (!lock) return 'not granted';
    return new Promise<string>((resolve) => { release = () => resolve('released'); });
  });
  const outcome = request.then((v) => `resolved ${String(v)}`, (e: Error) => `rejected ${e.name}`);
  return { release: () => release(), granted: () => granted, outcome };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the in-memory lock manager (Web Locks semantics)', () => {
  it('grants a free lock, queues the next request until the first lets go, and resolves to the callback\'s value', async () => {
    const locks = new MemoryLocks();
    const first = hold(locks.client(), 'x');
    const second = hold(locks.client(), 'x');
    await tick();
    expect([first.granted(), second.granted()]).toEqual([true, undefined]);
    first.release();
    expect(await first.outcome).toBe('resolved released');
    await tick();
    expect(second.granted()).toBe(true);
  });

  it('calls an ifAvailable request back with null when the lock is held, at once', async () => {
    const locks = new MemoryLocks();
    hold(locks.client(), 'x');
    const other = hold(locks.client(), 'x', { ifAvailable: true });
    expect(await other.outcome).toBe('resolved not granted');
    expect(other.granted()).toBe(false);
  });

  it('steals: the holder\'s request rejects with an AbortError and the thief holds it ahead of the queue', async () => {
    const locks = new MemoryLocks();
    const holder = hold(locks.client(), 'x');
    const waiting = hold(locks.client(), 'x');
    const thief = hold(locks.client(), 'x', { steal: true });
    expect(await holder.outcome).toBe('rejected AbortError');
    await tick();
    expect([thief.granted(), waiting.granted()]).toEqual([true, undefined]);
    holder.release();
    await tick();
    expect(waiting.granted()).toBeUndefined();
    thief.release();
    await tick();
    expect(waiting.granted()).toBe(true);
  });

  it('aborts a waiting request by its signal, and releases a dropped client\'s locks', async () => {
    const locks = new MemoryLocks();
    const tab = locks.client();
    hold(tab, 'x');
    const controller = new AbortController();
    const aborted = hold(locks.client(), 'x', { signal: controller.signal });
    const next = hold(locks.client(), 'x');
    controller.abort();
    expect(await aborted.outcome).toBe('rejected AbortError');
    tab.drop();
    await tick();
    expect(next.granted()).toBe(true);
    expect(locks.heldNames()).toEqual(['x']);
  });
});
