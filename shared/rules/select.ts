import { ok, err, type Result } from '../result';
import type { RuleSet, ServiceRule } from './types';

export { shippedRuleSets } from './ruleset-2021';
export { ruleSetSchema } from './schema';

export interface NoRuleSet {
  readonly code: 'no-rule-set';
  readonly date: string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The rule set a case uses: the one in force on its registration date (guide §1). Dates are
 * 'YYYY-MM-DD', so string comparison is date comparison; both bounds are inclusive.
 *
 * When sets overlap — an administrator enters the successor act while the open-ended carry-over set
 * is still in the list — the latest validFrom wins, so entering a newer set never requires editing
 * the old one. Equal validFrom: the higher version wins, then the later entry in the list.
 */
export function ruleSetInForce(ruleSets: readonly RuleSet[], date: string): Result<RuleSet, NoRuleSet> {
  if (!ISO_DATE.test(date)) return err({ code: 'no-rule-set', date });
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
