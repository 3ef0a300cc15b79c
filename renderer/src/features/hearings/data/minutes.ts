/**
 * Writes of hearing minutes. Signed-off minutes are changed only by appending (addendum, reading,
 * remarks): every write after creation goes through `minutesChange`, which refuses anything else.
 */
import {
  appendAddendum,
  appendRemark,
  datedTextInput,
  editDraft,
  familiarisationInput,
  keepsSignedRecord,
  minutesContentInput,
  recordReading,
  signOff,
  type ApplicationHistoryEntry,
  type DatedTextInput,
  type HearingMinutes,
  type MinutesChangeError,
  type MinutesContentInput,
} from '@shared/hearings';
import type { Result } from '@shared/result';
import type { FieldErrors } from '@shared/validation';
import type { WriteContext } from '../../../db/context';
import type { QamqorDb } from '../../../db/database';
import { getOrRefuse, insertRecord, invalid, parseInput, refuse, runWrite, updateRecord } from '../../../db/write';
import {
  hearingsTable,
  hearingTables,
  historyEntry,
  loadApplication,
  minutesTable,
  openApplication,
  rejectDates,
  saveApplication,
  todayOf,
  type HearingsResult,
} from './common';
import { hearingDateErrors } from '../timeline';

/** The dates a minutes write records, checked against its hearing's date and today (issue 16 point 2). */
type DatesCheck<I> = (m: HearingMinutes, input: I, hearingDate: string) => FieldErrors;

/** Written on the day of the hearing or later, not after today (000 L49; [DESIGN] a fact is not recorded before it happens). */
function contentDates(hearingDate: string, date: string, today: string): FieldErrors {
  return hearingDateErrors({ hearingDate, heldDate: date }, { heldDate: 'date' }, today);
}

/** A later dated entry (reading, remarks, addendum): not before the hearing nor after today. */
function laterEntryDates(today: string): DatesCheck<{ date: string }> {
  return (_m, { date }, hearingDate) => hearingDateErrors({ hearingDate, signedDate: date }, { signedDate: 'date' }, today);
}

function minutesChange<I>(
  db: QamqorDb,
  ctx: WriteContext,
  minutesId: string,
  parse: () => I,
  change: (m: HearingMinutes, input: I) => Result<HearingMinutes, MinutesChangeError>,
  entry: (m: HearingMinutes, input: I) => ApplicationHistoryEntry,
  dates: DatesCheck<I>,
): Promise<HearingsResult<HearingMinutes>> {
  return runWrite(db, hearingTables(db), async () => {
    const input = parse();
    const before = await getOrRefuse(minutesTable(db), minutesId);
    // Refused first when the application or its case was voided (issue 16 point 2).
    const app = await loadApplication(db, before.applicationId);
    const hearing = await getOrRefuse(hearingsTable(db), before.hearingId);
    rejectDates(dates(before, input, hearing.date));
    const changed = change(before, input);
    if (!changed.ok) {
      const e = changed.error;
      return e.code === 'date-order' ? invalid(e.field, 'hearings.validation.dateOrder') : refuse(e);
    }
    // The one guard of signed minutes: nothing signed changes, things are only appended.
    if (!keepsSignedRecord(before, changed.value)) return refuse({ code: 'signed-off' });
    const after = await updateRecord(db, ctx, minutesTable(db), before, changed.value);
    await saveApplication(db, ctx, app, {}, [entry(after, input)]);
    return after;
  });
}

export function createMinutes(
  db: QamqorDb,
  ctx: WriteContext,
  hearingId: string,
  input: MinutesContentInput,
): Promise<HearingsResult<HearingMinutes>> {
  return runWrite(db, hearingTables(db), async () => {
    const content = parseInput(minutesContentInput, input);
    const hearing = await getOrRefuse(hearingsTable(db), hearingId);
    const app = await loadApplication(db, hearing.applicationId);
    openApplication(app);
    if ((await minutesTable(db).where('hearingId').equals(hearingId).count()) > 0) return refuse({ code: 'minutes-exist' });
    rejectDates(contentDates(hearing.date, content.date, todayOf(ctx)));
    const minutes = await insertRecord(db, ctx, minutesTable(db), {
      hearingId,
      applicationId: app.id,
      caseId: app.caseId,
      content,
      signedOff: null,
      familiarisation: null,
      remarks: [],
      addenda: [],
    });
    await saveApplication(db, ctx, app, {}, [historyEntry(ctx, 'minutes-created', content.date)]);
    return minutes;
  });
}

