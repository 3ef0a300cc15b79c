/**
 * Applications, hearings and minutes in IndexedDB. Every write validates first (nothing is written
 * while invalid), runs in one readwrite transaction with its audit entry, and appends a line to the
 * application's history. Signed-off minutes are changed only by appending (addendum, reading,
 * remarks): every minutes write goes through `putMinutes`, which refuses anything else.
 */
import type { Table } from 'dexie';
import type { z } from 'zod';
import { createWorkingCalendar, type CalendarError, type WorkingCalendar } from '@shared/calendar';
import type { Case } from '@shared/cases';
import {
  allowedHearingMethods,
  appendAddendum,
  appendRemark,
  applicationFacts,
  applicationInput,
  checkDecision,
  currentHearing,
  datedTextInput,
  decisionInput,
  editDraft,
  familiarisationInput,
  hearingInput,
  hearingSchedule,
  keepsSignedRecord,
  minutesContentInput,
  noticeInput,
  notificationInput,
  objectionInput,
  plannedDecisionInput,
  preliminaryInput,
  recordReading,
  signOff,
  stepDoneInput,
  type ApplicationHistoryEntry,
  type ApplicationInput,
  type DatedTextInput,
  type DecisionInput,
  type EarliestDecision,
  type Hearing,
  type HearingInput,
  type HearingMinutes,
  type HearingSchedule,
  type HistoryAction,
  type MinutesChangeError,
  type MinutesContentInput,
  type NoticeInput,
  type NotificationInput,
  type ObjectionInput,
  type PreliminaryInput,
  type ServiceApplication,
} from '@shared/hearings';
import type { Person } from '@shared/persons';
import { createEnvelope, touchEnvelope } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import { serviceRule, type RuleSet, type ServiceRule } from '@shared/rules';
import { fieldErrors, type FieldErrors } from '@shared/validation';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
import { can } from '@shared/officers';

export type HearingsWriteError =
  | { code: 'invalid'; errors: FieldErrors }
  | { code: 'not-found' }
  | { code: 'case-not-found' }
  | { code: 'rule-set-missing'; ruleSetId: string }
  | { code: 'calendar'; error: CalendarError }
  | { code: 'decided' }
  | { code: 'no-preliminary' }
  | { code: 'notice-sent' }
  | { code: 'no-notice' }
  | { code: 'no-decision' }
  | { code: 'already-recorded' }
  | { code: 'minutes-exist' }
  | { code: 'too-early'; earliest: EarliestDecision }
  | { code: 'forbidden' }
  | MinutesChangeError;

type Res<T> = Result<T, HearingsWriteError>;

export const applicationsTable = (db: QamqorDb): Table<ServiceApplication, string> => db.table<ServiceApplication, string>('applications');
export const hearingsTable = (db: QamqorDb): Table<Hearing, string> => db.table<Hearing, string>('hearings');
export const minutesTable = (db: QamqorDb): Table<HearingMinutes, string> => db.table<HearingMinutes, string>('hearingMinutes');

const tables = (db: QamqorDb) => [
  applicationsTable(db),
  hearingsTable(db),
  minutesTable(db),
  db.cases,
  db.ruleSets,
  db.calendarYears,
  db.auditLog,
];

/** Thrown inside a transaction to roll it back and leave as a typed error. */
class Refused {
  constructor(readonly error: HearingsWriteError) {}
}
const refuse = (error: HearingsWriteError): never => {
  throw new Refused(error);
};

async function write<T>(db: QamqorDb, body: () => Promise<T>): Promise<Res<T>> {
  try {
    return ok(await db.transaction('rw', tables(db), body));
  } catch (e: unknown) {
    if (e instanceof Refused) return err(e.error);
    throw e;
  }
}

function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  return r.success ? r.data : refuse({ code: 'invalid', errors: fieldErrors(r.error) });
}

const invalid = (field: string, key: string): never => refuse({ code: 'invalid', errors: { [field]: key } });

