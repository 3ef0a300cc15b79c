/** Backups outside IndexedDB (issue 8): file names, retention, schedule, free space, settings, counters after a restore. */
export * from './naming';
export * from './retention';
export * from './schedule';
export * from './space';
export * from './settings';
export * from './counters';
export { OFFICE_TABLES, OFFICE_TABLE_NAMES, EXCLUDED_TABLES } from './officeTables';
