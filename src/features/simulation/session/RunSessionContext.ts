import { createContext, useContext, useSyncExternalStore } from 'react';
import type { RunSession, RunSessionState } from '../../../session/types';

/** The run session of the open design while run mode is shown (null in design mode, or while it loads). */
export const RunSessionContext = createContext<RunSession | null>(null);

/** The session of the enclosing RunSessionProvider, or null. */
export function useRunSessionOrNull(): RunSession | null {
  return useContext(RunSessionContext);
}

/** The session of the enclosing run workspace. Throws outside one (a wiring mistake). */
export function useRunSession(): RunSession {
  const session = useContext(RunSessionContext);
  if (!session) throw new Error('useRunSession outside a run session (RunSessionProvider in run mode)');
  return session;
}

/** The session's state, re-rendering when it changes (useSyncExternalStore). */
export function useRunSessionState(session: RunSession): RunSessionState {
  return useSyncExternalStore(session.subscribe, session.getState);
}

/** One value of the session's state (re-renders only when that value changes). */
export function useRunSessionValue<T>(session: RunSession, select: (state: RunSessionState) => T): T {
  return useSyncExternalStore(session.subscribe, () => select(session.getState()));
}
