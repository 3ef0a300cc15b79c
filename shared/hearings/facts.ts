/** From stored records to the dates the term arithmetic needs. */
import type { HearingRule } from '../rules';
import type { HearingFacts } from './schedule-types';
import { SERVICE_TERM_HEARING_METHODS, type Hearing, type HearingMinutes, type ServiceApplication } from './types';

/**
 * The hearing that counts: the one the notice announced, else the latest planned one (a rescheduled
 * hearing keeps its record; only the date moves).
 */
export function currentHearing(app: ServiceApplication, hearings: readonly Hearing[]): Hearing | null {
  const own = hearings.filter((h) => h.applicationId === app.id);
  if (app.notice) {
    const announced = own.find((h) => h.id === app.notice?.hearingId);
    if (announced) return announced;
  }
  return [...own].sort((a, b) => `${a.date} ${a.time}`.localeCompare(`${b.date} ${b.time}`)).at(-1) ?? null;
}

export function minutesOfHearing(hearing: Hearing | null, minutes: readonly HearingMinutes[]): HearingMinutes | null {
  return hearing === null ? null : (minutes.find((m) => m.hearingId === hearing.id) ?? null);
}

/** `asOf` (today) lets a window that ran out with nothing received say so (004 L43-44). */
export function applicationFacts(
  app: ServiceApplication,
  hearings: readonly Hearing[],
  minutes: readonly HearingMinutes[],
  asOf: string | null = null,
): HearingFacts {
  const hearing = currentHearing(app, hearings);
  const m = minutesOfHearing(hearing, minutes);
  return {
    channel: app.channel,
    registrationDate: app.registrationDate,
    plannedDecisionDate: app.plannedDecisionDate,
    preliminaryDate: app.preliminary?.date ?? null,
    noticeDate: app.notice?.sentOn ?? null,
    noticeReceivedDate: app.notice?.receivedOn ?? null,
    hearingDate: hearing?.date ?? null,
    objection: app.objection ? { kind: app.objection.kind, date: app.objection.date } : null,
    preliminaryReceivedDate: app.preliminary?.receivedOn ?? null,
    disagreementDate: app.preliminary?.disagreementDate ?? null,
    waiverDate: app.preliminary?.waiverDate ?? null,
    // The hearing's status reaches the term calculation: an absent applicant made no oral objection (004 L44).
    hearingStatus: hearing?.status ?? null,
    asOf,
    minutesKept: m !== null,
    familiarisationDate: m?.familiarisation?.date ?? null,
    remarksDates: m?.remarks.map((r) => r.date) ?? [],
    decisionDate: app.decision?.date ?? null,
  };
}

/**
 * The hearing methods an officer may choose: the rule set's modes for the "decision date" variant
 * (004 L40-42, which names no in-person hearing), the four methods otherwise.
 */
export function allowedHearingMethods(rule: HearingRule): readonly string[] {
  return rule.kind === 'decision-date' ? rule.modes.map((m) => m.id) : SERVICE_TERM_HEARING_METHODS;
}
