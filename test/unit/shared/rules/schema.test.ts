import { describe, it, expect } from 'vitest';
import { ruleSetSchema } from '@shared/rules/schema';
import { ruleSet2021, shippedRuleSets } from '@shared/rules/ruleset-2021';
import type { RuleSet } from '@shared/rules/types';

/** Deep copy through JSON: what an administrator's edit or a bundle delivers. */
const roundTrip = (rs: RuleSet): unknown => JSON.parse(JSON.stringify(rs)) as unknown;

const messages = (value: unknown): string[] => {
  const r = ruleSetSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('ruleSetSchema', () => {
  it.each(shippedRuleSets.map((rs) => [rs.id, rs] as const))('accepts the shipped set %s', (_id, rs) => {
    const r = ruleSetSchema.safeParse(roundTrip(rs));
    expect(r.success ? [] : r.error.issues).toEqual([]);
    if (r.success) expect(r.data).toEqual(rs);
  });

  it('rejects a term of zero working days', () => {
    const rs = roundTrip(ruleSet2021) as { complaints: { forward: { workingDays: number } } };
    rs.complaints.forward.workingDays = 0;
    expect(ruleSetSchema.safeParse(rs).success).toBe(false);
  });

  it('rejects a term without a citation', () => {
    const rs = roundTrip(ruleSet2021) as { complaints: { forward: { citation?: unknown } } };
    delete rs.complaints.forward.citation;
    expect(ruleSetSchema.safeParse(rs).success).toBe(false);
  });

  it('rejects malformed lines and dates', () => {
    expect(messages({ ...ruleSet2021, validFrom: '20.12.2021' }).length).toBeGreaterThan(0);
    const rs = roundTrip(ruleSet2021) as { complaints: { court: { lines: string } } };
    rs.complaints.court.lines = '83';
    expect(messages(rs)).toContain('rules.citation.lines');
  });

  it('rejects unknown keys so that typos are not dropped silently', () => {
    expect(ruleSetSchema.safeParse({ ...ruleSet2021, validfrom: '2021-12-20' }).success).toBe(false);
  });

  it('rejects validTo before validFrom and a provisional set without a note', () => {
    expect(messages({ ...ruleSet2021, validTo: '2020-01-01' })).toContain('rules.validTo.beforeValidFrom');
    expect(messages({ ...ruleSet2021, provisional: true })).toContain('rules.provisional.noteRequired');
  });

  it('rejects a citation of an act the set does not describe', () => {
    const rs = roundTrip(ruleSet2021) as { complaints: { court: { act: string } } };
    rs.complaints.court.act = 'order999';
    expect(messages(rs)).toContain('rules.citation.unknownAct:order999');
  });

  it('rejects duplicate medical card item ids and inconsistent wheelchair rows', () => {
    const rs = roundTrip(ruleSet2021) as {
      medicalCard: { forms: { items: { id: string }[] }[] };
      wheelchairs: { contraindications: { rows: number[] }[] };
    };
    const items = rs.medicalCard.forms[0]?.items;
    if (items?.[1] && items[0]) items[1].id = items[0].id;
    const contra = rs.wheelchairs.contraindications[0];
    if (contra) contra.rows = [1, 2, 3, 4, 6];
    const m = messages(rs);
    expect(m.some((x) => x.startsWith('rules.medicalCard.duplicateItem:'))).toBe(true);
    expect(m).toContain('rules.wheelchairs.unknownRow:6');
  });

  it('accepts an administrator-configured validity period', () => {
    const rs = roundTrip(ruleSet2021) as { medicalCard: { forms: { items: { validityDays: number | null }[] }[] } };
    const item = rs.medicalCard.forms[0]?.items[0];
    if (item) item.validityDays = 30;
    expect(ruleSetSchema.safeParse(rs).success).toBe(true);
  });
});
