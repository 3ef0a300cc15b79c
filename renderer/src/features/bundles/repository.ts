/**
 * Storage of the bundles feature: the office's signing keys (made on first use for offices set up
 * before keys existed), the list of known offices, the import history and the person aliases left by
 * IIN merges. The conflict queue has its own module (conflictStore.ts).
 */
import type { Table } from 'dexie';
import { z } from 'zod';
import { fingerprint, generateOfficeKeys, type KnownOffice, type OfficeKeys } from '@shared/bundle';
import { fromBase64, toBase64 } from '@shared/bundle/bytes';
import type { ImportCounts, PersonAlias } from '@shared/bundle/specs';
import { UUID_PATTERN } from '@shared/records/schemas';
import { err } from '@shared/result';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
import { searchPersons } from '../../db/repositories/persons';
import { getOfficeKeys, getOfficeProfile, saveOfficeKeys } from '../../db/repositories/settings';
import { refuse, runPlainWrite, runWrite, type WriteResult } from '../../db/write';
import type { Case } from '@shared/cases';
import type { Person } from '@shared/persons';

// ---------------------------------------------------------------------------------------------------
// Signing keys

/**
 * The office's signing keys. Offices set up before keys existed get theirs on first use; two windows
 * doing that at once keep whichever pair was stored first, so every bundle is signed by one key.
 */
export async function ensureOfficeKeys(db: QamqorDb): Promise<OfficeKeys> {
  const existing = await getOfficeKeys(db);
  if (existing) return existing;
  // Generated before the transaction: awaiting WebCrypto inside it would let IndexedDB commit early.
  const fresh = await generateOfficeKeys();
  return runPlainWrite(db, [db.settings], async () => {
    const again = await getOfficeKeys(db);
    if (again) return again;
    await saveOfficeKeys(db, fresh);
    return fresh;
  });
}

// ---------------------------------------------------------------------------------------------------
// Known offices

const KNOWN_OFFICES_KEY = 'knownOffices';

