import { beforeEach, describe, expect, it } from 'vitest';
import { compareVersions, touchEnvelope, type RecordEnvelope } from '@shared/records/envelope';
import type { Person } from '@shared/persons';
import type { Case } from '@shared/cases';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { openConflicts, conflictsTable } from '../../../renderer/src/features/bundles/conflictStore';
import { buildBundle } from '../../../renderer/src/features/bundles/exportBundle';
import { applyImport, prepareImport, type ImportSession } from '../../../renderer/src/features/bundles/importBundle';
import { closeSettled, loadConflict, resolveConflict } from '../../../renderer/src/features/bundles/resolve';
import { ensureOfficeKeys } from '../../../renderer/src/features/bundles/repository';
import { decodeFor, dumpDb, mustDecode, OFFICE_A, OFFICE_B, openOffice, seedCaseload, type Caseload, type Office } from './fixtures';

let a: Office;
let b: Office;
let data: Caseload;
let kase: Case;

beforeEach(async () => {
  a = await openOffice(OFFICE_A);
  b = await openOffice(OFFICE_B);
  data = await seedCaseload(a);
  const found = data.cases.find((c) => c.id === data.richCaseId);
  if (!found) throw new Error('no case');
  kase = found;
});

async function send(from: Office, to: Office, caseId = kase.id): Promise<ImportSession> {
  const built = await buildBundle(from.db, { kind: 'cases', caseIds: [caseId] }, { office: from.profile });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  // The two offices know each other (an unknown sender's updates wait for trust: unknownSender.test.ts).
  const knownOffices = [{ publicKey: (await ensureOfficeKeys(from.db)).publicKey, officeId: from.profile.officeId }];
  return prepareImport(to.db, 'case.qamqor', mustDecode(await decodeFor(to, built.value.bytes, { knownOffices })));
}

async function sendAndApply(from: Office, to: Office, caseId = kase.id): Promise<ImportSession> {
  const session = await send(from, to, caseId);
  const applied = await applyImport(to.db, to.ctx, session);
  if (!applied.ok) throw new Error(JSON.stringify(applied.error));
  return session;
}

/** One local change, as the app's repositories make it. */
async function edit<T extends RecordEnvelope>(office: Office, table: string, id: string, changes: Partial<T>): Promise<T> {
  const before = (await office.db.table(table).get(id)) as T;
  const after = touchEnvelope({ ...before, ...changes }, office.ctx.actor, office.ctx.now());
  await office.db.table(table).put(after);
  return after;
}

const person = async (office: Office, id = kase.personId) => (await office.db.persons.get(id)) as Person;

