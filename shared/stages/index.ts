export * from './catalog';
export * from './derive';
