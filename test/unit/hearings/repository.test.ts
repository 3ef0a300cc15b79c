import { beforeEach, describe, expect, it } from 'vitest';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { openCase } from '../../../renderer/src/db/repositories/cases';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import {
  addAddendum,
  addRemarks,
  applicationView,
  createApplication,
  createMinutes,
  hearingsOverview,
  minutesTable,
  recordApplicantPosition,
  recordDecision,
  recordFamiliarisation,
  recordHearingOutcome,
  recordNotice,
  recordNotification,
  recordObjection,
  recordPreliminary,
  recordStepDone,
  scheduleHearing,
  setPlannedDecisionDate,
  signOffMinutes,
  updateMinutes,
  applicationsTable,
} from '../../../renderer/src/features/hearings/repository';
import { calendarYearSchema } from '@shared/calendar';
import { applicationRecordSchema, hearingMinutesRecordSchema, hearingRecordSchema, type MinutesContentInput } from '@shared/hearings';
import type { Result } from '@shared/result';
import { ALIYA, freshDb, OFFICE, testContext } from '../db/testContext';

let db: QamqorDb;
let caseId: string;
/** The office's clock stands after every date the flows record: nothing is recorded before it happens (issue 16 point 2). */
let clock = Date.UTC(2026, 3, 15, 9, 0, 0);
const ctx = { ...testContext(), now: () => new Date((clock += 1000)).toISOString() };

function value<T, E>(r: Result<T, E>): T {
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

async function stored(id: string) {
  const app = await applicationsTable(db).get(id);
  if (!app) throw new Error('application missing');
  return app;
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await seedReferenceData(db, [calendarYearSchema.parse(kz2026)]);
  const person = value(await addPerson(db, ctx, ALIYA));
  caseId = value(await openCase(db, ctx, OFFICE, { personId: person.id, registrationDate: '2026-03-02', subject: 'Әлеуметтік көмек' })).id;
});

const minutesInput = (over: Partial<MinutesContentInput> = {}): MinutesContentInput => ({
  place: 'Арал қ., Абай к-сі, 5, 12-кабинет',
  date: '2026-03-20',
  startTime: '10:00',
  endTime: '10:40',
  body: 'Арал ауданының әлеуметтік бағдарламалар бөлімі',
  official: 'Жанар Омарова',
  secretary: 'Айгүл Бекова',
  applicantName: 'Сейтқали Әлия Нұрланқызы',
  applicantIin: '921103405676',
  representative: { fullName: 'Сейтқали Нұрлан', iin: '850412300125', powerOfAttorney: '№ 15, 10.03.2026' },
  question: 'Әлеуметтік көмек көрсетуден бас тарту туралы 16.03.2026 алдын ала шешім',
  explanations: 'Табыс туралы анықтама ескірген',
  questionsAndAnswers: 'С: Анықтаманы қашан алдыңыз? Ж: Ақпанда.',
  statements: 'Алдын ала шешіммен келіспеймін',
  factsToRecord: 'Жаңа анықтама тапсырылды',
  documentsHandedIn: 'Табыс туралы анықтама, 18.03.2026',
  ...over,
});

async function socialAssistanceUpToMinutes() {
  const app = value(
    await createApplication(db, ctx, {
      caseId,
      service: 'social-assistance',
      channel: 'provider',
      registrationDate: '2026-03-04',
      plannedDecisionDate: '2026-03-27',
      intakeId: null,
      note: '',
    }),
  );
  value(await recordPreliminary(db, ctx, app.id, { date: '2026-03-16', grounds: 'Табыс шектен асады', disagreementDate: '' }));
  const hearing = value(
    await scheduleHearing(db, ctx, app.id, {
      date: '2026-03-20',
      time: '10:00',
      method: 'video-or-other-communication',
      place: 'WhatsApp бейнебайланыс, +7 701 234 56 78',
      participants: 'Жанар Омарова; Айгүл Бекова',
    }),
  );
  value(await recordNotice(db, ctx, app.id, { hearingId: hearing.id, sentOn: '2026-03-18', channel: 'in-person', receivedOn: '' }));
  value(await recordHearingOutcome(db, ctx, hearing.id, 'held'));
  value(await recordObjection(db, ctx, app.id, { kind: 'oral', date: '2026-03-20', summary: 'Ауызша қарсылық' }));
  const minutes = value(await createMinutes(db, ctx, hearing.id, minutesInput()));
  return { app, hearing, minutes };
}