const knownOfficeSchema = z.object({
  officeId: z.string().regex(UUID_PATTERN),
  officeCode: z.string(),
  officeName: z.string(),
  /** Raw Ed25519 public key, base64. */
  publicKey: z.string(),
  fingerprint: z.string(),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type KnownOfficeEntry = z.output<typeof knownOfficeSchema>;

export async function listKnownOffices(db: QamqorDb): Promise<KnownOfficeEntry[]> {
  const row = await db.settings.get(KNOWN_OFFICES_KEY);
  const parsed = z.array(knownOfficeSchema).safeParse(row?.value ?? []);
  return parsed.success ? parsed.data : [];
}

/**
 * The list in the shape `decodeBundle` wants, with this office's own key first: its own bundles (a
 * backup, a case sent and returned) show as known, and a bundle claiming this office's id under
 * another key is refused (docs/bundle-format.md §4).
 */
export async function knownOfficesForDecoding(db: QamqorDb): Promise<KnownOffice[]> {
  const [entries, own, profile] = await Promise.all([listKnownOffices(db), getOfficeKeys(db), getOfficeProfile(db)]);
  const others = entries.flatMap((e) => {
    const publicKey = fromBase64(e.publicKey);
    return publicKey && publicKey.length === 32 ? [{ publicKey, officeId: e.officeId, name: e.officeName }] : [];
  });
  return own && profile ? [{ publicKey: own.publicKey, officeId: profile.officeId, name: profile.officeName }, ...others] : others;
}

export type AddOfficeError =
  | { code: 'already-known'; entry: KnownOfficeEntry }
  /** The office is in the list with another key: replacing it needs the officer's confirmation. */
  | { code: 'key-changed'; entry: KnownOfficeEntry }
  | { code: 'own-office' };

export interface NewKnownOffice {
  officeId: string;
  officeCode: string;
  officeName: string;
  publicKey: Uint8Array;
}

export async function addKnownOffice(
  db: QamqorDb,
  ctx: WriteContext,
  office: NewKnownOffice,
  options: { replace?: boolean } = {},
): Promise<WriteResult<KnownOfficeEntry, AddOfficeError>> {
  if (office.officeId === ctx.actor.officeId) return err({ code: 'own-office' });
  const entry: KnownOfficeEntry = {
    officeId: office.officeId,
    officeCode: office.officeCode,
    officeName: office.officeName,
    publicKey: toBase64(office.publicKey),
    fingerprint: await fingerprint(office.publicKey),
    addedAt: ctx.now(),
    addedBy: ctx.actor.officerName,
  };
  return runWrite(db, [db.settings], async () => {
    const list = await listKnownOffices(db);
    const sameKey = list.find((e) => e.publicKey === entry.publicKey);
    if (sameKey) refuse<AddOfficeError>({ code: 'already-known', entry: sameKey });
    const sameOffice = list.find((e) => e.officeId === entry.officeId);
    if (sameOffice && !options.replace) refuse<AddOfficeError>({ code: 'key-changed', entry: sameOffice });
    const next = [...list.filter((e) => e.officeId !== entry.officeId), entry];
    await db.settings.put({ key: KNOWN_OFFICES_KEY, value: next });
    await appendAudit(db, ctx, {
      action: 'settings',
      table: 'settings',
      recordId: KNOWN_OFFICES_KEY,
      ...(sameOffice ? { before: sameOffice } : {}),
      after: entry,
    });
    return entry;
  });
}

/** Removes an office from the list; false when it was not there (nothing written). */
export async function removeKnownOffice(db: QamqorDb, ctx: WriteContext, officeId: string): Promise<boolean> {
  return runPlainWrite(db, [db.settings], async () => {
    const list = await listKnownOffices(db);
    const gone = list.find((e) => e.officeId === officeId);
    if (!gone) return false;
    await db.settings.put({ key: KNOWN_OFFICES_KEY, value: list.filter((e) => e.officeId !== officeId) });
    await appendAudit(db, ctx, {
      action: 'settings',
      table: 'settings',
      recordId: KNOWN_OFFICES_KEY,
      before: gone,
      after: { removed: officeId },
    });
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------
// Import history

export interface ImportHistoryRow {
  id: string;
  bundleId: string;
  importedAt: string;
  importedBy: string;
  fileName: string;
  /** The sending office as the bundle named it, with its key's fingerprint and whether it was known. */
  office: { id: string; code: string; name: string; fingerprint: string; known: boolean };
  /** The officer who made the bundle. */
  officer: string;
  bundleCreatedAt: string;
  encrypted: boolean;
  counts: ImportCounts;
  countsByTable: Record<string, ImportCounts>;
  attachments: number;
}

export const importHistoryTable = (db: QamqorDb): Table<ImportHistoryRow, string> => db.table<ImportHistoryRow, string>('importHistory');

export async function listImportHistory(db: QamqorDb): Promise<ImportHistoryRow[]> {
  return importHistoryTable(db).orderBy('importedAt').reverse().toArray();
}

export async function importsOfBundle(db: QamqorDb, bundleId: string): Promise<ImportHistoryRow[]> {
  return importHistoryTable(db).where('bundleId').equals(bundleId).sortBy('importedAt');
}

// ---------------------------------------------------------------------------------------------------
// Person aliases: a person merged by IIN keeps its sending office's id here, so that later bundles
// about the same person land on the local record.

const ALIAS_PREFIX = 'personAlias:';

const aliasSchema = z.object({ localId: z.string(), version: z.record(z.string(), z.number()) });

export const aliasKey = (incomingId: string): string => `${ALIAS_PREFIX}${incomingId}`;

export async function personAliases(db: QamqorDb, incomingIds: Iterable<string>): Promise<Map<string, PersonAlias>> {
  const ids = [...incomingIds];
  const rows = await db.settings.bulkGet(ids.map(aliasKey));
  const out = new Map<string, PersonAlias>();
  rows.forEach((row, i) => {
    const id = ids[i];
    const parsed = aliasSchema.safeParse(row?.value);
    if (id !== undefined && parsed.success) out.set(id, parsed.data);
  });
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Cases to choose from on the export page

export interface CaseChoice {
  kase: Case;
  person: Person | undefined;
}

/**
 * Cases by number (`ARAL01-C2026…`), by the person's IIN (digits) or by the beginnings of the
 * person's name words; the latest cases when the filter is empty.
 */
export async function findCases(db: QamqorDb, filter: string, limit = 200): Promise<CaseChoice[]> {
  const q = filter.trim();
  let cases: Case[];
  if (q === '') cases = await db.cases.orderBy('registrationDate').reverse().limit(limit).toArray();
  else if (/[a-z]/iu.test(q) && /\d/u.test(q))
    cases = await db.cases.where('caseNumber').startsWith(q.toUpperCase()).limit(limit).toArray();
  else {
    const persons = await searchPersons(db, q, limit);
    const ids = persons.map((p) => p.id);
    cases = ids.length > 0 ? await db.cases.where('personId').anyOf(ids).limit(limit).toArray() : [];
    cases.sort((a, b) => b.registrationDate.localeCompare(a.registrationDate));
  }
  const persons = await db.persons.bulkGet([...new Set(cases.map((c) => c.personId))]);
  const byId = new Map(persons.filter((p) => p !== undefined).map((p) => [p.id, p]));
  return cases.map((kase) => ({ kase, person: byId.get(kase.personId) }));
}
