export * from './types';
export * from './deadlines';
export * from './workflow';
export * from './registration';
export * from './route';
export * from './voiding';
