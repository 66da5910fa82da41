/**
 * The panels' read models, over the session's tables (`session.tables`): paged sources per panel
 * view, built on the one prefix key range of src/persistence/reads, and the live-query primitive.
 * Features read the run's tables through these (they may not import src/persistence).
 */
export {
  anomalySource, businessRowSource, commandSource, deadLetterSource, deliverySource, eventById, eventSource, inboxSource,
  latestAnomalies, outboxSource, lockRows, cacheEntryRows, partitionedDeliveries, projectionSource, publicationSource, traceSource, observeLive, type IndexSource,
} from '../persistence/reads';
