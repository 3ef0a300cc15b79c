/**
 * The import plan: what applying a decoded bundle would do to this office's records, computed purely
 * from the decoded bundle and a snapshot of the local records it touches (the caller prefetches them
 * from Dexie before its write transaction, see `localKeysNeeded`).
 *
 * On top of `planMerge` (identity and version vectors) it adds what only the receiving office knows:
 * - conflicts already waiting in the queue for the same incoming version (`queued`) and persons
 *   already merged by IIN from an earlier bundle (`merged-before`), so a second import of the same
 *   bundle changes nothing;
 * - checks the codec cannot make: a case or complaint number that belongs to another local record,
 *   a document whose attachment is missing or has another size, a reference (personId, caseId, …)
 *   to a record that neither office has. Such records are rejected with a reason.
 * Any rejected record blocks the whole apply (issue 7: bad input writes nothing).
 */
import { canonicalJson } from '../bytes';
import { planMerge, PERSONS_TABLE, type MergeCategory } from '../merge';
import type { RejectedRecord } from '../types';
import { compareVersions, type RecordEnvelope, type VersionVector } from '../../records/envelope';
import { ANY_TABLE, BUNDLE_TABLES, DOCUMENTS_TABLE, OWNER_TABLES, referencedIds, type TableReference } from './tables';

export const IMPORT_CATEGORIES = [
  'new',
  'update',
  'unchanged',
  'local-newer',
  'conflict',
  'identity-match',
  'queued',
  'merged-before',
] as const;
export type ImportCategory = (typeof IMPORT_CATEGORIES)[number];
export type ImportCounts = Record<ImportCategory, number>;

/** Categories that write something when applied. */
export const WRITING_CATEGORIES: readonly ImportCategory[] = ['new', 'update', 'conflict', 'identity-match'];

export interface ImportItem {
  category: ImportCategory;
  table: string;
  id: string;
  /** The incoming record as it would be written: person references re-pointed after IIN merges. */
  incoming: RecordEnvelope;
  local?: RecordEnvelope;
  /** identity-match / merged-before: the local (or earlier incoming) person it is merged into. */
  match?: { id: string; source: 'local' | 'bundle' };
  wouldBe?: 'new' | 'update' | 'conflict';
}

export interface ImportPreview {
  items: ImportItem[];
  /** Records that cannot be accepted, with `path: i18n key` reasons: the codec's and this plan's. */
  rejected: RejectedRecord[];
  counts: ImportCounts;
  countsByTable: Record<string, ImportCounts>;
  /** Incoming person id → local person id (IIN merges of this bundle and earlier ones). */
  personRedirects: Record<string, string>;
  /** Applying would write nothing: "already imported, nothing to change". */
  changesNothing: boolean;
  /** Something to write and nothing rejected. */
  canApply: boolean;
}

export interface PersonAlias {
  localId: string;
  /** The incoming version that was merged (a later, newer copy is merged again). */
  version: VersionVector;
}

/** The local records and queue state the plan reads. */
export interface LocalSnapshot {
  /** table → id → record, for every id `localKeysNeeded` asked for that exists locally. */
  records: Map<string, Map<string, RecordEnvelope>>;
  /** IIN → the local person holding it. */
  personsByIin: Map<string, RecordEnvelope>;
  /** table → unique field → value → id of the local record holding it. */
  uniqueOwners: Map<string, Map<string, Map<string, string>>>;
  /** `${table}:${id}` → incoming versions already waiting in the conflict queue. */
  queued: Map<string, VersionVector[]>;
  /** Incoming person id → the local person it was merged into by an earlier import. */
  aliases: Map<string, PersonAlias>;
}

export interface LocalKeys {
  /** table → ids to look up. */
  ids: Map<string, Set<string>>;
  iins: Set<string>;
  /** table → unique field → values to look up. */
  unique: Map<string, Map<string, Set<string>>>;
  /** Incoming person ids (for earlier merges). */
  personIds: Set<string>;
  /** `${table}:${id}` of every incoming record (for the conflict queue). */
  recordKeys: Set<string>;
}

export function emptyImportCounts(): ImportCounts {
  return { new: 0, update: 0, unchanged: 0, 'local-newer': 0, conflict: 0, 'identity-match': 0, queued: 0, 'merged-before': 0 };
}

