/**
 * Wheelchair checks, individual rehabilitation programmes (ОЖБ) and orders. Every write runs in one
 * transaction with its audit entry; invalid input writes nothing. A check is a new record every time
 * and is never changed afterwards (the case history keeps every check as it was made).
 */
import type { Case } from '@shared/cases';
import { createWorkingCalendar, type CalendarError } from '@shared/calendar';
import type { Person } from '@shared/persons';
import { createEnvelope, touchEnvelope } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import { ruleSetInForce, type RuleSet } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import {
  checkWheelchairs,
  dateInput,
  orderEventInput,
  orderInput,
  parseInput,
  programmeValidity,
  returnReasons,
  supplierAnswerInput,
  supplierResponseDue,
  validateProfile,
  validateProgramme,
  type BlockingResult,
  type FunctionalProfileInput,
  type OrderEventInput,
  type OrderInput,
  type ProgrammeInput,
  type ProgrammeValidity,
  type RehabProgramme,
  type ReturnReason,
  type SupplierAnswerInput,
  type WheelchairCheck,
  type WheelchairOrder,
} from '@shared/wheelchair';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';

export const checksTable = (db: QamqorDb) => db.table<WheelchairCheck, string>('wheelchairChecks');
export const programmesTable = (db: QamqorDb) => db.table<RehabProgramme, string>('rehabProgrammes');
export const ordersTable = (db: QamqorDb) => db.table<WheelchairOrder, string>('wheelchairOrders');

export type WheelchairWriteError =
  | { code: 'invalid'; errors: FieldErrors }
  | { code: 'case-not-found' }
  | { code: 'person-not-found' }
  | { code: 'programme-not-found' }
  | { code: 'order-not-found' }
  | { code: 'no-rule-set' }
  | { code: 'duplicate-number' }
  | { code: 'blocked'; blocking: BlockingResult[] }
  | { code: 'programme-not-valid'; validity: ProgrammeValidity }
  | { code: 'type-not-in-programme' }
  | { code: 'calendar'; error: CalendarError }
  | { code: 'already-answered' }
  | { code: 'not-accepted' }
  | { code: 'already-handed-over' }
  | { code: 'order-closed' }
  | { code: 'return-due'; reasons: ReturnReason[] }
  | { code: 'no-return-reason' };

type WriteResult<T> = Result<T, WheelchairWriteError>;

/** Guide §1: a case keeps the rule set in force on its registration date. */
async function ruleSetOfCase(db: QamqorDb, c: Case): Promise<RuleSet | undefined> {
  const stored = await db.ruleSets.get(c.ruleSetId);
  if (stored) return stored;
  const inForce = ruleSetInForce(await db.ruleSets.toArray(), c.registrationDate);
  return inForce.ok ? inForce.value : undefined;
}

interface CaseContext {
  kase: Case;
  person: Person;
  ruleSet: RuleSet;
}

async function loadCase(db: QamqorDb, caseId: string): Promise<WriteResult<CaseContext>> {
  const kase = await db.cases.get(caseId);
  if (!kase) return err({ code: 'case-not-found' });
  const person = await db.persons.get(kase.personId);
  if (!person) return err({ code: 'person-not-found' });
  const ruleSet = await ruleSetOfCase(db, kase);
  if (!ruleSet) return err({ code: 'no-rule-set' });
  return ok({ kase, person, ruleSet });
}

/** Everything the case page shows, read in one go. */
export interface CaseFile extends CaseContext {
  programmes: RehabProgramme[];
  checks: WheelchairCheck[];
  orders: WheelchairOrder[];
}

export async function loadCaseFile(db: QamqorDb, caseId: string): Promise<CaseFile | null> {
  const base = await loadCase(db, caseId);
  if (!base.ok) return null;
  const [programmes, checks, orders] = await Promise.all([
    programmesOfCase(db, caseId),
    checksOfCase(db, caseId),
    ordersOfCase(db, caseId),
  ]);
  return { ...base.value, programmes, checks, orders };
}

// ---------------------------------------------------------------------------------------------
// Programmes

