export * from './types';
export * from './check';
export * from './terms';
export * from './schema';
export * from './override';
export * from './acknowledgement';
export * from './dates';
