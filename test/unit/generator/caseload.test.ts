import { describe, expect, it } from 'vitest';
import kz2025 from '../../../resources/calendar/kz-2025.json';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { BUNDLE_TABLES } from '@shared/bundle/specs';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { issueLines } from '@shared/records/schemas';
import { shippedRuleSets } from '@shared/rules';
import type { z } from 'zod';
import { caseloadCounters, caseloadTables, generateCaseload } from '../../support/generator/index';

const calendar = createWorkingCalendar([calendarYearSchema.parse(kz2025), calendarYearSchema.parse(kz2026)]);
const ctx = {
  office: { officeId: '6f1c2a4e-0000-4000-8000-000000000001', officeCode: 'ARAL01', officerName: 'Жанар Омарова' },
  ruleSets: shippedRuleSets,
  calendar,
  today: '2026-11-20',
  spreadDays: 300,
};

function invalid(schema: z.ZodType, records: readonly unknown[]): string[] {
  return records.flatMap((r) => {
    const checked = schema.safeParse(r);
    return checked.success ? [] : issueLines(checked.error);
  });
}

describe('caseload generator', () => {
  const data = generateCaseload(11, { persons: 120, cases: 150, complaints: 200 }, ctx);

  it('is deterministic', () => {
    const again = generateCaseload(11, { persons: 120, cases: 150, complaints: 200 }, ctx);
    expect(JSON.stringify(again)).toBe(JSON.stringify(data));
    expect(JSON.stringify(generateCaseload(12, { persons: 120, cases: 150, complaints: 200 }, ctx))).not.toBe(JSON.stringify(data));
  });

  it('makes every record valid against the schema it is stored and bundled with', () => {
    for (const [table, rows] of Object.entries(caseloadTables(data))) {
      const spec = BUNDLE_TABLES.find((t) => t.name === table);
      expect(spec, table).toBeDefined();
      if (spec) expect(invalid(spec.schema, rows), table).toEqual([]);
    }
  });

  it('fills every kind of record, all tied to the cases and persons of the caseload', () => {
    expect(data.cases).toHaveLength(150);
    expect(data.complaints).toHaveLength(200);
    for (const [table, rows] of Object.entries(caseloadTables(data))) {
      expect(rows.length, table).toBeGreaterThan(0);
      expect(new Set(rows.map((r) => r.id)).size, table).toBe(rows.length);
    }
    const caseIds = new Set(data.cases.map((c) => c.id));
    const personIds = new Set(data.persons.map((p) => p.id));
    expect(data.cases.every((c) => personIds.has(c.personId))).toBe(true);
    for (const rows of [data.applications, data.hearings, data.hearingMinutes, data.intakes, data.rehabProgrammes, data.wheelchairChecks]) {
      expect(rows.every((r) => caseIds.has(r.caseId))).toBe(true);
    }
    const hearingIds = new Set(data.hearings.map((h) => h.id));
    expect(data.applications.filter((a) => a.notice).every((a) => hearingIds.has(a.notice?.hearingId ?? ''))).toBe(true);
    expect(data.complaints.some((c) => c.caseId !== null && caseIds.has(c.caseId))).toBe(true);
    expect(new Set(data.applications.map((a) => a.status)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(data.intakes.map((i) => i.check.result)).size).toBeGreaterThanOrEqual(2);
    expect(data.wheelchairChecks.every((w) => w.result.types.length > 0 && w.result.programme !== null)).toBe(true);
    // Nothing dated after today.
    expect(data.applications.every((a) => a.registrationDate <= ctx.today && (a.decision?.date ?? '') <= ctx.today)).toBe(true);
    expect(data.cases.every((c) => c.registrationDate <= ctx.today)).toBe(true);
  });

  it('numbers cases gaplessly per year and gives the counters their last numbers', () => {
    const seqs = data.cases.filter((c) => c.registrationDate.startsWith('2026')).map((c) => Number(c.caseNumber.slice(-5)));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const counters = new Map(caseloadCounters(data, 'ARAL01').map((c) => [c.key, c.last]));
    expect(counters.get('case:ARAL01:2026')).toBe(seqs.length);
    expect(counters.get('complaint:ARAL01:2026')).toBe(data.complaints.filter((c) => c.registrationDate.startsWith('2026')).length);
  });
});