function historyEntry(ctx: WriteContext, action: HistoryAction, date: string | null, note: string | null = null): ApplicationHistoryEntry {
  return { at: ctx.now(), by: ctx.actor.officerName, action, date, note };
}

async function loadApplication(db: QamqorDb, id: string): Promise<ServiceApplication> {
  const app = await applicationsTable(db).get(id);
  return app ?? refuse({ code: 'not-found' });
}

function openApplication(app: ServiceApplication): void {
  if (app.decision !== null) refuse({ code: 'decided' });
}

async function saveApplication(
  db: QamqorDb,
  ctx: WriteContext,
  before: ServiceApplication,
  change: Partial<ServiceApplication>,
  entries: ApplicationHistoryEntry[],
): Promise<ServiceApplication> {
  const after = touchEnvelope({ ...before, ...change, history: [...before.history, ...entries] }, ctx.actor, ctx.now());
  await applicationsTable(db).put(after);
  await appendAudit(db, ctx, { action: 'update', table: 'applications', recordId: after.id, before, after });
  return after;
}

export interface RuleContext {
  ruleSet: RuleSet;
  service: ServiceRule;
  cal: WorkingCalendar;
}

/** The rule set of the application (kept from its case) and the calendar as edited in this office. */
async function ruleContext(db: QamqorDb, app: Pick<ServiceApplication, 'ruleSetId' | 'service'>): Promise<RuleContext> {
  const ruleSet = await db.ruleSets.get(app.ruleSetId);
  if (!ruleSet) return refuse({ code: 'rule-set-missing', ruleSetId: app.ruleSetId });
  const service = serviceRule(ruleSet, app.service);
  if (!service) return invalid('service', 'hearings.validation.unknownService');
  const cal = createWorkingCalendar(await db.calendarYears.toArray());
  return { ruleSet, service, cal };
}

async function scheduleOf(db: QamqorDb, app: ServiceApplication, rc: RuleContext, decisionDate?: string): Promise<HearingSchedule> {
  const hearings = await hearingsTable(db).where('applicationId').equals(app.id).toArray();
  const minutes = await minutesTable(db).where('applicationId').equals(app.id).toArray();
  const facts = applicationFacts(app, hearings, minutes);
  const s = hearingSchedule(rc.service, rc.cal, decisionDate === undefined ? facts : { ...facts, decisionDate });
  return s.ok ? s.value : refuse({ code: 'calendar', error: s.error });
}

// ---------------------------------------------------------------------------------------------
// Applications

export async function createApplication(db: QamqorDb, ctx: WriteContext, input: ApplicationInput): Promise<Res<ServiceApplication>> {
  return write(db, async () => {
    const data = parse(applicationInput, input);
    const theCase: Case | undefined = await db.cases.get(data.caseId);
    if (!theCase) return refuse({ code: 'case-not-found' });
    const rc = await ruleContext(db, { ruleSetId: theCase.ruleSetId, service: data.service });
    if (data.channel === 'proactive' && rc.service.proactiveTerm === null) invalid('channel', 'hearings.validation.noProactive');
    if (data.registrationDate < theCase.registrationDate) invalid('registrationDate', 'hearings.validation.beforeCase');
    if (data.plannedDecisionDate !== null && data.plannedDecisionDate < data.registrationDate) {
      invalid('plannedDecisionDate', 'hearings.validation.beforeRegistration');
    }
    const record: ServiceApplication = {
      ...createEnvelope(ctx.newId(), ctx.actor, ctx.now()),
      caseId: theCase.id,
      personId: theCase.personId,
      service: rc.service.id,
      ruleSetId: rc.ruleSet.id,
      channel: data.channel,
      registrationDate: data.registrationDate,
      intakeId: data.intakeId,
      note: data.note,
      plannedDecisionDate: data.plannedDecisionDate,
      stepsDone: {},
      status: 'registered',
      preliminary: null,
      notice: null,
      objection: null,
      decision: null,
      notification: null,
      history: [historyEntry(ctx, 'registered', data.registrationDate, data.intakeId)],
    };
    await applicationsTable(db).add(record);
    await appendAudit(db, ctx, { action: 'create', table: 'applications', recordId: record.id, after: record });
    return record;
  });
}

