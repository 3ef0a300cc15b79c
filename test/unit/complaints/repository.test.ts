import { beforeEach, describe, expect, it } from 'vitest';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema } from '@shared/calendar';
import type { ComplaintRegistrationInput } from '@shared/complaints';
import type { Officer, Role } from '@shared/officers';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import { complaintCounts } from '../../../renderer/src/features/complaints/counts';
import { EMPTY_FILTER, queryRegister } from '../../../renderer/src/features/complaints/registerQuery';
import { applyAction, eligibleReviewers, registerComplaint } from '../../../renderer/src/features/complaints/repository';
import { ALIYA, BORIS, freshDb, OFFICE } from '../db/testContext';
import { clockAt, testContext } from './clock';

function account(id: string, fullName: string, roles: Role[], active = true): Officer {
  const at = '2026-01-05T09:00:00.000Z';
  return {
    id,
    login: id,
    fullName,
    position: '',
    roles,
    password: { algorithm: 'PBKDF2-SHA-256', iterations: 1, salt: '', hash: '' },
    active,
    createdAt: at,
    updatedAt: at,
    passwordChangedAt: at,
  };
}

let db: QamqorDb;
let aliyaId: string;
let borisId: string;

const input = (over: Partial<ComplaintRegistrationInput> = {}): ComplaintRegistrationInput => ({
  receiptDate: '2026-02-05',
  registrationDate: '2026-02-05',
  channel: 'post',
  addressee: 'department',
  personId: aliyaId,
  caseId: null,
  representative: null,
  serviceId: 'personal-assistant',
  contested: 'inaction',
  contestedRef: '',
  official: '',
  text: 'Жеке көмекші қызметі бір ай бойы көрсетілмеді.',
  demands: 'Қызметті қалпына келтіру',
  acceptedBy: 'Жанар Омарова',
  answerPlace: 'Арал ауданы, Абай к-сі 10, 5-кабинет',
  ...over,
});

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await seedReferenceData(db, [calendarYearSchema.parse(kz2026)]);
  const ctx = testContext();
  const a = await addPerson(db, ctx, ALIYA);
  const b = await addPerson(db, ctx, BORIS);
  if (!a.ok || !b.ok) throw new Error('setup');
  aliyaId = a.value.id;
  borisId = b.value.id;
  await db.officers.bulkAdd([
    account('askar', 'Асқар Бекұлы', ['reviewer']),
    account('head', 'Басшы', ['head']),
    account('reg', 'Тіркеуші', ['registrar']),
    account('gone', 'Кеткен Қараушы', ['reviewer'], false),
  ]);
});

