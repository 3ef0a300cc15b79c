import { beforeEach, describe, expect, it } from 'vitest';
import { liveQuery } from 'dexie';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema } from '@shared/calendar';
import { parseIin } from '@shared/iin';
import { emptyProfile, type FunctionalProfileInput } from '@shared/wheelchair';
import type { WriteContext } from '../../../renderer/src/db/context';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { openCase } from '../../../renderer/src/db/repositories/cases';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import {
  addOrder,
  addProgramme,
  checksOfCase,
  checksTable,
  loadCaseFile,
  ordersTable,
  programmesTable,
  recentChecks,
  recordCheck,
  recordContract,
  recordHandOver,
  recordOrderEvent,
  recordReturn,
  recordSupplierAnswer,
} from '../../../renderer/src/features/wheelchairs/repository';
import { BORIS, freshDb, OFFICE, testContext } from '../db/testContext';

/** A boy born on 15.03.2021 (century digit 5); the check digit computed by the guide §3 algorithm. */
const CHILD = {
  ...BORIS,
  iin: '210315500128',
  lastName: 'Омаров',
  firstName: 'Айдос',
  middleName: 'Ерланұлы',
  disabilityGroup: 'child' as const,
};

let db: QamqorDb;
let ctx: WriteContext;
let caseId: string;

/** The e2e child: arm impairment by every measured sign and an active life (study), but aged 5. */
function childProfile(): FunctionalProfileInput {
  const p = emptyProfile('1900-01-01');
  p.flags.armImpairmentCause = true;
  p.flags.thumbOppositionLimited = true;
  p.flags.cannotGripObjects = true;
  p.activeSpheres = ['study'];
  return {
    ...p,
    measurements: {
      'shoulder-elbow-active-range': '15',
      'wrist-active-range': '10',
      'fist-finger-to-palm': '3,5',
      'arm-muscle-strength': '2',
    },
  };
}

const programmeInput = (patch: Partial<Parameters<typeof addProgramme>[3]> = {}) => ({
  number: 'ОЖБ-17/2026',
  issuedOn: '2026-01-15',
  expiresOn: '2026-06-30',
  wheelchairTypes: ['electric-universal'],
  note: '',
  ...patch,
});

beforeEach(async () => {
  db = freshDb();
  ctx = testContext();
  await seedReferenceData(db, [calendarYearSchema.parse(kz2026)]);
  expect(parseIin(CHILD.iin).ok).toBe(true);
  const person = await addPerson(db, ctx, CHILD);
  if (!person.ok) throw new Error('person');
  const kase = await openCase(db, ctx, OFFICE, { personId: person.value.id, registrationDate: '2026-03-02', subject: 'Кресло-арба' });
  if (!kase.ok) throw new Error('case');
  caseId = kase.value.id;
});

describe('programmes', () => {
  it('adds a programme to the case with an audit entry; invalid input writes nothing', async () => {
    const p = await addProgramme(db, ctx, caseId, programmeInput());
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value).toMatchObject({ caseId, number: 'ОЖБ-17/2026', wheelchairTypes: ['electric-universal'], createdBy: 'Жанар Омарова' });
    expect(await db.auditLog.where('recordId').equals(p.value.id).count()).toBe(1);

    const bad = await addProgramme(db, ctx, caseId, programmeInput({ number: 'X', expiresOn: '2025-01-01' }));
    expect(bad).toEqual({ ok: false, error: { code: 'invalid', errors: { expiresOn: 'wheelchairs.errors.expiryBeforeIssue' } } });
    const dup = await addProgramme(db, ctx, caseId, programmeInput());
    expect(dup).toEqual({ ok: false, error: { code: 'duplicate-number' } });
    expect(await programmesTable(db).count()).toBe(1);
    expect(await addProgramme(db, ctx, 'nope', programmeInput({ number: 'Y' }))).toEqual({ ok: false, error: { code: 'case-not-found' } });
  });
});

