/**
 * The simulation panels' reads: the paged read models come from the run session (src/session,
 * over the persistence read API); which counter stands in for which table's count is an engine rule.
 */
export {
  anomalySource, businessRowSource, commandSource, deadLetterSource, deliverySource, eventById, eventSource, inboxSource,
  latestAnomalies, outboxSource, lockRows, cacheEntryRows, partitionedDeliveries, projectionSource, publicationSource, traceSource,
} from '../../session';

/** Which counter equals which table lives in the engine (its rules); re-exported for the panels. */
export { knownCount, knownNodeCount } from '../../core';
