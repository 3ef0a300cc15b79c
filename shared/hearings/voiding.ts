/**
 * Voiding a case made by mistake (issue 16 point 2: "a case dated 01.01.2099 became `…-C2099-00001`").
 * The record-generic rules are in shared/records/voiding.ts: a head voids with a reason, the case
 * keeps its register number (numbers are given once and never reused: `case:<office>:<year>` counter,
 * shared/cases.ts formatRegisterNumber) and stays in the register, marked with who, when and why.
 *
 * A service application is a record of its own (its envelope, its history) but lives inside its case:
 * voiding the case voids every application in it with the same voiding, so that no term runs for any
 * of them (domain guide §5: the terms of an application run from its registration) and no list, count
 * or report takes them (shared/reports/figures.ts leaves out voided applications and their hearings).
 * Later actions on a voided case or on an application in it are refused: `blockingVoiding`.
 */
import type { Case } from '../cases';
import type { Voiding } from '../records/envelope';
import { voidingOf, type VoidError, type VoidInput } from '../records/voiding';
import { ok, type Result } from '../result';
import type { ServiceApplication } from './types';

export interface CaseVoiding {
  /** The voiding stored on the case. */
  voiding: Voiding;
  /** The case's applications still to void (those voided before keep their own, earlier voiding). */
  applications: ServiceApplication[];
}

/** The voiding of `theCase` and of its applications `apps` by `by` at `at`; refused when the case is voided already. */
export function caseVoiding(
  theCase: Pick<Case, 'voided'>,
  apps: readonly ServiceApplication[],
  input: VoidInput,
  by: string,
  at: string,
): Result<CaseVoiding, VoidError> {
  const voiding = voidingOf(theCase, input, by, at);
  if (!voiding.ok) return voiding;
  return ok({ voiding: voiding.value, applications: apps.filter((a) => a.voided === undefined) });
}

/**
 * The voiding that forbids any further action on an application (a step, a hearing, a notice, minutes,
 * a decision): its own, or its case's; null when it may be worked on.
 */
export function blockingVoiding(app: Pick<ServiceApplication, 'voided'>, theCase: Pick<Case, 'voided'> | undefined): Voiding | null {
  return app.voided ?? theCase?.voided ?? null;
}
