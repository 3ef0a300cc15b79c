/**
 * The tables a bundle carries (domain guide §8: a case is the person, their applications, complaints,
 * hearings and minutes, intakes, wheelchair checks, programmes, orders and documents), with the
 * schema of their stored records and the references between them. The references drive three
 * things: which parents an export must take along so the receiver can place every record, the
 * import's check that every reference lands on a record the receiver has or receives, and which
 * fields point at persons (re-pointed when an incoming person is merged into a local one by IIN).
 */
import { applicationRecordSchema, hearingMinutesRecordSchema, hearingRecordSchema } from '../../hearings/schemas';
import { intakeRecordSchema } from '../../intake/record';
import { caseRecordSchema, personRecordSchema } from '../../records/schemas';
import type { BundleTableSpec } from '../types';
import { complaintRecordSchema } from './complaints';
import { documentRecordSchema } from './documents';
import { rehabProgrammeRecordSchema, wheelchairCheckRecordSchema, wheelchairOrderRecordSchema } from './wheelchair';

/** `*`: the owner of a document may be a record of any carried table. */
export type ReferenceTarget = string;
export const ANY_TABLE = '*';

export interface TableReference {
  /** A field holding an id, or (many) an array of ids. */
  field: string;
  target: ReferenceTarget;
  many?: boolean;
}

export interface BundleTableDescription extends BundleTableSpec {
  references: readonly TableReference[];
  /** Fields under a unique Dexie index other than the id (renderer/src/db/schema.ts). */
  unique: readonly string[];
  /** Records of this table belong to a case through `caseId` (null = a person-level record). */
  caseLinked: boolean;
  /** Records of this table belong to a person through `personId`. */
  personLinked: boolean;
}

const ref = (field: string, target: string, many = false): TableReference => (many ? { field, target, many } : { field, target });

export const BUNDLE_TABLES: readonly BundleTableDescription[] = [
  { name: 'persons', schema: personRecordSchema, references: [], unique: ['iin'], caseLinked: false, personLinked: false },
  {
    name: 'cases',
    schema: caseRecordSchema,
    references: [ref('personId', 'persons')],
    unique: ['caseNumber'],
    caseLinked: false,
    personLinked: true,
  },
  {
    name: 'complaints',
    schema: complaintRecordSchema,
    references: [ref('personId', 'persons'), ref('caseId', 'cases'), ref('attachmentIds', 'documents', true)],
    unique: ['number'],
    caseLinked: true,
    personLinked: true,
  },
  {
    name: 'applications',
    schema: applicationRecordSchema,
    references: [ref('personId', 'persons'), ref('caseId', 'cases'), ref('intakeId', 'intakes')],
    unique: [],
    caseLinked: true,
    personLinked: true,
  },
  {
    name: 'hearings',
    schema: hearingRecordSchema,
    references: [ref('caseId', 'cases'), ref('applicationId', 'applications')],
    unique: [],
    caseLinked: true,
    personLinked: false,
  },
  {
    name: 'hearingMinutes',
    schema: hearingMinutesRecordSchema,
    references: [ref('caseId', 'cases'), ref('hearingId', 'hearings'), ref('applicationId', 'applications')],
    unique: [],
    caseLinked: true,
    personLinked: false,
  },
  {
    name: 'intakes',
    schema: intakeRecordSchema,
    references: [ref('personId', 'persons'), ref('caseId', 'cases')],
    unique: [],
    caseLinked: true,
    personLinked: true,
  },
  {
    name: 'rehabProgrammes',
    schema: rehabProgrammeRecordSchema,
    references: [ref('personId', 'persons'), ref('caseId', 'cases')],
    unique: [],
    caseLinked: true,
    personLinked: true,
  },
  {
    name: 'wheelchairChecks',
    schema: wheelchairCheckRecordSchema,
    references: [ref('personId', 'persons'), ref('caseId', 'cases'), ref('programmeId', 'rehabProgrammes')],
    unique: [],
    caseLinked: true,
    personLinked: true,
  },
  {
    name: 'wheelchairOrders',
    schema: wheelchairOrderRecordSchema,
    references: [
      ref('personId', 'persons'),
      ref('caseId', 'cases'),
      ref('programmeId', 'rehabProgrammes'),
      ref('checkId', 'wheelchairChecks'),
    ],
    unique: [],
    caseLinked: true,
    personLinked: true,
  },
  {
    name: 'documents',
    schema: documentRecordSchema,
    references: [ref('caseId', 'cases'), ref('ownerId', ANY_TABLE)],
    unique: [],
    caseLinked: true,
    personLinked: false,
  },
];

/** The table specs for `encodeBundle` / `decodeBundle` (`options.tables`). */
export const bundleTables: readonly BundleTableSpec[] = BUNDLE_TABLES.map(({ name, schema }) => ({ name, schema }));

export const BUNDLE_TABLE_NAMES: readonly string[] = BUNDLE_TABLES.map((t) => t.name);

export const DOCUMENTS_TABLE = 'documents';

export function describeTable(name: string): BundleTableDescription | undefined {
  return BUNDLE_TABLES.find((t) => t.name === name);
}

/** The ids a record refers to through one reference (none for null, '' or a missing field). */
export function referencedIds(record: object, reference: TableReference): string[] {
  const value: unknown = (record as Record<string, unknown>)[reference.field];
  if (reference.many) return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string' && v !== '') : [];
  return typeof value === 'string' && value !== '' ? [value] : [];
}

/** The tables an `ANY_TABLE` reference may land in: every carried table except the documents themselves. */
export const OWNER_TABLES: readonly string[] = BUNDLE_TABLE_NAMES.filter((n) => n !== DOCUMENTS_TABLE);
