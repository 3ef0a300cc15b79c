import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONS, type OfficeProfile } from '@shared/office';
import type { Officer } from '@shared/officers';
import { ok, type Result } from '@shared/result';
import type { FieldErrors } from '@shared/validation';
import { useServices } from '../../core/services';
import { useAppStore, writeContextFor } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import type { QamqorDb } from '../../db/database';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { recordSignIn, writeSession } from '../officers';
import { LanguageSwitch } from '../settings';
import { setUpOffice, type AdminForm, type OfficeForm, type SetupRefusal } from './repository';

const EMPTY_OFFICE: OfficeForm = { region: '', district: '', officeCode: '', officeName: '', officerName: '' };
const EMPTY_ADMIN: AdminForm = { login: '', position: '', password: '', passwordRepeat: '', alsoHead: true };

/** Sets the office up (repository.ts), then opens it and signs the new administrator in. */
async function setUpAndSignIn(
  db: QamqorDb,
  office: OfficeForm,
  admin: AdminForm,
  existingOffice: OfficeProfile | null,
): Promise<Result<Officer, SetupRefusal>> {
  const made = await setUpOffice(db, office, admin, existingOffice);
  if (!made.ok) return made;
  const { officer, profile } = made.value;
  useAppStore.getState().setOffice(profile);
  await recordSignIn(db, writeContextFor(profile, officer), officer);
  writeSession({ officerId: officer.id, lastActivity: Date.now() });
  return ok(officer);
}

/**
 * First run: the office profile and the administrator's account (issue 8: the first run creates the
 * administrator). `adminOnly` serves databases made before accounts existed: the office is known,
 * only the administrator is missing.
 */
export function OfficeSetup({ adminOnly = false }: { adminOnly?: boolean }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const existingOffice = useAppStore((s) => s.office);
  const [office, setOfficeForm] = useState<OfficeForm>(() => (existingOffice && adminOnly ? { ...existingOffice } : EMPTY_OFFICE));
  const [admin, setAdmin] = useState<AdminForm>(EMPTY_ADMIN);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const loc = useLocalized();
  const setup = useSubmit(setUpAndSignIn, {
    onOk: (officer) => useAppStore.getState().signedIn(officer),
    onRefused: (r) => {
      setErrors('errors' in r ? r.errors : {});
      setRefusal('messageKey' in r ? t(r.messageKey) : null);
    },
  });
  const failure = setup.failure === null ? refusal : t('common.unexpected', { detail: setup.failure });
  const busy = setup.busy;

  const setO = (field: keyof OfficeForm) => (value: string) => setOfficeForm((f) => ({ ...f, [field]: value }));
  const setA = <K extends keyof AdminForm>(field: K, value: AdminForm[K]) => setAdmin((a) => ({ ...a, [field]: value }));

  return (
    <main className="setup">
      <div className="setup__lang">
        <LanguageSwitch />
      </div>
      <form
        className="card setup__card"
        onSubmit={(e) => {
          e.preventDefault();
          setup.run(db, office, admin, adminOnly ? existingOffice : null);
        }}
        noValidate
        aria-labelledby="setup-title"
      >
        <h1 id="setup-title">{adminOnly ? t('officers.adminSetupTitle') : t('setup.title')}</h1>
        <p>{adminOnly ? t('officers.adminSetupIntro') : t('setup.intro')}</p>
        {failure ? <Notice kind="error">{failure}</Notice> : null}
        {Object.keys(errors).length > 0 ? <Notice kind="error">{t('common.fixErrors')}</Notice> : null}
        {adminOnly ? null : (
          <>
            <Field label={t('setup.region')} error={errors.region} required>
              {(p) => (
                <select {...p} name="region" value={office.region} onChange={(e) => setO('region')(e.target.value)}>
                  <option value="">{t('common.choose')}</option>
                  {REGIONS.map((r) => (
                    <option key={r.id} value={r.id}>
                      {loc(r.kk, r.ru)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('setup.district')} error={errors.district} required>
              {(p) => <input {...p} name="district" value={office.district} onChange={(e) => setO('district')(e.target.value)} />}
            </Field>
            <Field label={t('setup.officeCode')} error={errors.officeCode} hint={t('setup.officeCodeHint')} required>
              {(p) => (
                <input
                  {...p}
                  name="officeCode"
                  value={office.officeCode}
                  maxLength={10}
                  autoCapitalize="characters"
                  onChange={(e) => setO('officeCode')(e.target.value.toUpperCase())}
                />
              )}
            </Field>
            <Field label={t('setup.officeName')} error={errors.officeName} required>
              {(p) => <input {...p} name="officeName" value={office.officeName} onChange={(e) => setO('officeName')(e.target.value)} />}
            </Field>
          </>
        )}
        <fieldset>
          <legend>{t('officers.administrator')}</legend>
          <Field label={t('setup.officerName')} error={errors.officerName} hint={t('setup.officerNameHint')} required>
            {(p) => <input {...p} name="officerName" value={office.officerName} onChange={(e) => setO('officerName')(e.target.value)} />}
          </Field>
          <Field label={t('officers.position')} error={errors.position}>
            {(p) => <input {...p} name="position" value={admin.position} onChange={(e) => setA('position', e.target.value)} />}
          </Field>
          <Field label={t('officers.login')} error={errors.login} hint={t('officers.loginHint')} required>
            {(p) => (
              <input {...p} name="login" autoComplete="username" value={admin.login} onChange={(e) => setA('login', e.target.value)} />
            )}
          </Field>
          <Field label={t('officers.password')} error={errors.password} hint={t('officers.passwordHint')} required>
            {(p) => (
              <input
                {...p}
                type="password"
                name="password"
                autoComplete="new-password"
                value={admin.password}
                onChange={(e) => setA('password', e.target.value)}
              />
            )}
          </Field>
          <Field label={t('officers.passwordRepeat')} error={errors.passwordRepeat} required>
            {(p) => (
              <input
                {...p}
                type="password"
                name="passwordRepeat"
                autoComplete="new-password"
                value={admin.passwordRepeat}
                onChange={(e) => setA('passwordRepeat', e.target.value)}
              />
            )}
          </Field>
          <label className="checkbox">
            <input type="checkbox" name="alsoHead" checked={admin.alsoHead} onChange={(e) => setA('alsoHead', e.target.checked)} />
            {t('officers.alsoHead')}
          </label>
        </fieldset>
        <p className="muted">{t('common.requiredHint')}</p>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('officers.working') : t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
