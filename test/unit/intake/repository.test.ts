import { beforeEach, describe, expect, it } from 'vitest';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { openCase } from '../../../renderer/src/db/repositories/cases';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import {
  attachScan,
  createIntake,
  getIntake,
  intakesOfCase,
  listIntakes,
  loadRuleSets,
  recordAcknowledgement,
  recordProgress,
  saveMedicalCardOverride,
  scansOf,
  sha256Hex,
  updateIntake,
} from '../../../renderer/src/features/intake/repository';
import type { Intake, IntakeInput } from '@shared/intake';
import { intakeRecordSchema } from '@shared/intake/record';
import { completePackage } from '../../support/intake';
import { ruleSetCarryOver2023, ruleSetInForce } from '@shared/rules';
import { ALIYA, freshDb, OFFICE, testContext } from '../db/testContext';

let db: QamqorDb;
let caseId: string;

/** The day of entry (relatives' IINs are checked against it). */
const TODAY = '2026-03-20';

const ALIYA_PERSON = { fullName: 'Сейтқали Әлия Нұрланқызы', birthDate: '1992-11-03', sex: 'female' as const };

function inputFor(caseIdValue: string, overrides: Partial<IntakeInput> = {}): IntakeInput {
  const pkg = completePackage(ruleSetCarryOver2023.medicalCard, '2026-03-02', ALIYA_PERSON);
  return {
    caseId: caseIdValue,
    form: 'stationary',
    registrationDate: '2026-03-10',
    channel: 'provider',
    officerPhone: '+7 701 111 22 33',
    application: {
      addresseeHead: 'Әбенов Серік',
      addresseeBin: '',
      identityDocumentNumber: '012345678',
      identityDocumentIssuedOn: '2015-06-01',
      registrationAddress: ALIYA.address,
      residenceAddress: ALIYA.address,
      birthPlace: 'Қызылорда',
      allowance: '',
      disabilityCategory: '',
      legalRepresentatives: [],
      relatives: [],
      stayMode: 'permanent',
      attachedDocuments: ['жеке куәлік', 'медициналық карта'],
      warnedOfLiability: true,
      acquaintedWithConditions: true,
      signedOn: '2026-03-10',
    },
    situation: pkg.situation,
    presentedDocumentIds: pkg.presentedDocumentIds,
    identity: pkg.identity,
    consentIds: pkg.consentIds,
    conditionalDocuments: pkg.conditionalDocuments,
    card: pkg.card,
    ...overrides,
  };
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await seedReferenceData(db, []);
  const ctx = testContext();
  const person = await addPerson(db, ctx, ALIYA);
  if (!person.ok) throw new Error('setup');
  const kase = await openCase(db, ctx, OFFICE, {
    personId: person.value.id,
    registrationDate: '2026-03-10',
    subject: 'Медициналық-әлеуметтік мекемеге орналастыру',
  });
  if (!kase.ok) throw new Error('setup');
  caseId = kase.value.id;
});

