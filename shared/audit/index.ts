export * from './canonical';
export * from './diff';
export * from './chain';
export * from './anchor';
export * from './trust';
export * from './carried';
export * from './disclosure';
