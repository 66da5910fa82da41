export * from './builders';
export * from './largeFlow';
