export * from './types';
export * from './effectiveFields';
export * from './deriveEdges';
