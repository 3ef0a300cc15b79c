import { beforeEach, describe, expect, it } from 'vitest';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema } from '@shared/calendar';
import { complaintRecordSchema } from '@shared/bundle/specs/complaints';
import type { Complaint, ComplaintRegistrationInput } from '@shared/complaints';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { recordHistory } from '../../../renderer/src/db/repositories/audit';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import { complaintCounts, forwardMissedCount } from '../../../renderer/src/features/complaints/counts';
import { EMPTY_FILTER, queryRegister, scanRegister, type RegisterFilter } from '../../../renderer/src/features/complaints/registerQuery';
import { applyAction, registerComplaint, voidComplaint } from '../../../renderer/src/features/complaints/repository';
import { ALIYA, freshDb, OFFICE } from '../db/testContext';
import { testContext } from './clock';

/** Issue 16 point 2: a head voids a complaint made by mistake; it keeps its number and leaves every term and count. */
let db: QamqorDb;
let personId: string;
const today = '2026-12-04';
const soon = '2026-12-07';
const REASON = 'Күні қате қойылды: шағым 2026 жылы келген';

const input = (over: Partial<ComplaintRegistrationInput> = {}): ComplaintRegistrationInput => ({
  receiptDate: '2026-02-05',
  registrationDate: '2026-02-05',
  channel: 'post',
  addressee: 'department',
  personId,
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

async function register(over: Partial<ComplaintRegistrationInput> = {}): Promise<Complaint> {
  const r = await registerComplaint(db, testContext(), OFFICE, input(over));
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function numbers(filter: Partial<RegisterFilter>): Promise<string[]> {
  const q = await queryRegister(db, { ...EMPTY_FILTER, ...filter }, { column: 'number', desc: false }, today, soon);
  return (await q.page(0, 100)).map((c) => c.number);
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await seedReferenceData(db, [calendarYearSchema.parse(kz2026)]);
  const a = await addPerson(db, testContext(), ALIYA);
  if (!a.ok) throw new Error('setup');
  personId = a.value.id;
});

describe('voiding a complaint', () => {
  it('keeps its number, takes it out of the open, overdue and missed-forwarding counts and lists, and audits the reason', async () => {
    const kept = await register();
    const mistake = await register({ receiptDate: '2026-02-06', registrationDate: '2026-02-06' });
    expect(await complaintCounts(db, today, soon)).toEqual({ open: 2, dueSoon: 0, overdue: 2 });
    expect(await forwardMissedCount(db, today)).toBe(2);

    const head = testContext('Басшы', OFFICE.officeId, ['head']);
    const r = await voidComplaint(db, head, mistake.id, { reason: `  ${REASON}  ` });
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    expect(r.value.voided).toEqual({ at: expect.stringMatching(/^2026-12-04T/u) as unknown, by: 'Басшы', reason: REASON });
    expect(r.value.nextDue).toBeUndefined();
    expect(r.value.number).toBe(mistake.number);
    expect(r.value.status).toBe('registered');
    // A bundle carries the voided record as valid (its missing next due date agrees with the terms).
    expect(complaintRecordSchema.safeParse(r.value).success).toBe(true);

    expect(await complaintCounts(db, today, soon)).toEqual({ open: 1, dueSoon: 0, overdue: 1 });
    expect(await forwardMissedCount(db, today)).toBe(1);
    // Shown by default (marked on screen), hidden or alone on request; the overdue list leaves it out.
    expect(await numbers({})).toEqual([kept.number, mistake.number]);
    expect(await numbers({ voided: 'hide' })).toEqual([kept.number]);
    expect(await numbers({ voided: 'only' })).toEqual([mistake.number]);
    expect(await numbers({ flag: 'overdue' })).toEqual([kept.number]);
    expect(await numbers({ flag: 'forward-missed' })).toEqual([kept.number]);
    const scanned = await scanRegister(db, { ...EMPTY_FILTER, voided: 'hide' }, { column: 'number', desc: false }, today, soon);
    expect((await scanned.page(0, 10)).map((c) => c.number)).toEqual([kept.number]);

    // The next complaint takes the next number: the voided one's is never given again.
    const next = await register({ receiptDate: '2026-02-09', registrationDate: '2026-02-09' });
    expect(next.number).toBe('ARAL01-2026-00003');

    const entries = await recordHistory(db, 'complaints', mistake.id);
    const entry = entries.find((e) => e.action === 'void');
    expect(entry?.officer).toBe('Басшы');
    expect(JSON.stringify(entry?.changes)).toContain(REASON);
  });

  it('is for a head only, needs a reason of a few words, happens once, and leaves the complaint closed to every step', async () => {
    const c = await register();
    const registrar = testContext('Тіркеуші', OFFICE.officeId, ['registrar']);
    expect(await voidComplaint(db, registrar, c.id, { reason: REASON })).toEqual({ ok: false, error: { code: 'forbidden' } });
    const admin = testContext('Әкімші', OFFICE.officeId, ['administrator']);
    expect(await voidComplaint(db, admin, c.id, { reason: REASON })).toEqual({ ok: false, error: { code: 'forbidden' } });

    const head = testContext('Басшы', OFFICE.officeId, ['head']);
    expect(await voidComplaint(db, head, c.id, { reason: '   ' })).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { reason: 'validation.required' } },
    });
    expect(await voidComplaint(db, head, c.id, { reason: 'қате' })).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { reason: 'validation.voidReasonShort' } },
    });
    expect((await db.complaints.get(c.id))?.voided).toBeUndefined();
    expect(await voidComplaint(db, head, 'no-such-id', { reason: REASON })).toEqual({ ok: false, error: { code: 'not-found' } });

    const first = await voidComplaint(db, head, c.id, { reason: REASON });
    expect(first.ok).toBe(true);
    const again = await voidComplaint(db, head, c.id, { reason: 'Тағы бір себеп, басқа сөзбен' });
    expect(again).toEqual({ ok: false, error: { code: 'voided' } });
    expect((await db.complaints.get(c.id))?.voided?.reason).toBe(REASON);

    const step = await applyAction(db, testContext(), c.id, { type: 'withdraw', date: '2026-02-06', reason: 'Өтініш бойынша' });
    expect(step).toEqual({ ok: false, error: { code: 'voided' } });
    const note = await applyAction(db, testContext(), c.id, { type: 'court-note', date: '2026-02-06', text: 'Сотқа жүгінді' });
    expect(note).toEqual({ ok: false, error: { code: 'voided' } });
    const stored = await db.complaints.get(c.id);
    expect(stored?.status).toBe('registered');
    expect(stored?.courtNote).toBeNull();
  });
});
