/**
 * The only door into the core for the rest of the app. The core is pure TypeScript: no React,
 * React Flow, zustand, Dexie, window, Date.now or Math.random. Each folder documents its exports
 * with TSDoc at the definition.
 */
export * from './model';
export * from './engine';
export * from './exporters';
export * from './scenarios';
export * from './evolution';