export const recordKey = (table: string, id: string): string => `${table}:${id}`;

function add<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  let set = map.get(key);
  if (!set) {
    set = new Set();
    map.set(key, set);
  }
  set.add(value);
}

function targetTables(reference: TableReference): readonly string[] {
  return reference.target === ANY_TABLE ? OWNER_TABLES : [reference.target];
}

function field(record: RecordEnvelope, name: string): unknown {
  return (record as unknown as Record<string, unknown>)[name];
}

/** What the caller must read from the database before planning. */
export function localKeysNeeded(tables: Readonly<Record<string, readonly RecordEnvelope[]>>): LocalKeys {
  const keys: LocalKeys = { ids: new Map(), iins: new Set(), unique: new Map(), personIds: new Set(), recordKeys: new Set() };
  for (const [table, records] of Object.entries(tables)) {
    const description = BUNDLE_TABLES.find((t) => t.name === table);
    for (const record of records) {
      add(keys.ids, table, record.id);
      keys.recordKeys.add(recordKey(table, record.id));
      if (!description) continue;
      for (const reference of description.references) {
        for (const id of referencedIds(record, reference)) for (const target of targetTables(reference)) add(keys.ids, target, id);
      }
      for (const name of description.unique) {
        const value = field(record, name);
        if (typeof value !== 'string') continue;
        if (table === PERSONS_TABLE && name === 'iin') keys.iins.add(value);
        else {
          let byField = keys.unique.get(table);
          if (!byField) {
            byField = new Map();
            keys.unique.set(table, byField);
          }
          add(byField, name, value);
        }
      }
      if (table === PERSONS_TABLE) keys.personIds.add(record.id);
    }
  }
  return keys;
}

const reason = (path: string, key: string): string => `${path}: ${key}`;

/** Positions of the valid records in the bundle's arrays (the codec removed the rejected ones). */
function originalIndexes(table: string, count: number, rejected: readonly RejectedRecord[]): number[] {
  const taken = new Set(rejected.filter((r) => r.table === table).map((r) => r.index));
  const out: number[] = [];
  for (let i = 0; out.length < count; i += 1) if (!taken.has(i)) out.push(i);
  return out;
}

export interface PlanImportInput {
  tables: Readonly<Record<string, readonly RecordEnvelope[]>>;
  /** Attachment sizes by SHA-256 (the decoded bundle's attachments). */
  attachments: ReadonlyMap<string, { length: number }>;
  rejected: readonly RejectedRecord[];
}

