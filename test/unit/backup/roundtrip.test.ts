/**
 * The "lost database" case end to end at the repository level: an office's database is filled, a
 * backup is made, the database is gone, the office is set up again in a fresh database, and the
 * backup is restored through the import preview and apply. Every table the backup carries must come
 * back exactly, files byte for byte, and the register must continue after the restored numbers.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { BUNDLE_TABLE_NAMES } from '@shared/bundle/specs';
import { generateOfficeKeys } from '@shared/bundle';
import type { OfficeProfile } from '@shared/office';
import { openCase } from '../../../renderer/src/db/repositories/cases';
import { saveOfficeKeys, saveOfficeProfile } from '../../../renderer/src/db/repositories/settings';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import { makeBackup } from '../../../renderer/src/features/backup/makeBackup';
import { saveBackupSettings } from '../../../renderer/src/features/backup/repository';
import { applyRestore, decodeBackup, prepareRestore, sniffBackup } from '../../../renderer/src/features/backup/restore';
import { freshDb, testContext } from '../db/testContext';
import { dumpDb, OFFICE_A, openOffice, seedCaseload, YEARS, type Caseload, type Office } from '../bundles/fixtures';
import { fakeDesktop } from './fakePlatform';

const PASSPHRASE = 'Арал теңізі 2026 көктем';

let a: Office;
let data: Caseload;
let backup: { fileName: string; bytes: Uint8Array };

/** The same office set up again after the loss: same code and name, a new id and signing key. */
const REINSTALLED: OfficeProfile = { ...OFFICE_A, officeId: '6f1c2a4e-0000-4000-8000-0000000000b2', createdAt: '2026-11-21T09:00:00.000Z' };

async function setUpAgain(): Promise<Office> {
  const db = freshDb();
  await seedReferenceData(db, YEARS);
  await saveOfficeProfile(db, REINSTALLED);
  await saveOfficeKeys(db, await generateOfficeKeys());
  return { db, ctx: testContext(REINSTALLED.officerName, REINSTALLED.officeId), profile: REINSTALLED };
}

beforeEach(async () => {
  a = await openOffice(OFFICE_A);
  // Seed 5 puts records in every table a bundle carries (minutes, programmes, checks, orders too).
  data = await seedCaseload(a, 5);
  const saved = await saveBackupSettings(a.db, a.ctx, {
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
    intervalHours: 24,
    keep: 10,
  });
  expect(saved.ok).toBe(true);
  const desktop = fakeDesktop();
  const made = await makeBackup({ db: a.db, platform: desktop.platform, ctx: a.ctx, office: OFFICE_A }, 'manual');
  if (!made.ok) throw new Error(`backup: ${made.error.code}`);
  const bytes = desktop.files.get(made.value.fileName);
  if (!bytes) throw new Error('no file');
  backup = { fileName: made.value.fileName, bytes };
});

