/** Writes of the hearing itself: planning, the notice, held or absent, the objection. */
import {
  allowedHearingMethods,
  hearingInput,
  noticeInput,
  objectionInput,
  type Hearing,
  type HearingInput,
  type NoticeInput,
  type ObjectionInput,
  type ServiceApplication,
} from '@shared/hearings';
import type { WriteContext } from '../../../db/context';
import type { QamqorDb } from '../../../db/database';
import { getOrRefuse, insertRecord, invalid, parseInput, refuse, runWrite, updateRecord } from '../../../db/write';
import {
  hearingsTable,
  hearingTables,
  historyEntry,
  loadApplication,
  openApplication,
  rejectDates,
  ruleContext,
  saveApplication,
  todayOf,
  type HearingsResult,
} from './common';
import { hearingDateErrors, pastDateErrors } from '../timeline';

/** Plans the hearing, or moves a planned one (`hearingId`); the history keeps the earlier date. */
export function scheduleHearing(
  db: QamqorDb,
  ctx: WriteContext,
  applicationId: string,
  input: HearingInput,
  hearingId?: string,
): Promise<HearingsResult<Hearing>> {
  return runWrite(db, hearingTables(db), async () => {
    const data = parseInput(hearingInput, input);
    const app = await loadApplication(db, applicationId);
    openApplication(app);
    if (app.preliminary === null) return refuse({ code: 'no-preliminary' });
    const rc = await ruleContext(db, app);
    if (!allowedHearingMethods(rc.service.hearing).includes(data.method)) invalid('method', 'hearings.validation.method');
    if (data.date < app.preliminary.date) invalid('date', 'hearings.validation.beforePreliminary');
    // Issue 16 point 2: a hearing follows its application (000 L47); the preliminary check above is stricter still.
    rejectDates(
      hearingDateErrors({ applicationDate: app.registrationDate, hearingDate: data.date }, { hearingDate: 'date' }, todayOf(ctx)),
    );
    const table = hearingsTable(db);
    if (hearingId === undefined) {
      const hearing = await insertRecord(db, ctx, table, { caseId: app.caseId, applicationId: app.id, ...data, status: 'scheduled' });
      await saveApplication(db, ctx, app, {}, [historyEntry(ctx, 'hearing-scheduled', data.date, `${data.time}, ${data.place}`)]);
      return hearing;
    }
    const before = await getOrRefuse(table, hearingId);
    if (before.applicationId !== app.id) return refuse({ code: 'not-found' });
    if (before.status !== 'scheduled') return refuse({ code: 'already-recorded' });
    const after = await updateRecord(db, ctx, table, before, data);
    await saveApplication(db, ctx, app, {}, [
      historyEntry(ctx, 'hearing-changed', data.date, `${before.date} ${before.time} → ${data.date} ${data.time}, ${data.place}`),
    ]);
    return after;
  });
}

/** The hearing notice was sent; a new notice (after moving the hearing) replaces it, the history keeps both. */
export function recordNotice(
  db: QamqorDb,
  ctx: WriteContext,
  applicationId: string,
  input: NoticeInput,
): Promise<HearingsResult<ServiceApplication>> {
  return runWrite(db, hearingTables(db), async () => {
    const data = parseInput(noticeInput, input);
    const app = await loadApplication(db, applicationId);
    openApplication(app);
    if (app.preliminary === null) return refuse({ code: 'no-preliminary' });
    const hearing = await hearingsTable(db).get(data.hearingId);
    if (!hearing || hearing.applicationId !== app.id) return invalid('hearingId', 'validation.required');
    if (data.sentOn < app.preliminary.date) invalid('sentOn', 'hearings.validation.beforePreliminary');
    // The notice is sent before the hearing it announces (000 L49) and not after today (issue 16 point 2).
    rejectDates(hearingDateErrors({ noticeDate: data.sentOn, hearingDate: hearing.date }, { noticeDate: 'sentOn' }, todayOf(ctx)));
    const status = app.status === 'registered' || app.status === 'preliminary' ? 'notified' : app.status;
    return saveApplication(db, ctx, app, { notice: data, status }, [historyEntry(ctx, 'notice-sent', data.sentOn, data.channel)]);
  });
}

export function recordHearingOutcome(
  db: QamqorDb,
  ctx: WriteContext,
  hearingId: string,
  outcome: 'held' | 'applicant-absent',
): Promise<HearingsResult<Hearing>> {
  return runWrite(db, hearingTables(db), async () => {
    const before = await getOrRefuse(hearingsTable(db), hearingId);
    if (before.status !== 'scheduled') return refuse({ code: 'already-recorded' });
    const app = await loadApplication(db, before.applicationId);
    openApplication(app);
    // The applicant must have been told of the time and place first (000 L47, 004 L38).
    if (app.notice === null) return refuse({ code: 'no-notice' });
    // Held (or missed) only on or after the hearing's day (000 L49; issue 16 point 2: "held" two weeks early).
    const today = todayOf(ctx);
    if (hearingDateErrors({ hearingDate: before.date, heldDate: today }, { heldDate: 'held' }, today).held !== undefined) {
      return refuse({ code: 'not-yet-held', hearingDate: before.date });
    }
    const after = await updateRecord(db, ctx, hearingsTable(db), before, { status: outcome }, 'status');
    await saveApplication(db, ctx, app, { status: 'heard' }, [
      historyEntry(ctx, outcome === 'held' ? 'hearing-held' : 'hearing-absent', before.date),
    ]);
    return after;
  });
}

export function recordObjection(
  db: QamqorDb,
  ctx: WriteContext,
  applicationId: string,
  input: ObjectionInput,
): Promise<HearingsResult<ServiceApplication>> {
  return runWrite(db, hearingTables(db), async () => {
    const data = parseInput(objectionInput, input);
    const app = await loadApplication(db, applicationId);
    openApplication(app);
    if (app.preliminary === null) return refuse({ code: 'no-preliminary' });
    if (app.objection !== null || (app.preliminary.waiverDate ?? null) !== null) return refuse({ code: 'already-recorded' });
    if (data.date < app.preliminary.date) invalid('date', 'hearings.validation.beforePreliminary');
    rejectDates(pastDateErrors({ date: data.date }, todayOf(ctx)));
    return saveApplication(db, ctx, app, { objection: data }, [historyEntry(ctx, 'objection', data.date, `${data.kind}: ${data.summary}`)]);
  });
}
