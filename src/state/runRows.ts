/**
 * The checks of the run's rows (src/persistence/simulation/checkRunRows.ts), for the features:
 * they reach persistence through the state, never directly.
 */
export { checkRunRecord, onDamagedRunRow, repairRunRow, type CheckedRun, type DamagedRunRow } from '../persistence/simulation/checkRunRows';
