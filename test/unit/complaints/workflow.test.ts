/**
 * The complaint workflow through the repository (issue 18 points 10-14) and the audit entries of what
 * the register discloses (issue 19 point 2). Seed lines: 000 L75 (forward with the administrative
 * case within 3 working days), L77 (not forwarded after full satisfaction), L83 (court); 001 L57-58
 * (the provider "may decline to forward").
 */
import { beforeEach, describe, expect, it } from 'vitest';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema } from '@shared/calendar';
import type { ComplaintRegistrationInput } from '@shared/complaints';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import { complaintCounts, forwardMissedCount } from '../../../renderer/src/features/complaints/counts';
import { EMPTY_FILTER, queryRegister, scanRegister } from '../../../renderer/src/features/complaints/registerQuery';
import { registerIndex } from '../../../renderer/src/features/complaints/registerStore';
import { recordDisclosure } from '../../../renderer/src/db/repositories/audit';
import { confirmationDisclosure, exportDisclosure, journalDisclosure } from '../../../renderer/src/features/complaints/disclosures';
import { applyAction, OPEN_STATUSES, registerComplaint } from '../../../renderer/src/features/complaints/repository';
import { ALIYA, freshDb, OFFICE } from '../db/testContext';
import { testContext } from './clock';

let db: QamqorDb;
let aliyaId: string;

/** Received Thu 5 Feb 2026: forward by Tue 10 Feb (Fri 6, Mon 9, Tue 10), review by Thu 12 Feb. */
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

async function register(over: Partial<ComplaintRegistrationInput> = {}) {
  const r = await registerComplaint(db, testContext(), OFFICE, input(over));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

const forward = (date: string) =>
  ({ type: 'forward', date, to: 'Облыстық басқарма', caseSent: true, caseContents: 'Өтініш, шешім, 9 парақ' }) as const;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await seedReferenceData(db, [calendarYearSchema.parse(kz2026)]);
  const a = await addPerson(db, testContext(), ALIYA);
  if (!a.ok) throw new Error('setup');
  aliyaId = a.value.id;
});

describe('remedy and forwarding (000 L75, L77; 001 L57-58)', () => {
  it('Order 458: a partial remedy keeps forwarding open; a full one within 3 working days closes it and forwarding is refused', async () => {
    const ctx = testContext();
    const a = await register();
    const partial = await applyAction(db, ctx, a.id, { type: 'remedy', extent: 'partial', date: '2026-02-09', text: 'Ішінара' });
    expect(partial.ok && [partial.value.status, partial.value.nextDue]).toEqual(['registered', '2026-02-10']);
    const forwarded = await applyAction(db, ctx, a.id, forward('2026-02-10'));
    expect(forwarded.ok && forwarded.value.forwarded).toEqual({
      date: '2026-02-10',
      to: 'Облыстық басқарма',
      caseSent: true,
      caseContents: 'Өтініш, шешім, 9 парақ',
    });

    const b = await register();
    const full = await applyAction(db, ctx, b.id, { type: 'remedy', extent: 'full', date: '2026-02-10', text: 'Толық' });
    expect(full.ok && full.value.status).toBe('remedied');
    expect(full.ok && full.value.nextDue).toBeUndefined();
    expect(await applyAction(db, ctx, b.id, forward('2026-02-11'))).toEqual({ ok: false, error: { code: 'forward-waived' } });
  });

  it('the medical-social placement follows 001 L52-61: after a timely full remedy the provider may still forward', async () => {
    const ctx = testContext();
    const c = await register({ serviceId: 'msi-placement' });
    expect(c.forwardDue).toBe('2026-02-10');
    const full = await applyAction(db, ctx, c.id, { type: 'remedy', extent: 'full', date: '2026-02-06', text: 'Толық' });
    expect(full.ok && full.value.status).toBe('remedied');
    const forwarded = await applyAction(db, ctx, c.id, forward('2026-02-12'));
    expect(forwarded.ok && forwarded.value.status).toBe('forwarded');
  });

  it('a record stored before remedies existed keeps its shape through a workflow step', async () => {
    const c = await register();
    const court = await applyAction(db, testContext(), c.id, { type: 'court-note', date: '2026-02-06', text: 'Сот' });
    expect(court.ok && 'remedies' in court.value).toBe(false);
  });
});

