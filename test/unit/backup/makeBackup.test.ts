import { beforeEach, describe, expect, it } from 'vitest';
import { decodeBundle } from '@shared/bundle';
import { bundleTables } from '@shared/bundle/specs';
import { BACKUP_SETTINGS_KEY, OFFICE_TABLES, isBackupFileName, parseBackupFileName } from '@shared/backup';
import { recordAuditEvent } from '../../../renderer/src/db/repositories/audit';
import { addPerson as createPerson } from '../../../renderer/src/db/repositories/persons';
import { makeBackup } from '../../../renderer/src/features/backup/makeBackup';
import { changedSinceBackup, getBackupSettings, saveBackupSettings } from '../../../renderer/src/features/backup/repository';
import { ALIYA, BORIS, testContext } from '../db/testContext';
import { OFFICE_A, openOffice, type Office } from '../bundles/fixtures';
import { fakeDesktop, FOLDER, type FakeDesktop } from './fakePlatform';

const PASSPHRASE = 'Қызылорда облысы, Арал';

let office: Office;
let desktop: FakeDesktop;

const backup = (reason: 'manual' | 'schedule' | 'quit' = 'manual', platform = desktop.platform) =>
  makeBackup({ db: office.db, platform, ctx: office.ctx, office: OFFICE_A }, reason);

async function setPassphrase(keep = 10): Promise<void> {
  const saved = await saveBackupSettings(office.db, office.ctx, {
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
    intervalHours: 24,
    keep,
  });
  if (!saved.ok) throw new Error(JSON.stringify(saved.error));
}

async function addPerson(p: typeof ALIYA | typeof BORIS): Promise<void> {
  const r = await createPerson(office.db, office.ctx, p);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
}

beforeEach(async () => {
  office = await openOffice(OFFICE_A);
  desktop = fakeDesktop();
});

describe('backup settings', () => {
  it('only an administrator changes them; the audit entry never holds the passphrase', async () => {
    const registrar = testContext('Айгүл Серікова', OFFICE_A.officeId, ['registrar', 'head']);
    expect(
      await saveBackupSettings(office.db, registrar, { passphrase: PASSPHRASE, passphraseRepeat: PASSPHRASE, intervalHours: 24, keep: 10 }),
    ).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(
      await saveBackupSettings(office.db, office.ctx, { passphrase: 'қысқа', passphraseRepeat: 'қысқа', intervalHours: 24, keep: 10 }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { passphrase: 'backup.validation.passphraseShort' } },
    });
    expect((await getBackupSettings(office.db)).passphrase).toBeNull();

    await setPassphrase();
    const stored = await getBackupSettings(office.db);
    expect(stored).toMatchObject({ passphrase: PASSPHRASE, passphraseSetBy: OFFICE_A.officerName, intervalHours: 24, keep: 10 });
    // Changing the interval alone keeps the passphrase.
    const again = await saveBackupSettings(office.db, office.ctx, { passphrase: '', passphraseRepeat: '', intervalHours: 4, keep: 3 });
    expect(again).toMatchObject({
      ok: true,
      value: { passphrase: PASSPHRASE, intervalHours: 4, keep: 3, passphraseSetAt: stored.passphraseSetAt },
    });

    const trail = JSON.stringify(await office.db.auditLog.toArray());
    expect(trail).toContain(BACKUP_SETTINGS_KEY);
    expect(trail).not.toContain(PASSPHRASE);
  });
});

