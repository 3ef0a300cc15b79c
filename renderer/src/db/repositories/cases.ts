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
import { ruleSetInForce, type RuleSet } from '@shared/rules';
import type { WriteContext } from '../context';
import type { QamqorDb } from '../database';
import { getOrRefuse, insertRecord, parseInput, refuse, runWrite, updateRecord, type WriteResult } from '../write';
import { nextSequence } from './counters';

/** The case's person is gone, or no rule set is in force on its registration date (guide §1). */
type CaseRefusal = { code: 'person-not-found' } | { code: 'no-rule-set'; date: string };

export function openCase(
  db: QamqorDb,
  ctx: WriteContext,
  office: OfficeProfile,
  input: CaseInput,
): Promise<WriteResult<Case, CaseRefusal>> {
  return runWrite(db, [db.cases, db.persons, db.counters, db.ruleSets], async () => {
    const data = parseInput(caseInput, input);
    if (!(await db.persons.get(data.personId))) return refuse<CaseRefusal>({ code: 'person-not-found' });
    const ruleSets: RuleSet[] = await db.ruleSets.toArray();
    // Domain guide §1: a case keeps the rule set in force on its registration date.
    const ruleSet = ruleSetInForce(ruleSets, data.registrationDate);
    if (!ruleSet.ok) return refuse<CaseRefusal>({ code: 'no-rule-set', date: data.registrationDate });
    const year = Number(data.registrationDate.slice(0, 4));
    const seq = await nextSequence(db, `case:${office.officeCode}:${year}`);
    return insertRecord(db, ctx, db.cases, {
      caseNumber: formatRegisterNumber(office.officeCode, CASE_NUMBER_KIND, year, seq),
      personId: data.personId,
      registrationDate: data.registrationDate,
      subject: data.subject,
      status: 'open',
      ruleSetId: ruleSet.value.id,
    });
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

type NotOpen = { code: 'not-open' };

/** Closes an open case with a date and a reason; the case and everything in it stay (issue 8: nothing is deleted). */
export function closeCase(db: QamqorDb, ctx: WriteContext, id: string, input: CaseClosureInput): Promise<WriteResult<Case, NotOpen>> {
  return runWrite(db, [db.cases], async () => {
    const closure = parseInput(caseClosureInput, input);
    const before = await getOrRefuse(db.cases, id);
    if (before.status !== 'open') return refuse<NotOpen>({ code: 'not-open' });
    return updateRecord(db, ctx, db.cases, before, { status: 'closed', closure: { ...closure, by: ctx.actor.officerName } }, 'status');
  });
}