export function getApplication(db: QamqorDb, id: string): Promise<ServiceApplication | undefined> {
  return applicationsTable(db).get(id);
}

export async function applicationsOfCase(db: QamqorDb, caseId: string): Promise<ServiceApplication[]> {
  const apps = await applicationsTable(db).where('caseId').equals(caseId).toArray();
  return apps.sort((a, b) => b.registrationDate.localeCompare(a.registrationDate) || b.createdAt.localeCompare(a.createdAt));
}

export function hearingsOfApplication(db: QamqorDb, applicationId: string): Promise<Hearing[]> {
  return hearingsTable(db).where('applicationId').equals(applicationId).sortBy('date');
}

export function minutesOfApplication(db: QamqorDb, applicationId: string): Promise<HearingMinutes[]> {
  return minutesTable(db).where('applicationId').equals(applicationId).toArray();
}

export function getHearing(db: QamqorDb, id: string): Promise<Hearing | undefined> {
  return hearingsTable(db).get(id);
}

export function getMinutes(db: QamqorDb, id: string): Promise<HearingMinutes | undefined> {
  return minutesTable(db).get(id);
}

export async function recordPreliminary(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: PreliminaryInput,
): Promise<Res<ServiceApplication>> {
  return write(db, async () => {
    const data = parse(preliminaryInput, input);
    const app = await loadApplication(db, id);
    openApplication(app);
    // The notice announced this decision; changing it afterwards would change what was announced.
    if (app.notice !== null) refuse({ code: 'notice-sent' });
    if (data.date < app.registrationDate) invalid('date', 'hearings.validation.beforeRegistration');
    if (data.disagreementDate !== null && data.disagreementDate < data.date)
      invalid('disagreementDate', 'hearings.validation.beforePreliminary');
    return saveApplication(db, ctx, app, { preliminary: data, status: 'preliminary' }, [
      historyEntry(ctx, 'preliminary', data.date, data.grounds),
    ]);
  });
}

export async function setPlannedDecisionDate(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: { plannedDecisionDate: string },
): Promise<Res<ServiceApplication>> {
  return write(db, async () => {
    const data = parse(plannedDecisionInput, input);
    const app = await loadApplication(db, id);
    openApplication(app);
    if (data.plannedDecisionDate < app.registrationDate) invalid('plannedDecisionDate', 'hearings.validation.beforeRegistration');
    const note = app.plannedDecisionDate === null ? null : `${app.plannedDecisionDate} → ${data.plannedDecisionDate}`;
    return saveApplication(db, ctx, app, { plannedDecisionDate: data.plannedDecisionDate }, [
      historyEntry(ctx, 'planned-decision-date', data.plannedDecisionDate, note),
    ]);
  });
}

export async function recordStepDone(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: { stepId: string; date: string },
): Promise<Res<ServiceApplication>> {
  return write(db, async () => {
    const data = parse(stepDoneInput, input);
    const app = await loadApplication(db, id);
    const rc = await ruleContext(db, app);
    if (!rc.service.steps.some((s) => s.id === data.stepId)) invalid('stepId', 'hearings.validation.unknownStep');
    if (data.date < app.registrationDate) invalid('date', 'hearings.validation.beforeRegistration');
    return saveApplication(db, ctx, app, { stepsDone: { ...app.stepsDone, [data.stepId]: data.date } }, [
      historyEntry(ctx, 'step-done', data.date, data.stepId),
    ]);
  });
}

// ---------------------------------------------------------------------------------------------
// Hearing and notice