export function planImport(input: PlanImportInput, local: LocalSnapshot): ImportPreview {
  const rejected: RejectedRecord[] = [...input.rejected];
  const rejectedKeys = new Set<string>();
  const indexOf = new Map<string, number>();
  for (const [table, records] of Object.entries(input.tables)) {
    const indexes = originalIndexes(table, records.length, input.rejected);
    records.forEach((r, i) => indexOf.set(recordKey(table, r.id), indexes[i] ?? i));
  }
  const reject = (table: string, record: RecordEnvelope, errors: string[]): void => {
    const key = recordKey(table, record.id);
    if (rejectedKeys.has(key)) return;
    rejectedKeys.add(key);
    rejected.push({ table, index: indexOf.get(key) ?? -1, id: record.id, errors });
  };

  // Unique numbers (case numbers, complaint numbers) that another record already holds, here or earlier in the bundle.
  for (const description of BUNDLE_TABLES) {
    const records = input.tables[description.name] ?? [];
    for (const name of description.unique) {
      if (description.name === PERSONS_TABLE) continue; // IIN: identity matches, never a rejection
      const seen = new Map<string, string>();
      for (const record of records) {
        const value = field(record, name);
        if (typeof value !== 'string') continue;
        const owner = local.uniqueOwners.get(description.name)?.get(name)?.get(value);
        const earlier = seen.get(value);
        if ((owner !== undefined && owner !== record.id) || (earlier !== undefined && earlier !== record.id)) {
          reject(description.name, record, [reason(name, 'bundles.reasons.numberTaken')]);
        } else seen.set(value, record.id);
      }
    }
  }

  // Documents need their bytes, with the size the record states.
  for (const record of input.tables[DOCUMENTS_TABLE] ?? []) {
    const digest = field(record, 'digest');
    const size = field(record, 'size');
    const bytes = typeof digest === 'string' ? input.attachments.get(digest) : undefined;
    if (!bytes) reject(DOCUMENTS_TABLE, record, [reason('digest', 'bundles.reasons.missingAttachment')]);
    else if (bytes.length !== size) reject(DOCUMENTS_TABLE, record, [reason('size', 'bundles.reasons.sizeMismatch')]);
  }

  const accepted = (): Record<string, RecordEnvelope[]> => {
    const out: Record<string, RecordEnvelope[]> = {};
    for (const [table, records] of Object.entries(input.tables))
      out[table] = records.filter((r) => !rejectedKeys.has(recordKey(table, r.id)));
    return out;
  };

  // Persons found by IIN are local too (identity matches re-point references to them).
  const localPersonIds = new Set([...local.personsByIin.values()].map((p) => p.id));

  // Plan and check references until no more records fall out (a rejected parent orphans its children).
  for (;;) {
    const tables = accepted();
    const plan = planMerge(tables, {
      get: (table, id) => local.records.get(table)?.get(id),
      findPersonByIin: (iin) => local.personsByIin.get(iin),
    });
    const redirects = personRedirects(plan.items, local.aliases);
    const items = plan.items.map((item) => toImportItem(item, local, redirects));
    const present = new Map<string, Set<string>>();
    for (const item of items)
      if (item.category !== 'identity-match' && item.category !== 'merged-before') add(present, item.table, item.id);
    const exists = (table: string, id: string): boolean =>
      present.get(table)?.has(id) === true ||
      local.records.get(table)?.has(id) === true ||
      (table === PERSONS_TABLE && localPersonIds.has(id));

    let orphaned = false;
    for (const item of items) {
      if (!(item.category === 'new' || item.category === 'update' || item.category === 'conflict')) continue;
      const description = BUNDLE_TABLES.find((t) => t.name === item.table);
      const problems: string[] = [];
      for (const reference of description?.references ?? []) {
        for (const id of referencedIds(item.incoming, reference)) {
          if (!targetTables(reference).some((target) => exists(target, id)))
            problems.push(reason(reference.field, 'bundles.reasons.missingReference'));
        }
      }
      if (problems.length > 0) {
        reject(item.table, item.incoming, [...new Set(problems)]);
        orphaned = true;
      }
    }
    if (orphaned) continue;

    const counts = emptyImportCounts();
    const countsByTable: Record<string, ImportCounts> = {};
    for (const item of items) {
      counts[item.category] += 1;
      const tableCounts = (countsByTable[item.table] ??= emptyImportCounts());
      tableCounts[item.category] += 1;
    }
    const changesNothing = WRITING_CATEGORIES.every((c) => counts[c] === 0);
    return {
      items,
      rejected,
      counts,
      countsByTable,
      personRedirects: redirects,
      changesNothing,
      canApply: rejected.length === 0 && !changesNothing,
    };
  }
}

type PlanItem = ReturnType<typeof planMerge>['items'][number];

function personRedirects(items: readonly PlanItem[], aliases: ReadonlyMap<string, PersonAlias>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [incomingId, alias] of aliases) out[incomingId] = alias.localId;
  for (const item of items) if (item.category === 'identity-match') out[item.id] = item.match.id;
  return out;
}

/** Points every person reference of a record at the person it is merged into. */
export function repoint(table: string, record: RecordEnvelope, redirects: Readonly<Record<string, string>>): RecordEnvelope {
  const description = BUNDLE_TABLES.find((t) => t.name === table);
  let out = record;
  for (const reference of description?.references ?? []) {
    if (reference.target !== PERSONS_TABLE || reference.many) continue;
    const value = field(record, reference.field);
    const target = typeof value === 'string' ? redirects[value] : undefined;
    if (target !== undefined && target !== value) out = { ...out, [reference.field]: target };
  }
  return out;
}

