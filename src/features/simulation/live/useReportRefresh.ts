import { useEffect, useRef } from 'react';
import type { RunSession } from '../../../session';

/** The check reads every table of the run: it runs at most this often, and never more than a fifth of the time. */
const MIN_GAP_MS = 400;

/**
 * Keeps the run's invariant report (computed by the engine's checker from the tables) up to date
 * while the user looks at run mode: after the run's step changes, at most once per MIN_GAP_MS or
 * five times the last check's duration, whichever is longer; not while a long action is writing.
 */
export function useReportRefresh(session: RunSession, step: number, busy: boolean): void {
  const next = useRef({ allowedAt: 0, checkedStep: -1, running: false });
  useEffect(() => {
    if (busy || next.current.checkedStep === step) return;
    // A Step checks the run in its own transaction while that is cheap (the session): nothing to do.
    if (session.getState().report?.step === step) {
      next.current.checkedStep = step;
      return;
    }
    let cancelled = false;
    const wait = Math.max(0, next.current.allowedAt - performance.now());
    const timer = setTimeout(() => {
      if (cancelled || next.current.running) return;
      const started = performance.now();
      next.current.running = true;
      // A failed check becomes the session's error (a toast); the next step tries again.
      void session.checkReport().then(() => {
        const took = performance.now() - started;
        next.current = { allowedAt: performance.now() + Math.max(MIN_GAP_MS, 5 * took), checkedStep: step, running: false };
      });
    }, wait);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [session, step, busy]);
}
