/**
 * The merge plan of an import: pure and synchronous over a lookup of local records the caller has
 * prefetched (from Dexie). Records are matched by id and ordered by version vector
 * (docs/data-model.md); persons are also matched by IIN, so the same person is never stored twice.
 */
import { compareVersions, type RecordEnvelope } from '../records/envelope';

export const MERGE_CATEGORIES = ['new', 'update', 'unchanged', 'local-newer', 'conflict', 'identity-match'] as const;
export type MergeCategory = (typeof MERGE_CATEGORIES)[number];

/** The table whose records are also identified by IIN. */
export const PERSONS_TABLE = 'persons';

export type MergeItem =
  /** No local record with this id (nor, for persons, this IIN): add it. */
  | { category: 'new'; table: string; id: string; incoming: RecordEnvelope }
  /** The incoming copy has every local change and more: replace the local one. */
  | { category: 'update'; table: string; id: string; incoming: RecordEnvelope; local: RecordEnvelope }
  /** Same version: nothing to do. */
  | { category: 'unchanged'; table: string; id: string; incoming: RecordEnvelope; local: RecordEnvelope }
  /** The local copy has every incoming change and more: keep it. */
  | { category: 'local-newer'; table: string; id: string; incoming: RecordEnvelope; local: RecordEnvelope }
  /** Both offices changed the record since they last shared it: a person decides (conflict queue). */
  | { category: 'conflict'; table: string; id: string; incoming: RecordEnvelope; local: RecordEnvelope }
  /**
   * A person whose IIN belongs to another record: locally (`match.source = 'local'`) or earlier in the
   * same bundle (`'bundle'`). Proposed for merging into `match.id`, never added as a duplicate.
   * `wouldBe` is what the id comparison alone would have said; `local` is the same-id local copy, if any.
   */
  | {
      category: 'identity-match';
      table: string;
      id: string;
      incoming: RecordEnvelope;
      local?: RecordEnvelope;
      match: { id: string; source: 'local' | 'bundle' };
      wouldBe: 'new' | 'update' | 'conflict';
    };

export type MergeCounts = Record<MergeCategory, number>;

export interface MergePlan {
  items: MergeItem[];
  counts: MergeCounts;
  countsByTable: Record<string, MergeCounts>;
  /**
   * Incoming person id → the id of the person it was matched with by IIN. Records of the bundle that
   * refer to the incoming id (cases.personId, …) must be pointed at the matched id when the merge
   * is accepted.
   */
  identityMatches: Record<string, string>;
  /** True when applying would write nothing (only unchanged and local-newer): "already imported". */
  changesNothing: boolean;
}

export interface LocalLookup {
  get(table: string, id: string): RecordEnvelope | undefined;
  findPersonByIin(iin: string): { id: string } | undefined;
}

export function emptyCounts(): MergeCounts {
  return { new: 0, update: 0, unchanged: 0, 'local-newer': 0, conflict: 0, 'identity-match': 0 };
}

function iinOf(record: RecordEnvelope): string | undefined {
  const iin: unknown = (record as { iin?: unknown }).iin;
  return typeof iin === 'string' ? iin : undefined;
}

export function planMerge(incoming: Readonly<Record<string, readonly RecordEnvelope[]>>, local: LocalLookup): MergePlan {
  const items: MergeItem[] = [];
  const counts = emptyCounts();
  const countsByTable: Record<string, MergeCounts> = {};
  const identityMatches: Record<string, string> = {};
  /** IIN → id of the first person of the bundle that carries it. */
  const bundleIins = new Map<string, string>();

  // Persons first, so that identity matches are known before the records that refer to them.
  const tables = Object.keys(incoming).sort((a, b) => Number(b === PERSONS_TABLE) - Number(a === PERSONS_TABLE));
  for (const table of tables) {
    const tableCounts = emptyCounts();
    countsByTable[table] = tableCounts;
    for (const record of incoming[table] ?? []) {
      const existing = local.get(table, record.id);
      let item: MergeItem;
      if (!existing) item = { category: 'new', table, id: record.id, incoming: record };
      else {
        const order = compareVersions(record.version, existing.version);
        const category = order === 'newer' ? 'update' : order === 'older' ? 'local-newer' : order === 'equal' ? 'unchanged' : 'conflict';
        item = { category, table, id: record.id, incoming: record, local: existing };
      }

      const iin = table === PERSONS_TABLE ? iinOf(record) : undefined;
      if (iin !== undefined) {
        const localOwner = local.findPersonByIin(iin);
        const bundleOwner = bundleIins.get(iin);
        const match =
          localOwner && localOwner.id !== record.id
            ? { id: localOwner.id, source: 'local' as const }
            : bundleOwner !== undefined && bundleOwner !== record.id
              ? { id: bundleOwner, source: 'bundle' as const }
              : undefined;
        // Only when the record would be written: an unchanged or locally newer copy writes nothing.
        if (match && (item.category === 'new' || item.category === 'update' || item.category === 'conflict')) {
          item = {
            category: 'identity-match',
            table,
            id: record.id,
            incoming: record,
            ...(existing ? { local: existing } : {}),
            match,
            wouldBe: item.category,
          };
          identityMatches[record.id] = match.id;
        }
        if (bundleOwner === undefined) bundleIins.set(iin, record.id);
      }

      items.push(item);
      counts[item.category] += 1;
      tableCounts[item.category] += 1;
    }
  }
  const changesNothing = counts.new + counts.update + counts.conflict + counts['identity-match'] === 0;
  return { items, counts, countsByTable, identityMatches, changesNothing };
}
