export * from './types';
export * from './effectiveFields';
export * from './deriveEdges';
export * from './operations';
export * from './validation';
export * from './restore';
export * from './ownKeys';
export type * from './contracts';
