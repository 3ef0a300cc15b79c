import { calendarYearSchema, type CalendarYear } from '@shared/calendar';
import { can } from '@shared/officers';
import { err, ok, type Result } from '@shared/result';
import { shippedRuleSets } from '@shared/rules';
import { fieldErrors, type FieldErrors } from '@shared/validation';
import type { WriteContext } from '../context';
import type { QamqorDb } from '../database';
import { appendAudit } from './audit';

/**
 * Puts the shipped rule sets and calendar years into the database the first time the app opens,
 * and adds shipped ones a newer release brings; it never overwrites a year or rule set an
 * administrator has edited (domain guide §1, §2: reference data is editable without a release).
 */
export async function seedReferenceData(db: QamqorDb, shippedYears: readonly CalendarYear[]): Promise<void> {
  await db.transaction('rw', db.ruleSets, db.calendarYears, async () => {
    const haveRules = new Set(await db.ruleSets.toCollection().primaryKeys());
    const missingRules = shippedRuleSets.filter((r) => !haveRules.has(r.id));
    if (missingRules.length > 0) await db.ruleSets.bulkAdd(missingRules);
    const haveYears = new Set(await db.calendarYears.toCollection().primaryKeys());
    const missingYears = shippedYears.filter((y) => !haveYears.has(y.year));
    if (missingYears.length > 0) await db.calendarYears.bulkAdd(missingYears);
  });
}

export function listCalendarYears(db: QamqorDb): Promise<CalendarYear[]> {
  return db.calendarYears.orderBy('year').toArray();
}

export async function saveCalendarYear(
  db: QamqorDb,
  ctx: WriteContext,
  year: unknown,
): Promise<Result<CalendarYear, { code: 'invalid'; errors: FieldErrors } | { code: 'forbidden' }>> {
  // Issue 8: only an administrator edits the calendar.
  if (!can(ctx.roles, 'reference.edit')) return err({ code: 'forbidden' });
  const parsed = calendarYearSchema.safeParse(year);
  if (!parsed.success) return err({ code: 'invalid', errors: fieldErrors(parsed.error) });
  const value: CalendarYear = parsed.data;
  await db.transaction('rw', db.calendarYears, db.auditLog, async () => {
    const before = await db.calendarYears.get(value.year);
    await db.calendarYears.put(value);
    await appendAudit(db, ctx, { action: 'settings', table: 'calendarYears', recordId: String(value.year), before, after: value });
  });
  return ok(value);
}
