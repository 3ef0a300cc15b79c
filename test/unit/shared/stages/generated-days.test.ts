/**
 * The generator spreads a complaint's status changes over working days as an office works (review
 * started within two working days, decisions mostly within the review term of seed 000 L79, L81, some
 * late), so the stage log and the monthly series see decisions on other days than the registration.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_STAGE_CATALOG, complaintStages } from '@shared/stages';
import { calendar, caseload, OFFICE_A, plusWorkingDays, TODAY } from '../reports/truth';

const data = caseload(44, OFFICE_A, { persons: 60, cases: 40, complaints: 400 });

describe('generated complaints: status changes over working days', () => {
  it('changes fall on working days after registration, never after today, in order; updatedAt is the last change', () => {
    for (const c of data.complaints) {
      const moves = c.history.slice(1);
      let previous = c.registrationDate;
      for (const h of moves) {
        const day = h.at.slice(0, 10);
        expect(day >= previous, c.number).toBe(true);
        expect(day <= TODAY).toBe(true);
        const working = calendar.isWorkingDay(day);
        // Today may be a day off: a change is never dated after it, so the last working day's work may land on it.
        if (day !== TODAY) expect(working.ok && working.value, `${c.number} ${day}`).toBe(true);
        previous = day;
      }
      expect(c.updatedAt).toBe(c.history[c.history.length - 1]?.at);
      if (c.decision) expect(c.decision.date).toBe(c.history[c.history.length - 1]?.at.slice(0, 10));
      if (c.withdrawal) expect(c.withdrawal.date).toBe(c.history[c.history.length - 1]?.at.slice(0, 10));
    }
  });

  it('decisions come mostly within the review term and some after it, rarely on the registration day', () => {
    const decided = data.complaints.filter((c) => c.decision !== null);
    const due = (c: (typeof decided)[number]) => plusWorkingDays(c.registrationDate, c.addressee === 'quality-control-body' ? 15 : 5);
    const late = decided.filter((c) => (c.decision?.date ?? '') > due(c));
    const sameDay = decided.filter((c) => c.decision?.date === c.registrationDate);
    expect(decided.length).toBeGreaterThan(100);
    expect(late.length).toBeGreaterThan(0);
    expect(late.length).toBeLessThan(decided.length / 3);
    expect(sameDay.length).toBeLessThan(decided.length / 10);
  });

  it('the derived stage log dates the review start and the decision on their own days', () => {
    const spread = data.complaints.filter((c) => {
      const stages = complaintStages(c, DEFAULT_STAGE_CATALOG);
      return new Set(stages.map((s) => s.date)).size > 1;
    });
    expect(spread.length).toBeGreaterThan(data.complaints.length / 3);
  });
});
