/**
 * Reading a bundle's records and packing them: the job that runs in the bundle worker with its own
 * Dexie connection (workerClient.ts `exportInWorker`), so the page neither reads tens of thousands of
 * records nor clones them to the worker (issue 14 B6), or in the page when no worker can start.
 */
import { encodeBundle, type BundleEncodeError, type EncodeBundleInput, type OfficeKeys, type ProgressCallback } from '@shared/bundle';
import {
  ANY_TABLE,
  BUNDLE_TABLES,
  DOCUMENTS_TABLE,
  OWNER_TABLES,
  bundleTables,
  referencedIds,
  withoutBlob,
  type StoredDocument,
} from '@shared/bundle/specs';
import { OFFICE_TABLE_NAMES } from '@shared/backup/officeTables';
import type { Case } from '@shared/cases';
import type { RecordEnvelope } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import type { QamqorDb } from '../../db/database';
import type { JobPhase } from './importJob';

export type BundleSelection =
  | { kind: 'cases'; caseIds: readonly string[] }
  /** Every record with updatedAt ≥ since (an ISO timestamp), with the parents it refers to. */
  | { kind: 'since'; since: string }
  | { kind: 'everything' };

export interface BundleContent {
  tables: Record<string, RecordEnvelope[]>;
  attachments: { digest: string; bytes: Uint8Array }[];
  cases: Case[];
  /** A whole-office backup: every office table's rows as stored (shared/backup/officeTables.ts). */
  officeTables?: Record<string, unknown[]>;
}

type Row = RecordEnvelope & { blob?: unknown; caseId?: unknown; personId?: unknown; ownerId?: unknown };

const rows = (db: QamqorDb, table: string) => db.table<Row, string>(table);

type Picked = Map<string, Map<string, Row>>;

/** Adds `record` to the selection; true when it was not there yet. */
function pick(picked: Picked, table: string, record: Row | undefined): boolean {
  const byId = picked.get(table);
  if (!record || !byId || byId.has(record.id)) return false;
  byId.set(record.id, record);
  return true;
}

/**
 * When the keys asked for are at least this share of a table's rows, the whole table is read with one
 * `getAll` and filtered in memory: an index query (`anyOf`) walks a cursor, one IndexedDB round trip
 * per matching row, which made the export of a whole 10,000-case office read 5 times slower than a
 * plain bulk read (docs/performance.md). A few cases out of many still use the index.
 */
const WHOLE_TABLE_SHARE = 0.1;

/** How a selection is read; only tests change it (both ways must read the same records). */
export interface ReadOptions {
  /** Read a whole table once the keys are at least this share of its rows (0: always, Infinity: never). */
  wholeTableShare?: number;
}

/** Reads the rows of one table whose `index` value is one of `keys`, by the index or by one whole-table read. */
class LinkedReader {
  private readonly whole = new Map<string, Row[]>();

  constructor(
    private readonly db: QamqorDb,
    private readonly share: number,
  ) {}

  async rowsWhere(table: string, index: 'caseId' | 'personId' | 'ownerId', keys: readonly string[]): Promise<Row[]> {
    if (keys.length === 0) return [];
    const cached = this.whole.get(table);
    const all = cached ?? ((await rows(this.db, table).count()) * this.share <= keys.length ? await this.readWhole(table) : null);
    if (all === null)
      return rows(this.db, table)
        .where(index)
        .anyOf([...keys])
        .toArray();
    const wanted = new Set(keys);
    return all.filter((r) => {
      const value = r[index];
      return typeof value === 'string' && wanted.has(value);
    });
  }

  private async readWhole(table: string): Promise<Row[]> {
    const all = await rows(this.db, table).toArray();
    this.whole.set(table, all);
    return all;
  }
}

/**
 * The cases asked for with everything linked to them: for all the cases at once, one query per table
 * (a query per case made the read of 10,000 cases take 100 s), or one whole-table read when the cases
 * are a large share of the office (LinkedReader).
 */
async function pickCases(db: QamqorDb, reader: LinkedReader, picked: Picked, caseIds: readonly string[]): Promise<void> {
  const cases = (await db.cases.bulkGet([...caseIds])).filter((c): c is NonNullable<typeof c> => c !== undefined);
  if (cases.length === 0) return;
  for (const kase of cases) pick(picked, 'cases', kase);
  const ids = cases.map((c) => c.id);
  const personIds = [...new Set(cases.map((c) => c.personId))];
  for (const person of await db.persons.bulkGet(personIds)) pick(picked, 'persons', person);
  for (const t of BUNDLE_TABLES) {
    if (!t.caseLinked) continue;
    for (const r of await reader.rowsWhere(t.name, 'caseId', ids)) pick(picked, t.name, r);
    // Person-level records (a complaint registered without a case) travel with every case of the person.
    if (t.personLinked) {
      const personLevel = (await reader.rowsWhere(t.name, 'personId', personIds)).filter((r) => r.caseId === null || r.caseId === '');
      for (const r of personLevel) pick(picked, t.name, r);
    }
  }
}

