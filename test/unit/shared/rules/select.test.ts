import { describe, it, expect } from 'vitest';
import { ruleSetInForce, serviceRule, shippedRuleSets } from '@shared/rules/select';
import { ruleSet2021, ruleSetCarryOver2023 } from '@shared/rules/ruleset-2021';
import type { RuleSet } from '@shared/rules/types';

const idOn = (date: string, sets: readonly RuleSet[] = shippedRuleSets): string => {
  const r = ruleSetInForce(sets, date);
  return r.ok ? r.value.id : r.error.code;
};

describe('ruleSetInForce with the shipped sets', () => {
  it('has no rule set before Order 458 entered into force', () => {
    expect(ruleSetInForce(shippedRuleSets, '2020-05-01')).toEqual({
      ok: false,
      error: { code: 'no-rule-set', date: '2020-05-01' },
    });
    expect(idOn('2021-12-19')).toBe('no-rule-set');
  });

  it('uses the 2021 set from its first to its last day', () => {
    expect(idOn('2021-12-20')).toBe('order458-2021');
    expect(idOn('2022-03-01')).toBe('order458-2021');
    expect(idOn('2023-06-30')).toBe('order458-2021');
  });

  it('switches to the provisional carry-over set on the day of repeal and keeps it open-ended', () => {
    expect(idOn('2023-07-01')).toBe('carry-over-2023');
    expect(idOn('2024-02-15')).toBe('carry-over-2023');
    expect(idOn('2030-01-01')).toBe('carry-over-2023');
    const r = ruleSetInForce(shippedRuleSets, '2024-02-15');
    expect(r.ok && r.value.provisional).toBe(true);
  });

  it('rejects malformed dates instead of matching them lexically', () => {
    expect(idOn('2022-3-1')).toBe('no-rule-set');
    expect(idOn('')).toBe('no-rule-set');
  });

  // Issue 18 point 9: a date of the right shape that is not a calendar day is in no set's period.
  it.each(['2026-02-30', '2026-02-29', '2023-04-31', '2024-13-01', '2024-00-10', '2024-06-00'])(
    'refuses the impossible date %s instead of matching it by pattern',
    (date) => {
      expect(ruleSetInForce(shippedRuleSets, date)).toEqual({ ok: false, error: { code: 'no-rule-set', date } });
    },
  );

  it('accepts the real days next to them: 29 Feb of a leap year, the last of a month', () => {
    expect(idOn('2024-02-29')).toBe('carry-over-2023');
    expect(idOn('2026-02-28')).toBe('carry-over-2023');
    expect(idOn('2023-04-30')).toBe('order458-2021');
  });
});

describe('ruleSetInForce with overlapping sets', () => {
  const successor: RuleSet = {
    ...ruleSetCarryOver2023,
    id: 'successor',
    validFrom: '2025-01-01',
    provisional: false,
    provisionalNote: null,
  };

  it('lets the latest validFrom win over the open-ended carry-over set', () => {
    const sets = [...shippedRuleSets, successor];
    expect(idOn('2024-12-31', sets)).toBe('carry-over-2023');
    expect(idOn('2025-01-01', sets)).toBe('successor');
    expect(idOn('2022-03-01', sets)).toBe('order458-2021');
  });

  it('does not depend on the order of the list', () => {
    expect(idOn('2025-06-01', [successor, ...shippedRuleSets])).toBe('successor');
  });

  it('prefers the higher version when validFrom is equal', () => {
    const v2: RuleSet = { ...ruleSet2021, id: 'order458-2021-v2', version: 2 };
    expect(idOn('2022-03-01', [v2, ruleSet2021])).toBe('order458-2021-v2');
    expect(idOn('2022-03-01', [ruleSet2021, v2])).toBe('order458-2021-v2');
  });

  it('returns no rule set for an empty list', () => {
    expect(idOn('2022-03-01', [])).toBe('no-rule-set');
  });
});

describe('serviceRule', () => {
  it('finds a service by id and returns undefined for an unknown one', () => {
    expect(serviceRule(ruleSet2021, 'msi-placement')?.term?.workingDays).toBe(17);
    expect(serviceRule(ruleSet2021, 'nope')).toBeUndefined();
  });
});