/** Plans the hearing, or moves a planned one (`hearingId`); the history keeps the earlier date. */
export async function scheduleHearing(
  db: QamqorDb,
  ctx: WriteContext,
  applicationId: string,
  input: HearingInput,
  hearingId?: string,
): Promise<Res<Hearing>> {
  return write(db, async () => {
    const data = parse(hearingInput, input);
    const app = await loadApplication(db, applicationId);
    openApplication(app);
    if (app.preliminary === null) return refuse({ code: 'no-preliminary' });
    const rc = await ruleContext(db, app);
    if (!allowedHearingMethods(rc.service.hearing).includes(data.method)) invalid('method', 'hearings.validation.method');
    if (data.date < app.preliminary.date) invalid('date', 'hearings.validation.beforePreliminary');
    const table = hearingsTable(db);
    if (hearingId === undefined) {
      const hearing: Hearing = {
        ...createEnvelope(ctx.newId(), ctx.actor, ctx.now()),
        caseId: app.caseId,
        applicationId: app.id,
        ...data,
        status: 'scheduled',
      };
      await table.add(hearing);
      await appendAudit(db, ctx, { action: 'create', table: 'hearings', recordId: hearing.id, after: hearing });
      await saveApplication(db, ctx, app, {}, [historyEntry(ctx, 'hearing-scheduled', data.date, `${data.time}, ${data.place}`)]);
      return hearing;
    }
    const before = await table.get(hearingId);
    if (!before || before.applicationId !== app.id) return refuse({ code: 'not-found' });
    if (before.status !== 'scheduled') return refuse({ code: 'already-recorded' });
    const after = touchEnvelope({ ...before, ...data }, ctx.actor, ctx.now());
    await table.put(after);
    await appendAudit(db, ctx, { action: 'update', table: 'hearings', recordId: after.id, before, after });
    await saveApplication(db, ctx, app, {}, [
      historyEntry(ctx, 'hearing-changed', data.date, `${before.date} ${before.time} → ${data.date} ${data.time}, ${data.place}`),
    ]);
    return after;
  });
}

/** The hearing notice was sent; a new notice (after moving the hearing) replaces it, the history keeps both. */
export async function recordNotice(
  db: QamqorDb,
  ctx: WriteContext,
  applicationId: string,
  input: NoticeInput,
): Promise<Res<ServiceApplication>> {
  return write(db, async () => {
    const data = parse(noticeInput, input);
    const app = await loadApplication(db, applicationId);
    openApplication(app);
    if (app.preliminary === null) return refuse({ code: 'no-preliminary' });
    const hearing = await hearingsTable(db).get(data.hearingId);
    if (!hearing || hearing.applicationId !== app.id) invalid('hearingId', 'validation.required');
    if (data.sentOn < app.preliminary.date) invalid('sentOn', 'hearings.validation.beforePreliminary');
    const status = app.status === 'registered' || app.status === 'preliminary' ? 'notified' : app.status;
    return saveApplication(db, ctx, app, { notice: data, status }, [historyEntry(ctx, 'notice-sent', data.sentOn, data.channel)]);
  });
}

export async function recordHearingOutcome(
  db: QamqorDb,
  ctx: WriteContext,
  hearingId: string,
  outcome: 'held' | 'applicant-absent',
): Promise<Res<Hearing>> {
  return write(db, async () => {
    const before = await hearingsTable(db).get(hearingId);
    if (!before) return refuse({ code: 'not-found' });
    if (before.status !== 'scheduled') return refuse({ code: 'already-recorded' });
    const app = await loadApplication(db, before.applicationId);
    openApplication(app);
    // The applicant must have been told of the time and place first (000 L47, 004 L38).
    if (app.notice === null) return refuse({ code: 'no-notice' });
    const after = touchEnvelope({ ...before, status: outcome }, ctx.actor, ctx.now());
    await hearingsTable(db).put(after);
    await appendAudit(db, ctx, { action: 'status', table: 'hearings', recordId: after.id, before, after });
    await saveApplication(db, ctx, app, { status: 'heard' }, [
      historyEntry(ctx, outcome === 'held' ? 'hearing-held' : 'hearing-absent', before.date),
    ]);
    return after;
  });
}

