import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { generateOfficeKeys } from '@shared/bundle';
import { officeProfileInput, REGIONS, type OfficeProfile, type OfficeProfileInput } from '@shared/office';
import type { OfficerInput, Role } from '@shared/officers';
import { fieldErrors, type FieldErrors } from '@shared/validation';
import { useServices } from '../../core/services';
import { useAppStore, writeContextFor } from '../../core/store';
import { saveOfficeKeys, saveOfficeProfile } from '../../db/repositories/settings';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { insertOfficer, prepareOfficer, recordSignIn } from '../officers/repository';
import { writeSession } from '../officers/session';
import { LanguageSwitch } from '../settings/LanguageSwitch';
import { describeError } from '../../ui/errors';

/** The region select starts empty, so the form state allows '' until the schema checks it. */
type OfficeForm = Omit<OfficeProfileInput, 'region'> & { region: string };
const EMPTY_OFFICE: OfficeForm = { region: '', district: '', officeCode: '', officeName: '', officerName: '' };

interface AdminForm {
  login: string;
  position: string;
  password: string;
  passwordRepeat: string;
  alsoHead: boolean;
}
const EMPTY_ADMIN: AdminForm = { login: '', position: '', password: '', passwordRepeat: '', alsoHead: true };

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
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const loc = useLocalized();

  const setO = (field: keyof OfficeForm) => (value: string) => setOfficeForm((f) => ({ ...f, [field]: value }));
  const setA = <K extends keyof AdminForm>(field: K, value: AdminForm[K]) => setAdmin((a) => ({ ...a, [field]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const parsed = officeProfileInput.safeParse(office);
    const roles: Role[] = admin.alsoHead ? ['administrator', 'head'] : ['administrator'];
    const officerInput: OfficerInput = {
      login: admin.login,
      fullName: office.officerName,
      position: admin.position,
      roles,
      password: admin.password,
      passwordRepeat: admin.passwordRepeat,
    };
    setBusy(true);
    setFailure(null);
    try {
      const now = new Date().toISOString();
      const prepared = await prepareOfficer(officerInput, now, crypto.randomUUID());
      const officeErrors = parsed.success ? {} : fieldErrors(parsed.error);
      const adminErrors = prepared.ok ? {} : prepared.error.code === 'invalid' ? prepared.error.errors : {};
      if (!parsed.success || !prepared.ok) {
        setErrors({
          ...officeErrors,
          ...Object.fromEntries(Object.entries(adminErrors).map(([k, v]) => [k === 'fullName' ? 'officerName' : k, v])),
        });
        return;
      }
      setErrors({});
      const profile: OfficeProfile =
        adminOnly && existingOffice ? existingOffice : { ...parsed.data, officeId: crypto.randomUUID(), createdAt: now };
      // Each office signs the bundles it sends with its own key pair, made once here (issue 7).
      const keys = adminOnly ? null : await generateOfficeKeys();
      const stored = await db.transaction('rw', db.settings, db.officers, db.auditLog, async () => {
        const created = await insertOfficer(db, null, prepared.value);
        if (!created.ok) return created;
        if (keys) await saveOfficeKeys(db, keys);
        await saveOfficeProfile(db, profile);
        return created;
      });
      if (!stored.ok) {
        setFailure(t(`officers.errors.${stored.error.code}`));
        return;
      }
      const store = useAppStore.getState();
      store.setOffice(profile);
      await recordSignIn(db, writeContextFor(profile, stored.value), stored.value);
      writeSession({ officerId: stored.value.id, lastActivity: Date.now() });
      store.signedIn(stored.value);
    } catch (e2: unknown) {
      setFailure(t('common.unexpected', { detail: describeError(e2) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="setup">
      <div className="setup__lang">
        <LanguageSwitch />
      </div>
      <form className="card setup__card" onSubmit={submit} noValidate aria-labelledby="setup-title">
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