function toImportItem(item: PlanItem, local: LocalSnapshot, redirects: Readonly<Record<string, string>>): ImportItem {
  const incoming = repoint(item.table, item.incoming, redirects);
  const base = { table: item.table, id: item.id, incoming, ...('local' in item && item.local ? { local: item.local } : {}) };
  if (item.category === 'identity-match') {
    const alias = local.aliases.get(item.id);
    const order = alias && alias.localId === item.match.id ? compareVersions(item.incoming.version, alias.version) : undefined;
    const category: ImportCategory = order === 'equal' || order === 'older' ? 'merged-before' : 'identity-match';
    return { ...base, category, match: item.match, wouldBe: item.wouldBe };
  }
  if (item.category === 'conflict') {
    const waiting = local.queued.get(recordKey(item.table, item.id)) ?? [];
    const known = waiting.some((v) => {
      const order = compareVersions(item.incoming.version, v);
      return order === 'equal' || order === 'older';
    });
    return { ...base, category: known ? 'queued' : 'conflict' };
  }
  const category: MergeCategory = item.category;
  return { ...base, category };
}

// ---------------------------------------------------------------------------------------------------
// What applying writes

export interface PlannedPut {
  table: string;
  record: RecordEnvelope;
  /** The local copy it replaces (update), for the audit log. */
  before?: RecordEnvelope;
}

export interface PlannedConflict {
  table: string;
  /** The local record the conflict is about (for a person merged by IIN: the local person's id). */
  recordId: string;
  incoming: RecordEnvelope;
  /** For a person merged by IIN: the id the person has in the sending office. */
  aliasOf?: string;
}

/** The local state each write relies on, re-checked inside the write transaction. */
export interface Expectation {
  table: string;
  id: string;
  /** null: the record must still be absent. */
  version: VersionVector | null;
}

export interface ApplyOperations {
  puts: PlannedPut[];
  conflicts: PlannedConflict[];
  aliases: { incomingId: string; alias: PersonAlias }[];
  expectations: Expectation[];
  /** IINs of new persons that must still be free. */
  freeIins: string[];
}

/** Fields a person merge compares: everything but the envelope and what is derived from the IIN and names. */
const PERSON_DERIVED = new Set(['searchWords', 'birthDate', 'sex']);
export const ENVELOPE_FIELDS: readonly string[] = [
  'id',
  'createdAt',
  'updatedAt',
  'createdBy',
  'updatedBy',
  'originOffice',
  'updatedInOffice',
  'version',
];

function personData(record: RecordEnvelope): string {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) if (!ENVELOPE_FIELDS.includes(k) && !PERSON_DERIVED.has(k)) out[k] = v;
  return canonicalJson(out);
}

export function applyOperations(preview: ImportPreview, local: LocalSnapshot): ApplyOperations {
  const ops: ApplyOperations = { puts: [], conflicts: [], aliases: [], expectations: [], freeIins: [] };
  const incomingById = new Map(preview.items.map((i) => [recordKey(i.table, i.id), i.incoming]));
  for (const item of preview.items) {
    switch (item.category) {
      case 'new':
        ops.puts.push({ table: item.table, record: item.incoming });
        ops.expectations.push({ table: item.table, id: item.id, version: null });
        if (item.table === PERSONS_TABLE) {
          const iin = field(item.incoming, 'iin');
          if (typeof iin === 'string') ops.freeIins.push(iin);
        }
        break;
      case 'update':
        ops.puts.push({ table: item.table, record: item.incoming, ...(item.local ? { before: item.local } : {}) });
        ops.expectations.push({ table: item.table, id: item.id, version: item.local?.version ?? null });
        break;
      case 'conflict':
        ops.conflicts.push({ table: item.table, recordId: item.id, incoming: item.incoming });
        ops.expectations.push({ table: item.table, id: item.id, version: item.local?.version ?? null });
        break;
      case 'identity-match': {
        if (!item.match) break;
        const target =
          item.match.source === 'local'
            ? local.personsByIin.get(String(field(item.incoming, 'iin')))
            : incomingById.get(recordKey(PERSONS_TABLE, item.match.id));
        if (item.match.source === 'local' && target)
          ops.expectations.push({ table: PERSONS_TABLE, id: target.id, version: target.version });
        // The officer decides between the two copies of the person's data; equal data needs no decision.
        if (!target || personData(target) !== personData(item.incoming)) {
          ops.conflicts.push({
            table: PERSONS_TABLE,
            recordId: item.match.id,
            incoming: { ...item.incoming, id: item.match.id },
            aliasOf: item.id,
          });
        }
        ops.aliases.push({ incomingId: item.id, alias: { localId: item.match.id, version: item.incoming.version } });
        break;
      }
      default:
        break;
    }
  }
  return ops;
}