describe('missed forwarding stays visible in the register and on the dashboard (000 L75)', () => {
  it('a withdrawal after the term, and a late forward, are flagged; a timely forward is not', async () => {
    const ctx = testContext();
    const withdrawnLate = await register();
    await applyAction(db, ctx, withdrawnLate.id, { type: 'withdraw', date: '2026-02-11', reason: 'Өтініш' });
    const forwardedLate = await register();
    await applyAction(db, ctx, forwardedLate.id, forward('2026-02-11'));
    const onTime = await register();
    await applyAction(db, ctx, onTime.id, forward('2026-02-10'));
    const stillOpen = await register({ receiptDate: '2026-02-16', registrationDate: '2026-02-16' }); // due Thu 19 Feb

    const today = '2026-02-19';
    const missedFilter = { ...EMPTY_FILTER, flag: 'forward-missed' as const };
    const sort = { column: 'number', desc: false } as const;
    const numbers = [withdrawnLate, forwardedLate].map((c) => c.number);
    // Through the database scan (before the index is read) and through the in-memory index.
    const scanned = await scanRegister(db, missedFilter, sort, today, today);
    expect((await scanned.page(0, 10)).map((c) => c.number)).toEqual(numbers);
    await registerIndex(db);
    const indexed = await queryRegister(db, missedFilter, sort, today, today);
    expect((await indexed.page(0, 10)).map((c) => c.number)).toEqual(numbers);
    expect(await forwardMissedCount(db, today)).toBe(2);
    // The open complaint is missed from the working day after its term (Fri 20 Feb).
    expect(await forwardMissedCount(db, '2026-02-20')).toBe(3);
    expect((await complaintCounts(db, today, today)).open).toBe(3);
    expect(stillOpen.nextDue).toBe('2026-02-19');
  });
});

describe('disclosures are audited (issue 19 point 2)', () => {
  it('the confirmation, the journal and the export record the officer, the ids, the filter and the count', async () => {
    const a = await register();
    const b = await register();
    const ctx = testContext('Асқар Бекұлы');
    const filter = { ...EMPTY_FILTER, flag: 'overdue' as const, statuses: [...OPEN_STATUSES] };
    const sort = { column: 'number', desc: false } as const;
    await recordDisclosure(db, ctx, confirmationDisclosure(a));
    await recordDisclosure(db, ctx, journalDisclosure([a, b], filter, sort));
    await recordDisclosure(db, ctx, exportDisclosure('xlsx', [a, b], filter, sort));
    await recordDisclosure(db, ctx, exportDisclosure('csv', [b], EMPTY_FILTER, sort));
    const entries = (await db.auditLog.toArray()).filter((e) => e.action === 'print' || e.action === 'export');
    expect(entries.map((e) => [e.action, e.officer, e.recordId])).toEqual([
      ['print', 'Асқар Бекұлы', a.id],
      ['print', 'Асқар Бекұлы', 'complaint-journal'],
      ['export', 'Асқар Бекұлы', 'complaint-register'],
      ['export', 'Асқар Бекұлы', b.id],
    ]);
    expect(entries[0]?.after).toMatchObject({ form: 'complaint-confirmation', count: 1, recordIds: [a.id] });
    const listFilter = { flag: 'overdue', statuses: 'registered,under-review,forwarded', sort: 'number' };
    expect(entries[1]?.after).toMatchObject({ form: 'complaint-journal', count: 2, recordIds: [a.id, b.id], filter: listFilter });
    expect(entries[2]?.after).toMatchObject({ medium: 'xlsx', count: 2, recordIds: [a.id, b.id], filter: listFilter });
    expect(entries[3]?.after).toMatchObject({ medium: 'csv', count: 1, filter: { flag: null, statuses: '' } });
  });
});
