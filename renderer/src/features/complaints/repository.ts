/**
 * Writes of the complaint register, all through the one write path (db/write.ts): registration with
 * its incoming number and deadlines, the workflow steps, the deadlines recomputed after a calendar
 * change. What the register discloses (prints, exports) is described in disclosures.ts.
 */
import { addWorkingDays, createWorkingCalendar, type CalendarError, type WorkingCalendar } from '@shared/calendar';
import { sha256Hex } from '@shared/bundle/bytes';
import { formatRegisterNumber, type Case } from '@shared/cases';
import {
  applyComplaintAction,
  complaintDueDates,
  complaintRegistrationInput,
  complaintRoute,
  nextOpenDue,
  satisfactionWindowEnd,
  type Complaint,
  type ComplaintAction,
  type ComplaintRegistrationInput,
  type ComplaintStatus,
  type VoidInput,
  type WorkflowError,
  voidingOf,
} from '@shared/complaints';
import type { OfficeProfile } from '@shared/office';
import { can, type Officer } from '@shared/officers';
import { fullName, personSearchWords, type PersonInput } from '@shared/persons';
import { createEnvelope, touchEnvelope } from '@shared/records/envelope';
import { err } from '@shared/result';
import { ruleSetInForce } from '@shared/rules';
import { fieldErrors } from '@shared/validation';
import { localDateOf, type WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit, type AuditAction } from '../../db/repositories/audit';
import { nextSequence } from '../../db/repositories/counters';
import { addPerson, type PersonWriteError } from '../../db/repositories/persons';
import { getOrRefuse, invalid, refuse, requirePermission, runWrite, type WriteError, type WriteResult } from '../../db/write';
import { registrationDateErrors, stepDateErrors } from './timeline';

/** Complaint numbers carry no kind letter: `<office code>-<year>-<sequence>` (issue 3). */
const COMPLAINT_NUMBER_KIND = '';

export type RegisterError =
  | { code: 'person'; error: PersonWriteError }
  | { code: 'person-not-found' }
  | { code: 'no-rule-set'; date: string }
  | { code: 'calendar'; error: CalendarError };

export interface NewAttachment {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
}

/** Inside a write: leaves with `invalid` and every date's message when there is any (shared/timeline). */
function refuseDates(errors: Record<string, string>): void {
  if (Object.keys(errors).length > 0) refuse({ code: 'invalid', errors });
}

/** The indexed copy of the earliest open deadline, set or removed. */
function withNextDue(c: Complaint): Complaint {
  const next = nextOpenDue(c);
  const { nextDue: _previous, ...rest } = c;
  return next === undefined ? rest : { ...rest, nextDue: next };
}

/**
 * Registers a complaint with its incoming number and deadlines in one transaction: the number,
 * the complaint, a new complainant (if one is entered), the attachments and the audit entries land
 * together or not at all. The deadlines follow the route of the service complained about (Order 458,
 * seed 000 L75-81, or the medical-social rules, seed 001 L57-60).
 */
