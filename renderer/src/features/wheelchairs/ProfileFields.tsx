import { useTranslation } from 'react-i18next';
import type { WheelchairRules } from '@shared/rules';
import {
  ACTIVE_SPHERES,
  HEARING_STATES,
  SEVERITIES,
  measuredParameters,
  type ActiveSphere,
  type FlagField,
  type FunctionalProfileInput,
  type HearingState,
  type Severity,
  type SeverityField,
} from '@shared/wheelchair';
import type { FieldErrors } from '@shared/validation';
import { Field } from '../../ui/Field';
import { useCite } from './cite';
import { useWheelchairLabels } from './labels';

interface Props {
  rules: WheelchairRules;
  value: FunctionalProfileInput;
  errors: FieldErrors;
  onChange(next: FunctionalProfileInput): void;
}

/**
 * Every criterion App. 9 uses, grouped as an officer reads a medical-social assessment: walking and
 * the 11 conditions; the arms and the way of life; the measured arm criteria of the electric chair;
 * then the functions the contraindications name.
 */
export function ProfileFields({ rules, value, errors, onChange }: Props) {
  const { t } = useTranslation();
  const cite = useCite();
  const { parameterLabel, threshold, unit, loc } = useWheelchairLabels();

  const setSeverity = (field: SeverityField, s: Severity) => onChange({ ...value, severities: { ...value.severities, [field]: s } });
  const setFlag = (field: FlagField, on: boolean) => onChange({ ...value, flags: { ...value.flags, [field]: on } });
  const toggle = <T extends string>(list: readonly T[], item: T, on: boolean): T[] =>
    on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item);

  const severity = (field: SeverityField, hint?: string) => (
    <Field label={t(`wheelchairs.field.${field}`)} error={errors[`severities.${field}`]} {...(hint ? { hint } : {})}>
      {(p) => (
        <select
          {...p}
          name={`severity.${field}`}
          value={value.severities[field]}
          onChange={(e) => setSeverity(field, e.target.value as Severity)}
        >
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t(`wheelchairs.severity.${s}`)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const flag = (field: FlagField) => (
    <label className="checkbox span-2">
      <input type="checkbox" name={`flag.${field}`} checked={value.flags[field]} onChange={(e) => setFlag(field, e.target.checked)} />
      {t(`wheelchairs.field.${field}`)}
    </label>
  );

  const listed = rules.indications.find((c) => c.anyOfConditions !== undefined);
  const listedCitation = listed?.occurrences[0]?.citation;

  return (
    <>
      <fieldset className="form-grid profile-group">
        <legend>{t('wheelchairs.form.walking')}</legend>
        {severity('walking')}
        <div />
        <fieldset className="span-2 conditions">
          <legend>{t('wheelchairs.form.conditions')}</legend>
          <p className="field__hint">
            {t('wheelchairs.form.conditionsNote')} {listedCitation ? <span className="citation">({cite(listedCitation)})</span> : null}
          </p>
          {errors.conditions ? (
            <div className="field__error" role="alert">
              {t(errors.conditions)}
            </div>
          ) : null}
          {rules.conditions.map((c) => (
            <label key={c.id} className="checkbox">
              <input
                type="checkbox"
                name={`condition.${c.id}`}
                checked={value.conditions.includes(c.id)}
                onChange={(e) => onChange({ ...value, conditions: toggle(value.conditions, c.id, e.target.checked) })}
              />
              {/* The text itself carries the indoor-only note ("тек бөлме кресло-арбасы"); it is emphasised. */}
              <span className={c.indoorChairOnly ? 'indoor-note' : undefined}>
                {c.number}) {loc(c.textKk, c.textRu)}
              </span>
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset className="form-grid profile-group">
        <legend>{t('wheelchairs.form.arms')}</legend>
        {severity('handsUse', t('wheelchairs.form.handsUseHint'))}
        <div />
        {flag('leverChairExperience')}
        <fieldset className="span-2">
          <legend>{t('wheelchairs.form.activeSpheres')}</legend>
          {ACTIVE_SPHERES.map((s: ActiveSphere) => (
            <label key={s} className="checkbox">
              <input
                type="checkbox"
                name={`sphere.${s}`}
                checked={value.activeSpheres.includes(s)}
                onChange={(e) => onChange({ ...value, activeSpheres: toggle(value.activeSpheres, s, e.target.checked) })}
              />
              {t(`wheelchairs.sphere.${s}`)}
            </label>
          ))}
        </fieldset>
      </fieldset>

      <fieldset className="form-grid profile-group">
        <legend>{t('wheelchairs.form.electric')}</legend>
        {flag('armImpairmentCause')}
        {measuredParameters(rules).map((p) => (
          <Field
            key={p.id}
            label={`${parameterLabel(p)}, ${unit(p.unit)}`}
            error={errors[`measurements.${p.id}`]}
            hint={t('wheelchairs.form.threshold', { threshold: threshold(p) })}
          >
            {(props) => (
              <input
                {...props}
                name={`measure.${p.id}`}
                inputMode="decimal"
                autoComplete="off"
                value={String(value.measurements[p.id] ?? '')}
                onChange={(e) => onChange({ ...value, measurements: { ...value.measurements, [p.id]: e.target.value } })}
              />
            )}
          </Field>
        ))}
        {flag('thumbOppositionLimited')}
        {flag('cannotGripObjects')}
      </fieldset>

      <fieldset className="form-grid profile-group">
        <legend>{t('wheelchairs.form.other')}</legend>
        {flag('sittingWorsensCondition')}
        {severity('consciousness')}
        {severity('orientation')}
        {severity('intellect')}
        {severity('motivation')}
        {severity('legMuscleTone')}
        {severity('armMuscleTone')}
        {severity('sittingBalanceControl')}
        {severity('movementFunctions')}
        <Field label={t('wheelchairs.field.hearing')} error={errors.hearing}>
          {(p) => (
            <select
              {...p}
              name="hearing"
              value={value.hearing}
              onChange={(e) => onChange({ ...value, hearing: e.target.value as HearingState })}
            >
              {HEARING_STATES.map((h) => (
                <option key={h} value={h}>
                  {t(`wheelchairs.hearing.${h}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {severity('vision')}
        {flag('epilepticSeizures')}
        {severity('buildingBarriers')}
      </fieldset>
    </>
  );
}
