/**
 * Live reads: a query over IndexedDB that runs again whenever a table it read changes (Dexie's
 * liveQuery, and its React hook). The shell reads live through these, so Dexie stays in src/persistence.
 */
export { liveQuery as observeLive } from 'dexie';
export { useLiveQuery as useLiveRead } from 'dexie-react-hooks';
