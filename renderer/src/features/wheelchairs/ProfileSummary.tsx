import { useTranslation } from 'react-i18next';
import type { WheelchairRules } from '@shared/rules';
import { measuredParameters, type FlagField, type FunctionalProfile, type SeverityField } from '@shared/wheelchair';
import { useWheelchairLabels } from './labels';

/** The profile as label/value lines, in the order of the form (shared by the check page and the print). */
export function useProfileRows(profile: FunctionalProfile, rules: WheelchairRules | undefined): [string, string][] {
  const { t } = useTranslation();
  const { parameterLabel, unit, loc } = useWheelchairLabels();
  const sev = (f: SeverityField): [string, string] => [t(`wheelchairs.field.${f}`), t(`wheelchairs.severity.${profile.severities[f]}`)];
  const flag = (f: FlagField): [string, string] => [t(`wheelchairs.field.${f}`), profile.flags[f] ? t('common.yes') : t('common.no')];
  const conditions = (rules?.conditions ?? [])
    .filter((c) => profile.conditions.includes(c.id))
    .map((c) => `${c.number}) ${loc(c.textKk, c.textRu)}`);
  const measures: [string, string][] = (rules ? measuredParameters(rules) : []).map((p) => {
    const v = profile.measurements[p.id];
    return [
      parameterLabel(p),
      v === null || v === undefined ? t('wheelchairs.evidence.notMeasured') : `${String(v).replace('.', ',')} ${unit(p.unit)}`,
    ];
  });
  return [
    sev('walking'),
    [t('wheelchairs.form.conditions'), conditions.length > 0 ? conditions.join('; ') : t('common.none')],
    sev('handsUse'),
    flag('leverChairExperience'),
    [
      t('wheelchairs.form.activeSpheres'),
      profile.activeSpheres.length > 0 ? profile.activeSpheres.map((s) => t(`wheelchairs.sphere.${s}`)).join(', ') : t('common.none'),
    ],
    flag('armImpairmentCause'),
    ...measures,
    flag('thumbOppositionLimited'),
    flag('cannotGripObjects'),
    flag('sittingWorsensCondition'),
    sev('consciousness'),
    sev('orientation'),
    sev('intellect'),
    sev('motivation'),
    sev('legMuscleTone'),
    sev('armMuscleTone'),
    sev('sittingBalanceControl'),
    sev('movementFunctions'),
    [t('wheelchairs.field.hearing'), t(`wheelchairs.hearing.${profile.hearing}`)],
    sev('vision'),
    flag('epilepticSeizures'),
    sev('buildingBarriers'),
  ];
}

export function ProfileSummary({ profile, rules }: { profile: FunctionalProfile; rules: WheelchairRules | undefined }) {
  const rows = useProfileRows(profile, rules);
  return (
    <dl className="facts profile-facts" data-testid="profile-summary">
      {rows.map(([label, value], i) => (
        <div key={i} className="profile-facts__row">
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
