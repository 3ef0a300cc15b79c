/**
 * What the conflict screen needs to speak an officer's language about a field: its label, how its
 * values read (dates DD.MM.YYYY, enum values translated, yes/no, names instead of ids) and which
 * values an enum field may take (read from the table's stored-record schema, shared/bundle/specs).
 */
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { describeTable } from '@shared/bundle/specs';
import { isCalendarDate, isIsoTimestamp, UUID_PATTERN } from '@shared/records/schemas';
import { formatDate } from '../../../ui/format';
import { formatDateTime } from '../common';

/** A path inside a record without array positions: `decision.outcome`, `history.to`. */
export const pathKey = (path: readonly (string | number)[]): string => path.filter((p) => typeof p === 'string').join('.');

/**
 * Where the features keep the translations of enum values (their own i18n catalogs), per
 * `table:path`. Values without a catalog entry are shown as they are stored.
 */
const ENUM_KEYS: Readonly<Record<string, string>> = {
  'persons:sex': 'sex',
  'persons:disabilityGroup': 'disabilityGroup',
  'persons:disabilityCategory': 'disabilityCategory',
  'persons:legalRepresentative.basis': 'representativeBasis',
  'cases:status': 'cases.statuses',
  'complaints:channel': 'complaints.channels',
  'complaints:addressee': 'complaints.addressees',
  'complaints:contested': 'complaints.contestedKinds',
  'complaints:status': 'complaints.statuses',
  'complaints:history.from': 'complaints.statuses',
  'complaints:history.to': 'complaints.statuses',
  'complaints:decision.outcome': 'complaints.outcomes',
  'complaints:decision.notifiedBy': 'complaints.notification',
  'complaints:remedies.extent': 'complaints.remedyExtents',
  'applications:channel': 'hearings.channels',
  'applications:status': 'hearings.statuses',
  'applications:decision.outcome': 'hearings.outcomes',
  'applications:notice.channel': 'hearings.noticeChannels',
  'applications:notification.method': 'hearings.notificationMethods',
  'applications:objection.kind': 'hearings.objectionKinds',
  'applications:history.action': 'hearings.history.actions',
  'hearings:status': 'hearings.hearingStatuses',
  'hearings:method': 'hearings.methods',
  'intakes:form': 'intake.formName',
  'intakes:channel': 'intake.channel',
  'intakes:identity': 'intake.identity',
  'intakes:application.stayMode': 'intake.stayMode',
  'wheelchairOrders:receiptMode': 'wheelchairs.order.receipt',
  'wheelchairOrders:supplierResponse.answer': 'wheelchairs.order.answers',
  'wheelchairOrders:events.kind': 'wheelchairs.event',
};

type Exists = (key: string) => boolean;

/**
 * The field's label: a table-specific key (`labels.<table>.<path joined by _>`, a flat key so that no
 * label is a prefix of another), then the bundles' field names, then generic part names.
 */
export function fieldLabel(t: TFunction, exists: Exists, table: string, path: readonly (string | number)[]): string {
  const name = [...path].reverse().find((p): p is string => typeof p === 'string') ?? '';
  const keys = [
    `bundles.conflicts.labels.${table}.${pathKey(path).replaceAll('.', '_')}`,
    `bundles.fields.${name}`,
    `bundles.conflicts.names.${name}`,
  ];
  const key = keys.find(exists);
  return key ? t(key) : name;
}

/** The officer's wording of an enum value, or undefined when the field has no catalog. */
export function enumText(
  t: TFunction,
  exists: Exists,
  table: string,
  path: readonly (string | number)[],
  value: string,
): string | undefined {
  const prefix = ENUM_KEYS[`${table}:${pathKey(path)}`];
  const key = prefix ? `${prefix}.${value}` : undefined;
  return key && exists(key) ? t(key) : undefined;
}

export const isRecordId = (v: unknown): v is string => typeof v === 'string' && UUID_PATTERN.test(v);

/** Names the screen shows instead of ids and codes. */
export interface Names {
  /** Record id -> a short label (person's name, case number…). */
  records: ReadonlyMap<string, string>;
  /** Service or rule-set code -> its name in the officer's language. */
  codes: ReadonlyMap<string, string>;
}

const CODE_FIELDS = new Set(['serviceId', 'service', 'ruleSetId']);

/** A scalar value as the officer reads it. */
export function scalarText(
  t: TFunction,
  exists: Exists,
  names: Names,
  table: string,
  path: readonly (string | number)[],
  value: unknown,
): string {
  if (value === undefined || value === null || value === '') return t('bundles.conflicts.none');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return t('bundles.conflicts.none');
  const translated = enumText(t, exists, table, path, value);
  if (translated !== undefined) return translated;
  if (isRecordId(value)) return names.records.get(value) ?? t('bundles.conflicts.unknownRecord');
  const name = path[path.length - 1];
  if (typeof name === 'string' && CODE_FIELDS.has(name)) return names.codes.get(value) ?? value;
  if (isCalendarDate(value)) return formatDate(value);
  if (isIsoTimestamp(value)) return formatDateTime(value);
  return value;
}

/** The schema of the value at `path` in a stored record of `table` (optional/nullable unwrapped). */
function schemaAt(table: string, path: readonly (string | number)[]): z.ZodType | undefined {
  let schema: z.ZodType | undefined = describeTable(table)?.schema;
  const unwrap = (s: z.ZodType | undefined): z.ZodType | undefined => {
    let cur = s;
    while (cur instanceof z.ZodOptional || cur instanceof z.ZodNullable) cur = cur.unwrap() as z.ZodType;
    return cur;
  };
  for (const part of path) {
    schema = unwrap(schema);
    if (schema instanceof z.ZodObject && typeof part === 'string') schema = (schema.shape as Record<string, z.ZodType>)[part];
    else if (schema instanceof z.ZodArray && typeof part === 'number') schema = schema.element as z.ZodType;
    else return undefined;
  }
  return unwrap(schema);
}

/** The values an enum field may take (empty for other fields). */
export function enumOptions(table: string, path: readonly (string | number)[]): string[] {
  const schema = schemaAt(table, path);
  return schema instanceof z.ZodEnum ? (schema.options as unknown[]).filter((o): o is string => typeof o === 'string') : [];
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

/**
 * Whether the officer may type a value of their own: scalars and small objects (a decision, a court
 * note, a representative) whose parts are scalars or small objects themselves. Lists and computed
 * structures (a wheelchair check's result) are taken from one side or merged, never retyped.
 */
export function isEditable(value: unknown, depth = 0): boolean {
  if (value === undefined || isScalar(value)) return true;
  if (!isPlainObject(value) || depth >= 2) return false;
  return Object.values(value).every((v) => isEditable(v, depth + 1));
}
