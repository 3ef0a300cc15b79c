/**
 * Issue 16 point 2: a head voids a case made by mistake. The case keeps its number (never given again),
 * its service applications are voided with it, no later action is taken on any of them, and the
 * hearings lists and counts leave them out; the audit trail shows who voided it and why.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema } from '@shared/calendar';
import type { Case } from '@shared/cases';
import { applicationRecordSchema } from '@shared/hearings';
import { caseRecordSchema } from '@shared/records/schemas';
import type { Result } from '@shared/result';
import type { WriteContext } from '../../../renderer/src/db/context';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { recordHistory } from '../../../renderer/src/db/repositories/audit';
import { openCase } from '../../../renderer/src/db/repositories/cases';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import {
  applicationsTable,
  createApplication,
  createMinutes,
  hearingsOverview,
  recordDecision,
  recordHearingOutcome,
  recordNotice,
  recordPreliminary,
  recordStepDone,
  scheduleHearing,
  setPlannedDecisionDate,
  updateMinutes,
  voidCase,
} from '../../../renderer/src/features/hearings/repository';
import { ALIYA, freshDb, OFFICE, testContext } from '../db/testContext';

let db: QamqorDb;
let personId: string;
/** The office's clock stands after every date recorded here (15 April 2026). */
function clocked(name = 'Жанар Омарова', roles: Parameters<typeof testContext>[2] = ['administrator', 'head']): WriteContext {
  let clock = Date.UTC(2026, 3, 15, 9, 0, 0);
  return { ...testContext(name, OFFICE.officeId, roles), now: () => new Date((clock += 1000)).toISOString() };
}
const ctx = clocked();
const head = clocked('Басшы', ['head']);
const REASON = 'Іс күні қате қойылды: 2026 жылы ашылуы керек еді';

function value<T, E>(r: Result<T, E>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function newCase(registrationDate = '2026-03-02'): Promise<Case> {
  return value(await openCase(db, ctx, OFFICE, { personId, registrationDate, subject: 'Әлеуметтік көмек' }));
}

async function rehabApplication(caseId: string) {
  const app = value(
    await createApplication(db, ctx, {
      caseId,
      service: 'personal-assistant',
      channel: 'provider',
      registrationDate: '2026-03-12',
      plannedDecisionDate: '',
      intakeId: null,
      note: '',
    }),
  );
  value(await recordPreliminary(db, ctx, app.id, { date: '2026-03-19', grounds: 'Құжаттар толық емес', disagreementDate: '2026-03-19' }));
  return app;
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await seedReferenceData(db, [calendarYearSchema.parse(kz2026)]);
  personId = value(await addPerson(db, ctx, ALIYA)).id;
});