describe('complaint registration', () => {
  it('numbers <office>-<year>-<sequence> and computes both deadlines with the rule set of the registration date', async () => {
    const r = await registerComplaint(db, testContext(), OFFICE, input());
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.number).toBe('ARAL01-2026-00001');
    expect(r.value.forwardDue).toBe('2026-02-10');
    expect(r.value.reviewDue).toBe('2026-02-12');
    expect(r.value.nextDue).toBe('2026-02-10');
    expect(r.value.complainantIin).toBe(ALIYA.iin);
    expect(r.value.ruleSetId).toBe('carry-over-2023');
    expect(r.value.history).toHaveLength(1);
  });

  it('gives unique, gapless numbers when two windows register at once', async () => {
    const a = testContext('Officer A');
    const b = testContext('Officer B');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => registerComplaint(db, i % 2 ? a : b, OFFICE, input({ personId: i % 3 ? aliyaId : borisId }))),
    );
    const numbers = results.map((r) => (r.ok ? r.value.number : 'failed')).sort();
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `ARAL01-2026-${String(i + 1).padStart(5, '0')}`));
  });

  it('saves nothing while the form is invalid, and an invalid new complainant rolls everything back', async () => {
    const invalid = await registerComplaint(db, testContext(), OFFICE, input({ text: 'қысқа', receiptDate: '2026-02-06' }));
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { text: 'validation.required', registrationDate: 'validation.registrationBeforeReceipt' } },
    });
    const badPerson = await registerComplaint(db, testContext(), OFFICE, input({ personId: '' }), {
      newPerson: { ...ALIYA, iin: '921103405677' },
    });
    expect(badPerson).toMatchObject({ ok: false, error: { code: 'person', error: { code: 'invalid' } } });
    expect(await db.complaints.count()).toBe(0);
    expect(await db.persons.count()).toBe(2);
    const good = await registerComplaint(db, testContext(), OFFICE, input());
    expect(good.ok && good.value.number).toBe('ARAL01-2026-00001');
  });

  it('registers a new complainant and stores attachments once with their digest', async () => {
    const r = await registerComplaint(db, testContext(), OFFICE, input({ personId: '' }), {
      newPerson: { ...BORIS, iin: '780307400016', lastName: 'Жұмабаева', firstName: 'Гүлнар', middleName: '' },
      attachments: [{ fileName: 'scan.pdf', mimeType: 'application/pdf', bytes: new TextEncoder().encode('%PDF-1.4 test') }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.complainantName).toBe('Жұмабаева Гүлнар');
    expect(r.value.attachmentIds).toHaveLength(1);
    const doc = await db.documents.get(r.value.attachmentIds[0] ?? '');
    expect(doc).toMatchObject({ ownerId: r.value.id, fileName: 'scan.pdf', size: 13 });
    expect(String(doc?.digest)).toMatch(/^[0-9a-f]{64}$/u);
  });

  it('refuses dates in the future or out of order with a message per field, taking no number (issue 16 point 2)', async () => {
    const future = await registerComplaint(db, testContext(), OFFICE, input({ receiptDate: '2027-06-30', registrationDate: '2027-06-30' }));
    expect(future).toEqual({
      ok: false,
      error: {
        code: 'invalid',
        errors: { receiptDate: 'complaints.timeline.inFuture', registrationDate: 'complaints.timeline.inFuture' },
      },
    });
    const tomorrow = await registerComplaint(
      db,
      testContext(),
      OFFICE,
      input({ receiptDate: '2026-12-04', registrationDate: '2026-12-05' }),
    );
    expect(tomorrow.ok || tomorrow.error).toEqual({ code: 'invalid', errors: { registrationDate: 'complaints.timeline.inFuture' } });
    expect(await db.counters.count()).toBe(0);
    expect(await db.complaints.count()).toBe(0);
    const today = await registerComplaint(db, testContext(), OFFICE, input({ receiptDate: '2026-12-04', registrationDate: '2026-12-04' }));
    expect(today.ok && today.value.number).toBe('ARAL01-2026-00001');
  });

  it('refuses a registration date the calendar does not cover', async () => {
    const later = clockAt('2031-12-04T09:00:00.000Z');
    const r = await registerComplaint(db, later, OFFICE, input({ receiptDate: '2031-02-05', registrationDate: '2031-02-05' }));
    expect(r).toEqual({ ok: false, error: { code: 'calendar', error: { code: 'year-not-covered', year: 2031 } } });
    expect(await db.counters.count()).toBe(0);
  });
});