/**
 * Adds the parents the picked records refer to, round after round until nothing new comes in; each
 * round asks each table once for all the ids it is missing (`bulkGet`), in the order of the targets
 * (an "any table" reference takes the first owner table that holds the id).
 */
async function pickParents(db: QamqorDb, picked: Picked): Promise<void> {
  for (let added = true; added;) {
    added = false;
    const wanted = new Map<string, { targets: readonly string[]; ids: Set<string> }>();
    for (const t of BUNDLE_TABLES) {
      for (const record of picked.get(t.name)?.values() ?? []) {
        for (const reference of t.references) {
          const targets = reference.target === ANY_TABLE ? OWNER_TABLES : [reference.target];
          for (const id of referencedIds(record, reference)) {
            if (targets.some((target) => picked.get(target)?.has(id))) continue;
            const key = targets.join(',');
            const group = wanted.get(key) ?? { targets, ids: new Set<string>() };
            group.ids.add(id);
            wanted.set(key, group);
          }
        }
      }
    }
    for (const { targets, ids } of wanted.values()) {
      let missing = [...ids];
      for (const target of targets) {
        if (missing.length === 0) break;
        const found = await rows(db, target).bulkGet(missing);
        const still: string[] = [];
        found.forEach((record, i) => {
          if (record) added = pick(picked, target, record) || added;
          else still.push(missing[i] as string);
        });
        missing = still;
      }
    }
  }
}

/** The picked records of every table read in one read transaction (one consistent snapshot). */
async function pickRecords(db: QamqorDb, selection: BundleSelection, options: ReadOptions): Promise<Picked> {
  const picked: Picked = new Map(BUNDLE_TABLES.map((t) => [t.name, new Map<string, Row>()]));
  await db.transaction(
    'r',
    BUNDLE_TABLES.map((t) => t.name),
    async () => {
      const reader = new LinkedReader(db, options.wholeTableShare ?? WHOLE_TABLE_SHARE);
      if (selection.kind === 'everything') {
        for (const t of BUNDLE_TABLES) for (const r of await rows(db, t.name).toArray()) pick(picked, t.name, r);
      } else if (selection.kind === 'since') {
        for (const t of BUNDLE_TABLES)
          for (const r of await rows(db, t.name).where('updatedAt').aboveOrEqual(selection.since).toArray()) pick(picked, t.name, r);
      } else await pickCases(db, reader, picked, selection.caseIds);

      // The files of every record taken.
      const ownerIds = [...picked.entries()].filter(([t]) => t !== DOCUMENTS_TABLE).flatMap(([, m]) => [...m.keys()]);
      for (const d of await reader.rowsWhere(DOCUMENTS_TABLE, 'ownerId', ownerIds)) pick(picked, DOCUMENTS_TABLE, d);

      await pickParents(db, picked);
    },
  );
  return picked;
}

/**
 * The records of a selection, closed under references: a record's person, case, application,
 * hearing, programme… come along, so the receiving office can place everything it gets (records it
 * already has are simply "unchanged" there).
 */