describe('voiding a case', () => {
  it('keeps the case and its number, voids its applications with it, takes them out of the lists and audits the reason', async () => {
    const kept = await newCase();
    const mistake = await newCase('2026-03-03');
    const keptApp = await rehabApplication(kept.id);
    const wrongApp = await rehabApplication(mistake.id);
    const hearing = value(
      await scheduleHearing(db, ctx, wrongApp.id, {
        date: '2026-04-20',
        time: '10:00',
        method: 'in-person',
        place: 'Арал',
        participants: '',
      }),
    );
    const before = await hearingsOverview(db, '2026-04-15');
    expect(before.noticesDue.map((v) => v.application.id).sort()).toEqual([keptApp.id, wrongApp.id].sort());
    expect(before.upcoming.map((v) => v.hearing?.id)).toEqual([hearing.id]);

    const voided = value(await voidCase(db, head, mistake.id, { reason: `  ${REASON} ` }));
    expect(voided.voided).toEqual({ at: expect.stringMatching(/^2026-04-15T/u) as unknown, by: 'Басшы', reason: REASON });
    expect(voided.caseNumber).toBe(mistake.caseNumber);
    expect(voided.status).toBe('open');
    expect(caseRecordSchema.safeParse(voided).success).toBe(true);

    const app = await applicationsTable(db).get(wrongApp.id);
    expect(app?.voided).toEqual(voided.voided);
    expect(app?.history.at(-1)).toMatchObject({ action: 'voided', by: 'Басшы', note: REASON });
    expect(applicationRecordSchema.safeParse(app).success).toBe(true);
    expect((await applicationsTable(db).get(keptApp.id))?.voided).toBeUndefined();

    const after = await hearingsOverview(db, '2026-04-15');
    expect(after.noticesDue.map((v) => v.application.id)).toEqual([keptApp.id]);
    expect(after.upcoming).toEqual([]);

    // The number is not given again: the next case of the year takes the next one.
    const next = await newCase('2026-03-04');
    expect(mistake.caseNumber).toBe('ARAL01-C2026-00002');
    expect(next.caseNumber).toBe('ARAL01-C2026-00003');

    for (const [table, id] of [
      ['cases', mistake.id],
      ['applications', wrongApp.id],
    ] as const) {
      const entry = (await recordHistory(db, table, id)).find((e) => e.action === 'void');
      expect(entry?.officer, table).toBe('Басшы');
      expect(JSON.stringify(entry?.changes), table).toContain(REASON);
    }
  });

  it('is for a head only, needs a reason of a few words and happens once, writing nothing when refused', async () => {
    const c = await newCase();
    const app = await rehabApplication(c.id);
    for (const roles of [['registrar'], ['administrator'], ['reviewer']] as const) {
      expect(await voidCase(db, clocked('Біреу', roles), c.id, { reason: REASON }), roles[0]).toEqual({
        ok: false,
        error: { code: 'forbidden' },
      });
    }
    expect(await voidCase(db, head, c.id, { reason: ' ' })).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { reason: 'validation.required' } },
    });
    expect(await voidCase(db, head, c.id, { reason: 'қате' })).toEqual({
      ok: false,
      error: { code: 'invalid', errors: { reason: 'validation.voidReasonShort' } },
    });
    expect(await voidCase(db, head, 'no-such-case', { reason: REASON })).toEqual({ ok: false, error: { code: 'not-found' } });
    expect((await db.cases.get(c.id))?.voided).toBeUndefined();
    expect((await applicationsTable(db).get(app.id))?.voided).toBeUndefined();

    const first = value(await voidCase(db, head, c.id, { reason: REASON }));
    expect(await voidCase(db, head, c.id, { reason: 'Екінші себеп: басқа нәрсе' })).toEqual({ ok: false, error: { code: 'voided' } });
    expect((await db.cases.get(c.id))?.voided).toEqual(first.voided);
  });

  it('refuses every later action on the case and its applications, hearings and minutes', async () => {
    const c = await newCase();
    const app = await rehabApplication(c.id);
    const hearing = value(
      await scheduleHearing(db, ctx, app.id, { date: '2026-03-26', time: '11:30', method: 'in-person', place: 'Арал', participants: '' }),
    );
    value(await recordNotice(db, ctx, app.id, { hearingId: hearing.id, sentOn: '2026-03-20', channel: 'phone', receivedOn: '2026-03-20' }));
    value(await recordHearingOutcome(db, ctx, hearing.id, 'held'));
    const minutes = value(
      await createMinutes(db, ctx, hearing.id, {
        place: 'Арал',
        date: '2026-03-26',
        startTime: '11:30',
        endTime: '12:00',
        body: 'Бөлім',
        official: 'Жанар Омарова',
        secretary: 'Айгүл Бекова',
        applicantName: 'Сейтқали Әлия',
        applicantIin: '921103405676',
        representative: null,
        question: 'Алдын ала шешім',
        explanations: '',
        questionsAndAnswers: '',
        statements: '',
        factsToRecord: '',
        documentsHandedIn: '',
      }),
    );
    value(await voidCase(db, head, c.id, { reason: REASON }));
    const stored = await applicationsTable(db).get(app.id);

    const refused = { ok: false, error: { code: 'voided' } };
    expect(
      await createApplication(db, ctx, {
        caseId: c.id,
        service: 'personal-assistant',
        channel: 'provider',
        registrationDate: '2026-03-12',
        plannedDecisionDate: '',
        intakeId: null,
        note: '',
      }),
    ).toEqual(refused);
    expect(await recordStepDone(db, ctx, app.id, { stepId: 'x', date: '2026-03-20' })).toEqual(refused);
    expect(await setPlannedDecisionDate(db, ctx, app.id, { plannedDecisionDate: '2026-04-01' })).toEqual(refused);
    expect(
      await scheduleHearing(db, ctx, app.id, { date: '2026-03-27', time: '09:00', method: 'in-person', place: 'Арал', participants: '' }),
    ).toEqual(refused);
    expect(await recordDecision(db, ctx, app.id, { outcome: 'granted', date: '2026-03-27', reasons: '', earlyReason: '' })).toEqual(
      refused,
    );
    expect(await updateMinutes(db, ctx, minutes.id, { ...minutes.content, statements: 'Өзгерту' })).toEqual(refused);
    expect(await applicationsTable(db).get(app.id)).toEqual(stored);
  });
});