export async function recordObjection(
  db: QamqorDb,
  ctx: WriteContext,
  applicationId: string,
  input: ObjectionInput,
): Promise<Res<ServiceApplication>> {
  return write(db, async () => {
    const data = parse(objectionInput, input);
    const app = await loadApplication(db, applicationId);
    openApplication(app);
    if (app.preliminary === null) return refuse({ code: 'no-preliminary' });
    if (app.objection !== null) return refuse({ code: 'already-recorded' });
    if (data.date < app.preliminary.date) invalid('date', 'hearings.validation.beforePreliminary');
    return saveApplication(db, ctx, app, { objection: data }, [historyEntry(ctx, 'objection', data.date, `${data.kind}: ${data.summary}`)]);
  });
}

// ---------------------------------------------------------------------------------------------
// Minutes

/** The only way minutes are written after creation: refuses anything that changes what was signed. */
async function putMinutes(db: QamqorDb, ctx: WriteContext, before: HearingMinutes, changed: HearingMinutes): Promise<HearingMinutes> {
  if (!keepsSignedRecord(before, changed)) return refuse({ code: 'signed-off' });
  const after = touchEnvelope(changed, ctx.actor, ctx.now());
  await minutesTable(db).put(after);
  await appendAudit(db, ctx, { action: 'update', table: 'hearingMinutes', recordId: after.id, before, after });
  return after;
}

async function minutesChange(
  db: QamqorDb,
  ctx: WriteContext,
  minutesId: string,
  change: (m: HearingMinutes) => Result<HearingMinutes, MinutesChangeError>,
  entry: (m: HearingMinutes) => ApplicationHistoryEntry,
): Promise<Res<HearingMinutes>> {
  return write(db, async () => {
    const before = await minutesTable(db).get(minutesId);
    if (!before) return refuse({ code: 'not-found' });
    const changed = change(before);
    if (!changed.ok) {
      const e = changed.error;
      return e.code === 'date-order' ? invalid(e.field, 'hearings.validation.dateOrder') : refuse(e);
    }
    const after = await putMinutes(db, ctx, before, changed.value);
    const app = await loadApplication(db, before.applicationId);
    await saveApplication(db, ctx, app, {}, [entry(after)]);
    return after;
  });
}

