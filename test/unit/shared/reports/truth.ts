/**
 * Known truth for the report tests: expected figures computed straight from the generated records with
 * a working-day count written here (only the calendar's day table is shared with the app), never by
 * calling the report code or the domain's term functions.
 */
import kz2025 from '../../../../resources/calendar/kz-2025.json';
import kz2026 from '../../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar, type WorkingCalendar } from '@shared/calendar';
import { shippedRuleSets } from '@shared/rules';
import { generateCaseload, type GeneratedCaseload } from '../../../support/generator/index';

export const calendar: WorkingCalendar = createWorkingCalendar([calendarYearSchema.parse(kz2025), calendarYearSchema.parse(kz2026)]);
export const TODAY = '2026-11-20';

export const OFFICE_A = { officeId: '6f1c2a4e-0000-4000-8000-00000000000a', officeCode: 'ARAL01', officerName: 'Жанар Омарова' };
export const OFFICE_B = { officeId: '6f1c2a4e-0000-4000-8000-00000000000b', officeCode: 'KAZL02', officerName: 'Ерлан Сейтқали' };

export function caseload(seed: number, office: typeof OFFICE_A, counts = { persons: 150, cases: 220, complaints: 400 }): GeneratedCaseload {
  return generateCaseload(seed, counts, { office, ruleSets: shippedRuleSets, calendar, today: TODAY, spreadDays: 300 });
}

/** The Nth working day after `start` (start not counted), by stepping day by day through the calendar table. */
export function plusWorkingDays(start: string, n: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const iso = d.toISOString().slice(0, 10);
    const w = calendar.isWorkingDay(iso);
    if (!w.ok) throw new Error(`calendar does not cover ${iso}`);
    if (w.value) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

export const within = (date: string, from: string, to: string): boolean => date >= from && date <= to;

/** Sorted copy, to compare id lists regardless of order. */
export const sorted = (ids: readonly string[]): string[] => [...ids].sort();