describe('workflow and register', () => {
  it('moves a complaint to a decision, clears its next due date and audits each step', async () => {
    const ctx = testContext();
    const r = await registerComplaint(db, ctx, OFFICE, input());
    if (!r.ok) throw new Error('setup');
    const id = r.value.id;
    expect((await applyAction(db, ctx, id, { type: 'start-review', reviewer: 'Асқар Бекұлы' })).ok).toBe(true);
    // A court note is information at any stage (000 L83): accepted while under review, the status stays.
    const court = await applyAction(db, ctx, id, { type: 'court-note', date: '2026-02-06', text: 'Сотқа жүгінді' });
    expect(court.ok && court.value.status).toBe('under-review');
    expect(court.ok && court.value.nextDue).toBe('2026-02-10');
    const decided = await applyAction(db, ctx, id, {
      type: 'decide',
      outcome: 'satisfied',
      text: 'Қанағаттандырылды',
      date: '2026-02-09',
      notifiedBy: 'sms',
      notifiedOn: '2026-02-09',
    });
    if (!decided.ok) throw new Error('decide');
    expect(decided.value.status).toBe('decided');
    expect(decided.value.nextDue).toBeUndefined();
    expect(decided.value.version[OFFICE.officeId]).toBe(4);
    expect(await db.complaints.where('nextDue').below('9999').count()).toBe(0);
    const audit = await db.auditLog.where('recordId').equals(id).toArray();
    expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'update', 'status']);
  });

  it('only a head records the decision (issue 8)', async () => {
    const r = await registerComplaint(db, testContext(), OFFICE, input());
    if (!r.ok) throw new Error('setup');
    const reviewer = testContext('Асқар Бекұлы', OFFICE.officeId, ['reviewer', 'administrator']);
    const decide = {
      type: 'decide',
      outcome: 'rejected',
      text: 'Негізсіз',
      date: '2026-02-09',
      notifiedBy: 'letter',
      notifiedOn: '2026-02-09',
    } as const;
    expect(await applyAction(db, reviewer, r.value.id, decide)).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect((await applyAction(db, reviewer, r.value.id, { type: 'start-review', reviewer: 'Асқар Бекұлы' })).ok).toBe(true);
    expect((await applyAction(db, testContext('Басшы', OFFICE.officeId, ['head']), r.value.id, decide)).ok).toBe(true);
  });

  it('names as reviewer only an active account whose role may review (issue 16 point 4)', async () => {
    expect((await eligibleReviewers(db)).map((o) => o.fullName)).toEqual(['Асқар Бекұлы', 'Басшы']);
    const r = await registerComplaint(db, testContext(), OFFICE, input());
    if (!r.ok) throw new Error('setup');
    for (const reviewer of ['Тіркеуші', 'Кеткен Қараушы', 'Кез келген мәтін']) {
      expect(await applyAction(db, testContext(), r.value.id, { type: 'start-review', reviewer })).toEqual({
        ok: false,
        error: { code: 'invalid', errors: { reviewer: 'complaints.validation.reviewerNotEligible' } },
      });
    }
    const started = await applyAction(db, testContext(), r.value.id, { type: 'start-review', reviewer: 'Басшы' });
    expect(started.ok && started.value.reviewer).toBe('Басшы');
  });

  it('refuses a step dated before the receipt or after today; a court note only after today (issue 16 point 2)', async () => {
    const r = await registerComplaint(db, testContext(), OFFICE, input());
    if (!r.ok) throw new Error('setup');
    const id = r.value.id;
    const withdraw = (date: string) => applyAction(db, testContext(), id, { type: 'withdraw', date, reason: 'Өз еркімен' });
    expect(await withdraw('2026-12-05')).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { date: 'complaints.timeline.inFuture' } },
    });
    expect(await withdraw('2026-02-04')).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { date: 'complaints.timeline.stepBeforeReceipt' } },
    });
    const court = (date: string) => applyAction(db, testContext(), id, { type: 'court-note', date, text: 'Сотқа жүгінді' });
    expect((await court('2026-01-20')).ok).toBe(true);
    expect(await court('2026-12-05')).toEqual({ ok: false, error: { code: 'invalid', errors: { date: 'complaints.timeline.inFuture' } } });
    const decide = await applyAction(db, testContext(), id, {
      type: 'decide',
      outcome: 'satisfied',
      text: 'Қанағаттандырылды',
      date: '2026-02-09',
      notifiedBy: 'sms',
      notifiedOn: '2027-01-10',
    });
    expect(decide).toEqual({ ok: false, error: { code: 'invalid', errors: { notifiedOn: 'complaints.timeline.inFuture' } } });
    expect((await withdraw('2026-12-04')).ok).toBe(true);
  });

  it('filters overdue and due-soon through the next-due index, and searches by number, IIN and name', async () => {
    const ctx = testContext();
    await registerComplaint(db, ctx, OFFICE, input()); // forward due 10 Feb
    await registerComplaint(db, ctx, OFFICE, input({ receiptDate: '2026-02-16', registrationDate: '2026-02-16', personId: borisId })); // due 19 Feb
    await registerComplaint(
      db,
      ctx,
      OFFICE,
      input({ addressee: 'quality-control-body', receiptDate: '2026-02-09', registrationDate: '2026-02-09' }),
    ); // due 2 Mar
    const today = '2026-02-18';
    const soon = '2026-02-19';
    const numbers = async (f: Partial<typeof EMPTY_FILTER>) => {
      const q = await queryRegister(db, { ...EMPTY_FILTER, ...f }, { column: 'number', desc: false }, today, soon);
      return (await q.page(0, 50)).map((c) => c.number);
    };
    expect(await numbers({ flag: 'overdue' })).toEqual(['ARAL01-2026-00001']);
    expect(await numbers({ flag: 'due-soon' })).toEqual(['ARAL01-2026-00002']);
    expect(await numbers({ addressee: 'quality-control-body' })).toEqual(['ARAL01-2026-00003']);
    expect(await numbers({ search: '850412' })).toEqual(['ARAL01-2026-00002']);
    expect(await numbers({ search: 'сейтқали әл' })).toEqual(['ARAL01-2026-00001', 'ARAL01-2026-00003']);
    expect(await numbers({ search: 'aral01-2026-00003' })).toEqual(['ARAL01-2026-00003']);
    expect(await numbers({ search: 'көмекші', searchText: true })).toHaveLength(3);
    expect(await numbers({ search: 'көмекші' })).toEqual([]);
    expect(await numbers({ from: '2026-02-09', to: '2026-02-10' })).toEqual(['ARAL01-2026-00003']);
    const all = await queryRegister(db, EMPTY_FILTER, { column: 'registrationDate', desc: true }, today, soon);
    expect(all.total).toBe(3);
    expect((await all.page(1, 1)).map((c) => c.number)).toEqual(['ARAL01-2026-00003']);
    expect(await complaintCounts(db, today, soon)).toEqual({ open: 3, dueSoon: 1, overdue: 1 });
  });
});
