/**
 * Which complaint paragraph governs a complaint: the one of the act of the service complained about.
 * Order 458's services (seed 000 L61-83 and its repetitions) go to the head of the department or of
 * the State Corporation branch; the medical-social placement service has its own paragraph (seed 001
 * L52-61, para 18): addressed to the head of the service provider or of the State Corporation, and
 * after full satisfaction within 3 working days the provider "may decline to forward" (001 L58)
 * where Order 458 says it "does not forward" (000 L77).
 */
import { msiComplaintRoute, route458, type ComplaintRoute } from '../rules/complaints';
import type { ComplaintAddressee, RuleSet } from '../rules/types';

export type { ComplaintRoute, ForwardWaiverKind } from '../rules/complaints';

/** The route of a complaint about `serviceId` under the rule set in force (Order 458 when the service is unknown). */
export function complaintRoute(ruleSet: Pick<RuleSet, 'complaints' | 'services'>, serviceId: string): ComplaintRoute {
  const service = ruleSet.services.find((s) => s.id === serviceId);
  // The service's own complaint clause names the act (001 L53-61 for the medical-social placement).
  if (
    service?.complaintCitation?.act === 'msi-rules' ||
    (service !== undefined && service.complaintCitation === null && service.act === 'msi-rules')
  )
    return msiComplaintRoute;
  return route458(ruleSet.complaints);
}

export function routeAddressee(route: ComplaintRoute, kind: string): ComplaintAddressee | undefined {
  return route.addressees.find((a) => a.kind === kind);
}
