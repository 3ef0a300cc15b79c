/** Reads of the hearings feature, through Dexie only (they run inside live queries, core/useLiveData.ts). */
import { createWorkingCalendar, type CalendarError } from '@shared/calendar';
import type { Case } from '@shared/cases';
import {
  applicationFacts,
  blockingVoiding,
  conductingOfficers,
  currentHearing,
  hearingSchedule,
  type Hearing,
  type HearingMinutes,
  type HearingSchedule,
  type ServiceApplication,
} from '@shared/hearings';
import type { Person } from '@shared/persons';
import { serviceRule, type ServiceRule } from '@shared/rules';
import type { QamqorDb } from '../../../db/database';
import { applicationsTable, hearingsTable, minutesTable } from './common';

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

/** The names of the accounts that may conduct a hearing (issue 16 point 4; shared/hearings conductingOfficers). */
export async function conductingOfficerNames(db: QamqorDb): Promise<string[]> {
  return conductingOfficers(await db.officers.toArray()).map((o) => o.fullName);
}

export function getHearing(db: QamqorDb, id: string): Promise<Hearing | undefined> {
  return hearingsTable(db).get(id);
}

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

/** Everything the application page shows, with its schedule computed from the stored facts as of `today`. */
export async function applicationView(db: QamqorDb, app: ServiceApplication, today: string | null = null): Promise<ApplicationView> {
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
    const s = hearingSchedule(service, createWorkingCalendar(years), applicationFacts(app, hearings, minutes, today));
    if (s.ok) schedule = s.value;
    else scheduleError = s.error;
  }
  return { application: app, theCase, person, service, hearings, minutes, hearing: currentHearing(app, hearings), schedule, scheduleError };
}

/** The application page's data: its view, or null when the record does not exist. */
export async function applicationPageData(db: QamqorDb, id: string, today: string): Promise<ApplicationView | null> {
  const app = await getApplication(db, id);
  return app ? applicationView(db, app, today) : null;
}

/** The minutes page's data: the hearing and its application's view, or null. */
export async function minutesPageData(
  db: QamqorDb,
  hearingId: string,
  today: string,
): Promise<{ hearing: Hearing; view: ApplicationView } | null> {
  const hearing = await getHearing(db, hearingId);
  const app = hearing ? await getApplication(db, hearing.applicationId) : undefined;
  return hearing && app ? { hearing, view: await applicationView(db, app, today) } : null;
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
  // Issue 16 point 2: a voided application, or one in a voided case, has no term, hearing or notice due.
  const views = (await Promise.all(open.filter((a) => !a.voided).map((a) => applicationView(db, a, today)))).filter(
    (v) => blockingVoiding(v.application, v.theCase) === null,
  );
  const upcoming = views
    .filter((v) => v.hearing !== null && v.hearing.status === 'scheduled' && v.hearing.date >= today)
    .sort((a, b) => `${a.hearing?.date} ${a.hearing?.time}`.localeCompare(`${b.hearing?.date} ${b.hearing?.time}`));
  const latestNotice = (v: ApplicationView) => v.schedule?.latestNotice?.date ?? '';
  // Order 458: no notice is due while the applicant has not disagreed (000 L47).
  const noticesDue = views
    .filter((v) => v.application.notice === null && v.schedule?.hearingNeeded !== 'no')
    .sort((a, b) => latestNotice(a).localeCompare(latestNotice(b)));
  const closes = (v: ApplicationView) => v.schedule?.remarksWindow?.closes.date ?? '';
  const remarksOpen = views
    .filter((v) => {
      const m = v.hearing ? v.minutes.find((x) => x.hearingId === v.hearing?.id) : undefined;
      return m?.familiarisation != null && closes(v) >= today;
    })
    .sort((a, b) => closes(a).localeCompare(closes(b)));
  return { upcoming, noticesDue, remarksOpen };
}

/**
 * The cases voided as made by mistake (issue 16 point 2), last voided first: they stay in the register
 * under their numbers, listed apart from the work that is due. Cases have no index on `voided`; the
 * scan runs only when this list is open.
 */
export async function voidedCases(db: QamqorDb): Promise<Case[]> {
  const cases = await db.cases.filter((c) => c.voided !== undefined).toArray();
  return cases.sort((a, b) => (b.voided?.at ?? '').localeCompare(a.voided?.at ?? ''));
}