describe('restore into an empty database after a loss', { timeout: 120_000 }, () => {
  it('brings every table back exactly, files byte for byte, and the register continues', async () => {
    expect(sniffBackup(backup.bytes)).toBe('encrypted');
    const before = await dumpDb(a.db);
    const b = await setUpAgain();

    const wrong = await decodeBackup(b.db, backup.bytes, 'Арал теңізі 2025 көктем', () => undefined);
    expect(wrong).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });

    const progress: number[] = [];
    const decoded = await decodeBackup(b.db, backup.bytes, PASSPHRASE, (done) => progress.push(done));
    if (!decoded.ok) throw new Error(decoded.error.code);
    expect(progress.length).toBeGreaterThan(2);
    expect(decoded.value.encrypted).toBe(true);
    expect(decoded.value.manifest.office).toMatchObject({ id: OFFICE_A.officeId, code: 'ARAL01' });

    const session = await prepareRestore(b.db, backup.fileName, decoded.value);
    const total = BUNDLE_TABLE_NAMES.reduce((n, t) => n + (before[t]?.length ?? 0), 0);
    // Every table the backup carries has records in it, so "every table" is really tested.
    expect(BUNDLE_TABLE_NAMES.filter((t) => (before[t]?.length ?? 0) === 0)).toEqual([]);
    expect(total).toBeGreaterThan(40);
    expect(session.preview.rejected).toEqual([]);
    expect(session.preview.counts).toMatchObject({ new: total, update: 0, unchanged: 0, conflict: 0 });
    // Nothing is written by the preview.
    for (const t of BUNDLE_TABLE_NAMES) expect(await b.db.table(t).count(), t).toBe(0);

    const restored = await applyRestore(b.db, b.ctx, REINSTALLED, session);
    if (!restored.ok) throw new Error(JSON.stringify(restored.error));
    expect(restored.value.result).toMatchObject({ kind: 'applied', written: total, conflicts: 0 });

    const after = await dumpDb(b.db);
    for (const t of BUNDLE_TABLE_NAMES) expect(after[t], t).toEqual(before[t]);
    expect((after['documents'] ?? []).length).toBe(data.documents.length);
    // The counters are this office's again: the same as before the loss.
    expect(after['counters']).toEqual(before['counters']);
    expect(restored.value.counters.length).toBeGreaterThan(0);

    const audit = (await b.db.auditLog.toArray()) as unknown as { action: string; table: string; after?: Record<string, unknown> }[];
    const restore = audit.filter((e) => e.action === 'restore');
    expect(restore).toHaveLength(1);
    expect(restore[0]).toMatchObject({
      table: 'backups',
      after: { fileName: backup.fileName, written: total, backupOffice: { id: OFFICE_A.officeId, code: 'ARAL01' } },
    });

    // The next case continues the register instead of colliding with a restored number.
    const person = data.persons[0];
    if (!person) throw new Error('no person');
    const year2026 = data.cases.filter((c) => c.caseNumber.startsWith('ARAL01-C2026-')).map((c) => Number(c.caseNumber.slice(-5)));
    const kase = await openCase(b.db, b.ctx, REINSTALLED, { personId: person.id, registrationDate: '2026-11-23', subject: 'Кресло-арба' });
    if (!kase.ok) throw new Error(JSON.stringify(kase.error));
    expect(kase.value.caseNumber).toBe(`ARAL01-C2026-${String(Math.max(...year2026) + 1).padStart(5, '0')}`);
    // New work carries this installation's office id; restored records keep theirs.
    expect(kase.value.originOffice).toBe(REINSTALLED.officeId);
  });

  it('restoring the same backup again changes nothing', async () => {
    const b = await setUpAgain();
    const first = await decodeBackup(b.db, backup.bytes, PASSPHRASE, () => undefined);
    if (!first.ok) throw new Error(first.error.code);
    const applied = await applyRestore(b.db, b.ctx, REINSTALLED, await prepareRestore(b.db, backup.fileName, first.value));
    expect(applied.ok).toBe(true);
    const dump = await dumpDb(b.db);

    const again = await decodeBackup(b.db, backup.bytes, PASSPHRASE, () => undefined);
    if (!again.ok) throw new Error(again.error.code);
    const session = await prepareRestore(b.db, backup.fileName, again.value);
    expect(session.preview.changesNothing).toBe(true);
    expect(await applyRestore(b.db, b.ctx, REINSTALLED, session)).toMatchObject({
      ok: true,
      value: { result: { kind: 'nothing' }, counters: [] },
    });
    expect(await dumpDb(b.db)).toEqual(dump);
  });

  it('writes nothing at all (records, counters, audit) when a record changed after the preview', async () => {
    const b = await setUpAgain();
    const decoded = await decodeBackup(b.db, backup.bytes, PASSPHRASE, () => undefined);
    if (!decoded.ok) throw new Error(decoded.error.code);
    const session = await prepareRestore(b.db, backup.fileName, decoded.value);
    // Meanwhile someone registers one of the persons by hand (same IIN): the preview is stale.
    const person = data.persons[0];
    if (!person) throw new Error('no person');
    await b.db.persons.add({ ...person, id: '6f1c2a4e-0000-4000-8000-0000000000c3' });
    const dump = await dumpDb(b.db);
    expect(await applyRestore(b.db, b.ctx, REINSTALLED, session)).toEqual({ ok: false, error: { code: 'stale' } });
    expect(await dumpDb(b.db)).toEqual(dump);
  });

  it('is refused to an officer who is not an administrator', async () => {
    const b = await setUpAgain();
    const decoded = await decodeBackup(b.db, backup.bytes, PASSPHRASE, () => undefined);
    if (!decoded.ok) throw new Error(decoded.error.code);
    const registrar = testContext('Айгүл Серікова', REINSTALLED.officeId, ['registrar']);
    const dump = await dumpDb(b.db);
    expect(await applyRestore(b.db, registrar, REINSTALLED, await prepareRestore(b.db, backup.fileName, decoded.value))).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await dumpDb(b.db)).toEqual(dump);
  });

  it('tells a plain case bundle and a foreign file from a backup', () => {
    expect(sniffBackup(new Uint8Array([0x50, 0x4b, 3, 4, 0]))).toBe('plain-bundle');
    expect(sniffBackup(new TextEncoder().encode('hello'))).toBe('other');
  });
});

describe('restore into the same database', { timeout: 120_000 }, () => {
  it('puts back records that went missing and leaves the rest', async () => {
    const person = data.persons[1];
    if (!person) throw new Error('no person');
    const before = await dumpDb(a.db);
    await a.db.persons.delete(person.id);
    const decoded = await decodeBackup(a.db, backup.bytes, PASSPHRASE, () => undefined);
    if (!decoded.ok) throw new Error(decoded.error.code);
    const session = await prepareRestore(a.db, backup.fileName, decoded.value);
    expect(session.preview.counts).toMatchObject({ new: 1, conflict: 0, update: 0 });
    const restored = await applyRestore(a.db, a.ctx, OFFICE_A, session);
    expect(restored).toMatchObject({ ok: true, value: { result: { kind: 'applied', written: 1 }, counters: [] } });
    const after = await dumpDb(a.db);
    for (const t of BUNDLE_TABLE_NAMES) expect(after[t], t).toEqual(before[t]);
  });
});