describe('applications', () => {
  it('registers an application in a case with the case’s rule set and history', async () => {
    const app = value(
      await createApplication(db, ctx, {
        caseId,
        service: 'msi-placement',
        channel: 'state-corporation',
        registrationDate: '2026-03-02',
        plannedDecisionDate: '',
        intakeId: '00000000-0000-4000-8000-00000000abcd',
        note: '',
      }),
    );
    expect(app).toMatchObject({ status: 'registered', ruleSetId: 'carry-over-2023', service: 'msi-placement', plannedDecisionDate: null });
    expect(app.history.map((h) => h.action)).toEqual(['registered']);
    expect(applicationRecordSchema.safeParse(app).success).toBe(true);
    const view = await applicationView(db, app);
    expect(view.schedule?.termEnd?.date).toBe('2026-03-31');
    expect(view.schedule?.termEnd?.term.citation).toMatchObject({ act: 'msi-rules', lines: 'L19' });
    const audit = await db.auditLog.where('recordId').equals(app.id).toArray();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('refuses invalid input, an unknown case, an unknown service and a proactive channel without a proactive term, writing nothing', async () => {
    const base = {
      caseId,
      service: 'social-assistance',
      channel: 'provider' as const,
      registrationDate: '2026-03-04',
      plannedDecisionDate: '',
      intakeId: null,
      note: '',
    };
    expect(await createApplication(db, ctx, { ...base, registrationDate: '04.03.2026' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { registrationDate: 'validation.date' } },
    });
    expect(await createApplication(db, ctx, { ...base, caseId: 'nope' })).toEqual({ ok: false, error: { code: 'case-not-found' } });
    expect(await createApplication(db, ctx, { ...base, service: 'flying-carpet' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { service: 'hearings.validation.unknownService' } },
    });
    expect(await createApplication(db, ctx, { ...base, channel: 'proactive' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { channel: 'hearings.validation.noProactive' } },
    });
    expect(await createApplication(db, ctx, { ...base, registrationDate: '2026-02-27' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { registrationDate: 'hearings.validation.beforeCase' } },
    });
    expect(await createApplication(db, ctx, { ...base, intakeId: 'not-a-record-id' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { intakeId: 'validation.recordId' } },
    });
    expect(await applicationsTable(db).count()).toBe(0);
  });

  it('internal steps and the planned decision date are kept with their history', async () => {
    const app = value(
      await createApplication(db, ctx, {
        caseId,
        service: 'msi-placement',
        channel: 'provider',
        registrationDate: '2026-03-02',
        plannedDecisionDate: '',
        intakeId: null,
        note: '',
      }),
    );
    expect(await recordStepDone(db, ctx, app.id, { stepId: 'no-such-step', date: '2026-03-10' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const a = value(await recordStepDone(db, ctx, app.id, { stepId: 'needs-assessment', date: '2026-03-16' }));
    expect(a.stepsDone).toEqual({ 'needs-assessment': '2026-03-16' });
    expect(applicationRecordSchema.safeParse(a).success).toBe(true);
    const b = value(await setPlannedDecisionDate(db, ctx, app.id, { plannedDecisionDate: '2026-03-27' }));
    const c = value(await setPlannedDecisionDate(db, ctx, app.id, { plannedDecisionDate: '2026-03-30' }));
    expect(b.plannedDecisionDate).toBe('2026-03-27');
    expect(c.history.map((h) => [h.action, h.note])).toEqual([
      ['registered', null],
      ['step-done', 'needs-assessment'],
      ['planned-decision-date', null],
      ['planned-decision-date', '2026-03-27 → 2026-03-30'],
    ]);
  });
});

describe('social assistance: preliminary refusal → notice → hearing → oral objection → minutes → remarks → decision', () => {
  it('refuses a hearing method the seed does not list (no in-person mode in 004 L40-42)', async () => {
    const app = value(
      await createApplication(db, ctx, {
        caseId,
        service: 'social-assistance',
        channel: 'provider',
        registrationDate: '2026-03-04',
        plannedDecisionDate: '2026-03-27',
        intakeId: null,
        note: '',
      }),
    );
    expect(
      await scheduleHearing(db, ctx, app.id, { date: '2026-03-20', time: '10:00', method: 'video', place: 'x', participants: '' }),
    ).toEqual({
      ok: false,
      error: { code: 'no-preliminary' },
    });
    value(await recordPreliminary(db, ctx, app.id, { date: '2026-03-16', grounds: 'Табыс шектен асады', disagreementDate: '' }));
    expect(
      await scheduleHearing(db, ctx, app.id, { date: '2026-03-20', time: '10:00', method: 'in-person', place: 'x', participants: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { method: 'hearings.validation.method' } },
    });
  });

  it('runs the whole flow; the records are valid stored records and every step is in the history and audit log', async () => {
    const { app, hearing, minutes } = await socialAssistanceUpToMinutes();
    expect(hearingRecordSchema.safeParse(await db.hearings.get(hearing.id)).success).toBe(true);
    const signed = value(await signOffMinutes(db, ctx, minutes.id, { date: '2026-03-20' }));
    expect(signed.signedOff).toMatchObject({ date: '2026-03-20', by: 'Жанар Омарова' });
    value(await recordFamiliarisation(db, ctx, minutes.id, { date: '2026-03-20' }));

    // Remarks window: read Fri 20 → Thu 26 (1), Fri 27 (2), Mon 30 (3): past the planned decision (Fri 27), flagged.
    expect(await recordObjection(db, ctx, app.id, { kind: 'written', date: '2026-03-20', summary: '' })).toEqual({
      ok: false,
      error: { code: 'already-recorded' },
    });
    const before = await applicationView(db, await stored(app.id));
    expect(before.schedule?.remarksWindow?.closes.date).toBe('2026-03-30');
    expect(before.schedule?.warnings).toContainEqual(
      expect.objectContaining({ code: 'remarks-window-past-decision', closes: '2026-03-30', decision: '2026-03-27', potential: false }),
    );
    // The remarks window closes at the end of Mon 30 March (004 L46-47): a refusal from Tue 31.
    expect(before.schedule?.earliestDecision.notBefore).toBe('2026-03-31');

    const remarked = value(await addRemarks(db, ctx, minutes.id, { date: '2026-03-26', text: 'Менің түсіндірмем толық жазылмаған' }));
    expect(remarked.remarks.map((r) => r.date)).toEqual(['2026-03-26']);

    // Remarks received: the notice period binds again (notice Wed 18 → Thu 19, Fri 20, Thu 26).
    const after = await applicationView(db, await stored(app.id));
    expect(after.schedule?.earliestDecision.notBefore).toBe('2026-03-26');
    expect(after.schedule?.warnings.map((w) => w.code)).not.toContain('remarks-window-past-decision');

    const decided = value(
      await recordDecision(db, ctx, app.id, { outcome: 'refused', date: '2026-03-27', reasons: 'Табыс шектен асады', earlyReason: '' }),
    );
    expect(decided.status).toBe('decided');
    expect(decided.decision).toEqual({ outcome: 'refused', date: '2026-03-27', reasons: 'Табыс шектен асады', earlyReason: null });
    // SMS only when the application gives a mobile number registered in the mobile citizens database (004 L49).
    expect(await recordNotification(db, ctx, app.id, { method: 'sms', date: '2026-03-27' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { method: 'hearings.validation.notificationMethod' } },
    });
    const notified = value(await recordNotification(db, ctx, app.id, { method: 'sms', date: '2026-03-27', mobileRegistered: true }));
    expect(notified.notification).toEqual({ method: 'sms', date: '2026-03-27', mobileRegistered: true });
    expect(notified.history.map((h) => h.action)).toEqual([
      'registered',
      'preliminary',
      'hearing-scheduled',
      'notice-sent',
      'hearing-held',
      'objection',
      'minutes-created',
      'minutes-signed',
      'familiarisation',
      'remarks',
      'decision',
      'decision-notified',
    ]);
    expect(applicationRecordSchema.safeParse(notified).success).toBe(true);
    expect(hearingMinutesRecordSchema.safeParse(await minutesTable(db).get(minutes.id)).success).toBe(true);
    const audit = await db.auditLog.toArray();
    expect(audit.filter((a) => a.table === 'hearingMinutes').map((a) => a.action)).toEqual(['create', 'update', 'update', 'update']);
    expect(await recordDecision(db, ctx, app.id, { outcome: 'granted', date: '2026-03-30', reasons: '', earlyReason: '' })).toEqual({
      ok: false,
      error: { code: 'decided' },
    });
  });

  it('a refusal before the earliest allowed date is refused without a reason and kept with its reason in the history', async () => {
    const { app, minutes } = await socialAssistanceUpToMinutes();
    value(await signOffMinutes(db, ctx, minutes.id, { date: '2026-03-20' }));
    // Minutes signed but not read: the reading blocks the refusal.
    const blocked = await recordDecision(db, ctx, app.id, {
      outcome: 'refused',
      date: '2026-03-27',
      reasons: 'Табыс шектен асады',
      earlyReason: '',
    });
    expect(blocked).toMatchObject({ ok: false, error: { code: 'too-early', earliest: { blockers: ['familiarisation-pending'] } } });
    value(await recordFamiliarisation(db, ctx, minutes.id, { date: '2026-03-20' }));
    const early = await recordDecision(db, ctx, app.id, {
      outcome: 'refused',
      date: '2026-03-27',
      reasons: 'Табыс шектен асады',
      earlyReason: '   ',
    });
    expect(early).toMatchObject({ ok: false, error: { code: 'too-early', earliest: { notBefore: '2026-03-31' } } });
    const unchanged = await applicationsTable(db).get(app.id);
    expect(unchanged?.decision).toBeNull();
    expect(unchanged?.status).toBe('heard');

    const decided = value(
      await recordDecision(db, ctx, app.id, {
        outcome: 'refused',
        date: '2026-03-27',
        reasons: 'Табыс шектен асады',
        earlyReason: 'Өтініш беруші ескертулер бермейтінін жазбаша мәлімдеді',
      }),
    );
    expect(decided.decision?.earlyReason).toBe('Өтініш беруші ескертулер бермейтінін жазбаша мәлімдеді');
    expect(decided.history.at(-1)).toMatchObject({
      action: 'decision-early',
      date: '2026-03-27',
      note: '2026-03-31 — Өтініш беруші ескертулер бермейтінін жазбаша мәлімдеді',
    });
  });
});

describe('signed-off minutes are corrected only by addenda', () => {
  it('refuses an edit after sign-off, leaves the record untouched, and appends addenda', async () => {
    const { app, minutes } = await socialAssistanceUpToMinutes();
    // A draft may be edited.
    const edited = value(await updateMinutes(db, ctx, minutes.id, minutesInput({ endTime: '10:45' })));
    expect(edited.content.endTime).toBe('10:45');
    expect(await addAddendum(db, ctx, minutes.id, { date: '2026-03-20', text: 'ерте' })).toEqual({
      ok: false,
      error: { code: 'not-signed-off' },
    });
    value(await signOffMinutes(db, ctx, minutes.id, { date: '2026-03-20' }));
    const signed = await minutesTable(db).get(minutes.id);

    expect(await updateMinutes(db, ctx, minutes.id, minutesInput({ statements: 'Келісемін' }))).toEqual({
      ok: false,
      error: { code: 'signed-off' },
    });
    expect(await signOffMinutes(db, ctx, minutes.id, { date: '2026-03-23' })).toEqual({ ok: false, error: { code: 'signed-off' } });
    expect(await minutesTable(db).get(minutes.id)).toEqual(signed);

    value(await addAddendum(db, ctx, minutes.id, { date: '2026-03-23', text: 'Хатшының тегі: Бекова (Бекованың орнына)' }));
    const twice = value(await addAddendum(db, ctx, minutes.id, { date: '2026-03-23', text: 'Екінші толықтыру' }));
    expect(twice.content).toEqual(signed?.content);
    expect(twice.signedOff).toEqual(signed?.signedOff);
    expect(twice.addenda.map((a) => a.text)).toEqual(['Хатшының тегі: Бекова (Бекованың орнына)', 'Екінші толықтыру']);
    // An addendum dated before the hearing (20 March) is impossible: said as such (issue 16 point 2).
    expect(await addAddendum(db, ctx, minutes.id, { date: '2026-03-19', text: 'ерте' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { date: 'hearings.timeline.beforeHearing' } },
    });
    expect(await addRemarks(db, ctx, minutes.id, { date: '2026-03-23', text: 'x' })).toEqual({ ok: false, error: { code: 'not-read' } });
    const history = (await applicationsTable(db).get(app.id))?.history.map((h) => h.action);
    expect(history?.filter((a) => a === 'minutes-addendum')).toHaveLength(2);
    expect(await createMinutes(db, ctx, minutes.hearingId, minutesInput())).toEqual({ ok: false, error: { code: 'minutes-exist' } });
  });
});

describe('service term variant and the hearings lists', () => {
  async function rehabApplication() {
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

  it('a refusal before the hearing needs a reason; a grant does not', async () => {
    const app = await rehabApplication();
    const hearing = value(
      await scheduleHearing(db, ctx, app.id, {
        date: '2026-03-26',
        time: '11:30',
        method: 'in-person',
        place: 'Арал қ., Абай к-сі, 5',
        participants: '',
      }),
    );
    value(await recordNotice(db, ctx, app.id, { hearingId: hearing.id, sentOn: '2026-03-20', channel: 'phone', receivedOn: '2026-03-20' }));
    expect(
      await recordDecision(db, ctx, app.id, { outcome: 'refused', date: '2026-03-20', reasons: 'Құжаттар толық емес', earlyReason: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'too-early', earliest: { notBefore: '2026-03-26' } },
    });
    const granted = value(
      await recordDecision(db, ctx, app.id, { outcome: 'granted', date: '2026-03-20', reasons: '', earlyReason: 'ескерілмейді' }),
    );
    expect(granted.decision).toMatchObject({ outcome: 'granted', earlyReason: null });
  });

  it('a refusal needs its reasons; a notice needs a preliminary decision and a hearing cannot be held before the notice', async () => {
    const app = await rehabApplication();
    expect(await recordDecision(db, ctx, app.id, { outcome: 'refused', date: '2026-03-31', reasons: ' ', earlyReason: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { reasons: 'hearings.validation.refusalReasons' } },
    });
    const hearing = value(
      await scheduleHearing(db, ctx, app.id, {
        date: '2026-03-26',
        time: '11:30',
        method: 'phone',
        place: '+7 701 234 56 78',
        participants: '',
      }),
    );
    expect(await recordHearingOutcome(db, ctx, hearing.id, 'held')).toEqual({ ok: false, error: { code: 'no-notice' } });
    expect(
      await recordNotice(db, ctx, app.id, { hearingId: hearing.id, sentOn: '2026-03-20', channel: 'sms', receivedOn: '2026-03-19' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { receivedOn: 'hearings.validation.receivedBeforeSent' } },
    });
  });

  it('lists upcoming hearings, notices due and open remarks windows', async () => {
    const rehab = await rehabApplication();
    const { app, minutes } = await socialAssistanceUpToMinutes();
    value(await signOffMinutes(db, ctx, minutes.id, { date: '2026-03-20' }));
    value(await recordFamiliarisation(db, ctx, minutes.id, { date: '2026-03-20' }));
    const moved = value(
      await scheduleHearing(db, ctx, rehab.id, { date: '2026-03-27', time: '09:00', method: 'in-person', place: 'Арал', participants: '' }),
    );

    const o = await hearingsOverview(db, '2026-03-23');
    expect(o.upcoming.map((v) => [v.application.id, v.hearing?.date])).toEqual([[rehab.id, '2026-03-27']]);
    expect(o.noticesDue.map((v) => [v.application.id, v.schedule?.latestNotice?.date])).toEqual([[rehab.id, '2026-03-26']]);
    expect(o.remarksOpen.map((v) => [v.application.id, v.schedule?.remarksWindow?.closes.date])).toEqual([[app.id, '2026-03-30']]);

    const later = await hearingsOverview(db, '2026-03-31');
    expect(later.upcoming).toEqual([]);
    expect(later.remarksOpen).toEqual([]);
    expect(moved.status).toBe('scheduled');
  });
});

describe('issue 16 and 18 in the write path', () => {
  it('refuses impossible dates with a message that says what is wrong, writing nothing (issue 16 point 2)', async () => {
    // The office's clock stands on 19 March 2026, the day before the hearing.
    const early = { ...ctx, now: () => '2026-03-19T09:00:00.000Z' };
    const app = value(
      await createApplication(db, ctx, {
        caseId,
        service: 'social-assistance',
        channel: 'provider',
        registrationDate: '2026-03-04',
        plannedDecisionDate: '',
        intakeId: null,
        note: '',
      }),
    );
    expect(
      await createApplication(db, early, {
        caseId,
        service: 'social-assistance',
        channel: 'provider',
        registrationDate: '2026-03-25',
        plannedDecisionDate: '',
        intakeId: null,
        note: '',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid', errors: { registrationDate: 'hearings.timeline.inFuture' } } });
    value(await recordPreliminary(db, early, app.id, { date: '2026-03-16', grounds: 'Табыс шектен асады', disagreementDate: '' }));
    const hearing = value(
      await scheduleHearing(db, early, app.id, {
        date: '2026-03-20',
        time: '10:00',
        method: 'video-or-other-communication',
        place: 'WhatsApp',
        participants: '',
      }),
    );
    // A notice sent after its hearing, and one dated tomorrow.
    expect(
      await recordNotice(db, ctx, app.id, { hearingId: hearing.id, sentOn: '2026-03-21', channel: 'in-person', receivedOn: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { sentOn: 'hearings.timeline.noticeAfterHearing' } },
    });
    expect(
      await recordNotice(db, early, app.id, { hearingId: hearing.id, sentOn: '2026-03-20', channel: 'in-person', receivedOn: '' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { sentOn: 'hearings.timeline.inFuture' } },
    });
    value(await recordNotice(db, early, app.id, { hearingId: hearing.id, sentOn: '2026-03-18', channel: 'in-person', receivedOn: '' }));
    // "Held" the day before the hearing: refused, the hearing stays scheduled.
    expect(await recordHearingOutcome(db, early, hearing.id, 'held')).toEqual({
      ok: false,
      error: { code: 'not-yet-held', hearingDate: '2026-03-20' },
    });
    expect((await db.hearings.get(hearing.id))?.status).toBe('scheduled');
    value(await recordHearingOutcome(db, ctx, hearing.id, 'held'));
    // Minutes dated before the hearing; then minutes signed before the day they record and in the future.
    expect(await createMinutes(db, ctx, hearing.id, minutesInput({ date: '2026-03-19' }))).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { date: 'hearings.timeline.beforeHearing' } },
    });
    const minutes = value(await createMinutes(db, ctx, hearing.id, minutesInput({ date: '2026-03-20' })));
    expect(await signOffMinutes(db, ctx, minutes.id, { date: '2026-03-19' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { signOffDate: 'hearings.timeline.beforeHearing' } },
    });
    expect(await signOffMinutes(db, ctx, minutes.id, { date: '2099-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { signOffDate: 'hearings.timeline.inFuture' } },
    });
    expect((await minutesTable(db).get(minutes.id))?.signedOff).toBeNull();
    // A decision signed in the future.
    expect(await recordDecision(db, ctx, app.id, { outcome: 'granted', date: '2099-01-01', reasons: '', earlyReason: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { date: 'hearings.timeline.inFuture' } },
    });
    expect((await stored(app.id)).decision).toBeNull();
  });

  it('signing off with the text on screen saves that text first, in the same write (nothing typed is dropped)', async () => {
    const { minutes } = await socialAssistanceUpToMinutes();
    const edited = minutesInput({ documentsHandedIn: 'Табыс туралы анықтама; банк үзінді көшірмесі' });
    const signed = value(await signOffMinutes(db, ctx, minutes.id, { date: '2026-03-20', content: edited }));
    expect(signed.content.documentsHandedIn).toBe('Табыс туралы анықтама; банк үзінді көшірмесі');
    expect(signed.signedOff?.date).toBe('2026-03-20');
    // Invalid text on screen: nothing is signed.
    const { minutes: other } = await socialAssistanceUpToMinutes();
    const refused = await signOffMinutes(db, ctx, other.id, { date: '2026-03-20', content: minutesInput({ applicantIin: '12' }) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid', errors: { applicantIin: 'validation.iin.format' } } });
    expect((await minutesTable(db).get(other.id))?.signedOff).toBeNull();
  });

  it('Order 458: a written waiver is recorded once and a refusal then needs no hearing (000 L47)', async () => {
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
    value(await recordPreliminary(db, ctx, app.id, { date: '2026-03-19', grounds: 'Негіз', disagreementDate: '' }));
    const waived = value(await recordApplicantPosition(db, ctx, app.id, { position: 'waived', date: '2026-03-20' }));
    expect(waived.preliminary?.waiverDate).toBe('2026-03-20');
    expect(waived.history.at(-1)).toMatchObject({ action: 'waiver', date: '2026-03-20' });
    expect(applicationRecordSchema.safeParse(waived).success).toBe(true);
    expect(await recordApplicantPosition(db, ctx, app.id, { position: 'disagreed', date: '2026-03-20' })).toMatchObject({
      ok: false,
      error: { code: 'already-recorded' },
    });
    const decided = value(
      await recordDecision(db, ctx, app.id, { outcome: 'refused', date: '2026-03-20', reasons: 'Негіз', earlyReason: '' }),
    );
    expect(decided.decision?.earlyReason).toBeNull();
    expect(decided.history.map((h) => h.action)).not.toContain('decision-early');
  });
});
