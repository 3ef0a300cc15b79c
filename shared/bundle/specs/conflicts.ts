/**
 * Resolving a conflict (both offices changed a record since they last shared it): the officer sees
 * both copies field by field and takes each field from the local copy, the incoming copy, or types
 * a value. The result carries the element-wise maximum of both version vectors plus one local change
 * (`mergeVersions` then `bumpVersion`, docs/data-model.md), so it is newer than both copies and
 * travels back to the other office as a plain update.
 */
import { nextOpenDue, type Complaint } from '../../complaints';
import { parseIin } from '../../iin';
import { personSearchWords } from '../../persons';
import { bumpVersion, mergeVersions, type Actor, type RecordEnvelope, type Voiding } from '../../records/envelope';
import { issueLines } from '../../records/schemas';
import { err, ok, type Result } from '../../result';
import { canonicalJson } from '../bytes';
import { ENVELOPE_FIELDS } from './importPlan';
import { describeTable } from './tables';

/**
 * Fields computed from others, never chosen: a person's birth date and sex come from the IIN and the
 * search words from the name (domain guide §3); a complaint's search words follow the complainant's
 * name and its indexed next due date follows its deadlines and status. A document's file follows its
 * digest: the caller puts the bytes of the chosen digest back as the Blob.
 */
export const DERIVED_FIELDS: Readonly<Record<string, readonly string[]>> = {
  persons: ['birthDate', 'sex', 'searchWords'],
  complaints: ['searchWords', 'nextDue'],
  documents: ['blob'],
};

export interface FieldDiff {
  field: string;
  local: unknown;
  incoming: unknown;
  /** Both copies hold the same value. */
  same: boolean;
}

export type FieldChoice = { from: 'local' } | { from: 'incoming' } | { from: 'edited'; value: unknown };

function has(record: object, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, name);
}

function value(record: object, name: string): unknown {
  return (record as Record<string, unknown>)[name];
}

const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** The fields an officer chooses between: every non-envelope, non-derived field of either copy. */
export function conflictFields(table: string, local: RecordEnvelope, incoming: RecordEnvelope): FieldDiff[] {
  const derived = DERIVED_FIELDS[table] ?? [];
  const names: string[] = [];
  for (const name of [...Object.keys(local), ...Object.keys(incoming)]) {
    if (ENVELOPE_FIELDS.includes(name) || derived.includes(name) || names.includes(name)) continue;
    names.push(name);
  }
  return names.map((name) => {
    const l = value(local, name);
    const i = value(incoming, name);
    return { field: name, local: l, incoming: i, same: same(l, i) && has(local, name) === has(incoming, name) };
  });
}

/** The choice that keeps every field of one side. */
export function chooseAll(fields: readonly FieldDiff[], from: 'local' | 'incoming'): Record<string, FieldChoice> {
  return Object.fromEntries(fields.map((f) => [f.field, { from }]));
}

/**
 * The merged record, validated with its table's schema. `local` gives the identity (id, creation)
 * of the record; for a person merged by IIN the incoming copy carries another id and is never used
 * for identity.
 */
export function mergeConflict(
  table: string,
  local: RecordEnvelope,
  incoming: RecordEnvelope,
  choices: Readonly<Record<string, FieldChoice>>,
  actor: Actor,
  now: string,
): Result<RecordEnvelope, string[]> {
  const merged: Record<string, unknown> = {};
  for (const diff of conflictFields(table, local, incoming)) {
    const choice = choices[diff.field] ?? { from: 'local' };
    const source = choice.from === 'incoming' ? incoming : local;
    if (choice.from === 'edited') merged[diff.field] = choice.value;
    else if (has(source, diff.field)) merged[diff.field] = value(source, diff.field);
  }
  derive(table, merged, local, incoming, choices);
  const voided = keptVoiding(local, incoming);
  if (voided) merged['voided'] = voided;
  const record = {
    ...merged,
    id: local.id,
    createdAt: local.createdAt,
    createdBy: local.createdBy,
    originOffice: local.originOffice,
    updatedAt: now,
    updatedBy: actor.officerName,
    updatedInOffice: actor.officeId,
    version: bumpVersion(mergeVersions(local.version, incoming.version), actor.officeId),
  };
  const schema = describeTable(table)?.schema;
  if (!schema) return err([': bundle.unknownTable']);
  const checked = schema.safeParse(record);
  return checked.success ? ok(checked.data) : err(issueLines(checked.error));
}

/** Fields no choice can change: the merge keeps them itself (see `keptVoiding`). */
export const isKeptField = (name: string): boolean => name === 'voided';

/**
 * A voiding survives every merge (issue 16 point 2: a record made by mistake stays voided, and a
 * voiding is never replaced, shared/complaints/voiding.ts): whatever the officer chose for the other
 * fields, the merged record is voided when either copy is, with the earlier voiding's who, when and why.
 */
function keptVoiding(local: RecordEnvelope, incoming: RecordEnvelope): Voiding | undefined {
  const [a, b] = [local.voided, incoming.voided];
  if (!a || !b) return a ?? b;
  return b.at < a.at ? b : a;
}

function derive(
  table: string,
  merged: Record<string, unknown>,
  local: RecordEnvelope,
  incoming: RecordEnvelope,
  choices: Readonly<Record<string, FieldChoice>>,
): void {
  const text = (name: string): string => {
    const v = merged[name];
    return typeof v === 'string' ? v : '';
  };
  if (table === 'persons') {
    const info = parseIin(text('iin'));
    // An IIN that does not parse keeps the local derived values; the schema then reports the IIN.
    merged['birthDate'] = info.ok ? info.value.birthDate : value(local, 'birthDate');
    merged['sex'] = info.ok ? info.value.sex : value(local, 'sex');
    merged['searchWords'] = personSearchWords({ lastName: text('lastName'), firstName: text('firstName'), middleName: text('middleName') });
  } else if (table === 'complaints') {
    const nameChoice = choices['complainantName']?.from ?? 'local';
    merged['searchWords'] =
      nameChoice === 'edited'
        ? personSearchWords({ lastName: text('complainantName'), firstName: '', middleName: '' })
        : value(nameChoice === 'incoming' ? incoming : local, 'searchWords');
    const next = nextOpenDue(merged as unknown as Complaint);
    if (next === undefined) delete merged['nextDue'];
    else merged['nextDue'] = next;
  }
}