export async function registerComplaint(
  db: QamqorDb,
  ctx: WriteContext,
  office: OfficeProfile,
  input: ComplaintRegistrationInput,
  options: { newPerson?: PersonInput; attachments?: NewAttachment[] } = {},
): Promise<WriteResult<Complaint, RegisterError>> {
  const withPerson = options.newPerson ? { ...input, personId: input.personId || 'new' } : input;
  const parsed = complaintRegistrationInput.safeParse(withPerson);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const data = parsed.data;
  // Digests are computed before the transaction: awaiting WebCrypto inside it would let IndexedDB commit early.
  const attachments = await Promise.all((options.attachments ?? []).map(async (a) => ({ ...a, digest: await sha256Hex(a.bytes) })));

  return runWrite<Complaint, RegisterError>(
    db,
    [db.complaints, db.persons, db.counters, db.ruleSets, db.calendarYears, db.documents, db.cases],
    async () => {
      // Issue 16 point 2: receipt ≤ registration ≤ today, so no future year takes a gapless number.
      refuseDates(registrationDateErrors(data, localDateOf(ctx)));
      let personId = data.personId;
      if (options.newPerson) {
        const created = await addPerson(db, ctx, options.newPerson);
        if (!created.ok) refuse<RegisterError>({ code: 'person', error: created.error });
        personId = created.value.id;
      }
      const person = (await db.persons.get(personId)) ?? refuse<RegisterError>({ code: 'person-not-found' });
      const ruleSet = ruleSetInForce(await db.ruleSets.toArray(), data.registrationDate);
      if (!ruleSet.ok) refuse<RegisterError>({ code: 'no-rule-set', date: data.registrationDate });
      const cal = createWorkingCalendar(await db.calendarYears.toArray());
      const due = complaintDueDates(complaintRoute(ruleSet.value, data.serviceId), cal, data);
      if (!due.ok) {
        if (due.error.code === 'unknown-addressee') invalid('addressee', 'validation.required');
        refuse<RegisterError>({ code: 'calendar', error: due.error });
      }
      const year = Number(data.registrationDate.slice(0, 4));
      const seq = await nextSequence(db, `complaint:${office.officeCode}:${year}`);
      const now = ctx.now();
      const envelope = createEnvelope(ctx.newId(), ctx.actor, now);
      const attachmentIds: string[] = [];
      for (const a of attachments) {
        const docId = ctx.newId();
        attachmentIds.push(docId);
        await db.documents.add({
          ...createEnvelope(docId, ctx.actor, now),
          ownerId: envelope.id,
          caseId: data.caseId,
          digest: a.digest,
          fileName: a.fileName,
          mimeType: a.mimeType,
          size: a.bytes.byteLength,
          blob: new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.mimeType }),
        });
      }
      const complaint = withNextDue({
        ...envelope,
        number: formatRegisterNumber(office.officeCode, COMPLAINT_NUMBER_KIND, year, seq),
        personId,
        caseId: data.caseId,
        complainantName: fullName(person),
        complainantIin: person.iin,
        representative: data.representative,
        receiptDate: data.receiptDate,
        registrationDate: data.registrationDate,
        channel: data.channel,
        addressee: data.addressee,
        serviceId: data.serviceId,
        contested: data.contested,
        contestedRef: data.contestedRef,
        official: data.official,
        text: data.text,
        demands: data.demands,
        attachmentIds,
        acceptedBy: data.acceptedBy,
        answerPlace: data.answerPlace,
        ruleSetId: ruleSet.value.id,
        forwardDue: due.value.forwardDue,
        reviewDue: due.value.reviewDue,
        status: 'registered',
        reviewer: '',
        forwarded: null,
        decision: null,
        withdrawal: null,
        courtNote: null,
        history: [{ from: null, to: 'registered', at: now, by: ctx.actor.officerName }],
        searchWords: personSearchWords(person),
      });
      await db.complaints.add(complaint);
      await appendAudit(db, ctx, { action: 'create', table: 'complaints', recordId: complaint.id, after: complaint });
      return complaint;
    },
  );
}

/** Refusals of a workflow step besides invalid / not-found / forbidden. */
export type ActionRefusal = Exclude<WorkflowError, { code: 'invalid' }>;
export type ActionError = WriteError<ActionRefusal>;

/**
 * One workflow step; the record's version is bumped and the change is audited. The full-satisfaction
 * window and the waiver wording come from the route of the complaint's service (000 L77 / 001 L58).
 */
export async function applyAction(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  action: ComplaintAction,
): Promise<WriteResult<Complaint, ActionRefusal>> {
  return runWrite<Complaint, ActionRefusal>(db, [db.complaints, db.ruleSets, db.calendarYears, db.officers], async () => {
    // Issue 8: only a head records decisions on complaints.
    if (action.type === 'decide') requirePermission(ctx, 'decision.record');
    const before = await getOrRefuse(db.complaints, id);
    // Issue 16 point 2: a voided complaint is never edited again.
    if (before.voided) refuse<ActionRefusal>({ code: 'voided' });
    // Issue 16 point 2: a step records what has happened, between the receipt and today.
    refuseDates(stepDateErrors(action, before.receiptDate, localDateOf(ctx)));
    // Issue 16 point 4: the reviewer is an active account holding a role that may review (shared/officers).
    if (action.type === 'start-review' && !(await eligibleReviewers(db)).some((o) => o.fullName === action.reviewer.trim()))
      invalid('reviewer', 'complaints.validation.reviewerNotEligible');
    const ruleSet = (await db.ruleSets.toArray()).find((r) => r.id === before.ruleSetId);
    const route = ruleSet ? complaintRoute(ruleSet, before.serviceId) : null;
    const cal = createWorkingCalendar(await db.calendarYears.toArray());
    const windowEnd = route ? satisfactionWindowEnd(route, cal, before.receiptDate) : null;
    const patch = applyComplaintAction(before, action, ctx.actor.officerName, ctx.now(), {
      waiver: route?.waiver.kind ?? 'must-not-forward',
      satisfactionWindowEnd: windowEnd?.ok ? windowEnd.value : null,
    });
    if (!patch.ok) return refuse(patch.error);
    return putWithAudit(db, ctx, before, withNextDue({ ...before, ...patch.value }), action.type === 'court-note' ? 'update' : 'status');
  });
}

