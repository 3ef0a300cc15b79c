export * from './period';
export * from './terms';
export * from './figures';
export * from './series';
export * from './monitoring';
