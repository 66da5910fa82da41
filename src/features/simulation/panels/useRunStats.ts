import { usePanelScope } from './PanelScope';

/** The run's live counters and pattern switches (the run row is read live by the workspace). */
export function useRunStats() {
  const { run } = usePanelScope();
  return { stats: run.stats, patterns: run.settings.patterns, step: run.step, position: run.position, quiet: run.quiet };
}