/** Edits a draft; signed-off minutes answer `signed-off` and stay as they were. */
export function updateMinutes(
  db: QamqorDb,
  ctx: WriteContext,
  minutesId: string,
  input: MinutesContentInput,
): Promise<HearingsResult<HearingMinutes>> {
  return minutesChange(
    db,
    ctx,
    minutesId,
    () => parseInput(minutesContentInput, input),
    (m, content) => editDraft(m, content),
    (m) => historyEntry(ctx, 'minutes-edited', m.content.date),
    (_m, content, hearingDate) => contentDates(hearingDate, content.date, todayOf(ctx)),
  );
}

/**
 * Signs the draft off. With `content` (the text on screen) the draft is saved first in the same
 * transaction, so what is signed is exactly what the officer sees (issue 16: sign-off never drops edits).
 */
export function signOffMinutes(
  db: QamqorDb,
  ctx: WriteContext,
  minutesId: string,
  input: { date: string; content?: MinutesContentInput },
): Promise<HearingsResult<HearingMinutes>> {
  return minutesChange(
    db,
    ctx,
    minutesId,
    () => ({
      date: parseInput(familiarisationInput, { date: input.date }).date,
      content: input.content === undefined ? null : parseInput(minutesContentInput, input.content),
    }),
    (m, { date, content }) => {
      const edited = content === null ? { ok: true as const, value: m } : editDraft(m, content);
      return edited.ok ? signOff(edited.value, { date, at: ctx.now(), by: ctx.actor.officerName }) : edited;
    },
    (_m, { date }) => historyEntry(ctx, 'minutes-signed', date),
    // Signed on or after the hearing and the day the minutes record, not in the future (issue 16 point 2).
    (m, { date, content }, hearingDate) =>
      hearingDateErrors(
        { hearingDate, heldDate: (content ?? m.content).date, signedDate: date },
        { heldDate: 'date', signedDate: 'signOffDate' },
        todayOf(ctx),
      ),
  );
}

export function addAddendum(
  db: QamqorDb,
  ctx: WriteContext,
  minutesId: string,
  input: DatedTextInput,
): Promise<HearingsResult<HearingMinutes>> {
  return minutesChange(
    db,
    ctx,
    minutesId,
    () => parseInput(datedTextInput, input),
    (m, { date, text }) => appendAddendum(m, { id: ctx.newId(), date, text, at: ctx.now(), by: ctx.actor.officerName }),
    (_m, { date, text }) => historyEntry(ctx, 'minutes-addendum', date, text),
    laterEntryDates(todayOf(ctx)),
  );
}

export function recordFamiliarisation(
  db: QamqorDb,
  ctx: WriteContext,
  minutesId: string,
  input: { date: string },
): Promise<HearingsResult<HearingMinutes>> {
  return minutesChange(
    db,
    ctx,
    minutesId,
    () => parseInput(familiarisationInput, input),
    (m, { date }) => recordReading(m, { date, at: ctx.now(), by: ctx.actor.officerName }),
    (_m, { date }) => historyEntry(ctx, 'familiarisation', date),
    laterEntryDates(todayOf(ctx)),
  );
}

export function addRemarks(
  db: QamqorDb,
  ctx: WriteContext,
  minutesId: string,
  input: DatedTextInput,
): Promise<HearingsResult<HearingMinutes>> {
  return minutesChange(
    db,
    ctx,
    minutesId,
    () => parseInput(datedTextInput, input),
    (m, { date, text }) => appendRemark(m, { id: ctx.newId(), date, text, at: ctx.now(), by: ctx.actor.officerName }),
    (_m, { date, text }) => historyEntry(ctx, 'remarks', date, text),
    laterEntryDates(todayOf(ctx)),
  );
}
