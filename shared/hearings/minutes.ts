/**
 * The life of hearing minutes (хаттама): drafted and edited freely, then signed off; after sign-off
 * the signed text is frozen and a correction is an addendum appended to it (never a silent edit).
 * The applicant's reading (танысу) and remarks (ескертулер, 004 L45-46) come after sign-off: the
 * applicant reads the minutes as signed.
 */
import type { Role } from '../officers';
import { err, ok, type Result } from '../result';
import type { HearingMinutes, MinutesAddendum, MinutesContent, MinutesFamiliarisation, MinutesRemark, MinutesSignOff } from './types';

export type MinutesChangeError =
  | { code: 'signed-off' }
  | { code: 'not-signed-off' }
  | { code: 'already-read' }
  | { code: 'not-read' }
  | { code: 'date-order'; field: string; notBefore: string };

/** Edits the draft; refused once signed off. */
export function editDraft(m: HearingMinutes, content: MinutesContent): Result<HearingMinutes, MinutesChangeError> {
  if (m.signedOff !== null) return err({ code: 'signed-off' });
  return ok({ ...m, content });
}

export function signOff(m: HearingMinutes, signedOff: MinutesSignOff): Result<HearingMinutes, MinutesChangeError> {
  if (m.signedOff !== null) return err({ code: 'signed-off' });
  if (signedOff.date < m.content.date) return err({ code: 'date-order', field: 'date', notBefore: m.content.date });
  return ok({ ...m, signedOff });
}

/** Appends a correction to signed-off minutes; the signed content and earlier addenda stay as they were. */
export function appendAddendum(m: HearingMinutes, addendum: MinutesAddendum): Result<HearingMinutes, MinutesChangeError> {
  if (m.signedOff === null) return err({ code: 'not-signed-off' });
  if (addendum.date < m.signedOff.date) return err({ code: 'date-order', field: 'date', notBefore: m.signedOff.date });
  return ok({ ...m, addenda: [...m.addenda, addendum] });
}

/** The applicant read the signed minutes; recorded once, since the remarks window runs from it. */
export function recordReading(m: HearingMinutes, reading: MinutesFamiliarisation): Result<HearingMinutes, MinutesChangeError> {
  if (m.signedOff === null) return err({ code: 'not-signed-off' });
  if (m.familiarisation !== null) return err({ code: 'already-read' });
  if (reading.date < m.signedOff.date) return err({ code: 'date-order', field: 'date', notBefore: m.signedOff.date });
  return ok({ ...m, familiarisation: reading });
}

/** Adds the applicant's remarks; late remarks are kept too (the schedule flags them). */
export function appendRemark(m: HearingMinutes, remark: MinutesRemark): Result<HearingMinutes, MinutesChangeError> {
  if (m.familiarisation === null) return err({ code: 'not-read' });
  if (remark.date < m.familiarisation.date) return err({ code: 'date-order', field: 'date', notBefore: m.familiarisation.date });
  return ok({ ...m, remarks: [...m.remarks, remark] });
}

/**
 * True when `after` keeps everything signed in `before`: same content and sign-off, the earlier
 * addenda, remarks and reading unchanged and in place. The repository checks every write of signed
 * minutes with it.
 */
export function keepsSignedRecord(before: HearingMinutes, after: HearingMinutes): boolean {
  if (before.signedOff === null) return true;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return (
    same(before.content, after.content) &&
    same(before.signedOff, after.signedOff) &&
    (before.familiarisation === null || same(before.familiarisation, after.familiarisation)) &&
    same(before.addenda, after.addenda.slice(0, before.addenda.length)) &&
    same(before.remarks, after.remarks.slice(0, before.remarks.length))
  );
}

/**
 * Whose accounts may be named the official conducting a hearing and keeping its minutes (issue 16 point 4):
 * S004:44 (social-assistance-and-hearings.md §4.6) has the provider's official (лауазымды тұлға) keep the minutes,
 * so the officers who work the cases — registrars, reviewers and heads. [DESIGN] An account that is only an
 * administrator runs the app, not the procedure, and is not offered.
 */
const CONDUCTING_ROLES: readonly Role[] = ['registrar', 'reviewer', 'head'];

/** The active accounts that may conduct a hearing, by name (Kazakh order), for the minutes' "conducted by". */
export function conductingOfficers<T extends { active: boolean; roles: readonly Role[]; fullName: string }>(officers: readonly T[]): T[] {
  return officers
    .filter((o) => o.active && o.roles.some((r) => CONDUCTING_ROLES.includes(r)))
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'kk'));
}
