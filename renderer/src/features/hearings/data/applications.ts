/** Writes of a service application: registration, preliminary decision, the applicant's position, steps, decision. */
import type { Case } from '@shared/cases';
import {
  applicantPositionInput,
  applicationInput,
  checkDecision,
  decisionInput,
  notificationInput,
  notificationMethods,
  plannedDecisionInput,
  preliminaryInput,
  stepDoneInput,
  type ApplicantPositionInput,
  type ApplicationInput,
  type DecisionInput,
  type NotificationInput,
  type PreliminaryInput,
  type ServiceApplication,
} from '@shared/hearings';
import type { WriteContext } from '../../../db/context';
import type { QamqorDb } from '../../../db/database';
import { insertRecord, invalid, parseInput, refuse, requirePermission, runWrite } from '../../../db/write';
import {
  applicationsTable,
  hearingTables,
  historyEntry,
  loadApplication,
  openApplication,
  rejectDates,
  ruleContext,
  saveApplication,
  scheduleOf,
  todayOf,
  type HearingsResult,
} from './common';
import { pastDateErrors } from '../timeline';

export function createApplication(db: QamqorDb, ctx: WriteContext, input: ApplicationInput): Promise<HearingsResult<ServiceApplication>> {
  return runWrite(db, hearingTables(db), async () => {
    const data = parseInput(applicationInput, input);
    const theCase: Case | undefined = await db.cases.get(data.caseId);
    if (!theCase) return refuse({ code: 'case-not-found' });
    // Issue 16 point 2: nothing more is registered in a case voided as made by mistake.
    if (theCase.voided) return refuse({ code: 'voided' });
    const rc = await ruleContext(db, { ruleSetId: theCase.ruleSetId, service: data.service });
    if (data.channel === 'proactive' && rc.service.proactiveTerm === null) invalid('channel', 'hearings.validation.noProactive');
    if (data.registrationDate < theCase.registrationDate) invalid('registrationDate', 'hearings.validation.beforeCase');
    // Issue 16 point 2: an application is registered on a day that has come.
    rejectDates(pastDateErrors({ registrationDate: data.registrationDate }, todayOf(ctx)));
    if (data.plannedDecisionDate !== null && data.plannedDecisionDate < data.registrationDate) {
      invalid('plannedDecisionDate', 'hearings.validation.beforeRegistration');
    }
    return insertRecord(db, ctx, applicationsTable(db), {
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
    });
  });
}

export function recordPreliminary(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: PreliminaryInput,
): Promise<HearingsResult<ServiceApplication>> {
  return runWrite(db, hearingTables(db), async () => {
    const data = parseInput(preliminaryInput, input);
    const app = await loadApplication(db, id);
    openApplication(app);
    // The notice announced this decision; changing it afterwards would change what was announced.
    if (app.notice !== null) refuse({ code: 'notice-sent' });
    if (data.date < app.registrationDate) invalid('date', 'hearings.validation.beforeRegistration');
    if (data.receivedOn !== null && data.receivedOn < data.date) invalid('receivedOn', 'hearings.validation.beforePreliminary');
    if (data.disagreementDate !== null && data.disagreementDate < data.date) {
      invalid('disagreementDate', 'hearings.validation.beforePreliminary');
    }
    rejectDates(pastDateErrors({ date: data.date, receivedOn: data.receivedOn, disagreementDate: data.disagreementDate }, todayOf(ctx)));
    const preliminary = { ...data, waiverDate: app.preliminary?.waiverDate ?? null };
    return saveApplication(db, ctx, app, { preliminary, status: 'preliminary' }, [
      historyEntry(ctx, 'preliminary', data.date, data.grounds),
    ]);
  });
}

/**
 * The applicant's answer to the preliminary decision: a disagreement (Order 458 holds the hearing on it,
 * 000 L47) or a written waiver (no disagreement, no objection: the windows close, 004 L43).
 */
