import { useTranslation } from 'react-i18next';
import { INTAKE_CHANNELS, type IntakeChannel, type MedicalCardFormId } from '@shared/intake';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import type { FormPartProps } from './formState';

const FORMS = ['stationary', 'semi-stationary'] as const satisfies readonly MedicalCardFormId[];
const isChannel = (v: string): v is IntakeChannel => (INTAKE_CHANNELS as readonly string[]).includes(v);

/** The intake itself: which appendix, the day the package was presented, how it came (L200-203), who took it. */
export function RegistrationFields({ state, errors, change, officerName }: FormPartProps & { officerName: string }) {
  const { t } = useTranslation();
  return (
    <fieldset className="card form-grid">
      <legend>{t('intake.form.intakeSection')}</legend>
      <div className="span-2 intake-radios" role="radiogroup" aria-label={t('intake.form.form')}>
        <span>{t('intake.form.form')}</span>
        {FORMS.map((f) => (
          <label key={f} className="checkbox">
            <input type="radio" name="form" value={f} checked={state.form === f} onChange={() => change((s) => ({ ...s, form: f }))} />
            {t(`intake.formName.${f}`)}
          </label>
        ))}
      </div>
      <Field label={t('intake.form.registrationDate')} error={errors.registrationDate} required hint={t('intake.form.registrationHint')}>
        {(p) => (
          <DateField
            {...p}
            name="registrationDate"
            value={state.registrationDate}
            onChange={(registrationDate) => change((s) => ({ ...s, registrationDate }))}
          />
        )}
      </Field>
      <Field label={t('intake.form.channel')} error={errors.channel} required>
        {(p) => (
          <select
            {...p}
            name="channel"
            value={state.channel}
            onChange={(e) => {
              const channel = e.target.value;
              if (isChannel(channel)) change((s) => ({ ...s, channel }));
            }}
          >
            {INTAKE_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`intake.channel.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('intake.form.officerPhone')} error={errors.officerPhone} required hint={t('intake.form.officerPhoneHint')}>
        {(p) => (
          <input
            {...p}
            name="officerPhone"
            inputMode="tel"
            value={state.officerPhone}
            onChange={(e) => change((s) => ({ ...s, officerPhone: e.target.value }))}
          />
        )}
      </Field>
      <div className="derived">{t('intake.form.officer', { name: officerName })}</div>
    </fieldset>
  );
}