describe('merge by identity and version', { timeout: 60_000 }, () => {
  it('a newer copy replaces the older one, a locally newer copy stays', async () => {
    await sendAndApply(a, b);
    const aEdited = await edit<Person>(a, 'persons', kase.personId, { address: 'Арал қ., Бейбітшілік к-сі, 3' });
    const update = await send(a, b);
    expect(update.preview.counts).toMatchObject({ update: 1, conflict: 0, new: 0 });
    expect((await applyImport(b.db, b.ctx, update)).ok).toBe(true);
    expect(await person(b)).toEqual(aEdited);

    // B edits afterwards; A's old copy coming again is older: B keeps its own.
    const bEdited = await edit<Person>(b, 'persons', kase.personId, { phone: '+77019998877' });
    const stale = await send(a, b);
    expect(stale.preview.counts).toMatchObject({ 'local-newer': 1, update: 0, conflict: 0 });
    expect(stale.preview.changesNothing).toBe(true);
    expect(await person(b)).toEqual(bEdited);
  });

  it('edits on both sides go to the conflict queue; the same bundle again is already queued; a choice per field combines both', async () => {
    await sendAndApply(a, b);
    const aEdited = await edit<Person>(a, 'persons', kase.personId, { address: 'Арал қ., Бейбітшілік к-сі, 3' });
    const bEdited = await edit<Person>(b, 'persons', kase.personId, { phone: '+77019998877' });
    const session = await send(a, b);
    expect(session.preview.counts).toMatchObject({ conflict: 1, update: 0 });
    expect(session.preview.items.find((i) => i.category === 'conflict')).toMatchObject({ table: 'persons', id: kase.personId });
    const applied = await applyImport(b.db, b.ctx, session);
    expect(applied).toMatchObject({ ok: true, value: { conflicts: 1 } });
    // Nothing overwritten: B's copy is as B left it, A's copy waits in the queue.
    expect(await person(b)).toEqual(bEdited);
    const [queued] = await openConflicts(b.db);
    expect(queued).toMatchObject({
      table: 'persons',
      recordId: kase.personId,
      status: 'open',
      incoming: aEdited,
      sender: { officeCode: 'ARAL01' },
    });

    const before = await dumpDb(b.db);
    const again = await send(a, b);
    expect(again.preview.counts).toMatchObject({ queued: 1, conflict: 0 });
    expect(again.preview.changesNothing).toBe(true);
    expect(await applyImport(b.db, b.ctx, again)).toEqual({ ok: true, value: { kind: 'nothing' } });
    expect(await dumpDb(b.db)).toEqual(before);

    // The officer takes A's address and keeps B's phone.
    const view = await loadConflict(b.db, queued?.id ?? '');
    if (!view?.local) throw new Error('no view');
    const resolved = await resolveConflict(
      b.db,
      b.ctx,
      view.conflict.id,
      { address: { from: 'incoming' }, phone: { from: 'local' } },
      view.local.version,
    );
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.error));
    const merged = await person(b);
    expect(merged).toMatchObject({ address: aEdited.address, phone: bEdited.phone, updatedInOffice: OFFICE_B.officeId, id: kase.personId });
    expect(compareVersions(merged.version, aEdited.version)).toBe('newer');
    expect(compareVersions(merged.version, bEdited.version)).toBe('newer');
    expect(await openConflicts(b.db)).toEqual([]);
    expect(await conflictsTable(b.db).get(queued?.id ?? '')).toMatchObject({
      status: 'resolved',
      closedBy: OFFICE_B.officerName,
      result: merged,
    });

    // The merged copy goes back to A as a plain update.
    const back = await send(b, a);
    expect(back.preview.counts).toMatchObject({ update: 1, conflict: 0 });
    expect((await applyImport(a.db, a.ctx, back)).ok).toBe(true);
    expect(await person(a)).toEqual(merged);
  });

  it('a conflict resolves to the local copy or to the incoming copy, either way newer than both', async () => {
    await sendAndApply(a, b);
    const aEdited = await edit<Case>(a, 'cases', kase.id, { subject: 'Кресло-арба және есту аппараты' });
    const bEdited = await edit<Case>(b, 'cases', kase.id, { status: 'closed' });
    await sendAndApply(a, b);
    const [first] = await openConflicts(b.db);
    const keepLocal = await resolveConflict(
      b.db,
      b.ctx,
      first?.id ?? '',
      { subject: { from: 'local' }, status: { from: 'local' } },
      bEdited.version,
    );
    if (!keepLocal.ok) throw new Error(JSON.stringify(keepLocal.error));
    const afterLocal = (await b.db.cases.get(kase.id)) as Case;
    expect(afterLocal).toMatchObject({ subject: bEdited.subject, status: 'closed' });
    expect(compareVersions(afterLocal.version, aEdited.version)).toBe('newer');

    // The other way round: a second conflict (A edits again), resolved to A's copy.
    const aAgain = await edit<Case>(a, 'cases', kase.id, { subject: 'Тек есту аппараты' });
    const bAgain = await edit<Case>(b, 'cases', kase.id, { subject: 'Кресло-арба (жабылды)' });
    await sendAndApply(a, b);
    const [second] = await openConflicts(b.db);
    expect(second?.incoming).toEqual(aAgain);
    const takeIncoming = await resolveConflict(
      b.db,
      b.ctx,
      second?.id ?? '',
      { subject: { from: 'incoming' }, status: { from: 'incoming' } },
      bAgain.version,
    );
    if (!takeIncoming.ok) throw new Error(JSON.stringify(takeIncoming.error));
    const afterIncoming = (await b.db.cases.get(kase.id)) as Case;
    expect(afterIncoming).toMatchObject({ subject: aAgain.subject, status: aAgain.status });
    expect(compareVersions(afterIncoming.version, aAgain.version)).toBe('newer');
    expect(compareVersions(afterIncoming.version, bAgain.version)).toBe('newer');
  });

  it('a resolution is refused when the local record changed meanwhile, or the merged record is invalid; nothing is written', async () => {
    await sendAndApply(a, b);
    await edit<Person>(a, 'persons', kase.personId, { address: 'Арал қ., Бейбітшілік к-сі, 3' });
    const bEdited = await edit<Person>(b, 'persons', kase.personId, { phone: '+77019998877' });
    await sendAndApply(a, b);
    const [c] = await openConflicts(b.db);
    const id = c?.id ?? '';
    const before = await dumpDb(b.db);
    expect(await resolveConflict(b.db, b.ctx, id, { lastName: { from: 'edited', value: '' } }, bEdited.version)).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: ['lastName: validation.required'] },
    });
    expect(await resolveConflict(b.db, b.ctx, id, { iin: { from: 'edited', value: '921103405677' } }, bEdited.version)).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: ['iin: validation.iin.checksum'] },
    });
    expect(await dumpDb(b.db)).toEqual(before);
    const meanwhile = await edit<Person>(b, 'persons', kase.personId, { middleName: 'Серікқызы' });
    expect(await resolveConflict(b.db, b.ctx, id, {}, bEdited.version)).toMatchObject({ ok: false, error: { code: 'changed' } });
    expect(await person(b)).toEqual(meanwhile);
  });

  it('a later update that contains both edits settles the queued conflict', async () => {
    await sendAndApply(a, b);
    await edit<Person>(a, 'persons', kase.personId, { address: 'Арал қ., Бейбітшілік к-сі, 3' });
    await edit<Person>(b, 'persons', kase.personId, { phone: '+77019998877' });
    await sendAndApply(a, b);
    const [queued] = await openConflicts(b.db);
    // A resolves the same conflict on its side (it got B's copy), then sends the result: newer than both.
    await sendAndApply(b, a);
    const [atA] = await openConflicts(a.db);
    const viewA = await loadConflict(a.db, atA?.id ?? '');
    if (!viewA?.local) throw new Error('no conflict at A');
    expect(
      (
        await resolveConflict(
          a.db,
          a.ctx,
          viewA.conflict.id,
          { address: { from: 'local' }, phone: { from: 'incoming' } },
          viewA.local.version,
        )
      ).ok,
    ).toBe(true);
    const session = await send(a, b);
    expect(session.preview.counts).toMatchObject({ update: 1 });
    expect((await applyImport(b.db, b.ctx, session)).ok).toBe(true);
    expect(await conflictsTable(b.db).get(queued?.id ?? '')).toMatchObject({ status: 'settled' });
    expect(await closeSettled(b.db, b.ctx, queued?.id ?? '')).toBe(false);
  });

  it('a newer incoming copy of a queued conflict supersedes the older one: one decision covers both', async () => {
    await sendAndApply(a, b);
    await edit<Person>(a, 'persons', kase.personId, { address: 'Арал қ., Бейбітшілік к-сі, 3' });
    await edit<Person>(b, 'persons', kase.personId, { phone: '+77019998877' });
    await sendAndApply(a, b);
    const [first] = await openConflicts(b.db);
    const aAgain = await edit<Person>(a, 'persons', kase.personId, { middleName: 'Серікқызы' });
    const session = await send(a, b);
    expect(session.preview.counts).toMatchObject({ conflict: 1 });
    expect((await applyImport(b.db, b.ctx, session)).ok).toBe(true);
    const open = await openConflicts(b.db);
    expect(open).toHaveLength(1);
    expect(open[0]?.incoming).toEqual(aAgain);
    expect(await conflictsTable(b.db).get(first?.id ?? '')).toMatchObject({ status: 'settled' });
  });
});

