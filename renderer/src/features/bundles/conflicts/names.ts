/**
 * Names instead of ids (issue 16 point 3): every record id either copy mentions is looked up in the
 * carried tables and shown by its short label (person's name and IIN, case number…); service and
 * rule-set codes by their names in the loaded rule sets.
 */
import { BUNDLE_TABLE_NAMES } from '@shared/bundle/specs';
import type { RecordEnvelope } from '@shared/records/envelope';
import type { RuleSet } from '@shared/rules/types';
import type { QamqorDb } from '../../../db/database';
import { recordLabel } from '../common';
import { isPlainObject, isRecordId, type Names } from './describe';

/** Every record id inside a value (nested parts and lists included). */
export function idsIn(value: unknown, out: Set<string> = new Set()): Set<string> {
  if (isRecordId(value)) out.add(value);
  else if (Array.isArray(value)) for (const v of value) idsIn(v, out);
  else if (isPlainObject(value)) for (const v of Object.values(value)) idsIn(v, out);
  return out;
}

/** Labels of the records with these ids, looked up in every carried table (ids are unique across tables). */
export async function recordNames(db: QamqorDb, ids: ReadonlySet<string>): Promise<Map<string, string>> {
  const wanted = [...ids];
  const out = new Map<string, string>();
  if (wanted.length === 0) return out;
  await Promise.all(
    BUNDLE_TABLE_NAMES.map(async (table) => {
      const rows = await db.table<RecordEnvelope, string>(table).bulkGet(wanted);
      for (const row of rows) if (row) out.set(row.id, recordLabel(table, row));
    }),
  );
  return out;
}

/** Service and rule-set codes -> names in the officer's language. */
export function codeNames(ruleSets: readonly RuleSet[], language: string): Map<string, string> {
  const pick = (kk: string, ru: string) => (language === 'ru' ? ru : kk);
  const out = new Map<string, string>();
  for (const set of ruleSets) {
    out.set(set.id, pick(set.titleKk, set.titleRu));
    for (const s of set.services) if (!out.has(s.id)) out.set(s.id, pick(s.nameKk, s.nameRu));
  }
  return out;
}

/** The names a conflict's screen needs: both copies' ids (the record's own id left out). */
export async function loadNames(
  db: QamqorDb,
  local: RecordEnvelope,
  incoming: RecordEnvelope,
  ruleSets: readonly RuleSet[],
  language: string,
): Promise<Names> {
  const ids = idsIn(incoming, idsIn(local));
  ids.delete(local.id);
  ids.delete(incoming.id);
  return { records: await recordNames(db, ids), codes: codeNames(ruleSets, language) };
}
