import { isIsoDate } from '../calendar/isoDate';
import { ok, err, type Result } from '../result';
import type { RuleSet, ServiceRule } from './types';

export { shippedRuleSets } from './ruleset-2021';

export interface NoRuleSet {
  readonly code: 'no-rule-set';
  readonly date: string;
}

/**
 * The rule set a case uses: the one in force on its registration date (guide §1). Dates are
 * 'YYYY-MM-DD', so string comparison is date comparison; both bounds are inclusive.
 *
 * When sets overlap — an administrator enters the successor act while the open-ended carry-over set
 * is still in the list — the latest validFrom wins, so entering a newer set never requires editing
 * the old one. Equal validFrom: the higher version wins, then the later entry in the list.
 *
 * The date must be a real calendar day (issue 18 point 9): '2026-02-30' has the right shape but no
 * rule set can be in force on it, so it is refused like a malformed date, never matched by pattern.
 */
export function ruleSetInForce(ruleSets: readonly RuleSet[], date: string): Result<RuleSet, NoRuleSet> {
  if (!isIsoDate(date)) return err({ code: 'no-rule-set', date });
  let best: RuleSet | undefined;
  for (const rs of ruleSets) {
    if (rs.validFrom > date || (rs.validTo !== null && rs.validTo < date)) continue;
    if (best === undefined || rs.validFrom > best.validFrom || (rs.validFrom === best.validFrom && rs.version >= best.version)) {
      best = rs;
    }
  }
  return best === undefined ? err({ code: 'no-rule-set', date }) : ok(best);
}

/** The service rules of a set by service id ('personal-assistant', 'msi-placement', …). */
export function serviceRule(ruleSet: RuleSet, serviceId: string): ServiceRule | undefined {
  return ruleSet.services.find((s) => s.id === serviceId);
}