export async function createMinutes(
  db: QamqorDb,
  ctx: WriteContext,
  hearingId: string,
  input: MinutesContentInput,
): Promise<Res<HearingMinutes>> {
  return write(db, async () => {
    const content = parse(minutesContentInput, input);
    const hearing = await hearingsTable(db).get(hearingId);
    if (!hearing) return refuse({ code: 'not-found' });
    const app = await loadApplication(db, hearing.applicationId);
    openApplication(app);
    if ((await minutesTable(db).where('hearingId').equals(hearingId).count()) > 0) return refuse({ code: 'minutes-exist' });
    const minutes: HearingMinutes = {
      ...createEnvelope(ctx.newId(), ctx.actor, ctx.now()),
      hearingId,
      applicationId: app.id,
      caseId: app.caseId,
      content,
      signedOff: null,
      familiarisation: null,
      remarks: [],
      addenda: [],
    };
    await minutesTable(db).add(minutes);
    await appendAudit(db, ctx, { action: 'create', table: 'hearingMinutes', recordId: minutes.id, after: minutes });
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
): Promise<Res<HearingMinutes>> {
  const parsed = minutesContentInput.safeParse(input);
  if (!parsed.success) return Promise.resolve(err({ code: 'invalid', errors: fieldErrors(parsed.error) }));
  return minutesChange(
    db,
    ctx,
    minutesId,
    (m) => editDraft(m, parsed.data),
    (m) => historyEntry(ctx, 'minutes-edited', m.content.date),
  );
}

export function signOffMinutes(db: QamqorDb, ctx: WriteContext, minutesId: string, input: { date: string }): Promise<Res<HearingMinutes>> {
  const parsed = familiarisationInput.safeParse(input);
  if (!parsed.success) return Promise.resolve(err({ code: 'invalid', errors: fieldErrors(parsed.error) }));
  const date = parsed.data.date;
  return minutesChange(
    db,
    ctx,
    minutesId,
    (m) => signOff(m, { date, at: ctx.now(), by: ctx.actor.officerName }),
    () => historyEntry(ctx, 'minutes-signed', date),
  );
}

export function addAddendum(db: QamqorDb, ctx: WriteContext, minutesId: string, input: DatedTextInput): Promise<Res<HearingMinutes>> {
  const parsed = datedTextInput.safeParse(input);
  if (!parsed.success) return Promise.resolve(err({ code: 'invalid', errors: fieldErrors(parsed.error) }));
  const { date, text } = parsed.data;
  return minutesChange(
    db,
    ctx,
    minutesId,
    (m) => appendAddendum(m, { id: ctx.newId(), date, text, at: ctx.now(), by: ctx.actor.officerName }),
    () => historyEntry(ctx, 'minutes-addendum', date, text),
  );
}

export function recordFamiliarisation(
  db: QamqorDb,
  ctx: WriteContext,
  minutesId: string,
  input: { date: string },
): Promise<Res<HearingMinutes>> {
  const parsed = familiarisationInput.safeParse(input);
  if (!parsed.success) return Promise.resolve(err({ code: 'invalid', errors: fieldErrors(parsed.error) }));
  const date = parsed.data.date;
  return minutesChange(
    db,
    ctx,
    minutesId,
    (m) => recordReading(m, { date, at: ctx.now(), by: ctx.actor.officerName }),
    () => historyEntry(ctx, 'familiarisation', date),
  );
}

export function addRemarks(db: QamqorDb, ctx: WriteContext, minutesId: string, input: DatedTextInput): Promise<Res<HearingMinutes>> {
  const parsed = datedTextInput.safeParse(input);
  if (!parsed.success) return Promise.resolve(err({ code: 'invalid', errors: fieldErrors(parsed.error) }));
  const { date, text } = parsed.data;
  return minutesChange(
    db,
    ctx,
    minutesId,
    (m) => appendRemark(m, { id: ctx.newId(), date, text, at: ctx.now(), by: ctx.actor.officerName }),
    () => historyEntry(ctx, 'remarks', date, text),
  );
}

// ---------------------------------------------------------------------------------------------
// Decision

/**
 * Records the decision. A refusal before its earliest allowed date (or before the hearing steps are
 * done) is refused with `too-early` unless the officer gives a reason, which the history keeps.
 */
export async function recordDecision(
  db: QamqorDb,
  ctx: WriteContext,
  applicationId: string,
  input: DecisionInput,
): Promise<Res<ServiceApplication>> {
  // Issue 8: only a head records decisions on applications.
  if (!can(ctx.roles, 'decision.record')) return err({ code: 'forbidden' });
  return write(db, async () => {
    const data = parse(decisionInput, input);
    const app = await loadApplication(db, applicationId);
    openApplication(app);
    if (data.date < app.registrationDate) invalid('date', 'hearings.validation.beforeRegistration');
    if (app.preliminary !== null && data.date < app.preliminary.date) invalid('date', 'hearings.validation.beforePreliminary');
    const rc = await ruleContext(db, app);
    const schedule = await scheduleOf(db, app, rc, data.date);
    const check = checkDecision(schedule, data.outcome, data.date);
    if (check.early && data.earlyReason === null) return refuse({ code: 'too-early', earliest: check.earliest });
    const decision = { ...data, earlyReason: check.early ? data.earlyReason : null };
    const entries = [historyEntry(ctx, 'decision', data.date, `${data.outcome}${data.reasons ? `: ${data.reasons}` : ''}`)];
    if (check.early) {
      const until = check.earliest.notBefore ?? check.earliest.blockers.join(', ');
      entries.push(historyEntry(ctx, 'decision-early', data.date, `${until} — ${data.earlyReason ?? ''}`));
    }
    return saveApplication(db, ctx, app, { decision, status: 'decided' }, entries);
  });
}

export async function recordNotification(
  db: QamqorDb,
  ctx: WriteContext,
  applicationId: string,
  input: NotificationInput,
): Promise<Res<ServiceApplication>> {
  return write(db, async () => {
    const data = parse(notificationInput, input);
    const app = await loadApplication(db, applicationId);
    if (app.decision === null) return refuse({ code: 'no-decision' });
    if (data.date < app.decision.date) invalid('date', 'hearings.validation.beforeDecision');
    return saveApplication(db, ctx, app, { notification: data }, [historyEntry(ctx, 'decision-notified', data.date, data.method)]);
  });
}

// ---------------------------------------------------------------------------------------------
// Lists

export interface ApplicationView {
  application: ServiceApplication;
  theCase: Case | undefined;
  person: Person | undefined;
  service: ServiceRule | undefined;
  hearings: Hearing[];
  minutes: HearingMinutes[];
  hearing: Hearing | null;
  /** Null when the calendar does not cover the dates or the rule set is missing. */
  schedule: HearingSchedule | null;
  scheduleError: CalendarError | { code: 'rule-set-missing' } | null;
}

/** Everything the application page shows, with its schedule computed from the stored facts. */
export async function applicationView(db: QamqorDb, app: ServiceApplication): Promise<ApplicationView> {
  const [theCase, person, hearings, minutes, ruleSet, years] = await Promise.all([
    db.cases.get(app.caseId),
    db.persons.get(app.personId),
    hearingsOfApplication(db, app.id),
    minutesOfApplication(db, app.id),
    db.ruleSets.get(app.ruleSetId),
    db.calendarYears.toArray(),
  ]);
  const service = ruleSet ? serviceRule(ruleSet, app.service) : undefined;
  let schedule: HearingSchedule | null = null;
  let scheduleError: ApplicationView['scheduleError'] = null;
  if (!service) scheduleError = { code: 'rule-set-missing' };
  else {
    const s = hearingSchedule(service, createWorkingCalendar(years), applicationFacts(app, hearings, minutes));
    if (s.ok) schedule = s.value;
    else scheduleError = s.error;
  }
  return { application: app, theCase, person, service, hearings, minutes, hearing: currentHearing(app, hearings), schedule, scheduleError };
}

export interface HearingsOverview {
  /** Planned hearings from today on, by date and time. */
  upcoming: ApplicationView[];
  /** Unfavourable preliminary decisions whose hearing notice is not sent yet, by latest notice date. */
  noticesDue: ApplicationView[];
  /** Minutes read by the applicant whose remarks window is still open, by closing date. */
  remarksOpen: ApplicationView[];
}

export async function hearingsOverview(db: QamqorDb, today: string): Promise<HearingsOverview> {
  const open = await applicationsTable(db).where('status').anyOf(['preliminary', 'notified', 'heard']).toArray();
  const views = await Promise.all(open.map((a) => applicationView(db, a)));
  const upcoming = views
    .filter((v) => v.hearing !== null && v.hearing.status === 'scheduled' && v.hearing.date >= today)
    .sort((a, b) => `${a.hearing?.date} ${a.hearing?.time}`.localeCompare(`${b.hearing?.date} ${b.hearing?.time}`));
  const latestNotice = (v: ApplicationView) => v.schedule?.latestNotice?.date ?? '';
  const noticesDue = views.filter((v) => v.application.notice === null).sort((a, b) => latestNotice(a).localeCompare(latestNotice(b)));
  const closes = (v: ApplicationView) => v.schedule?.remarksWindow?.closes.date ?? '';
  const remarksOpen = views
    .filter((v) => {
      const m = v.hearing ? v.minutes.find((x) => x.hearingId === v.hearing?.id) : undefined;
      return m?.familiarisation != null && closes(v) >= today;
    })
    .sort((a, b) => closes(a).localeCompare(closes(b)));
  return { upcoming, noticesDue, remarksOpen };
}

/** A printed notice or minutes leaves a trace in the audit log. */
export async function recordPrint(
  db: QamqorDb,
  ctx: WriteContext,
  table: 'applications' | 'hearings' | 'hearingMinutes',
  recordId: string,
  form: string,
): Promise<void> {
  await db.transaction('rw', db.auditLog, () => appendAudit(db, ctx, { action: 'print', table, recordId, after: { form } }));
}
