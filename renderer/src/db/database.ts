import Dexie, { type Table } from 'dexie';
import type { Case } from '@shared/cases';
import type { Complaint } from '@shared/complaints';
import type { Officer } from '@shared/officers';
import type { CalendarYear } from '@shared/calendar';
import type { Person } from '@shared/persons';
import type { RuleSet } from '@shared/rules';
import type { AuditTrailRow } from './auditRow';
import { SCHEMA_VERSIONS } from './schema';

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface CounterRow {
  key: string;
  last: number;
}

/**
 * Tables whose records are defined by their feature; features reach them with the typed accessor
 * `db.table<Record, string>('name')` in their own repository.
 */
export interface EnvelopeRow {
  id: string;
  [field: string]: unknown;
}

export class QamqorDb extends Dexie {
  settings!: Table<SettingRow, string>;
  persons!: Table<Person, string>;
  cases!: Table<Case, string>;
  applications!: Table<EnvelopeRow, string>;
  complaints!: Table<Complaint, string>;
  hearings!: Table<EnvelopeRow, string>;
  intakes!: Table<EnvelopeRow, string>;
  wheelchairChecks!: Table<EnvelopeRow, string>;
  documents!: Table<EnvelopeRow, string>;
  ruleSets!: Table<RuleSet, string>;
  calendarYears!: Table<CalendarYear, number>;
  auditLog!: Table<AuditTrailRow, number>;
  importHistory!: Table<EnvelopeRow, string>;
  counters!: Table<CounterRow, string>;
  rehabProgrammes!: Table<EnvelopeRow, string>;
  wheelchairOrders!: Table<EnvelopeRow, string>;
  hearingMinutes!: Table<EnvelopeRow, string>;
  officers!: Table<Officer, string>;
  conflicts!: Table<EnvelopeRow, string>;

  constructor(name = 'qamqor') {
    super(name);
    for (const v of SCHEMA_VERSIONS) {
      const declared = this.version(v.version).stores(v.stores);
      if (v.upgrade) declared.upgrade(v.upgrade);
    }
  }
}
