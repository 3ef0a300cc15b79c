/**
 * What a backup holds (issue 14 A1-A2): every table of the Dexie schema is either carried or listed
 * here as excluded with its reason. The record tables travel as bundle records (shared/bundle/specs);
 * the office tables below travel as `office/<table>.json` parts of a version-2 bundle and are restored
 * row for row, so a restored office has its accounts, audit trail, settings (known offices, backup
 * settings, aliases, the office profile and its signing keys), rule-set and calendar edits, counters,
 * conflict queue and import history back exactly.
 */
import type { OfficeTableSpec } from '../bundle/types';

export const OFFICE_TABLES: readonly OfficeTableSpec[] = [
  // office profile, office and audit signing keys, known offices, backup settings, person aliases…
  { name: 'settings', key: 'key', keyType: 'string' },
  // the administrator's rule-set edits
  { name: 'ruleSets', key: 'id', keyType: 'string' },
  // the administrator's working-calendar edits
  { name: 'calendarYears', key: 'year', keyType: 'integer' },
  // the audit trail, the legal evidence: restored with its sequence numbers so the chain verifies
  { name: 'auditLog', key: 'seq', keyType: 'integer' },
  { name: 'importHistory', key: 'id', keyType: 'string' },
  // register-number sequences
  { name: 'counters', key: 'key', keyType: 'string' },
  // accounts as stored: password hashes, roles, deactivation
  { name: 'officers', key: 'id', keyType: 'string' },
  // the conflict queue
  { name: 'conflicts', key: 'id', keyType: 'string' },
];

export const OFFICE_TABLE_NAMES: readonly string[] = OFFICE_TABLES.map((t) => t.name);

/**
 * Tables of the schema a backup leaves out, each with the reason. Empty: every table today is office
 * data. A derived cache (rebuilt from the records) would be listed here.
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {};