export function recordApplicantPosition(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: ApplicantPositionInput,
): Promise<HearingsResult<ServiceApplication>> {
  return runWrite(db, hearingTables(db), async () => {
    const data = parseInput(applicantPositionInput, input);
    const app = await loadApplication(db, id);
    openApplication(app);
    const p = app.preliminary;
    if (p === null) return refuse({ code: 'no-preliminary' });
    if (data.date < p.date) invalid('date', 'hearings.validation.beforePreliminary');
    rejectDates(pastDateErrors({ date: data.date }, todayOf(ctx)));
    if ((p.disagreementDate ?? null) !== null || (p.waiverDate ?? null) !== null || app.objection !== null) {
      return refuse({ code: 'already-recorded' });
    }
    const preliminary = data.position === 'disagreed' ? { ...p, disagreementDate: data.date } : { ...p, waiverDate: data.date };
    return saveApplication(db, ctx, app, { preliminary }, [
      historyEntry(ctx, data.position === 'disagreed' ? 'disagreement' : 'waiver', data.date),
    ]);
  });
}

export function setPlannedDecisionDate(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: { plannedDecisionDate: string },
): Promise<HearingsResult<ServiceApplication>> {
  return runWrite(db, hearingTables(db), async () => {
    const data = parseInput(plannedDecisionInput, input);
    const app = await loadApplication(db, id);
    openApplication(app);
    if (data.plannedDecisionDate < app.registrationDate) invalid('plannedDecisionDate', 'hearings.validation.beforeRegistration');
    const note = app.plannedDecisionDate === null ? null : `${app.plannedDecisionDate} → ${data.plannedDecisionDate}`;
    return saveApplication(db, ctx, app, { plannedDecisionDate: data.plannedDecisionDate }, [
      historyEntry(ctx, 'planned-decision-date', data.plannedDecisionDate, note),
    ]);
  });
}

export function recordStepDone(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: { stepId: string; date: string },
): Promise<HearingsResult<ServiceApplication>> {
  return runWrite(db, hearingTables(db), async () => {
    const data = parseInput(stepDoneInput, input);
    const app = await loadApplication(db, id);
    const rc = await ruleContext(db, app);
    if (!rc.service.steps.some((s) => s.id === data.stepId)) invalid('stepId', 'hearings.validation.unknownStep');
    if (data.date < app.registrationDate) invalid('date', 'hearings.validation.beforeRegistration');
    rejectDates(pastDateErrors({ date: data.date }, todayOf(ctx)));
    return saveApplication(db, ctx, app, { stepsDone: { ...app.stepsDone, [data.stepId]: data.date } }, [
      historyEntry(ctx, 'step-done', data.date, data.stepId),
    ]);
  });
}

/**
 * Records the decision. A refusal before its earliest allowed date (or before the hearing steps are
 * done) is refused with `too-early` unless the officer gives a reason, which the history keeps.
 */
export function recordDecision(
  db: QamqorDb,
  ctx: WriteContext,
  applicationId: string,
  input: DecisionInput,
): Promise<HearingsResult<ServiceApplication>> {
  return runWrite(db, hearingTables(db), async () => {
    // Issue 8: only a head records decisions on applications.
    requirePermission(ctx, 'decision.record');
    const data = parseInput(decisionInput, input);
    const app = await loadApplication(db, applicationId);
    openApplication(app);
    if (data.date < app.registrationDate) invalid('date', 'hearings.validation.beforeRegistration');
    if (app.preliminary !== null && data.date < app.preliminary.date) invalid('date', 'hearings.validation.beforePreliminary');
    // A decision is signed on a day that has come (issue 16 point 2: a sign-off dated in the future).
    rejectDates(pastDateErrors({ date: data.date }, todayOf(ctx)));
    const rc = await ruleContext(db, app);
    const schedule = await scheduleOf(db, app, rc, { decisionDate: data.date, asOf: todayOf(ctx) });
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

/** The notice of the decision was sent; SMS only on the condition the rule states (004 L49). */
export function recordNotification(
  db: QamqorDb,
  ctx: WriteContext,
  applicationId: string,
  input: NotificationInput,
): Promise<HearingsResult<ServiceApplication>> {
  return runWrite(db, hearingTables(db), async () => {
    const data = parseInput(notificationInput, input);
    const app = await loadApplication(db, applicationId);
    if (app.decision === null) return refuse({ code: 'no-decision' });
    if (data.date < app.decision.date) invalid('date', 'hearings.validation.beforeDecision');
    rejectDates(pastDateErrors({ date: data.date }, todayOf(ctx)));
    const rc = await ruleContext(db, app);
    if (!notificationMethods(rc.service.hearing, app.channel, data.mobileRegistered).includes(data.method)) {
      invalid('method', 'hearings.validation.notificationMethod');
    }
    return saveApplication(db, ctx, app, { notification: data }, [historyEntry(ctx, 'decision-notified', data.date, data.method)]);
  });
}
