import { describe, expect, it } from 'vitest';
import { fingerprint, generateOfficeKeys } from '@shared/bundle';
import { toBase64 } from '@shared/bundle/bytes';
import { officeKeyFileText, parseOfficeKeyFile } from '@shared/bundle/specs';
import { getOfficeKeys, saveOfficeKeys } from '../../../renderer/src/db/repositories/settings';
import { buildBundle } from '../../../renderer/src/features/bundles/exportBundle';
import { runDecode, runEncode } from '../../../renderer/src/features/bundles/jobs';
import { usePendingBundle } from '../../../renderer/src/features/bundles/pendingBundle';
import {
  addKnownOffice,
  ensureOfficeKeys,
  knownOfficesForDecoding,
  listKnownOffices,
  removeKnownOffice,
} from '../../../renderer/src/features/bundles/repository';
import { decodeFor, OFFICE_A, OFFICE_B, openOffice, seedCaseload } from './fixtures';

describe('known offices and signing keys', { timeout: 60_000 }, () => {
  it('an office set up before keys existed gets one key pair on first use, kept after', async () => {
    const office = await openOffice(OFFICE_A);
    await office.db.settings.delete('officeSigningKeys');
    expect(await getOfficeKeys(office.db)).toBeNull();
    const [k1, k2] = await Promise.all([ensureOfficeKeys(office.db), ensureOfficeKeys(office.db)]);
    expect(k1.publicKey).toEqual(k2.publicKey);
    expect((await getOfficeKeys(office.db))?.publicKey).toEqual(k1.publicKey);
    expect(await ensureOfficeKeys(office.db)).toEqual(k1);
  });

  it('a sender is "known" once its key file is added; the same office with another key is refused until replaced', async () => {
    const a = await openOffice(OFFICE_A);
    const b = await openOffice(OFFICE_B);
    const data = await seedCaseload(a);
    const keysA = await ensureOfficeKeys(a.db);
    const file = officeKeyFileText({
      officeId: OFFICE_A.officeId,
      officeCode: 'ARAL01',
      officeName: OFFICE_A.officeName,
      publicKey: toBase64(keysA.publicKey),
    });
    const parsed = parseOfficeKeyFile(file);
    if (!parsed.ok) throw new Error(parsed.error);

    const built = await buildBundle(a.db, { kind: 'cases', caseIds: [data.richCaseId] }, { office: OFFICE_A });
    if (!built.ok) throw new Error('build');
    const unknown = await decodeFor(b, built.value.bytes, { knownOffices: await knownOfficesForDecoding(b.db) });
    expect(unknown.ok && unknown.value.sender).toMatchObject({
      known: false,
      officeCode: 'ARAL01',
      fingerprint: await fingerprint(keysA.publicKey),
    });

    const added = await addKnownOffice(b.db, b.ctx, {
      officeId: parsed.value.officeId,
      officeCode: parsed.value.officeCode,
      officeName: parsed.value.officeName,
      publicKey: parsed.value.publicKeyBytes,
    });
    expect(added).toMatchObject({
      ok: true,
      value: { officeCode: 'ARAL01', fingerprint: await fingerprint(keysA.publicKey), addedBy: OFFICE_B.officerName },
    });
    expect(await addKnownOffice(b.db, b.ctx, { ...parsed.value, publicKey: parsed.value.publicKeyBytes })).toMatchObject({
      ok: false,
      error: { code: 'already-known' },
    });
    const known = await decodeFor(b, built.value.bytes, { knownOffices: await knownOfficesForDecoding(b.db) });
    expect(known.ok && known.value.sender.known).toBe(true);

    // Office A reinstalled: new key. Its bundles are refused until B replaces the key, with confirmation.
    await saveOfficeKeys(a.db, await generateOfficeKeys());
    const rebuilt = await buildBundle(a.db, { kind: 'cases', caseIds: [data.richCaseId] }, { office: OFFICE_A });
    if (!rebuilt.ok) throw new Error('build');
    expect(await decodeFor(b, rebuilt.value.bytes, { knownOffices: await knownOfficesForDecoding(b.db) })).toMatchObject({
      ok: false,
      error: { code: 'bad-signature' },
    });
    const newKey = (await getOfficeKeys(a.db))?.publicKey ?? new Uint8Array(32);
    const office = { officeId: OFFICE_A.officeId, officeCode: 'ARAL01', officeName: OFFICE_A.officeName, publicKey: newKey };
    expect(await addKnownOffice(b.db, b.ctx, office)).toMatchObject({ ok: false, error: { code: 'key-changed' } });
    expect((await addKnownOffice(b.db, b.ctx, office, { replace: true })).ok).toBe(true);
    expect(await listKnownOffices(b.db)).toHaveLength(1);
    const accepted = await decodeFor(b, rebuilt.value.bytes, { knownOffices: await knownOfficesForDecoding(b.db) });
    expect(accepted.ok && accepted.value.sender.known).toBe(true);

    expect(await addKnownOffice(b.db, b.ctx, { ...office, officeId: OFFICE_B.officeId })).toMatchObject({
      ok: false,
      error: { code: 'own-office' },
    });
    expect(await removeKnownOffice(b.db, b.ctx, OFFICE_A.officeId)).toBe(true);
    expect(await listKnownOffices(b.db)).toEqual([]);
    const audit = (await b.db.auditLog.toArray()) as unknown as { action: string; recordId: string }[];
    expect(audit.filter((e) => e.action === 'settings' && e.recordId === 'knownOffices')).toHaveLength(3);
  });

  it("this office's own bundles show as known; another key claiming this office is refused", async () => {
    const a = await openOffice(OFFICE_A);
    const data = await seedCaseload(a);
    const built = await buildBundle(a.db, { kind: 'cases', caseIds: [data.richCaseId] }, { office: OFFICE_A });
    if (!built.ok) throw new Error('build');
    const own = await decodeFor(a, built.value.bytes, { knownOffices: await knownOfficesForDecoding(a.db) });
    expect(own.ok && own.value.sender).toMatchObject({ known: true, officeName: OFFICE_A.officeName });
    // The same office id signed by another key (a copy of the database on another computer, or a forgery).
    const twin = await openOffice(OFFICE_A);
    await seedCaseload(twin, 8);
    const forged = await buildBundle(twin.db, { kind: 'everything' }, { office: OFFICE_A });
    if (!forged.ok) throw new Error('build');
    expect(await decodeFor(a, forged.value.bytes, { knownOffices: await knownOfficesForDecoding(a.db) })).toMatchObject({
      ok: false,
      error: { code: 'bad-signature' },
    });
  });

  it('the worker jobs encode and decode with the bundle tables; the pending store hands a file over once', async () => {
    const a = await openOffice(OFFICE_A);
    const keys = await ensureOfficeKeys(a.db);
    const progress: number[] = [];
    const encoded = await runEncode(
      {
        input: {
          bundleId: '44444444-0000-4000-8000-0000000000aa',
          createdAt: '2026-11-20T06:00:00.000Z',
          office: { id: OFFICE_A.officeId, code: 'ARAL01', name: OFFICE_A.officeName },
          officer: OFFICE_A.officerName,
          appVersion: 'test',
          tables: { persons: [] },
          attachments: [],
        },
        signingKey: keys,
      },
      (done) => progress.push(done),
    );
    if (!encoded.ok) throw new Error('encode');
    expect(progress.at(-1)).toBe(2);
    const decoded = await runDecode({ bytes: encoded.value, knownOffices: [] }, () => undefined);
    expect(decoded).toMatchObject({ ok: true, value: { manifest: { bundleId: '44444444-0000-4000-8000-0000000000aa' } } });

    usePendingBundle.getState().offer({ fileName: 'x.qamqor', bytes: encoded.value });
    expect(usePendingBundle.getState().take()?.fileName).toBe('x.qamqor');
    expect(usePendingBundle.getState().take()).toBeNull();
  });
});
