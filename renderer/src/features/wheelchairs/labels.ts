import { useTranslation } from 'react-i18next';
import type { CitedParameter } from '@shared/rules';
import type { CheckReason, Evidence } from '@shared/wheelchair';
import { formatDate } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';

/** Kazakh and Russian labels of the table's data (types, parameters) and of the profile's findings. */
export function useWheelchairLabels() {
  const { t } = useTranslation();
  const loc = useLocalized();

  const parameterLabel = (p: CitedParameter): string => t(`wheelchairs.parameters.${p.id}`, { defaultValue: p.labelRu });
  const unit = (u: CitedParameter['unit']): string => t(`wheelchairs.units.${u}`);
  const value = (n: number, u: CitedParameter['unit']): string => `${String(n).replace('.', ',')} ${unit(u)}`;
  /** "≤ 13–20 °", "< 6 жас", "3–4 см": the threshold as the table states it. */
  const threshold = (p: CitedParameter): string => {
    const range = p.low === p.high ? String(p.low) : `${p.low}–${p.high}`;
    return t(`wheelchairs.comparison.${p.comparison}`, { value: range, unit: unit(p.unit) });
  };

  const evidence = (e: Evidence): string => {
    switch (e.kind) {
      case 'severity':
        return `${t(`wheelchairs.field.${e.field}`)}: ${t(`wheelchairs.severity.${e.value}`)}`;
      case 'flag':
        return `${t(`wheelchairs.field.${e.field}`)}: ${e.value ? t('common.yes') : t('common.no')}`;
      case 'condition':
        return `${e.number}) ${loc(e.textKk, e.textRu)}`;
      case 'no-condition':
        return t('wheelchairs.evidence.noCondition');
      case 'spheres':
        return e.value.length > 0
          ? t('wheelchairs.evidence.spheres', { spheres: e.value.map((s) => t(`wheelchairs.sphere.${s}`)).join(', ') })
          : t('wheelchairs.evidence.noSpheres');
      case 'hearing':
        return `${t('wheelchairs.field.hearing')}: ${t(`wheelchairs.hearing.${e.value}`)}`;
      case 'measure': {
        const measured = e.value === null ? t('wheelchairs.evidence.notMeasured') : value(e.value, e.parameter.unit);
        const band = e.withinBand ? ` ${t('wheelchairs.evidence.withinBand')}` : '';
        return `${parameterLabel(e.parameter)}: ${measured} (${t('wheelchairs.evidence.threshold', { threshold: threshold(e.parameter) })})${band}`;
      }
      case 'age':
        return e.age === null
          ? t('wheelchairs.evidence.ageUnknown', { birthDate: formatDate(e.birthDate), onDate: formatDate(e.onDate) })
          : t('wheelchairs.evidence.age', {
              age: e.age,
              birthDate: formatDate(e.birthDate),
              onDate: formatDate(e.onDate),
              threshold: threshold(e.parameter),
            });
      case 'unsupported':
        return t('wheelchairs.evidence.unsupported', { id: e.criterionId });
    }
  };

  /**
   * The criterion's wording in this row. Row 1's Kazakh heading ("…бұзылуының болуы:") introduces the
   * list of conditions, so the list is named after it; the Russian text already says so.
   */
  const reasonText = (r: CheckReason): string => {
    const listed = r.evidence.some((e) => e.kind === 'condition' || e.kind === 'no-condition');
    return loc(listed ? `${r.textKk} ${t('wheelchairs.result.oneOfConditions')}` : r.textKk, r.textRu);
  };

  return { parameterLabel, unit, threshold, evidence, reasonText, loc };
}