export async function programmesOfCase(db: QamqorDb, caseId: string): Promise<RehabProgramme[]> {
  const rows = await programmesTable(db).where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) => (a.issuedOn === b.issuedOn ? b.createdAt.localeCompare(a.createdAt) : b.issuedOn.localeCompare(a.issuedOn)));
}

export async function addProgramme(
  db: QamqorDb,
  ctx: WriteContext,
  caseId: string,
  input: ProgrammeInput,
): Promise<WriteResult<RehabProgramme>> {
  const table = programmesTable(db);
  return db.transaction('rw', [table, db.cases, db.persons, db.ruleSets, db.auditLog], async () => {
    const base = await loadCase(db, caseId);
    if (!base.ok) return base;
    const data = validateProgramme(base.value.ruleSet.wheelchairs, input);
    if (!data.ok) return err({ code: 'invalid', errors: data.error } as const);
    const sameNumber = await table
      .where('number')
      .equals(data.value.number)
      .filter((p) => p.personId === base.value.person.id)
      .first();
    if (sameNumber) return err({ code: 'duplicate-number' } as const);
    const record: RehabProgramme = {
      ...createEnvelope(ctx.newId(), ctx.actor, ctx.now()),
      caseId,
      personId: base.value.person.id,
      ...data.value,
    };
    await table.add(record);
    await appendAudit(db, ctx, { action: 'create', table: 'rehabProgrammes', recordId: record.id, after: record });
    return ok(record);
  });
}

// ---------------------------------------------------------------------------------------------
// Checks

export interface CheckRequest {
  checkDate: string;
  programmeId: string | null;
  profile: FunctionalProfileInput;
}

/**
 * Records a new check. The birth date comes from the person's IIN, never from the form; the rule set
 * is the case's; a programme whose validity does not cover the check date blocks the check.
 */
export async function recordCheck(
  db: QamqorDb,
  ctx: WriteContext,
  caseId: string,
  request: CheckRequest,
): Promise<WriteResult<WheelchairCheck>> {
  const checks = checksTable(db);
  const programmes = programmesTable(db);
  return db.transaction('rw', [checks, programmes, db.cases, db.persons, db.ruleSets, db.auditLog], async () => {
    const base = await loadCase(db, caseId);
    if (!base.ok) return base;
    const { person, ruleSet } = base.value;
    const errors: FieldErrors = {};
    const date = dateInput.safeParse({ date: request.checkDate });
    if (!date.success) errors.checkDate = 'validation.date';
    else if (request.checkDate < person.birthDate) errors.checkDate = 'wheelchairs.errors.beforeBirth';
    const profile = validateProfile(ruleSet.wheelchairs, { ...request.profile, birthDate: person.birthDate });
    if (!profile.ok) Object.assign(errors, profile.error);
    if (Object.keys(errors).length > 0 || !profile.ok) return err({ code: 'invalid', errors } as const);

    let programme: RehabProgramme | undefined;
    if (request.programmeId !== null) {
      programme = await programmes.get(request.programmeId);
      if (!programme || programme.caseId !== caseId) return err({ code: 'programme-not-found' } as const);
    }
    const result = checkWheelchairs(ruleSet.wheelchairs, profile.value, request.checkDate, programme ?? null);
    if (result.blocking.length > 0) return err({ code: 'blocked', blocking: result.blocking } as const);

    const envelope = createEnvelope(ctx.newId(), ctx.actor, ctx.now());
    const record: WheelchairCheck = {
      ...envelope,
      caseId,
      personId: person.id,
      checkedAt: envelope.createdAt,
      checkDate: request.checkDate,
      ruleSetId: ruleSet.id,
      programmeId: programme?.id ?? null,
      profile: profile.value,
      result,
    };
    await checks.add(record);
    await appendAudit(db, ctx, { action: 'create', table: 'wheelchairChecks', recordId: record.id, after: record });
    return ok(record);
  });
}

export async function checksOfCase(db: QamqorDb, caseId: string): Promise<WheelchairCheck[]> {
  const rows = await checksTable(db).where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) => b.checkedAt.localeCompare(a.checkedAt));
}

export function getCheck(db: QamqorDb, id: string): Promise<WheelchairCheck | undefined> {
  return checksTable(db).get(id);
}

