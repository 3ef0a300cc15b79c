export * from './canonical';
export * from './diff';
export * from './chain';
