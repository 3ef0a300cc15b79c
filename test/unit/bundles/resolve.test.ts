import { beforeEach, describe, expect, it } from 'vitest';
import { conflictFields } from '@shared/bundle/specs';
import type { Complaint } from '@shared/complaints';
import { touchEnvelope, type RecordEnvelope } from '@shared/records/envelope';
import { mergeListField } from '@shared/records/merge';
import { conflictsTable, openConflicts } from '../../../renderer/src/features/bundles/conflictStore';
import { buildBundle } from '../../../renderer/src/features/bundles/exportBundle';
import { applyImport, prepareImport } from '../../../renderer/src/features/bundles/importBundle';
import { ensureOfficeKeys } from '../../../renderer/src/features/bundles/repository';
import { loadConflict, resolveConflict } from '../../../renderer/src/features/bundles/resolve';
import { testContext } from '../db/testContext';
import { decodeFor, dumpDb, mustDecode, OFFICE_A, OFFICE_B, openOffice, seedCaseload, type Office } from './fixtures';

let a: Office;
let b: Office;
let caseId: string;
let complaintId: string;

beforeEach(async () => {
  a = await openOffice(OFFICE_A);
  b = await openOffice(OFFICE_B);
  const data = await seedCaseload(a);
  const complaint = data.complaints.find((c) => c.caseId !== null);
  if (!complaint?.caseId) throw new Error('no complaint in a case');
  caseId = complaint.caseId;
  complaintId = complaint.id;
});

async function sendAndApply(from: Office, to: Office): Promise<void> {
  const built = await buildBundle(from.db, { kind: 'cases', caseIds: [caseId] }, { office: from.profile });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const knownOffices = [{ publicKey: (await ensureOfficeKeys(from.db)).publicKey, officeId: from.profile.officeId }];
  const session = await prepareImport(to.db, 'case.qamqor', mustDecode(await decodeFor(to, built.value.bytes, { knownOffices })));
  const applied = await applyImport(to.db, to.ctx, session);
  if (!applied.ok) throw new Error(JSON.stringify(applied.error));
}

/** One office notes a step in the complaint's history (status unchanged), as a repository would. */
async function note(office: Office, text: string): Promise<Complaint> {
  const before = (await office.db.table('complaints').get(complaintId)) as Complaint;
  const entry = { from: before.status, to: before.status, at: office.ctx.now(), by: office.ctx.actor.officerName, note: text };
  const after = touchEnvelope({ ...before, history: [...before.history, entry] }, office.ctx.actor, office.ctx.now());
  await office.db.table('complaints').put(after);
  return after;
}

describe('resolving a conflict through runWrite', { timeout: 60_000 }, () => {
  it("keeps both offices' history entries when the history is merged entry by entry", async () => {
    await sendAndApply(a, b);
    await note(a, 'Office A called the complainant');
    const mine = await note(b, 'Office B asked for documents');
    await sendAndApply(a, b);
    const [queued] = await openConflicts(b.db);
    const view = await loadConflict(b.db, queued?.id ?? '');
    if (!view?.local) throw new Error('no conflict');
    const history = conflictFields('complaints', view.local, view.conflict.incoming).find((f) => f.field === 'history');
    expect(history?.same).toBe(false);
    const merged = mergeListField('complaints', 'history', history?.local, history?.incoming);
    expect(merged).toMatchObject({ onlyLocal: 1, onlyIncoming: 1, clashes: [] });

    const resolved = await resolveConflict(
      b.db,
      b.ctx,
      view.conflict.id,
      { history: { from: 'edited', value: merged?.value } },
      mine.version,
    );
    expect(resolved.ok).toBe(true);
    const stored = (await b.db.table('complaints').get(complaintId)) as Complaint;
    const notes = stored.history.map((h) => h.note).filter(Boolean);
    expect(notes).toEqual(expect.arrayContaining(['Office A called the complainant', 'Office B asked for documents']));
    expect(stored.history).toHaveLength(mine.history.length + 1);
    expect(await conflictsTable(b.db).get(view.conflict.id)).toMatchObject({ status: 'resolved' });
  });

  it('refuses an officer without the import permission (shared/officers bundles.import); nothing is written', async () => {
    await sendAndApply(a, b);
    await note(a, 'A');
    const mine = await note(b, 'B');
    await sendAndApply(a, b);
    const [queued] = await openConflicts(b.db);
    const before = await dumpDb(b.db);
    const registrar = testContext('Registrar', OFFICE_B.officeId, ['registrar']);
    const refused = await resolveConflict(b.db, registrar, queued?.id ?? '', {}, (mine as RecordEnvelope).version);
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dumpDb(b.db)).toEqual(before);
  });
});
