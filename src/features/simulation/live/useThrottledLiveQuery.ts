import { useEffect, useState, type DependencyList } from 'react';
import { observeLive as liveQuery } from '../../../session';
import { throttleGate } from './throttleGate';

/**
 * Like dexie-react-hooks' `useLiveQuery`: the querier runs against IndexedDB and re-runs when the
 * tables it read change. While a run writes hundreds of transactions a second, re-running every
 * visible query after each commit would freeze the page, so results are applied at most about once
 * per `intervalMs`: after a burst the subscription pauses and resubscribes (which re-reads, so no
 * change is ever missed — the state shown is always read from the database, never patched in React).
 * `keepPrevious` returns the last result while the query for new deps is still reading.
 */
export function useThrottledLiveQuery<T>(
  querier: () => Promise<T> | T,
  deps: DependencyList,
  intervalMs = 150,
  options: { keepPrevious?: boolean } = {},
): T | undefined {
  const [result, setResult] = useState<{ value: T; deps: DependencyList } | undefined>(undefined);

  useEffect(() => {
    const gate = throttleGate(intervalMs, () => performance.now());
    let subscription: { unsubscribe(): void } | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const subscribe = () => {
      timer = undefined;
      if (closed) return;
      subscription = liveQuery(querier).subscribe({
        next: (value) => {
          if (closed) return;
          setResult({ value, deps });
          const pauseMs = gate.onResult();
          if (pauseMs > 0) {
            subscription?.unsubscribe();
            subscription = undefined;
            timer = setTimeout(subscribe, pauseMs);
          }
        },
        error: (error: unknown) => {
          // A failed read (e.g. the run was reset mid-query) is retried on the next interval.
          console.warn('live query failed', error);
          subscription = undefined;
          if (!closed) timer = setTimeout(subscribe, intervalMs);
        },
      });
    };
    subscribe();
    return () => {
      closed = true;
      subscription?.unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
    // The caller's deps decide when the querier is a new one, as with useLiveQuery.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, intervalMs]);

  if (!result) return undefined;
  // With keepPrevious, a table keeps showing the rows it had while the next window is read.
  if (!options.keepPrevious && !sameDeps(result.deps, deps)) return undefined;
  return result.value;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}
