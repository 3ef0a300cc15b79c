/**
 * The intake form's dates as the officer types them (issue 16 point 2), through shared/timeline checkIntakeDates:
 * the package is registered on a day that has come (social-assistance-and-hearings.md S003:72, the registration
 * date on the coupon), and nothing on the application or the card is dated after the day it was handed in (the
 * same rule as the input schema's, said before submit). Keys are the form's field paths; values are i18n keys.
 */
import { checkIntakeDates } from '../timeline';
import type { FieldErrors } from '../validation';
import type { IntakeInput } from './schema';

type DatedInput = Pick<IntakeInput, 'registrationDate' | 'application' | 'card'>;

/** The dates of the application and the card that must not be after the registration date, by field path. */
function documentDates(input: DatedInput): [string, string][] {
  return [
    ['application.signedOn', input.application.signedOn],
    ['application.identityDocumentIssuedOn', input.application.identityDocumentIssuedOn],
    ['card.fluorography.date', input.card.fluorography.date],
    ...Object.entries(input.card.entries).map(([id, entry]): [string, string] => [`card.entries.${id}.date`, entry.date]),
  ];
}

export function intakeDateErrors(input: DatedInput, today: string): FieldErrors {
  const errors: FieldErrors = {};
  const registration = checkIntakeDates({ registrationDate: input.registrationDate }, ['registrationDate'], today);
  if (!registration.ok) {
    errors.registrationDate = registration.issues.some((i) => i.code === 'timeline.inFuture')
      ? 'intake.validation.future'
      : 'validation.date';
    return errors;
  }
  for (const [path, date] of documentDates(input)) {
    if (!date) continue;
    const r = checkIntakeDates({ document: date, registrationDate: input.registrationDate }, ['document', 'registrationDate'], today);
    if (r.ok) continue;
    errors[path] = r.issues.some((i) => i.code === 'timeline.outOfOrder') ? 'intake.validation.afterRegistration' : 'validation.date';
  }
  return errors;
}