describe('checks', () => {
  it('records a check with the age from the IIN, and reports the electric-chair discrepancy', async () => {
    const prog = await addProgramme(db, ctx, caseId, programmeInput());
    if (!prog.ok) throw new Error('programme');
    const r = await recordCheck(db, ctx, caseId, { checkDate: '2026-04-10', programmeId: prog.value.id, profile: childProfile() });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    // The birth date typed in the form is ignored: it comes from the person's IIN.
    expect(r.value.profile.birthDate).toBe('2021-03-15');
    expect(r.value.result.age).toBe(5);
    expect(r.value.ruleSetId).toBe('carry-over-2023');
    const electric = r.value.result.types.find((t) => t.typeId === 'electric-universal');
    expect(electric?.verdict).toBe('contraindicated');
    expect(electric?.contraindications.filter((c) => c.status === 'present').map((c) => c.criterionId)).toEqual(['contra.age-under-6']);
    expect(r.value.result.programme?.discrepancies).toContainEqual({
      kind: 'programme-type-contraindicated',
      typeId: 'electric-universal',
      verdict: 'contraindicated',
    });
    expect(await db.auditLog.where('recordId').equals(r.value.id).first()).toMatchObject({ action: 'create', table: 'wheelchairChecks' });
  });

  it('a new check is a new record: the first one stays as it was', async () => {
    const first = await recordCheck(db, ctx, caseId, { checkDate: '2026-04-10', programmeId: null, profile: childProfile() });
    const changed = childProfile();
    changed.flags.epilepticSeizures = true;
    const second = await recordCheck(db, ctx, caseId, { checkDate: '2026-04-11', programmeId: null, profile: changed });
    if (!first.ok || !second.ok) throw new Error('checks');
    expect(second.value.id).not.toBe(first.value.id);
    const stored = await checksOfCase(db, caseId);
    expect(stored.map((c) => c.id)).toEqual([second.value.id, first.value.id]);
    expect(stored[1]).toEqual(first.value);
    expect(stored[1]?.profile.flags.epilepticSeizures).toBe(false);
    const recent = await recentChecks(db);
    expect(recent.map((r) => [r.check.id, r.person?.iin, r.kase?.caseNumber])).toEqual([
      [second.value.id, CHILD.iin, 'ARAL01-C2026-00001'],
      [first.value.id, CHILD.iin, 'ARAL01-C2026-00001'],
    ]);
  });

  it('an expired programme blocks the check and nothing is written', async () => {
    const prog = await addProgramme(db, ctx, caseId, programmeInput());
    if (!prog.ok) throw new Error('programme');
    const audit = await db.auditLog.count();
    const r = await recordCheck(db, ctx, caseId, { checkDate: '2026-07-01', programmeId: prog.value.id, profile: childProfile() });
    expect(r).toEqual({
      ok: false,
      error: { code: 'blocked', blocking: [{ code: 'programme-expired', expiresOn: '2026-06-30', onDate: '2026-07-01' }] },
    });
    expect(await checksTable(db).count()).toBe(0);
    expect(await db.auditLog.count()).toBe(audit);
  });

  it('invalid measurements and dates are refused per field and write nothing', async () => {
    const p = childProfile();
    p.measurements['arm-muscle-strength'] = '7';
    const r = await recordCheck(db, ctx, caseId, { checkDate: '2020-01-01', programmeId: null, profile: p });
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        errors: { checkDate: 'wheelchairs.errors.beforeBirth', 'measurements.arm-muscle-strength': 'wheelchairs.errors.range.points' },
      },
    });
    expect(await recordCheck(db, ctx, caseId, { checkDate: '', programmeId: null, profile: childProfile() })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { checkDate: 'validation.date' } },
    });
    expect(await recordCheck(db, ctx, caseId, { checkDate: '2026-04-10', programmeId: 'other', profile: childProfile() })).toEqual({
      ok: false,
      error: { code: 'programme-not-found' },
    });
    expect(await checksTable(db).count()).toBe(0);
  });
});

