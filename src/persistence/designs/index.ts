import { DesignsDb } from './designsDb';
import { createDesignRepository } from './designRepository';

export { DesignsDb, DESIGNS_DB_NAME, type DesignRecord } from './designsDb';
export { createDesignRepository, type DesignRepository, type DesignSummary } from './designRepository';

/** The app's designs repository, over the `efd-designs` IndexedDB database. */
export const designRepository = createDesignRepository(new DesignsDb());
export { writeUnsavedDesign, readUnsavedDesign, clearUnsavedDesign } from './unsavedJournal';
