/**
 * The simulation panels' reads: the paged sources come from the persistence read API
 * (src/persistence/reads); which counter stands in for which table's count is an engine rule.
 * TEMPORARY (eslint.boundaries.js): the run session takes these over.
 */
export {
  anomalySource, businessRowSource, commandSource, deadLetterSource, deliverySource, eventSource, inboxSource,
  lastTrace, latestAnomalies, outboxSource, projectionSource, publicationSource, readReport, readRun, traceSource,
} from '../../persistence/reads';

/** Which counter equals which table lives in the engine (its rules); re-exported for the panels. */
export { knownCount, knownNodeCount } from '../../core';
