import { useTranslation } from 'react-i18next';
import { complaintDueDates, type ComplaintRoute } from '@shared/complaints';
import type { ComplaintAddresseeKind } from '@shared/rules';
import { Citation, TermCitation } from '../../ui/Citation';
import { formatDate } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';
import { useDeadlineContext } from './useDeadlines';

interface DeadlinePreviewProps {
  route: ComplaintRoute | null;
  receiptDate: string;
  registrationDate: string;
  addressee: ComplaintAddresseeKind;
}

/** Both deadlines as the officer types, with the route's clauses (000 L75-81 or 001 L57-60). */
export function DeadlinePreview({ route, receiptDate, registrationDate, addressee }: DeadlinePreviewProps) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { cal } = useDeadlineContext();
  const due = route && receiptDate && registrationDate ? complaintDueDates(route, cal, { receiptDate, registrationDate, addressee }) : null;
  const preview = due?.ok ? due.value : null;
  return (
    <div className="span-2 card deadline-preview" data-testid="deadline-preview">
      <h2>{t('complaints.deadlines')}</h2>
      {route ? (
        <p data-testid="route-preview">
          {t(`complaints.routes.${route.id}`)} <Citation citation={route.citation} quote={false} />
        </p>
      ) : null}
      {preview && route ? (
        <ul>
          <li>
            {t('complaints.forwardDeadline')}:{' '}
            {preview.forwardDue && preview.forwardTerm ? (
              <>
                <strong>{formatDate(preview.forwardDue)}</strong> — <TermCitation term={preview.forwardTerm} />
              </>
            ) : (
              t('complaints.noDeadline')
            )}
          </li>
          <li>
            {t('complaints.reviewDeadline')}: <strong>{formatDate(preview.reviewDue)}</strong> — <TermCitation term={preview.reviewTerm} />
          </li>
          {preview.forwardDue ? (
            <li className="muted">
              {loc(route.waiver.kk, route.waiver.ru)} <Citation citation={route.waiver.citation} />
            </li>
          ) : null}
        </ul>
      ) : (
        <p className="muted">
          {route
            ? t('complaints.calendarMissing', { year: registrationDate.slice(0, 4) })
            : t('complaints.noRuleSet', { date: formatDate(registrationDate) })}
        </p>
      )}
    </div>
  );
}
