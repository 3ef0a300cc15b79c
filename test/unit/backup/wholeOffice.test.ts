/**
 * Issue 14 A1-A2: a backup is the whole office. An office with something in every table of the
 * current schema is backed up; the backup is restored into a fresh profile; every table equals the
 * original (a canonical digest per table), the audit chain verifies as before with exactly one
 * 'restore' entry appended. And no table of the schema can escape: each is carried or excluded with a
 * written reason.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXCLUDED_TABLES, OFFICE_TABLE_NAMES } from '@shared/backup/officeTables';
import { canonicalJson, sha256Hex, utf8 } from '@shared/bundle/bytes';
import { toPortable } from '@shared/bundle';
import { BUNDLE_TABLE_NAMES } from '@shared/bundle/specs';
import { SCHEMA_VERSIONS } from '../../../renderer/src/db/schema';
import { saveCalendarYear } from '../../../renderer/src/db/repositories/reference';
import { CHECKPOINT_PREFIX, verifyAuditTrail } from '../../../renderer/src/db/repositories/audit';
import { makeBackup } from '../../../renderer/src/features/backup/makeBackup';
import { saveBackupSettings } from '../../../renderer/src/features/backup/repository';
import { decodeBackup } from '../../../renderer/src/features/backup/restore';
import { isEmptyOffice, restoreWholeOffice } from '../../../renderer/src/features/backup/restoreOffice';
import { createOfficer } from '../../../renderer/src/features/officers/repository';
import { addKnownOffice } from '../../../renderer/src/features/bundles/repository';
import { generateOfficeKeys } from '@shared/bundle';
import { freshDb } from '../db/testContext';
import { dumpDb, OFFICE_A, OFFICE_B, openOffice, seedCaseload, YEARS, type Office } from '../bundles/fixtures';
import { fakeDesktop } from './fakePlatform';

const PASSPHRASE = 'Арал теңізі 2026 көктем';

/** Per table: SHA-256 of the canonical JSON of its rows in key order (Blobs as their bytes). */
async function digests(dump: Record<string, unknown[]>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [table, rows] of Object.entries(dump)) out[table] = await sha256Hex(utf8(canonicalJson(toPortable(rows))));
  return out;
}

/** Something in every table: the caseload, accounts, settings, a calendar edit, a conflict, an import. */
async function fillEveryTable(a: Office): Promise<void> {
  await seedCaseload(a, 5);
  const saved = await saveBackupSettings(a.db, a.ctx, {
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
    intervalHours: 24,
    keep: 10,
  });
  if (!saved.ok) throw new Error('settings');
  const officer = await createOfficer(
    a.db,
    null,
    {
      login: 'zhanar',
      fullName: 'Жанар Омарова',
      position: 'Бас маман',
      roles: ['administrator'],
      password: 'Құпия-сөз-2026!',
      passwordRepeat: 'Құпия-сөз-2026!',
    },
    '2026-11-20T08:00:00.000Z',
    '0ff1ce00-0000-4000-8000-000000000001',
  );
  if (!officer.ok) throw new Error(`officer ${JSON.stringify(officer.error)}`);
  const keysB = await generateOfficeKeys();
  const known = await addKnownOffice(a.db, a.ctx, {
    officeId: OFFICE_B.officeId,
    officeCode: OFFICE_B.officeCode,
    officeName: OFFICE_B.officeName,
    publicKey: keysB.publicKey,
  });
  if (!known.ok) throw new Error('known office');
  const year = YEARS[1];
  if (!year) throw new Error('no year');
  const edited = await saveCalendarYear(a.db, a.ctx, {
    ...year,
    extraDaysOff: [
      ...year.extraDaysOff,
      { date: '2026-12-31', nameKk: 'Жаңа жыл қарсаңы', nameRu: 'Канун Нового года', source: 'Әкімшінің түзетуі' },
    ],
  });
  if (!edited.ok) throw new Error(`calendar ${JSON.stringify(edited.error)}`);
  const person = await a.db.persons.toCollection().first();
  if (!person) throw new Error('no person');
  await a.db.table('conflicts').put({
    id: '0c0f1100-0000-4000-8000-000000000001',
    table: 'persons',
    recordId: person.id,
    status: 'open',
    createdAt: '2026-11-20T09:00:00.000Z',
    incoming: { ...person, lastName: 'Басқа' },
    attachment: new Uint8Array([1, 2, 3, 250]),
    bundleId: '0b0d1e00-0000-4000-8000-000000000001',
    importId: '0a0b0c00-0000-4000-8000-000000000001',
    sender: { officeId: OFFICE_B.officeId, officeCode: OFFICE_B.officeCode, officeName: OFFICE_B.officeName, fingerprint: 'AB12' },
    officer: OFFICE_B.officerName,
  });
  await a.db.table('importHistory').put({
    id: '0a0b0c00-0000-4000-8000-000000000001',
    bundleId: '0b0d1e00-0000-4000-8000-000000000001',
    importedAt: '2026-11-20T09:00:00.000Z',
  });
  await a.db.settings.put({ key: 'personAlias/0b0d1e00-0000-4000-8000-000000000009', value: person.id });
}

