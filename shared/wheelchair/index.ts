export * from './types';
export * from './engine';
export * from './profile';
export * from './programme';
export * from './orders';
