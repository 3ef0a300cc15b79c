/**
 * Issue 14 B7: a backup cancelled while it reads and packs writes no file, records no backup and no
 * failure, and leaves the database as it was.
 */
import { describe, expect, it } from 'vitest';
import { makeBackup } from '../../../renderer/src/features/backup/makeBackup';
import { saveBackupSettings } from '../../../renderer/src/features/backup/repository';
import { exportInWorker } from '../../../renderer/src/features/bundles/workerClient';
import { dumpDb, OFFICE_A, openOffice, seedCaseload } from '../bundles/fixtures';
import { fakeDesktop } from './fakePlatform';

const PASSPHRASE = 'Қызылорда облысы, Арал';

describe('cancelling a backup', { timeout: 60_000 }, () => {
  it('while it packs: no file, no record, the database unchanged', async () => {
    const office = await openOffice(OFFICE_A);
    await seedCaseload(office);
    const saved = await saveBackupSettings(office.db, office.ctx, {
      passphrase: PASSPHRASE,
      passphraseRepeat: PASSPHRASE,
      intervalHours: 24,
      keep: 10,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    const desktop = fakeDesktop();
    const before = await dumpDb(office.db);
    const controller = new AbortController();
    const made = await makeBackup(
      {
        db: office.db,
        platform: desktop.platform,
        ctx: office.ctx,
        office: OFFICE_A,
        exporter: exportInWorker(office.db, controller.signal),
      },
      'manual',
      (_done, total) => {
        if (total > 1) controller.abort();
      },
    );
    expect(made).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(desktop.writes).toEqual([]);
    expect(desktop.files.size).toBe(0);
    expect(await dumpDb(office.db)).toEqual(before);
  });
});
