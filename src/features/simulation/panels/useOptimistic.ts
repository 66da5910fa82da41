import { useState } from 'react';

/**
 * A control bound to a value stored in IndexedDB shows the user's choice at once, until the
 * stored value (read live) catches up; then the stored value rules again.
 */
export function useOptimisticValue<T>(stored: T): [T, (value: T) => void] {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  if (pending && Object.is(pending.value, stored)) {
    setPending(null);
  }
  return [pending ? pending.value : stored, (value: T) => setPending({ value })];
}
