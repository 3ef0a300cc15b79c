import { describe, expect, it } from 'vitest';
import kz2025 from '../../../resources/calendar/kz-2025.json';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { complaintDueDates } from '@shared/complaints';
import { parseIin } from '@shared/iin';
import { personRecordSchema } from '@shared/records/schemas';
import { ruleSetInForce, shippedRuleSets } from '@shared/rules';
import { generateRegister } from '../../support/generator/index';

const calendar = createWorkingCalendar([calendarYearSchema.parse(kz2025), calendarYearSchema.parse(kz2026)]);
const ctx = {
  office: { officeId: '6f1c2a4e-0000-4000-8000-000000000001', officeCode: 'ARAL01', officerName: 'Жанар Омарова' },
  ruleSets: shippedRuleSets,
  calendar,
  today: '2026-11-20',
  spreadDays: 300,
};

describe('data generator', () => {
  it('makes the same register from the same seed, and another from another seed', () => {
    const a = generateRegister(7, { persons: 30, complaints: 80 }, ctx);
    const b = generateRegister(7, { persons: 30, complaints: 80 }, ctx);
    const c = generateRegister(8, { persons: 30, complaints: 80 }, ctx);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).not.toBe(JSON.stringify(c));
  });

  it('makes persons with valid, unique IINs whose birth date and sex match, valid as stored records', () => {
    const { persons } = generateRegister(1, { persons: 300, complaints: 0 }, ctx);
    expect(new Set(persons.map((p) => p.iin)).size).toBe(300);
    for (const p of persons) {
      const iin = parseIin(p.iin);
      expect(iin.ok && iin.value.birthDate).toBe(p.birthDate);
      expect(iin.ok && iin.value.sex).toBe(p.sex);
      expect(personRecordSchema.safeParse(p).success).toBe(true);
    }
  });

  it('numbers complaints gaplessly per year and gives them the deadlines of their rule set', () => {
    const { complaints } = generateRegister(3, { persons: 20, complaints: 200 }, ctx);
    const byYear = new Map<string, number[]>();
    for (const c of complaints) {
      const [, year, seq] = /-(\d{4})-(\d{5})$/u.exec(c.number) ?? [];
      byYear.set(year ?? '', [...(byYear.get(year ?? '') ?? []), Number(seq)]);
      const rs = ruleSetInForce(shippedRuleSets, c.registrationDate);
      const due = rs.ok ? complaintDueDates(rs.value.complaints, calendar, c) : null;
      expect(due?.ok && due.value.reviewDue).toBe(c.reviewDue);
      if (c.status === 'decided' || c.status === 'withdrawn') expect(c.nextDue).toBeUndefined();
      else expect(c.nextDue).toBeDefined();
    }
    for (const seqs of byYear.values()) expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const statuses = new Set(complaints.map((c) => c.status));
    expect(statuses.has('decided') && statuses.has('under-review')).toBe(true);
  });
});
