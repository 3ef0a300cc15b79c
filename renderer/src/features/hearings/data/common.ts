/**
 * What every write of the hearings feature shares: the tables, the feature's extra refusal codes on
 * top of db/write.ts, the application's history and the rule context of an application.
 */
import type { Table } from 'dexie';
import { createWorkingCalendar, type CalendarError, type WorkingCalendar } from '@shared/calendar';
import {
  applicationFacts,
  blockingVoiding,
  hearingSchedule,
  type ApplicationHistoryEntry,
  type EarliestDecision,
  type Hearing,
  type HearingMinutes,
  type HearingSchedule,
  type HistoryAction,
  type MinutesChangeError,
  type ServiceApplication,
} from '@shared/hearings';
import { serviceRule, type RuleSet, type ServiceRule } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import type { WriteContext } from '../../../db/context';
import type { QamqorDb } from '../../../db/database';
import { getOrRefuse, invalid, refuse, updateRecord, type WriteError, type WriteResult } from '../../../db/write';

/** The refusals of this feature on top of invalid / not-found / forbidden. */
type HearingsExtra =
  | { code: 'case-not-found' }
  /** Issue 16 point 2: the case or the application was voided as made by mistake; nothing more is done on it. */
  | { code: 'voided' }
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
  | { code: 'not-yet-held'; hearingDate: string }
  | MinutesChangeError;

export type HearingsWriteError = WriteError<HearingsExtra>;
export type HearingsResult<T> = WriteResult<T, HearingsExtra>;

export const applicationsTable = (db: QamqorDb): Table<ServiceApplication, string> => db.table<ServiceApplication, string>('applications');
export const hearingsTable = (db: QamqorDb): Table<Hearing, string> => db.table<Hearing, string>('hearings');
export const minutesTable = (db: QamqorDb): Table<HearingMinutes, string> => db.table<HearingMinutes, string>('hearingMinutes');

/** Every table a hearings write may touch (runWrite adds the audit log). */
export const hearingTables = (db: QamqorDb): Table[] => [
  applicationsTable(db),
  hearingsTable(db),
  minutesTable(db),
  db.cases,
  db.ruleSets,
  db.calendarYears,
];

export function historyEntry(
  ctx: WriteContext,
  action: HistoryAction,
  date: string | null,
  note: string | null = null,
): ApplicationHistoryEntry {
  return { at: ctx.now(), by: ctx.actor.officerName, action, date, note };
}

/**
 * The application a write works on; refused with `voided` when it or its case was voided (issue 16
 * point 2, shared/hearings/voiding.ts blockingVoiding): every application, hearing and minutes write
 * loads its application through here.
 */
export async function loadApplication(db: QamqorDb, id: string): Promise<ServiceApplication> {
  const app = await getOrRefuse(applicationsTable(db), id);
  if (blockingVoiding(app, await db.cases.get(app.caseId))) refuse({ code: 'voided' });
  return app;
}

export function openApplication(app: ServiceApplication): void {
  if (app.decision !== null) refuse({ code: 'decided' });
}

/** Stores the changed application with the history lines appended (audit entry by db/write.ts). */
export function saveApplication(
  db: QamqorDb,
  ctx: WriteContext,
  before: ServiceApplication,
  change: Partial<ServiceApplication>,
  entries: ApplicationHistoryEntry[],
): Promise<ServiceApplication> {
  return updateRecord(db, ctx, applicationsTable(db), before, { ...change, history: [...before.history, ...entries] });
}

export interface RuleContext {
  ruleSet: RuleSet;
  service: ServiceRule;
  cal: WorkingCalendar;
}

/** The rule set of the application (kept from its case) and the calendar as edited in this office. */
export async function ruleContext(db: QamqorDb, app: Pick<ServiceApplication, 'ruleSetId' | 'service'>): Promise<RuleContext> {
  const ruleSet = await db.ruleSets.get(app.ruleSetId);
  if (!ruleSet) return refuse({ code: 'rule-set-missing', ruleSetId: app.ruleSetId });
  const service = serviceRule(ruleSet, app.service);
  if (!service) return invalid('service', 'hearings.validation.unknownService');
  const cal = createWorkingCalendar(await db.calendarYears.toArray());
  return { ruleSet, service, cal };
}

/** The schedule as the stored facts give it, with `decisionDate` and today (`asOf`) for a decision being recorded. */
export async function scheduleOf(
  db: QamqorDb,
  app: ServiceApplication,
  rc: RuleContext,
  at: { decisionDate?: string; asOf: string },
): Promise<HearingSchedule> {
  const hearings = await hearingsTable(db).where('applicationId').equals(app.id).toArray();
  const minutes = await minutesTable(db).where('applicationId').equals(app.id).toArray();
  const facts = applicationFacts(app, hearings, minutes, at.asOf);
  const s = hearingSchedule(rc.service, rc.cal, at.decisionDate === undefined ? facts : { ...facts, decisionDate: at.decisionDate });
  return s.ok ? s.value : refuse({ code: 'calendar', error: s.error });
}

/** The office's today (YYYY-MM-DD, local time) from the write context's clock. */
export function todayOf(ctx: WriteContext): string {
  const d = new Date(ctx.now());
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Inside a write: leaves with `invalid` and every date's message when a timeline check found any (issue 16 point 2). */
export function rejectDates(errors: FieldErrors): void {
  if (Object.keys(errors).length > 0) refuse({ code: 'invalid', errors });
}