describe('intake repository', () => {
  it('saves an intake with the check against the rule set in force, and an audit entry', async () => {
    const ctx = testContext();
    const r = await createIntake(db, ctx, inputFor(caseId), TODAY);
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value).toMatchObject({
      caseId,
      form: 'stationary',
      officerName: 'Жанар Омарова',
      officerPhone: '+77011112233',
      ruleSetId: 'carry-over-2023',
      ruleSetVersion: 1,
    });
    // Shipped rules: nothing missing, every validity "not configured".
    expect(r.value.check.result).toBe('complete-with-warnings');
    expect(r.value.check.findings.every((f) => f.kind === 'validity-not-configured')).toBe(true);
    expect(await intakesOfCase(db, caseId)).toHaveLength(1);
    const audit = await db.auditLog.where('recordId').equals(r.value.id).toArray();
    expect(audit.map((a) => [a.action, a.table])).toEqual([['create', 'intakes']]);
    expect(r.value.conditionalDocuments).toEqual({ 'doc.court-incapacity': 'none' });
    // What is stored is a valid record for bundles (strict stored-record schema).
    const stored = await db.table<Intake, string>('intakes').get(r.value.id);
    expect(intakeRecordSchema.safeParse(stored).success).toBe(true);
    expect(intakeRecordSchema.safeParse({ ...stored, extra: 1 }).success).toBe(false);
  });

  it('keeps nothing of the App. 1-only fields on a semi-stationary (App. 2) intake', async () => {
    const ctx = testContext();
    const base = inputFor(caseId);
    const relative = { fullName: 'Сейтқали Нұрлан', iin: '850412300125', relationship: 'ұлы', socialStatus: '', address: '', phone: '' };
    const r = await createIntake(
      db,
      ctx,
      {
        ...base,
        form: 'semi-stationary',
        application: { ...base.application, relatives: [relative] },
      },
      TODAY,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.application).toMatchObject({ stayMode: null, relatives: [], warnedOfLiability: false });
    expect(r.value.check.result).toBe('complete-with-warnings');
  });

  it('a card without the psychiatrist is recorded as refused; nothing is written while the input is invalid', async () => {
    const ctx = testContext();
    const input = inputFor(caseId);
    const entries = { ...input.card.entries };
    delete entries['exam.psychiatrist'];
    const refused = await createIntake(db, ctx, { ...input, card: { ...input.card, entries } }, TODAY);
    if (!refused.ok) throw new Error(JSON.stringify(refused.error));
    expect(refused.value.check.result).toBe('refuse');
    expect(refused.value.check.findings.filter((f) => f.severity === 'refuse').map((f) => f.itemId)).toEqual(['exam.psychiatrist']);

    const bad = await createIntake(db, ctx, { ...input, officerPhone: '123' }, TODAY);
    expect(bad).toEqual({ ok: false, error: { code: 'invalid', errors: { officerPhone: 'validation.phone' } } });
    const noCase = await createIntake(db, ctx, { ...input, caseId: 'missing' }, TODAY);
    expect(noCase).toEqual({ ok: false, error: { code: 'case-not-found' } });
    expect(await listIntakes(db)).toHaveLength(1);
  });

  it('records the progress of an accepted intake, refuses it on a refused one, and re-checks on edit', async () => {
    const ctx = testContext();
    const created = await createIntake(db, ctx, inputFor(caseId), TODAY);
    if (!created.ok) throw new Error('create');
    const progress = {
      assessmentConclusionOn: '2026-03-17',
      decisionOn: '2026-03-18',
      decisionKind: 'unfavourable' as const,
      portalNoticeOn: '',
    };
    const p = await recordProgress(db, ctx, created.value.id, progress, '2026-03-20');
    expect(p.ok && p.value.progress).toEqual(progress);
    const bad = await recordProgress(db, ctx, created.value.id, { ...progress, decisionOn: '2026-03-25' }, '2026-03-20');
    expect(bad).toEqual({ ok: false, error: { code: 'invalid', errors: { decisionOn: 'intake.validation.future' } } });

    // The officer corrects the entry: consent was not given after all → refused, and the progress goes.
    const edited = await updateIntake(db, ctx, created.value.id, inputFor(caseId, { consentIds: ['consent.relatives-data'] }), TODAY);
    if (!edited.ok) throw new Error('update');
    expect(edited.value.check.result).toBe('refuse');
    expect(edited.value.progress.decisionOn).toBe('');
    expect(edited.value.version).toEqual({ [OFFICE.officeId]: 3 });
    expect(await recordProgress(db, ctx, created.value.id, progress, '2026-03-20')).toEqual({ ok: false, error: { code: 'refused' } });
  });

  it('stores a scan with its SHA-256 digest, once per intake, and refuses other file types', async () => {
    const ctx = testContext();
    const created = await createIntake(db, ctx, inputFor(caseId), TODAY);
    if (!created.ok) throw new Error('create');
    const bytes = new TextEncoder().encode('%PDF-1.4 card page 1');
    const scan = await attachScan(db, ctx, created.value.id, { name: 'card-1.pdf', type: 'application/pdf', bytes });
    if (!scan.ok) throw new Error(JSON.stringify(scan.error));
    expect(scan.value.digest).toBe(await sha256Hex(bytes));
    expect(scan.value.digest).toMatch(/^[0-9a-f]{64}$/u);
    expect(scan.value).toMatchObject({ ownerId: created.value.id, caseId, size: bytes.byteLength, mimeType: 'application/pdf' });
    expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');

    expect(await attachScan(db, ctx, created.value.id, { name: 'again.pdf', type: 'application/pdf', bytes })).toEqual({
      ok: false,
      error: { code: 'duplicate', fileName: 'card-1.pdf' },
    });
    expect(
      await attachScan(db, ctx, created.value.id, { name: 'x.exe', type: 'application/x-msdownload', bytes: new Uint8Array([1]) }),
    ).toEqual({
      ok: false,
      error: { code: 'type', mimeType: 'application/x-msdownload' },
    });
    const stored = await scansOf(db, created.value.id);
    expect(stored.map((s) => s.fileName)).toEqual(['card-1.pdf']);
    expect(new Uint8Array(await stored[0]!.blob.arrayBuffer())).toEqual(bytes);
  });

  it("saves an administrator's validity periods as a new rule-set version that the next check uses", async () => {
    const ctx = testContext();
    const saved = await saveMedicalCardOverride(db, ctx, 'carry-over-2023', {
      validityDays: { 'lab.hiv': 30 },
      contraindications: [],
      note: { kk: 'Негізі: тест', ru: 'Основание: тест' },
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    expect(saved.value).toMatchObject({ id: 'carry-over-2023-v2', version: 2, validFrom: '2023-07-01' });
    const all = await loadRuleSets(db);
    expect(all.map((r) => r.id)).toEqual(['order458-2021', 'carry-over-2023', 'carry-over-2023-v2']);
    const inForce = ruleSetInForce(all, '2026-03-10');
    expect(inForce.ok && inForce.value.id).toBe('carry-over-2023-v2');
    // The shipped set is untouched.
    expect((await db.ruleSets.get('carry-over-2023'))?.version).toBe(1);

    const input = inputFor(caseId);
    input.card.entries['lab.hiv'] = { date: '2026-01-05', text: 'теріс' };
    const created = await createIntake(db, ctx, input, TODAY);
    if (!created.ok) throw new Error('create');
    expect(created.value).toMatchObject({ ruleSetId: 'carry-over-2023-v2', ruleSetVersion: 2 });
    expect(created.value.check.findings.find((f) => f.itemId === 'lab.hiv')).toMatchObject({ kind: 'expired', validUntil: '2026-02-04' });

    const invalid = await saveMedicalCardOverride(db, ctx, 'carry-over-2023-v2', {
      validityDays: { 'lab.hiv': -1 },
      contraindications: [],
      note: { kk: '', ru: '' },
    });
    expect(invalid).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { 'validity.lab.hiv': 'intake.validation.validityDays', basis: 'validation.required' } },
    });
    expect(await db.ruleSets.count()).toBe(3);
    const audit = await db.auditLog.where('recordId').equals('carry-over-2023-v2').toArray();
    expect(audit.map((a) => a.action)).toEqual(['settings']);
  });

  // Issue 18 point 4 (001 L21-23, L28-29): the acknowledgement follows the channel and the check.
  it('records the acknowledgement of the channel: a portal refusal is a notice to the personal account, not an App. 4 receipt', async () => {
    const ctx = testContext();
    const input = inputFor(caseId, { channel: 'portal' });
    const entries = { ...input.card.entries };
    delete entries['exam.psychiatrist'];
    const created = await createIntake(db, ctx, { ...input, card: { ...input.card, entries } }, TODAY);
    if (!created.ok) throw new Error('create');
    expect(created.value.acknowledgement).toBeUndefined();
    const sent = await recordAcknowledgement(db, ctx, created.value.id, { givenOn: '2026-03-11', reference: ' N-77 ' }, TODAY);
    expect(sent.ok && sent.value.acknowledgement).toEqual({ kind: 'portal-refusal-notice', givenOn: '2026-03-11', reference: 'N-77' });
    const stored = await db.table<Intake, string>('intakes').get(created.value.id);
    expect(intakeRecordSchema.safeParse(stored).success).toBe(true);
    expect(await recordAcknowledgement(db, ctx, created.value.id, { givenOn: '2026-03-09', reference: '' }, TODAY)).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { givenOn: 'intake.validation.beforeRegistration' } },
    });
    expect(await recordAcknowledgement(db, ctx, 'missing', { givenOn: '2026-03-11', reference: '' }, TODAY)).toEqual({
      ok: false,
      error: { code: 'not-found' },
    });

    // Corrected to the desk: the notice no longer describes it and goes; the App. 4 receipt is recorded instead.
    const desk = await updateIntake(db, ctx, created.value.id, { ...input, channel: 'provider', card: { ...input.card, entries } }, TODAY);
    expect(desk.ok && desk.value.acknowledgement).toBeUndefined();
    const receipt = await recordAcknowledgement(db, ctx, created.value.id, { givenOn: '2026-03-10', reference: '' }, TODAY);
    expect(receipt.ok && receipt.value.acknowledgement?.kind).toBe('refusal-receipt');
    const audit = await db.auditLog.where('recordId').equals(created.value.id).toArray();
    expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'update', 'status']);
  });

  it('refuses a relative whose IIN gives a birth date after the day of entry (issue 18 point 9)', async () => {
    const ctx = testContext();
    const base = inputFor(caseId);
    const future = { fullName: 'Болашақ Адам', iin: '991231500016', relationship: 'ұлы', socialStatus: '', address: '', phone: '' };
    const r = await createIntake(db, ctx, { ...base, application: { ...base.application, legalRepresentatives: [future] } }, TODAY);
    expect(r).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { 'application.legalRepresentatives.0.iin': 'intake.validation.iinFuture' } },
    });
    expect(await listIntakes(db)).toHaveLength(0);
  });

  it('refuses a package registered on a day that has not come, on save and on edit (issue 16 point 2)', async () => {
    const ctx = testContext();
    const base = inputFor(caseId);
    const later = { ...base, registrationDate: '2026-03-21' };
    expect(await createIntake(db, ctx, later, TODAY)).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { registrationDate: 'intake.validation.future' } },
    });
    expect(await listIntakes(db)).toHaveLength(0);
    const saved = await createIntake(db, ctx, base, TODAY);
    if (!saved.ok) throw new Error(JSON.stringify(saved.error));
    expect(await updateIntake(db, ctx, saved.value.id, later, TODAY)).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { registrationDate: 'intake.validation.future' } },
    });
    expect((await getIntake(db, saved.value.id))?.registrationDate).toBe('2026-03-10');
  });
});
