import {
  caseClosureInput,
  caseInput,
  CASE_NUMBER_KIND,
  formatRegisterNumber,
  type Case,
  type CaseClosureInput,
  type CaseInput,
} from '@shared/cases';
import type { OfficeProfile } from '@shared/office';
import { createEnvelope, touchEnvelope } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import { ruleSetInForce, type RuleSet } from '@shared/rules';
import { fieldErrors, type FieldErrors } from '@shared/validation';
import type { WriteContext } from '../context';
import type { QamqorDb } from '../database';
import { appendAudit } from './audit';
import { nextSequence } from './counters';

export type CaseWriteError =
  { code: 'invalid'; errors: FieldErrors } | { code: 'person-not-found' } | { code: 'no-rule-set'; date: string };

export async function openCase(
  db: QamqorDb,
  ctx: WriteContext,
  office: OfficeProfile,
  input: CaseInput,
): Promise<Result<Case, CaseWriteError>> {
  const parsed = caseInput.safeParse(input);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const data = parsed.data;
  return db.transaction('rw', [db.cases, db.persons, db.counters, db.ruleSets, db.auditLog], async () => {
    if (!(await db.persons.get(data.personId))) return err({ code: 'person-not-found' } as const);
    const ruleSets: RuleSet[] = await db.ruleSets.toArray();
    // Domain guide §1: a case keeps the rule set in force on its registration date.
    const ruleSet = ruleSetInForce(ruleSets, data.registrationDate);
    if (!ruleSet.ok) return err({ code: 'no-rule-set', date: data.registrationDate } as const);
    const year = Number(data.registrationDate.slice(0, 4));
    const seq = await nextSequence(db, `case:${office.officeCode}:${year}`);
    const record: Case = {
      ...createEnvelope(ctx.newId(), ctx.actor, ctx.now()),
      caseNumber: formatRegisterNumber(office.officeCode, CASE_NUMBER_KIND, year, seq),
      personId: data.personId,
      registrationDate: data.registrationDate,
      subject: data.subject,
      status: 'open',
      ruleSetId: ruleSet.value.id,
    };
    await db.cases.add(record);
    await appendAudit(db, ctx, { action: 'create', table: 'cases', recordId: record.id, after: record });
    return ok(record);
  });
}

export function casesOfPerson(db: QamqorDb, personId: string): Promise<Case[]> {
  return db.cases.where('personId').equals(personId).reverse().sortBy('registrationDate');
}

/** Case-number search: the number is matched from its start, case-insensitively ("c2026" needs the office code). */
export function searchCases(db: QamqorDb, query: string, limit = 200): Promise<Case[]> {
  const q = query.trim().toUpperCase();
  if (q === '') return db.cases.orderBy('registrationDate').reverse().limit(limit).toArray();
  return db.cases.where('caseNumber').startsWith(q).limit(limit).toArray();
}

export function countCases(db: QamqorDb): Promise<number> {
  return db.cases.count();
}

export type CaseCloseError = { code: 'invalid'; errors: FieldErrors } | { code: 'not-found' } | { code: 'not-open' };

/** Closes an open case with a date and a reason; the case and everything in it stay (issue 8: nothing is deleted). */
export async function closeCase(
  db: QamqorDb,
  ctx: WriteContext,
  id: string,
  input: CaseClosureInput,
): Promise<Result<Case, CaseCloseError>> {
  const parsed = caseClosureInput.safeParse(input);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  return db.transaction('rw', db.cases, db.auditLog, async () => {
    const before = await db.cases.get(id);
    if (!before) return err({ code: 'not-found' } as const);
    if (before.status !== 'open') return err({ code: 'not-open' } as const);
    const after: Case = touchEnvelope(
      { ...before, status: 'closed', closure: { ...parsed.data, by: ctx.actor.officerName } },
      ctx.actor,
      ctx.now(),
    );
    await db.cases.put(after);
    await appendAudit(db, ctx, { action: 'status', table: 'cases', recordId: id, before, after });
    return ok(after);
  });
}