describe('making a backup', { timeout: 60_000 }, () => {
  it('needs the passphrase first, and says so', async () => {
    await addPerson(ALIYA);
    expect(await backup()).toMatchObject({ ok: false, error: { code: 'no-passphrase' } });
    expect(desktop.writes).toEqual([]);
    expect((await getBackupSettings(office.db)).lastFailure).toMatchObject({ code: 'no-passphrase', reason: 'manual' });
  });

  it('has nothing to back up in an empty office, which is not a failure', async () => {
    await setPassphrase();
    expect(await backup('schedule')).toMatchObject({ ok: false, error: { code: 'empty' } });
    expect((await getBackupSettings(office.db)).lastFailure).toBeNull();
  });

  it('writes an encrypted full bundle under the backup name, records it and the audit head', async () => {
    await setPassphrase(7);
    await addPerson(ALIYA);
    await addPerson(BORIS);
    const made = await backup('manual');
    if (!made.ok) throw new Error(made.error.code);
    expect(isBackupFileName(made.value.fileName)).toBe(true);
    expect(parseBackupFileName(made.value.fileName)?.officeCode).toBe('ARAL01');
    expect(desktop.writes).toHaveLength(1);
    expect(desktop.writes[0]?.keep).toBe(7);
    expect(made.value).toMatchObject({ target: 'folder', folder: FOLDER, counts: { persons: 2 }, shrunk: [] });

    const bytes = desktop.files.get(made.value.fileName);
    if (!bytes) throw new Error('no file');
    expect(await decodeBundle(bytes, { tables: bundleTables, officeTables: OFFICE_TABLES })).toMatchObject({
      ok: false,
      error: { code: 'passphrase-required' },
    });
    const decoded = await decodeBundle(bytes, { tables: bundleTables, officeTables: OFFICE_TABLES, passphrase: PASSPHRASE });
    expect(decoded).toMatchObject({ ok: true, value: { encrypted: true } });
    if (decoded.ok)
      expect(decoded.value.tables['persons']?.map((p) => (p as unknown as { iin: string }).iin).sort()).toEqual(
        [BORIS.iin, ALIYA.iin].sort(),
      );

    const settings = await getBackupSettings(office.db);
    const trail = await office.db.auditLog.toArray();
    const last = trail[trail.length - 1] as unknown as { seq: number; digest: string; action: string; after: Record<string, unknown> };
    expect(last).toMatchObject({ action: 'backup', after: { fileName: made.value.fileName, reason: 'manual', target: 'folder' } });
    expect(settings.last).toMatchObject({
      fileName: made.value.fileName,
      reason: 'manual',
      counts: { persons: 2 },
      auditSeq: last.seq,
      auditDigest: last.digest,
    });
    expect(settings.lastFailure).toBeNull();
  });

  it('knows when records changed since: data changes count, sign-ins and prints do not', async () => {
    await setPassphrase();
    await addPerson(ALIYA);
    expect(await changedSinceBackup(office.db, null)).toBe(true);
    const made = await backup();
    if (!made.ok) throw new Error(made.error.code);
    const last = made.value.settings.last;
    expect(await changedSinceBackup(office.db, last)).toBe(false);
    await recordAuditEvent(office.db, office.ctx, { action: 'print', table: 'persons', recordId: 'x', after: {} });
    await recordAuditEvent(office.db, office.ctx, { action: 'sign-in', table: 'session', recordId: 'x' });
    expect(await changedSinceBackup(office.db, last)).toBe(false);
    await addPerson(BORIS);
    expect(await changedSinceBackup(office.db, last)).toBe(true);
  });

  it('keeps every older backup when records went missing since the last one', async () => {
    await setPassphrase(1);
    await addPerson(ALIYA);
    await addPerson(BORIS);
    const first = await backup();
    if (!first.ok) throw new Error(first.error.code);
    // A record vanishes (nothing in the app deletes one: this is the loss backups are for).
    const boris = await office.db.persons.where('iin').equals(BORIS.iin).first();
    await office.db.persons.delete(boris?.id ?? '');
    const second = await backup('schedule');
    if (!second.ok) throw new Error(second.error.code);
    expect(second.value.shrunk).toEqual(['persons']);
    expect(desktop.writes[1]?.keep).toBeNull();
    expect([...desktop.files.keys()].sort()).toEqual([first.value.fileName, second.value.fileName].sort());
    const trail = await office.db.auditLog.toArray();
    expect(trail[trail.length - 1]).toMatchObject({ action: 'backup', after: { shrunk: ['persons'] } });
  });

  it('reports a full disk with the space numbers and leaves the last good backup as it was', async () => {
    await setPassphrase();
    await addPerson(ALIYA);
    const good = await backup();
    if (!good.ok) throw new Error(good.error.code);
    await addPerson(BORIS);
    desktop.freeBytes = 1024;
    const full = await backup('schedule');
    expect(full).toMatchObject({ ok: false, error: { code: 'disk-full', space: { free: 1024 } } });
    const settings = await getBackupSettings(office.db);
    expect(settings.last?.fileName).toBe(good.value.fileName);
    expect(settings.lastFailure).toMatchObject({ code: 'disk-full', reason: 'schedule' });
    expect(desktop.files.size).toBe(1);
  });

  it('in the browser, offers the same file as a download', async () => {
    const browser = fakeDesktop('download');
    await setPassphrase();
    await addPerson(ALIYA);
    const made = await backup('manual', browser.platform);
    expect(made).toMatchObject({ ok: true, value: { target: 'download' } });
    expect((await getBackupSettings(office.db)).last).toMatchObject({ target: 'download' });
  });
});