let a: Office;
let backup: { fileName: string; bytes: Uint8Array };
let before: Record<string, unknown[]>;
let originalReport: Awaited<ReturnType<typeof verifyAuditTrail>>;

beforeAll(async () => {
  a = await openOffice(OFFICE_A);
  await fillEveryTable(a);
  // The office as the backup sees it (the backup's own audit entry and settings row come after the file).
  // Verifying first also waits for the chain's signed checkpoint (written to settings after an append).
  originalReport = await verifyAuditTrail(a.db);
  before = await dumpDb(a.db);
  const desktop = fakeDesktop();
  const made = await makeBackup({ db: a.db, platform: desktop.platform, ctx: a.ctx, office: OFFICE_A }, 'manual');
  if (!made.ok) throw new Error(`backup: ${made.error.code} ${made.error.detail ?? ''}`);
  const bytes = desktop.files.get(made.value.fileName);
  if (!bytes) throw new Error('no file');
  backup = { fileName: made.value.fileName, bytes };
}, 120_000);

describe('a backup is the whole office', { timeout: 120_000 }, () => {
  it('every table of the schema is carried or excluded with a reason', () => {
    const schemaTables = new Set(
      SCHEMA_VERSIONS.flatMap((v) =>
        Object.entries(v.stores)
          .filter(([, s]) => s !== null)
          .map(([t]) => t),
      ),
    );
    const carried = new Set([...BUNDLE_TABLE_NAMES, ...OFFICE_TABLE_NAMES]);
    const undecided = [...schemaTables].filter((t) => !carried.has(t) && !(t in EXCLUDED_TABLES));
    expect(undecided).toEqual([]);
    for (const [table, reason] of Object.entries(EXCLUDED_TABLES)) {
      expect(carried.has(table), `${table} is both carried and excluded`).toBe(false);
      expect(reason.trim().length, `${table} needs a written reason`).toBeGreaterThan(20);
    }
    // Nothing is carried that the schema does not have (a typo would be a silently empty table).
    expect([...carried].filter((t) => !schemaTables.has(t))).toEqual([]);
  });

  it('restores into a fresh profile with every table equal and one restore entry appended', async () => {
    // The original really has something in every carried table.
    expect([...BUNDLE_TABLE_NAMES, ...OFFICE_TABLE_NAMES].filter((t) => (before[t]?.length ?? 0) === 0)).toEqual([]);
    const fresh = freshDb();
    expect(await isEmptyOffice(fresh)).toBe(true);
    const decoded = await decodeBackup(fresh, backup.bytes, PASSPHRASE, () => undefined);
    if (!decoded.ok) throw new Error(`decode ${decoded.error.code} ${decoded.error.detail ?? ''}`);
    expect(decoded.value.manifest.formatVersion).toBe(2);
    const restored = await restoreWholeOffice(fresh, decoded.value, backup.fileName, 'Жанар Омарова');
    if (!restored.ok) throw new Error(JSON.stringify(restored.error));
    expect(restored.value.office).toMatchObject({ id: OFFICE_A.officeId, code: OFFICE_A.officeCode });

    const report = await verifyAuditTrail(fresh);
    const after = await dumpDb(fresh);
    const audit = after['auditLog'] ?? [];
    const originalAudit = before['auditLog'] ?? [];
    expect(audit).toHaveLength(originalAudit.length + 1);
    const restoreEntry = audit[audit.length - 1] as { action: string; after: { whole: boolean; fileName: string } };
    expect(restoreEntry).toMatchObject({ action: 'restore', after: { whole: true, fileName: backup.fileName } });
    // The restore entry gets its signed checkpoint like any append: the only settings row that is new.
    const originalKeys = new Set((before['settings'] ?? []).map((r) => (r as { key: string }).key));
    const settings = after['settings'] ?? [];
    const added = settings.filter((r) => !originalKeys.has((r as { key: string }).key));
    expect(added.every((r) => (r as { key: string }).key.startsWith(CHECKPOINT_PREFIX))).toBe(true);
    const a1 = await digests(before);
    const b1 = await digests({ ...after, auditLog: audit.slice(0, -1), settings: settings.filter((r) => !added.includes(r)) });
    expect(b1).toEqual(a1);

    const original = originalReport;
    expect(original.break).toBeNull();
    expect(report.break).toBeNull();
    expect(report.verified).toBe(original.verified + 1);
  });

  it('refuses to restore over an office that is already set up, writing nothing', async () => {
    const b = await openOffice(OFFICE_B);
    const decoded = await decodeBackup(b.db, backup.bytes, PASSPHRASE, () => undefined);
    if (!decoded.ok) throw new Error(decoded.error.code);
    const dump = await dumpDb(b.db);
    expect(await restoreWholeOffice(b.db, decoded.value, backup.fileName, 'Бекзат Ахметов')).toEqual({
      ok: false,
      error: { code: 'not-empty' },
    });
    expect(await dumpDb(b.db)).toEqual(dump);
  });
});
