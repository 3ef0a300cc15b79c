import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { officeProfileInput, REGIONS, type OfficeProfile, type OfficeProfileInput } from '../../../../shared/office';
import { fieldErrors, type FieldErrors } from '../../../../shared/validation';
import { useServices } from '../../app/services';
import { useAppStore } from '../../app/store';
import { saveOfficeKeys, saveOfficeProfile } from '../../db/repositories/settings';
import { generateOfficeKeys } from '../../../../shared/bundle';
import { useLocalized } from '../../ui/useLocalized';
import { Field } from '../../ui/Field';
import { Notice } from '../../ui/Notice';
import { LanguageSwitch } from '../settings/LanguageSwitch';

/** The region select starts empty, so the form state allows '' until the schema checks it. */
type FormState = Omit<OfficeProfileInput, 'region'> & { region: string };
const EMPTY: FormState = { region: '', district: '', officeCode: '', officeName: '', officerName: '' };

/** First run: the office profile is required before anything can be registered. */
export function OfficeSetup() {
  const { t } = useTranslation();
  const { db } = useServices();
  const setOffice = useAppStore((s) => s.setOffice);
  const [form, setForm] = useState<FormState>(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const loc = useLocalized();

  const set = (field: keyof FormState) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const parsed = officeProfileInput.safeParse(form);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      const profile: OfficeProfile = { ...parsed.data, officeId: crypto.randomUUID(), createdAt: new Date().toISOString() };
      // Each office signs the bundles it sends with its own key pair, made once here (issue 7).
      const keys = await generateOfficeKeys();
      await db.transaction('rw', db.settings, async () => {
        await saveOfficeKeys(db, keys);
        await saveOfficeProfile(db, profile);
      });
      setOffice(profile);
    } catch (e2: unknown) {
      setFailure(String(e2));
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
        <h1 id="setup-title">{t('setup.title')}</h1>
        <p>{t('setup.intro')}</p>
        {failure ? <Notice kind="error">{t('common.unexpected', { detail: failure })}</Notice> : null}
        {Object.keys(errors).length > 0 ? <Notice kind="error">{t('common.fixErrors')}</Notice> : null}
        <Field label={t('setup.region')} error={errors.region} required>
          {(p) => (
            <select {...p} name="region" value={form.region} onChange={(e) => set('region')(e.target.value)}>
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
          {(p) => <input {...p} name="district" value={form.district} onChange={(e) => set('district')(e.target.value)} />}
        </Field>
        <Field label={t('setup.officeCode')} error={errors.officeCode} hint={t('setup.officeCodeHint')} required>
          {(p) => (
            <input
              {...p}
              name="officeCode"
              value={form.officeCode}
              maxLength={10}
              autoCapitalize="characters"
              onChange={(e) => set('officeCode')(e.target.value.toUpperCase())}
            />
          )}
        </Field>
        <Field label={t('setup.officeName')} error={errors.officeName} required>
          {(p) => <input {...p} name="officeName" value={form.officeName} onChange={(e) => set('officeName')(e.target.value)} />}
        </Field>
        <Field label={t('setup.officerName')} error={errors.officerName} hint={t('setup.officerNameHint')} required>
          {(p) => <input {...p} name="officerName" value={form.officerName} onChange={(e) => set('officerName')(e.target.value)} />}
        </Field>
        <p className="muted">{t('common.requiredHint')}</p>
        <button type="submit" className="primary" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </main>
  );
}