describe('the same person under another id (same IIN)', { timeout: 60_000 }, () => {
  it('is merged into the local person, never duplicated; records are re-pointed; differing data waits as a conflict', async () => {
    const aPerson = await person(a);
    // Office B registered the same person itself, with another address.
    const local = await addPerson(b.db, b.ctx, {
      iin: aPerson.iin,
      lastName: aPerson.lastName,
      firstName: aPerson.firstName,
      middleName: aPerson.middleName,
      address: 'Қазалы қ., Желтоқсан к-сі, 7',
      phone: '',
      disabilityGroup: aPerson.disabilityGroup,
      disabilityCategory: aPerson.disabilityCategory,
      legalRepresentative: aPerson.legalRepresentative,
    });
    if (!local.ok) throw new Error('addPerson');
    const session = await send(a, b);
    expect(session.preview.counts['identity-match']).toBe(1);
    expect(session.preview.items.find((i) => i.category === 'identity-match')).toMatchObject({
      id: aPerson.id,
      match: { id: local.value.id, source: 'local' },
    });
    expect(session.preview.personRedirects).toEqual({ [aPerson.id]: local.value.id });
    expect(session.preview.items.find((i) => i.table === 'cases')?.incoming).toMatchObject({ personId: local.value.id });
    expect(session.preview.canApply).toBe(true);

    const applied = await applyImport(b.db, b.ctx, session);
    expect(applied).toMatchObject({ ok: true, value: { conflicts: 1 } });
    expect(await b.db.persons.where('iin').equals(aPerson.iin).count()).toBe(1);
    expect(await b.db.persons.get(aPerson.id)).toBeUndefined();
    expect(await b.db.cases.get(kase.id)).toMatchObject({ personId: local.value.id });
    for (const table of ['complaints', 'applications', 'intakes', 'rehabProgrammes', 'wheelchairChecks']) {
      const rows = (await b.db.table(table).toArray()) as { personId: string }[];
      expect(
        rows.every((r) => r.personId === local.value.id),
        table,
      ).toBe(true);
    }
    const [conflict] = await openConflicts(b.db);
    expect(conflict).toMatchObject({
      table: 'persons',
      recordId: local.value.id,
      aliasOf: aPerson.id,
      incoming: { id: local.value.id, address: aPerson.address },
    });

    // The same bundle again: the person was merged before, nothing to change.
    const before = await dumpDb(b.db);
    const again = await send(a, b);
    expect(again.preview.counts).toMatchObject({ 'merged-before': 1, 'identity-match': 0 });
    expect(again.preview.changesNothing).toBe(true);
    expect(await applyImport(b.db, b.ctx, again)).toEqual({ ok: true, value: { kind: 'nothing' } });
    expect(await dumpDb(b.db)).toEqual(before);

    // The officer takes the address from A; B's person keeps its id.
    const view = await loadConflict(b.db, conflict?.id ?? '');
    if (!view?.local) throw new Error('no view');
    const resolved = await resolveConflict(
      b.db,
      b.ctx,
      view.conflict.id,
      { address: { from: 'incoming' }, phone: { from: 'incoming' } },
      view.local.version,
    );
    if (!resolved.ok) throw new Error(JSON.stringify(resolved.error));
    expect(await person(b, local.value.id)).toMatchObject({ id: local.value.id, address: aPerson.address, phone: aPerson.phone });
  });

  it('with equal data the merge needs no decision', async () => {
    const aPerson = await person(a);
    await b.db.persons.add({
      ...aPerson,
      id: '99999999-0000-4000-8000-000000000001',
      version: { [OFFICE_B.officeId]: 1 },
      originOffice: OFFICE_B.officeId,
      updatedInOffice: OFFICE_B.officeId,
    });
    const session = await send(a, b);
    expect(session.preview.counts['identity-match']).toBe(1);
    expect(await applyImport(b.db, b.ctx, session)).toMatchObject({ ok: true, value: { conflicts: 0 } });
    expect(await openConflicts(b.db)).toEqual([]);
  });
});
