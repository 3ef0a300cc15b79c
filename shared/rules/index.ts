export type * from './types';
export { ruleSetInForce, serviceRule, type NoRuleSet } from './select';
export { ruleSetSchema } from './schema';
export { shippedRuleSets, ruleSet2021, ruleSetCarryOver2023 } from './ruleset-2021';
export { collectCitations, collectTerms } from './walk';