describe('orders', () => {
  let programmeId: string;
  beforeEach(async () => {
    const prog = await addProgramme(db, ctx, caseId, programmeInput({ wheelchairTypes: ['multifunctional-children-universal'] }));
    if (!prog.ok) throw new Error('programme');
    programmeId = prog.value.id;
  });
  const order = (patch: Partial<Parameters<typeof addOrder>[3]> = {}) =>
    addOrder(db, ctx, caseId, {
      programmeId,
      checkId: null,
      wheelchairType: 'multifunctional-children-universal',
      orderDate: '2026-03-18',
      supplier: 'ТОО «Мейірім»',
      receiptMode: 'delivery',
      ...patch,
    });

  it('computes the supplier’s deadline from the working-day calendar', async () => {
    const o = await order();
    expect(o).toMatchObject({
      ok: true,
      value: { responseDue: '2026-03-30', supplierResponse: null, events: [], ruleSetId: 'carry-over-2023' },
    });
  });

  it('refuses a type the programme does not provide for, an order outside its validity, and an uncovered year', async () => {
    expect(await order({ wheelchairType: 'electric-universal' })).toEqual({ ok: false, error: { code: 'type-not-in-programme' } });
    expect(await order({ orderDate: '2026-07-01' })).toEqual({ ok: false, error: { code: 'programme-not-valid', validity: 'expired' } });
    expect(await order({ orderDate: '2026-01-10' })).toEqual({
      ok: false,
      error: { code: 'programme-not-valid', validity: 'not-yet-valid' },
    });
    expect(await order({ supplier: '', receiptMode: 'drone' as 'delivery' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { supplier: 'validation.required', receiptMode: 'validation.required' } },
    });
    const longer = await addProgramme(
      db,
      ctx,
      caseId,
      programmeInput({ number: 'ОЖБ-2', expiresOn: '2027-06-30', wheelchairTypes: ['multifunctional-children-universal'] }),
    );
    if (!longer.ok) throw new Error('programme');
    // Only 2026 is in this database: a deadline running into 2027 is refused, never guessed.
    expect(await order({ programmeId: longer.value.id, orderDate: '2026-12-28' })).toEqual({
      ok: false,
      error: { code: 'calendar', error: { code: 'year-not-covered', year: 2027 } },
    });
    expect(await ordersTable(db).count()).toBe(0);
  });

  it('accepted → handed over, each change audited; no second answer', async () => {
    const o = await order();
    if (!o.ok) throw new Error('order');
    expect(await recordHandOver(db, ctx, o.value.id, '2026-03-25')).toEqual({ ok: false, error: { code: 'not-accepted' } });
    expect(await recordSupplierAnswer(db, ctx, o.value.id, { answer: 'accepted', date: '2026-03-17' })).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { date: 'wheelchairs.errors.beforeOrder' } },
    });
    const a = await recordSupplierAnswer(db, ctx, o.value.id, { answer: 'accepted', date: '2026-03-20' });
    expect(a).toMatchObject({ ok: true, value: { supplierResponse: { answer: 'accepted', date: '2026-03-20' } } });
    expect(await recordSupplierAnswer(db, ctx, o.value.id, { answer: 'refused-out-of-stock', date: '2026-03-21' })).toEqual({
      ok: false,
      error: { code: 'already-answered' },
    });
    // The hand-over follows the Portal contract (000 L673): without it, nothing to measure against.
    expect(await recordHandOver(db, ctx, o.value.id, '2026-04-06')).toEqual({ ok: false, error: { code: 'no-contract' } });
    expect(await recordContract(db, ctx, o.value.id, { date: '2026-03-23', handOverDue: '2026-04-10' })).toMatchObject({
      ok: true,
      value: { contract: { date: '2026-03-23', handOverDue: '2026-04-10' } },
    });
    expect(await recordHandOver(db, ctx, o.value.id, '2026-03-20')).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { date: 'wheelchairs.errors.beforeContract' } },
    });
    const h = await recordHandOver(db, ctx, o.value.id, '2026-04-06');
    expect(h).toMatchObject({ ok: true, value: { handOverDate: '2026-04-06', version: { [OFFICE.officeId]: 4 } } });
    expect(await db.auditLog.where('recordId').equals(o.value.id).toArray()).toHaveLength(4);
    expect(await recordContract(db, ctx, o.value.id, { date: '2026-03-23', handOverDue: '2026-04-30' })).toEqual({
      ok: false,
      error: { code: 'already-handed-over' },
    });
  });

  it('a late answer keeps its mark in working days across the Nauryz days off (000 L673)', async () => {
    // Order 18 March: term ends Monday 30 March (21-25 March are days off).
    const o = await order();
    if (!o.ok) throw new Error('order');
    const a = await recordSupplierAnswer(db, ctx, o.value.id, { answer: 'refused-out-of-stock', date: '2026-04-02' });
    expect(a).toMatchObject({
      ok: true,
      value: { supplierResponse: { answer: 'refused-out-of-stock', date: '2026-04-02', lateByWorkingDays: 3 } },
    });
    const onTime = await order();
    if (!onTime.ok) throw new Error('order');
    expect(await recordSupplierAnswer(db, ctx, onTime.value.id, { answer: 'accepted', date: '2026-03-30' })).toMatchObject({
      ok: true,
      value: { supplierResponse: { lateByWorkingDays: 0 } },
    });
  });

  it('the contract comes after the acceptance, and its deadline not before it; a late hand-over is still recorded', async () => {
    const o = await order();
    if (!o.ok) throw new Error('order');
    expect(await recordContract(db, ctx, o.value.id, { date: '2026-03-23', handOverDue: '2026-04-10' })).toEqual({
      ok: false,
      error: { code: 'not-accepted' },
    });
    await recordSupplierAnswer(db, ctx, o.value.id, { answer: 'accepted', date: '2026-03-26' });
    expect(await recordContract(db, ctx, o.value.id, { date: '2026-03-23', handOverDue: '2026-04-10' })).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { date: 'wheelchairs.errors.contractBeforeAnswer' } },
    });
    expect(await recordContract(db, ctx, o.value.id, { date: '2026-03-27', handOverDue: '2026-03-26' })).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { handOverDue: 'wheelchairs.errors.dueBeforeContract' } },
    });
    await recordContract(db, ctx, o.value.id, { date: '2026-03-27', handOverDue: '2026-04-10' });
    expect(await recordHandOver(db, ctx, o.value.id, '2026-04-14')).toMatchObject({
      ok: true,
      value: { handOverDate: '2026-04-14', contract: { handOverDue: '2026-04-10' } },
    });
  });

  it('the recipient left before hand-over: hand-over refused, return proposed and recorded', async () => {
    const o = await order();
    if (!o.ok) throw new Error('order');
    await recordSupplierAnswer(db, ctx, o.value.id, { answer: 'accepted', date: '2026-03-20' });
    const e = await recordOrderEvent(db, ctx, o.value.id, { kind: 'recipient-left', date: '2026-04-01', note: 'Алматыға көшті' });
    expect(e).toMatchObject({
      ok: true,
      value: { events: [{ kind: 'recipient-left', date: '2026-04-01', note: 'Алматыға көшті', recordedBy: 'Жанар Омарова' }] },
    });
    expect(await recordHandOver(db, ctx, o.value.id, '2026-04-06')).toEqual({
      ok: false,
      error: { code: 'return-due', reasons: [{ kind: 'recipient-left', date: '2026-04-01', derived: false }] },
    });
    const r = await recordReturn(db, ctx, o.value.id, '2026-04-07');
    expect(r).toMatchObject({ ok: true, value: { returnedOn: '2026-04-07', handOverDate: null } });
    expect(await recordOrderEvent(db, ctx, o.value.id, { kind: 'recipient-died', date: '2026-04-08', note: '' })).toEqual({
      ok: false,
      error: { code: 'order-closed' },
    });
  });

  it('a return without a reason is refused; the programme’s expiry is a reason by itself', async () => {
    const o = await order();
    if (!o.ok) throw new Error('order');
    expect(await recordReturn(db, ctx, o.value.id, '2026-04-07')).toEqual({ ok: false, error: { code: 'no-return-reason' } });
    await recordSupplierAnswer(db, ctx, o.value.id, { answer: 'accepted', date: '2026-03-20' });
    expect(await recordHandOver(db, ctx, o.value.id, '2026-07-01')).toEqual({
      ok: false,
      error: { code: 'return-due', reasons: [{ kind: 'programme-expired', date: '2026-06-30', derived: true }] },
    });
    expect(await recordReturn(db, ctx, o.value.id, '2026-07-02')).toMatchObject({ ok: true, value: { returnedOn: '2026-07-02' } });
    const file = await loadCaseFile(db, caseId);
    expect(file?.orders.map((x) => x.returnedOn)).toEqual(['2026-07-02']);
    expect(file?.programmes).toHaveLength(1);
    expect(file?.person.iin).toBe(CHILD.iin);
  });
});

describe('the case file read live', () => {
  it('an async live query over loadCaseFile sees a new programme and a new order (Dexie tracks every read)', async () => {
    const seen: string[] = [];
    const sub = liveQuery(async () => await loadCaseFile(db, caseId)).subscribe({
      next: (file) => seen.push(`${file?.programmes.length ?? -1}/${file?.orders.length ?? -1}`),
    });
    const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
    await settle();
    const prog = await addProgramme(db, ctx, caseId, programmeInput({ wheelchairTypes: ['multifunctional-children-universal'] }));
    if (!prog.ok) throw new Error('programme');
    await settle();
    await addOrder(db, ctx, caseId, {
      programmeId: prog.value.id,
      checkId: null,
      wheelchairType: 'multifunctional-children-universal',
      orderDate: '2026-03-18',
      supplier: 'ТОО «Мейірім»',
      receiptMode: 'pickup',
    });
    await settle();
    sub.unsubscribe();
    expect(seen).toEqual(['0/0', '1/0', '1/1']);
  });
});
