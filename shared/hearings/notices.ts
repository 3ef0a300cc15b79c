/**
 * The notice of the decision (order amending Order 84, para 15): its printed form follows the decision
 * (App. 6 for a grant, App. 7 for a refusal, 004 L48) and the ways it may be sent follow L49-51.
 */
import type { HearingRule, NoticeForm } from '../rules';
import type { ApplicationChannel, DecisionOutcome, NotificationMethod } from './types';

/** The form to print for `outcome`; null where the rule set names none (Order 458, medical-social rules). */
export function decisionNoticeForm(rule: HearingRule, outcome: DecisionOutcome): NoticeForm | null {
  if (rule.kind !== 'decision-date' || !rule.noticeForms) return null;
  return outcome === 'granted' ? rule.noticeForms.granted : rule.noticeForms.refused;
}

/**
 * The ways the officer may record the notice as sent. Where the rule states the SMS condition (004 L49)
 * SMS is offered only when the application gives a mobile number registered in the mobile citizens
 * database; the printed notice handed over is always possible (L50, "where SMS is not possible"); the
 * portal cabinet only for an application made through the portal (L51). Other rule sets state no
 * condition and offer every method.
 */
export function notificationMethods(
  rule: HearingRule,
  channel: ApplicationChannel,
  mobileRegistered: boolean,
): readonly NotificationMethod[] {
  if (rule.kind !== 'decision-date' || !rule.smsCondition) return ['paper', 'sms', 'portal'];
  const out: NotificationMethod[] = [];
  if (mobileRegistered) out.push('sms');
  out.push('paper');
  if (channel === 'portal') out.push('portal');
  return out;
}
