export * from './types';
export * from './schema';
export * from './inheritance';
export * from './deriveEdges';
export * from './operations';
export * from './validation';
export * from './restore';
export * from './ownKeys';
export type * from './contracts';
