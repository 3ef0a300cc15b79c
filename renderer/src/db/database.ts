import Dexie, { type Table } from 'dexie';
import type { Case } from '../../../shared/cases';
import type { CalendarYear } from '../../../shared/calendar';
import type { Person } from '../../../shared/persons';
import type { RuleSet } from '../../../shared/rules';
import { SCHEMA_VERSIONS } from './schema';

export interface SettingRow {
  key: string;
  value: unknown;
}

export interface CounterRow {
  key: string;
  last: number;
}

export interface AuditRow {
  seq?: number;
  at: string;
  officer: string;
  action: string;
  recordId: string;
  table: string;
  before?: unknown;
  after?: unknown;
}

/** Tables filled by later features; typed loosely here until their records are defined in shared/. */
export interface EnvelopeRow {
  id: string;
  [field: string]: unknown;
}

export class QamqorDb extends Dexie {
  settings!: Table<SettingRow, string>;
  persons!: Table<Person, string>;
  cases!: Table<Case, string>;
  applications!: Table<EnvelopeRow, string>;
  complaints!: Table<EnvelopeRow, string>;
  hearings!: Table<EnvelopeRow, string>;
  intakes!: Table<EnvelopeRow, string>;
  wheelchairChecks!: Table<EnvelopeRow, string>;
  documents!: Table<EnvelopeRow, string>;
  ruleSets!: Table<RuleSet, string>;
  calendarYears!: Table<CalendarYear, number>;
  auditLog!: Table<AuditRow, number>;
  importHistory!: Table<EnvelopeRow, string>;
  counters!: Table<CounterRow, string>;

  constructor(name = 'qamqor') {
    super(name);
    for (const v of SCHEMA_VERSIONS) this.version(v.version).stores(v.stores);
  }
}

export const DEFAULT_DB_NAME = 'qamqor';
