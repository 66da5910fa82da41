export { prefixRange, wherePrefix, type KeyPart } from './prefixRange';
export { indexSource, type IndexSource, type PageStart } from './indexSource';
export * from './runSources';
export { readRunSnapshot, runExists } from './runSnapshot';
export { observeLive, useLiveRead } from './live';
export { cacheEntryRows, lockRows, partitionedDeliveries } from './scaleReads';