export async function collectBundleContent(db: QamqorDb, selection: BundleSelection, options: ReadOptions = {}): Promise<BundleContent> {
  const picked = await pickRecords(db, selection, options);
  const tables: Record<string, RecordEnvelope[]> = {};
  const attachments: { digest: string; bytes: Uint8Array }[] = [];
  for (const t of BUNDLE_TABLES) {
    const records = [...(picked.get(t.name)?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    if (records.length === 0) continue;
    // The files' bytes are read after the transaction: a Blob read is not an IndexedDB request and would end it.
    if (t.name === DOCUMENTS_TABLE) {
      for (const doc of records as unknown as StoredDocument[])
        attachments.push({ digest: doc.digest, bytes: new Uint8Array(await doc.blob.arrayBuffer()) });
    }
    tables[t.name] = records.map((r) => withoutBlob(r) as RecordEnvelope);
  }
  const cases = (tables['cases'] ?? []) as Case[];
  return { tables, attachments, cases };
}

/**
 * The whole office for a backup: every record table and every office table, read in ONE read
 * transaction (one consistent snapshot, one request per table), then the files' bytes.
 */
export async function collectWholeOffice(db: QamqorDb): Promise<BundleContent> {
  const names = [...BUNDLE_TABLES.map((t) => t.name), ...OFFICE_TABLE_NAMES];
  const read = await db.transaction('r', names, async () => {
    const all = await Promise.all(names.map((n) => db.table<unknown>(n).toArray()));
    return new Map(names.map((n, i) => [n, all[i] ?? []]));
  });
  const tables: Record<string, RecordEnvelope[]> = {};
  const attachments: { digest: string; bytes: Uint8Array }[] = [];
  for (const t of BUNDLE_TABLES) {
    const records = (read.get(t.name) ?? []) as Row[];
    if (records.length === 0) continue;
    if (t.name === DOCUMENTS_TABLE) {
      for (const doc of records as unknown as StoredDocument[])
        attachments.push({ digest: doc.digest, bytes: new Uint8Array(await doc.blob.arrayBuffer()) });
    }
    tables[t.name] = records.map((r) => withoutBlob(r) as RecordEnvelope);
  }
  const officeTables = Object.fromEntries(OFFICE_TABLE_NAMES.map((n) => [n, read.get(n) ?? []]));
  return { tables, attachments, cases: (tables['cases'] ?? []) as Case[], officeTables };
}

export type Encoder = (
  input: EncodeBundleInput,
  options: { signingKey: OfficeKeys; passphrase?: string },
  onProgress: ProgressCallback,
) => Promise<Result<Uint8Array, BundleEncodeError>>;

/** Encodes in the calling thread (tests, the worker itself, the page when no worker starts). */
export const encodeHere: Encoder = (input, options, onProgress) =>
  encodeBundle(input, {
    signingKey: options.signingKey,
    tables: bundleTables,
    onProgress,
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
  });

/** What the page decided before the records are read: the manifest's header, the key, the passphrase. */
export interface ExportJob {
  /** The IndexedDB database to read (the worker opens its own connection to it). */
  dbName: string;
  selection: BundleSelection;
  /** A whole-office backup: every record and office table, read in one snapshot. */
  wholeOffice: boolean;
  header: Omit<EncodeBundleInput, 'tables' | 'attachments' | 'officeTables'>;
  signingKey: OfficeKeys;
  passphrase?: string;
}

/** The packed bundle and a small summary of it: all the page gets back. */
export interface ExportedParts {
  bytes: Uint8Array;
  counts: Record<string, number>;
  /** Rows per office table (whole-office backups only). */
  officeCounts?: Record<string, number>;
  /** Distinct files. */
  attachments: number;
  caseNumbers: string[];
}

export type ExportError =
  | { code: 'empty' }
  | { code: 'encode'; error: BundleEncodeError }
  /** The officer cancelled while the records were read or packed (issue 14 B7): nothing was written or saved. */
  | { code: 'cancelled' };

/**
 * The phase of an export's progress report: `runExport` reports the reading as step 0 of 1, then the
 * codec's parts as steps of a larger total (issue 14 B7: every phase named on the progress bar).
 */
export function exportPhase(_done: number, total: number): JobPhase {
  return total <= 1 ? 'read' : 'pack';
}

/** Runs a job against `db`: reading is step 1 of the progress, the codec's steps follow. */
export async function runExport(
  db: QamqorDb,
  job: ExportJob,
  encoder: Encoder,
  onProgress?: ProgressCallback,
  signal?: AbortSignal,
): Promise<Result<ExportedParts, ExportError>> {
  if (signal?.aborted) return err({ code: 'cancelled' });
  onProgress?.(0, 1);
  const content = job.wholeOffice ? await collectWholeOffice(db) : await collectBundleContent(db, job.selection);
  if (signal?.aborted) return err({ code: 'cancelled' });
  const counts = Object.fromEntries(Object.entries(content.tables).map(([t, r]) => [t, r.length]));
  if (Object.keys(counts).length === 0) return err({ code: 'empty' });
  const officeCounts = content.officeTables
    ? Object.fromEntries(Object.entries(content.officeTables).map(([t, r]) => [t, r.length]))
    : undefined;
  const input: EncodeBundleInput = {
    ...job.header,
    tables: content.tables,
    attachments: content.attachments,
    ...(content.officeTables ? { officeTables: content.officeTables } : {}),
  };
  const encoded = await encoder(
    input,
    { signingKey: job.signingKey, ...(job.passphrase ? { passphrase: job.passphrase } : {}) },
    (done, total) => onProgress?.(done + 1, total + 1),
  );
  if (signal?.aborted) return err({ code: 'cancelled' });
  if (!encoded.ok) return err({ code: 'encode', error: encoded.error });
  return ok({
    bytes: encoded.value,
    counts,
    ...(officeCounts ? { officeCounts } : {}),
    attachments: new Set(content.attachments.map((a) => a.digest)).size,
    caseNumbers: content.cases.map((c) => c.caseNumber).sort(),
  });
}
