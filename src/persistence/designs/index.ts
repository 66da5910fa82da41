export { DesignsDb, DESIGNS_DB_NAME, type DesignRecord, type JournalRecord, type TombstoneRecord } from './designsDb';
export {
  createDesignRepository, type DesignRepository, type DesignSummary, type DamagedDesignSummary, type DesignListEntry,
  type LoadResult, type SaveOutcome, type SaveOptions,
} from './designRepository';
export { checkDesignRecord, revisionOf, type CheckedDesign, type HealthyDesign, type DamagedDesign } from './checkDesignRecord';
export { createEditJournal, checkJournalEntry, type EditJournal, type JournalEntry, LEGACY_JOURNAL_KEY } from './editJournal';
export { movedSince, type JournalMoves } from './journalMoves';
export { createDesignsChannel, checkDesignsMessage, DESIGNS_CHANNEL_NAME, type DesignsChannel, type DesignsMessage } from './designsChannel';
export { createLocalTabRegistry, createTabRegistry, createWebLockTabRegistry, newTabId, type TabRegistry } from './tabRegistry';
export { classifyStorageError, estimateStorage, storageErrorText, type StorageFaultKind, type StorageUsage } from './storageFaults';
export { readDatabaseRaw, deleteDatabase, type RawDatabase, type RawStore } from './rawExport';
export { toRawJson } from './rawJson';
export {
  createDesignsPersistence, type DatabaseLoss, type DesignsPersistence, type DesignsPersistenceOptions,
} from './createDesignsPersistence';
