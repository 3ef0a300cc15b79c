/**
 * Issue 19: restore and import check the signed audit head a bundle or backup carries. Its signature must
 * be the sender's key and the audit entries the file carries must reach it; otherwise nothing is written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { checkCarriedHead, signCheckpoint, type SignedAuditHead } from '@shared/audit';
import { generateOfficeKeys, importSigningKey, type DecodedBundle } from '@shared/bundle';
import { auditTable, recordAuditEvent, verifyAuditTrail } from '../../../renderer/src/db/repositories/audit';
import { makeBackup } from '../../../renderer/src/features/backup/makeBackup';
import { saveBackupSettings } from '../../../renderer/src/features/backup/repository';
import { decodeBackup } from '../../../renderer/src/features/backup/restore';
import { isEmptyOffice, restoreWholeOffice } from '../../../renderer/src/features/backup/restoreOffice';
import { buildBundle } from '../../../renderer/src/features/bundles/exportBundle';
import { applyImport, prepareImport } from '../../../renderer/src/features/bundles/importBundle';
import { freshDb } from '../db/testContext';
import { decodeFor, mustDecode, OFFICE_A, OFFICE_B, openOffice, seedCaseload, type Office } from '../bundles/fixtures';
import { fakeDesktop } from '../backup/fakePlatform';

const PASSPHRASE = 'Арал теңізі 2026 көктем';

let a: Office;
let backup: DecodedBundle;
let backupName = '';

/** A copy of the decoded file with some part changed (the parts a forger would change). */
function altered(decoded: DecodedBundle, change: Partial<DecodedBundle>): DecodedBundle {
  return { ...decoded, ...change };
}

async function signedBy(head: SignedAuditHead): Promise<SignedAuditHead> {
  const stranger = await generateOfficeKeys();
  return signCheckpoint(await importSigningKey(stranger.privateKeyPkcs8), stranger.publicKey, head);
}

beforeAll(async () => {
  a = await openOffice(OFFICE_A);
  await seedCaseload(a, 3);
  const saved = await saveBackupSettings(a.db, a.ctx, {
    passphrase: PASSPHRASE,
    passphraseRepeat: PASSPHRASE,
    intervalHours: 24,
    keep: 10,
  });
  if (!saved.ok) throw new Error('settings');
  for (let i = 0; i < 3; i++)
    await recordAuditEvent(a.db, a.ctx, { action: 'print', table: 'complaints', recordId: `c${i}`, after: { n: i } });
  await verifyAuditTrail(a.db);
  const desktop = fakeDesktop();
  const made = await makeBackup({ db: a.db, platform: desktop.platform, ctx: a.ctx, office: OFFICE_A }, 'manual');
  if (!made.ok) throw new Error(`backup ${made.error.code}`);
  backupName = made.value.fileName;
  const decoded = await decodeBackup(freshDb(), desktop.files.get(backupName) ?? new Uint8Array(), PASSPHRASE, () => undefined);
  if (!decoded.ok) throw new Error(`decode ${decoded.error.code}`);
  backup = decoded.value;
}, 120_000);

describe('the signed head a backup carries', { timeout: 120_000 }, () => {
  it('is the office’s and its audit entries reach it', async () => {
    expect(backup.signedHead?.seq).toBe(4);
    expect(await checkCarriedHead(backup.signedHead, backup.sender.publicKey, backup.officeTables['auditLog'] ?? [])).toBeNull();
  });

  it('a whole restore refuses a backup whose last audit entries were cut, and writes nothing', async () => {
    const entries = backup.officeTables['auditLog'] ?? [];
    const head = backup.signedHead as SignedAuditHead;
    const cut = altered(backup, {
      officeTables: { ...backup.officeTables, auditLog: entries.filter((e) => (e['seq'] as number) < head.seq) },
    });
    const fresh = freshDb();
    const r = await restoreWholeOffice(fresh, cut, backupName, 'Жанар Омарова');
    expect(r).toEqual({ ok: false, error: { code: 'audit-head', problem: { kind: 'not-reached', seq: head.seq } } });
    expect(await isEmptyOffice(fresh)).toBe(true);
  });

  it('a whole restore refuses a re-chained edit before the head (the first entry that breaks is named)', async () => {
    const entries = backup.officeTables['auditLog'] ?? [];
    const edited = entries.map((e) => (e['seq'] === 2 ? { ...e, officer: 'Басқа адам' } : e));
    const r = await restoreWholeOffice(
      freshDb(),
      altered(backup, { officeTables: { ...backup.officeTables, auditLog: edited } }),
      backupName,
      'x',
    );
    expect(r).toEqual({ ok: false, error: { code: 'audit-head', problem: { kind: 'not-reached', seq: 2 } } });
  });

  it('a whole restore refuses a head signed by another key', async () => {
    const forged = await signedBy(backup.signedHead as SignedAuditHead);
    const fresh = freshDb();
    const r = await restoreWholeOffice(fresh, altered(backup, { signedHead: forged }), backupName, 'x');
    expect(r).toEqual({ ok: false, error: { code: 'audit-head', problem: { kind: 'bad-signature' } } });
    expect(await isEmptyOffice(fresh)).toBe(true);
  });

  it('the untouched backup restores, and its chain verifies', async () => {
    const fresh = freshDb();
    const r = await restoreWholeOffice(fresh, backup, backupName, 'Жанар Омарова');
    expect(r.ok).toBe(true);
    expect((await verifyAuditTrail(fresh)).break).toBeNull();
  });
});

describe('the signed head a case bundle carries', { timeout: 120_000 }, () => {
  it('an import refuses a bundle whose head is not the sender’s, and writes nothing', async () => {
    const b = await openOffice(OFFICE_B);
    const built = await buildBundle(a.db, { kind: 'everything' }, { office: a.profile });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    const decoded = mustDecode(await decodeFor(b, built.value.bytes));
    expect(decoded.signedHead).not.toBeNull();
    const forged = altered(decoded, { signedHead: await signedBy(decoded.signedHead as SignedAuditHead) });
    const auditBefore = await auditTable(b.db).count();
    const refused = await applyImport(b.db, b.ctx, await prepareImport(b.db, 'all.qamqor', forged));
    expect(refused).toEqual({ ok: false, error: { code: 'audit-head', problem: { kind: 'bad-signature' } } });
    expect(await b.db.persons.count()).toBe(0);
    expect(await auditTable(b.db).count()).toBe(auditBefore);
    // The genuine bundle imports.
    expect((await applyImport(b.db, b.ctx, await prepareImport(b.db, 'all.qamqor', decoded))).ok).toBe(true);
  });
});