export interface RecentCheck {
  check: WheelchairCheck;
  person: Person | undefined;
  kase: Case | undefined;
}

export async function recentChecks(db: QamqorDb, limit = 50): Promise<RecentCheck[]> {
  const rows = await checksTable(db).orderBy('checkedAt').reverse().limit(limit).toArray();
  const persons = await db.persons.bulkGet([...new Set(rows.map((r) => r.personId))]);
  const cases = await db.cases.bulkGet([...new Set(rows.map((r) => r.caseId))]);
  const personById = new Map(persons.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
  const caseById = new Map(cases.filter((c): c is Case => c !== undefined).map((c) => [c.id, c]));
  return rows.map((check) => ({ check, person: personById.get(check.personId), kase: caseById.get(check.caseId) }));
}

/** A printed check result goes into the audit trail. */
export async function recordCheckPrinted(db: QamqorDb, ctx: WriteContext, checkId: string, language: string): Promise<void> {
  await db.transaction('rw', db.auditLog, async () => {
    await appendAudit(db, ctx, { action: 'print', table: 'wheelchairChecks', recordId: checkId, after: { language } });
  });
}

// ---------------------------------------------------------------------------------------------
// Orders

export async function ordersOfCase(db: QamqorDb, caseId: string): Promise<WheelchairOrder[]> {
  const rows = await ordersTable(db).where('caseId').equals(caseId).toArray();
  return rows.sort((a, b) =>
    a.orderDate === b.orderDate ? b.createdAt.localeCompare(a.createdAt) : b.orderDate.localeCompare(a.orderDate),
  );
}

export async function addOrder(db: QamqorDb, ctx: WriteContext, caseId: string, input: OrderInput): Promise<WriteResult<WheelchairOrder>> {
  const parsed = parseInput(orderInput, input);
  if (!parsed.ok) return err({ code: 'invalid', errors: parsed.error });
  const data = parsed.value;
  const orders = ordersTable(db);
  const programmes = programmesTable(db);
  return db.transaction('rw', [orders, programmes, db.cases, db.persons, db.ruleSets, db.calendarYears, db.auditLog], async () => {
    const base = await loadCase(db, caseId);
    if (!base.ok) return base;
    const programme = await programmes.get(data.programmeId);
    if (!programme || programme.caseId !== caseId) return err({ code: 'programme-not-found' } as const);
    const validity = programmeValidity(programme, data.orderDate);
    if (validity !== 'valid') return err({ code: 'programme-not-valid', validity } as const);
    if (!programme.wheelchairTypes.includes(data.wheelchairType)) return err({ code: 'type-not-in-programme' } as const);
    const cal = createWorkingCalendar(await db.calendarYears.toArray());
    const rules = base.value.ruleSet.wheelchairs;
    const due = supplierResponseDue(rules, cal, data.orderDate);
    if (!due.ok) return err({ code: 'calendar', error: due.error } as const);
    const record: WheelchairOrder = {
      ...createEnvelope(ctx.newId(), ctx.actor, ctx.now()),
      caseId,
      personId: base.value.person.id,
      programmeId: programme.id,
      checkId: data.checkId,
      wheelchairType: data.wheelchairType,
      orderDate: data.orderDate,
      supplier: data.supplier,
      receiptMode: data.receiptMode,
      ruleSetId: base.value.ruleSet.id,
      responseDue: due.value.due,
      supplierResponse: null,
      handOverDate: null,
      events: [],
      returnedOn: null,
    };
    await orders.add(record);
    await appendAudit(db, ctx, { action: 'create', table: 'wheelchairOrders', recordId: record.id, after: record });
    return ok(record);
  });
}

/** Loads an order and its programme, applies a change that may refuse, saves it with its audit entry. */
async function changeOrder(
  db: QamqorDb,
  ctx: WriteContext,
  orderId: string,
  change: (order: WheelchairOrder, programme: RehabProgramme | undefined) => WriteResult<WheelchairOrder>,
): Promise<WriteResult<WheelchairOrder>> {
  const orders = ordersTable(db);
  const programmes = programmesTable(db);
  return db.transaction('rw', [orders, programmes, db.auditLog], async () => {
    const before = await orders.get(orderId);
    if (!before) return err({ code: 'order-not-found' } as const);
    const programme = await programmes.get(before.programmeId);
    const changed = change(before, programme);
    if (!changed.ok) return changed;
    const after = touchEnvelope(changed.value, ctx.actor, ctx.now());
    await orders.put(after);
    await appendAudit(db, ctx, { action: 'update', table: 'wheelchairOrders', recordId: orderId, before, after });
    return ok(after);
  });
}

const notBeforeOrder = (order: WheelchairOrder, date: string, field = 'date'): WriteResult<never> | null =>
  date < order.orderDate ? err({ code: 'invalid', errors: { [field]: 'wheelchairs.errors.beforeOrder' } }) : null;

export function recordSupplierAnswer(
  db: QamqorDb,
  ctx: WriteContext,
  orderId: string,
  input: SupplierAnswerInput,
): Promise<WriteResult<WheelchairOrder>> {
  return changeOrder(db, ctx, orderId, (order) => {
    const parsed = parseInput(supplierAnswerInput, input);
    if (!parsed.ok) return err({ code: 'invalid', errors: parsed.error });
    if (order.returnedOn !== null) return err({ code: 'order-closed' });
    if (order.supplierResponse !== null) return err({ code: 'already-answered' });
    const early = notBeforeOrder(order, parsed.value.date);
    if (early) return early;
    return ok({ ...order, supplierResponse: { answer: parsed.value.answer, date: parsed.value.date } });
  });
}

/**
 * Records the hand-over (actual receipt). Refused when before that date the programme expired or the
 * recipient died or left: the service is then subject to return (para 28, 000 L675).
 */
export function recordHandOver(db: QamqorDb, ctx: WriteContext, orderId: string, date: string): Promise<WriteResult<WheelchairOrder>> {
  return changeOrder(db, ctx, orderId, (order, programme) => {
    const parsed = parseInput(dateInput, { date });
    if (!parsed.ok) return err({ code: 'invalid', errors: parsed.error });
    if (order.returnedOn !== null) return err({ code: 'order-closed' });
    if (order.handOverDate !== null) return err({ code: 'already-handed-over' });
    if (order.supplierResponse?.answer !== 'accepted') return err({ code: 'not-accepted' });
    const early = notBeforeOrder(order, date);
    if (early) return early;
    if (date < order.supplierResponse.date) return err({ code: 'invalid', errors: { date: 'wheelchairs.errors.beforeAnswer' } });
    const reasons = returnReasons({ ...order, handOverDate: date }, programme ?? null, date);
    if (reasons.length > 0) return err({ code: 'return-due', reasons });
    return ok({ ...order, handOverDate: date });
  });
}

export function recordOrderEvent(
  db: QamqorDb,
  ctx: WriteContext,
  orderId: string,
  input: OrderEventInput,
): Promise<WriteResult<WheelchairOrder>> {
  return changeOrder(db, ctx, orderId, (order) => {
    const parsed = parseInput(orderEventInput, input);
    if (!parsed.ok) return err({ code: 'invalid', errors: parsed.error });
    if (order.returnedOn !== null) return err({ code: 'order-closed' });
    const early = notBeforeOrder(order, parsed.value.date);
    if (early) return early;
    const event = { ...parsed.value, recordedAt: ctx.now(), recordedBy: ctx.actor.officerName };
    return ok({ ...order, events: [...order.events, event] });
  });
}

/** Records the return; only when a reason to return exists on that date. */
export function recordReturn(db: QamqorDb, ctx: WriteContext, orderId: string, date: string): Promise<WriteResult<WheelchairOrder>> {
  return changeOrder(db, ctx, orderId, (order, programme) => {
    const parsed = parseInput(dateInput, { date });
    if (!parsed.ok) return err({ code: 'invalid', errors: parsed.error });
    if (order.returnedOn !== null) return err({ code: 'order-closed' });
    const early = notBeforeOrder(order, date);
    if (early) return early;
    if (returnReasons(order, programme ?? null, date).length === 0) return err({ code: 'no-return-reason' });
    return ok({ ...order, returnedOn: date });
  });
}
