/**
 * What of the registration form is kept as a draft (issue 16 point 1): every typed field, the
 * complainant chosen or being entered, the representative. Attached scans are not: a browser gives
 * no way to re-open a chosen file after a reload, so the officer attaches them again.
 */
import type { Person, PersonInput } from '@shared/persons';
import type { Representative } from './ComplainantFields';
import type { FormState } from './ComplaintFormFields';

export interface ComplaintDraftValues {
  form: FormState;
  /** The complainant chosen from the persons; absent when none was chosen (the given one counts). */
  chosen?: Person | null;
  newPerson: PersonInput | null;
  hasRep: boolean;
  rep: Representative;
}

/** A stored draft has the registration form's shape (checked before it is offered back). */
export function isComplaintDraft(v: unknown): v is ComplaintDraftValues {
  if (typeof v !== 'object' || v === null) return false;
  if (!('form' in v) || typeof v.form !== 'object' || v.form === null) return false;
  const f = v.form;
  return 'text' in f && typeof f.text === 'string' && 'receiptDate' in f && 'hasRep' in v && 'rep' in v && 'newPerson' in v;
}

/** The draft key's record id: a complaint started from a case or a person keeps its own draft. */
export function draftRecordId(caseId: string | undefined, personId: string | undefined): string | null {
  if (caseId) return `case-${caseId}`;
  if (personId) return `person-${personId}`;
  return null;
}
