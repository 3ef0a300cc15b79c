import { describe, expect, it } from 'vitest';
import { touchEnvelope } from '@shared/records/envelope';
import type { Person } from '@shared/persons';
import { buildBundle } from '../../../renderer/src/features/bundles/exportBundle';
import { applyImport, needsTrust, prepareImport, type ImportSession } from '../../../renderer/src/features/bundles/importBundle';
import { addKnownOffice, ensureOfficeKeys } from '../../../renderer/src/features/bundles/repository';
import { decodeFor, mustDecode, OFFICE_A, OFFICE_B, openOffice, seedCaseload, type Office } from './fixtures';

async function send(from: Office, to: Office, caseId: string): Promise<ImportSession> {
  const built = await buildBundle(from.db, { kind: 'cases', caseIds: [caseId] }, { office: from.profile });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  // Decoded as the receiver knows nobody: the sender is unknown.
  return prepareImport(to.db, 'case.qamqor', mustDecode(await decodeFor(to, built.value.bytes)));
}

/** Issue 14 C12: an unknown office may bring new records, but not change existing ones until trusted. */
describe('an unknown sender', { timeout: 60_000 }, () => {
  it('brings new records after the warning; its updates wait until an administrator trusts it in the same flow', async () => {
    const a = await openOffice(OFFICE_A);
    const b = await openOffice(OFFICE_B);
    const data = await seedCaseload(a);
    const kase = data.cases.find((c) => c.id === data.richCaseId);
    if (!kase) throw new Error('no case');

    const first = await send(a, b, kase.id);
    expect(first.decoded.sender.known).toBe(false);
    expect(needsTrust(first)).toBe(false);
    expect((await applyImport(b.db, b.ctx, first)).ok).toBe(true);

    const before = (await a.db.persons.get(kase.personId)) as Person;
    await a.db.persons.put(touchEnvelope({ ...before, address: 'Арал қ., Бейбітшілік к-сі, 3' }, a.ctx.actor, a.ctx.now()));
    const update = await send(a, b, kase.id);
    expect(needsTrust(update)).toBe(true);
    const auditBefore = await b.db.auditLog.count();
    expect(await applyImport(b.db, b.ctx, update)).toEqual({
      ok: false,
      error: { code: 'untrusted', detail: update.decoded.sender.fingerprint },
    });
    expect((await b.db.persons.get(kase.personId))?.address).toBe(before.address);
    expect(await b.db.auditLog.count()).toBe(auditBefore);

    // Trusted in the same flow (fingerprint compared by phone): the same session now applies.
    const added = await addKnownOffice(b.db, b.ctx, {
      officeId: OFFICE_A.officeId,
      officeCode: update.decoded.sender.officeCode,
      officeName: OFFICE_A.officeName,
      publicKey: (await ensureOfficeKeys(a.db)).publicKey,
    });
    expect(added.ok).toBe(true);
    expect((await applyImport(b.db, b.ctx, update)).ok).toBe(true);
    expect((await b.db.persons.get(kase.personId))?.address).toBe('Арал қ., Бейбітшілік к-сі, 3');
  });
});