export type VoidRefusal = { code: 'voided' };

/**
 * Voids a complaint made by mistake (issue 16 point 2, shared/complaints/voiding.ts): only a head
 * (`record.void`); the reason is required. The complaint keeps its number and stays in the register;
 * its next due date goes (no term runs, so it leaves the overdue and due-soon lists and counts). The
 * audit entry (action `void`) carries the voiding with its reason. A voided complaint is refused.
 */
export async function voidComplaint(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: VoidInput,
): Promise<WriteResult<Complaint, VoidRefusal>> {
  return runWrite<Complaint, VoidRefusal>(db, [db.complaints], async () => {
    requirePermission(ctx, 'record.void');
    const before = await getOrRefuse(db.complaints, id);
    const voided = voidingOf(before, input, ctx.actor.officerName, ctx.now());
    if (!voided.ok) return refuse<WriteError<VoidRefusal>>(voided.error.code === 'voided' ? { code: 'voided' } : voided.error);
    return putWithAudit(db, ctx, before, withNextDue({ ...before, voided: voided.value }), 'void');
  });
}

/** Inside a write: stores the changed complaint with a bumped envelope and its audit entry (the changed fields). */
async function putWithAudit(
  db: QamqorDb,
  ctx: WriteContext,
  before: Complaint,
  changed: Complaint,
  action: AuditAction,
): Promise<Complaint> {
  const after = touchEnvelope(changed, ctx.actor, ctx.now());
  await db.complaints.put(after);
  await appendAudit(db, ctx, { action, table: 'complaints', recordId: after.id, before, after });
  return after;
}

/** An account that may be named the reviewer of a complaint: its name and id only (never its password hash). */
export interface ReviewerChoice {
  id: string;
  fullName: string;
}

/** Active accounts whose roles hold `complaint.review` (README roles table), by name. */
export async function eligibleReviewers(db: QamqorDb): Promise<ReviewerChoice[]> {
  const all: Officer[] = await db.officers.toArray();
  return all
    .filter((o) => o.active && can(o.roles, 'complaint.review'))
    .map((o) => ({ id: o.id, fullName: o.fullName }))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'kk'));
}

export function getComplaint(db: QamqorDb, id: string): Promise<Complaint | undefined> {
  return db.complaints.get(id);
}

/** The case a complaint is filed in (its number for the complaint page), or undefined. */
export async function getLinkedCase(db: QamqorDb, caseId: string | null): Promise<Pick<Case, 'id' | 'caseNumber' | 'subject'> | undefined> {
  if (!caseId) return undefined;
  const found = await db.cases.get(caseId);
  return found ? { id: found.id, caseNumber: found.caseNumber, subject: found.subject } : undefined;
}

export const OPEN_STATUSES: ComplaintStatus[] = ['registered', 'under-review', 'forwarded'];

/**
 * After an administrator changes a calendar year, open complaints get their deadlines recomputed
 * with the rule set they were registered under, so a decree's transfer of days off moves them.
 */
export async function recomputeOpenDeadlines(db: QamqorDb, ctx: WriteContext): Promise<number> {
  const result = await runWrite(db, [db.complaints, db.ruleSets, db.calendarYears], async () => {
    const cal = createWorkingCalendar(await db.calendarYears.toArray());
    const ruleSets = await db.ruleSets.toArray();
    const open = await db.complaints.where('status').anyOf(OPEN_STATUSES).toArray();
    let changed = 0;
    for (const c of open) {
      // No term runs for a voided complaint (issue 16 point 2): its dates stay as they were.
      if (c.voided) continue;
      const rs = ruleSets.find((r) => r.id === c.ruleSetId);
      if (!rs) continue;
      const due = complaintDueDates(complaintRoute(rs, c.serviceId), cal, c);
      if (!due.ok || (due.value.forwardDue === c.forwardDue && due.value.reviewDue === c.reviewDue)) continue;
      await putWithAudit(db, ctx, c, withNextDue({ ...c, forwardDue: due.value.forwardDue, reviewDue: due.value.reviewDue }), 'update');
      changed += 1;
    }
    return changed;
  });
  // Nothing in the body refuses: a failure is an exception and propagates.
  return result.ok ? result.value : 0;
}

/** The last day that still counts as "due soon": the next working day after today. */
export function dueSoonLimit(cal: WorkingCalendar, today: string): string {
  const next = addWorkingDays(cal, today, 1);
  return next.ok ? next.value : today;
}
