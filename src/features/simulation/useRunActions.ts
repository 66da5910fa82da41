import { useMemo } from 'react';
import type { SettingsPatch } from '../../core';
import type { RunSession } from '../../session';
import { useAppStore } from '../../state/store';

/**
 * What the panels ask of the run session and what the user is told of it: the rebuild comparison
 * and replacement in words. Everything else is the session's own verbs (src/session); its errors
 * show as toasts through RunSessionProvider.
 */
export function useRunActions(session: RunSession) {
  return useMemo(() => {
    const toast = (message: string, tone: 'info' | 'error') => useAppStore.getState().showToast(message, tone);
    return {
      updateSettings: (patch: SettingsPatch) => session.updateSettings(patch),
      /** Compares the live projections with a rebuild from the event store; changes nothing. */
      compareWithRebuild: async () => {
        const report = await session.compareWithRebuild();
        if (!report) return undefined;
        const events = `${report.position.toLocaleString('en')} event${report.position === 1 ? '' : 's'}`;
        const rows = report.differences.length === 1 ? '1 row differs' : `${report.differences.length.toLocaleString('en')} rows differ`;
        toast(
          report.equal
            ? `A rebuild from ${events} is identical to the live projections.`
            : `A rebuild from ${events} differs from the live projections: ${rows} (nothing changed; Replace with the rebuild to keep it).`,
          report.equal ? 'info' : 'error',
        );
        return report;
      },
      /** Replaces the live projections with the rebuild (the engine refuses unless the run is quiet). */
      replaceWithRebuild: async () => {
        const report = await session.replaceWithRebuild();
        if (!report) return undefined;
        const rows = report.differences.length === 1 ? '1 row' : `${report.differences.length.toLocaleString('en')} rows`;
        toast(report.equal ? 'The live projections already equal the rebuild: nothing replaced.' : `Replaced ${rows} with the rebuild from the event store.`, 'info');
        return report;
      },
    };
  }, [session]);
}

export type RunActions = ReturnType<typeof useRunActions>;
