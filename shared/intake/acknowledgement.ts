/**
 * The acknowledgement each channel gives (issue 18 point 4): a complete package gets the State
 * Corporation's receipt, the desk's talon or the portal's "accepted" status (para 6, 001 L20-23); an
 * incomplete or expired one is refused on the spot with the App. 4 receipt at the desk or the State
 * Corporation (para 8, L28), while an application through the portal gets a notice in the applicant's
 * personal account naming what the package lacks (L29): nobody stands at a desk to take a paper receipt.
 */
import { z } from 'zod';
import { isIsoDate } from '../calendar/isoDate';
import { intakeAcknowledgements, type AcknowledgementRule } from '../rules/medical-card';
import type { AcknowledgementKind, IntakeChannel, IntakeResult } from './types';

/** The rule for a channel and the result of the check; every channel has one for each outcome. */
export function acknowledgementFor(
  channel: IntakeChannel,
  result: IntakeResult,
  rules: readonly AcknowledgementRule[] = intakeAcknowledgements,
): AcknowledgementRule | undefined {
  const outcome = result === 'refuse' ? 'refused' : 'accepted';
  return rules.find((r) => r.channel === channel && r.outcome === outcome);
}

/** Whether the acknowledgement is a printed sheet handed over (or sent) by the office: App. 4 or the portal notice. */
export function isRefusalAcknowledgement(kind: AcknowledgementKind): boolean {
  return kind === 'refusal-receipt' || kind === 'portal-refusal-notice';
}

/**
 * Recording the acknowledgement: the day it was given or sent (not before the package was presented,
 * not in the future) and its number, if it has one.
 */
export function acknowledgementInput(registrationDate: string, today: string) {
  return z.object({
    givenOn: z
      .string()
      .trim()
      .refine(isIsoDate, 'validation.date')
      .refine((v) => !isIsoDate(v) || v >= registrationDate, 'intake.validation.beforeRegistration')
      .refine((v) => !isIsoDate(v) || v <= today, 'intake.validation.future'),
    reference: z.string().trim().max(100, 'validation.tooLong'),
  });
}

export type AcknowledgementInput = z.input<ReturnType<typeof acknowledgementInput>>;
