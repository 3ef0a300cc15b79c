/**
 * The first run's write: the office profile, its signing keys and its administrator's account, in
 * one transaction (issue 8: the first run creates the administrator; issue 7: each office signs its
 * bundles with its own key pair, made once here).
 */
import { generateOfficeKeys } from '@shared/bundle';
import { officeProfileInput, type OfficeProfile, type OfficeProfileInput } from '@shared/office';
import type { Officer, OfficerInput, Role } from '@shared/officers';
import { err, ok, type Result } from '@shared/result';
import { fieldErrors, type FieldErrors } from '@shared/validation';
import type { QamqorDb } from '../../db/database';
import { saveOfficeKeys, saveOfficeProfile } from '../../db/repositories/settings';
import { runWrite } from '../../db/write';
import { addOfficer, prepareOfficer } from '../officers';

/** The region select starts empty, so the form state allows '' until the schema checks it. */
export type OfficeForm = Omit<OfficeProfileInput, 'region'> & { region: string };

export interface AdminForm {
  login: string;
  position: string;
  password: string;
  passwordRepeat: string;
  alsoHead: boolean;
}

/** Why the first run did not complete: field errors, or an account refusal's i18n key. */
export type SetupRefusal = { errors: FieldErrors } | { messageKey: string };

/**
 * Creates the office (profile and signing keys) and its administrator in one transaction.
 * `existingOffice` is kept when only the administrator is missing. Hashing the password and making
 * the keys run before the transaction opens: awaiting WebCrypto inside it would let IndexedDB commit.
 */
export async function setUpOffice(
  db: QamqorDb,
  office: OfficeForm,
  admin: AdminForm,
  existingOffice: OfficeProfile | null,
): Promise<Result<{ officer: Officer; profile: OfficeProfile }, SetupRefusal>> {
  const parsedOffice = officeProfileInput.safeParse(office);
  const roles: Role[] = admin.alsoHead ? ['administrator', 'head'] : ['administrator'];
  const officerInput: OfficerInput = {
    login: admin.login,
    fullName: office.officerName,
    position: admin.position,
    roles,
    password: admin.password,
    passwordRepeat: admin.passwordRepeat,
  };
  const now = new Date().toISOString();
  const prepared = await prepareOfficer(officerInput, now, crypto.randomUUID());
  if (!parsedOffice.success || !prepared.ok) {
    const officeErrors = parsedOffice.success ? {} : fieldErrors(parsedOffice.error);
    const adminErrors: FieldErrors = prepared.ok ? {} : prepared.error.code === 'invalid' ? prepared.error.errors : {};
    // The administrator's name is typed in the form's `officerName` field.
    const renamed = Object.entries(adminErrors).map(([k, v]): [string, string] => [k === 'fullName' ? 'officerName' : k, v]);
    return err({ errors: { ...officeErrors, ...Object.fromEntries(renamed) } });
  }
  const profile: OfficeProfile = existingOffice ?? { ...parsedOffice.data, officeId: crypto.randomUUID(), createdAt: now };
  const keys = existingOffice ? null : await generateOfficeKeys();
  const stored = await runWrite(db, [db.settings, db.officers], async () => {
    const officer = await addOfficer(db, null, prepared.value);
    if (keys) await saveOfficeKeys(db, keys);
    await saveOfficeProfile(db, profile);
    return officer;
  });
  return stored.ok ? ok({ officer: stored.value, profile }) : err({ messageKey: `officers.errors.${stored.error.code}` });
}
