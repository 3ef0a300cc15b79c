import { useTranslation } from 'react-i18next';
import { formatDate } from '../../ui/format';
import type { WheelchairWriteError } from './repository';

/** A refused write, said in the officer's language (field errors are shown at their fields instead). */
export function useWriteErrorText(): (e: WheelchairWriteError) => string {
  const { t } = useTranslation();
  return (e) => {
    switch (e.code) {
      case 'invalid':
        return t('common.fixErrors');
      case 'blocked':
        return e.blocking
          .map((b) =>
            b.code === 'programme-expired'
              ? t('wheelchairs.errors.write.blockedExpired', { expiresOn: formatDate(b.expiresOn), onDate: formatDate(b.onDate) })
              : t('wheelchairs.errors.write.blockedNotYetValid', { issuedOn: formatDate(b.issuedOn), onDate: formatDate(b.onDate) }),
          )
          .join(' ');
      case 'programme-not-valid':
        return t(`wheelchairs.errors.write.programme-${e.validity}`);
      case 'calendar':
        return e.error.code === 'year-not-covered'
          ? t('wheelchairs.errors.write.calendarYear', { year: e.error.year })
          : t('validation.date');
      case 'return-due':
        return t('wheelchairs.errors.write.returnDue', {
          reasons: e.reasons.map((r) => `${t(`wheelchairs.event.${r.kind}`)} (${formatDate(r.date)})`).join(', '),
        });
      default:
        return t(`wheelchairs.errors.write.${e.code}`);
    }
  };
}
