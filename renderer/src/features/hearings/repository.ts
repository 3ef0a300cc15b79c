/**
 * Applications, hearings and minutes in IndexedDB, through the one write path (db/write.ts): every
 * write validates first, runs in one readwrite transaction with its audit entry and appends a line to
 * the application's history.
 */
export * from './data/applications';
export * from './data/hearing';
export * from './data/minutes';
export * from './data/queries';
export * from './data/voiding';
export { applicationsTable, minutesTable, type HearingsResult, type HearingsWriteError } from './data/common';
