import { useTranslation } from 'react-i18next';
import type { DeadlineStatus } from '@shared/complaints';
import type { CitedTerm } from '@shared/rules';
import { formatDate } from '../../ui/format';
import { TermCitation } from '../../ui/Citation';

/** Working days left, or how late, in words. */
export function DaysLeft({ status, short = false }: { status: DeadlineStatus; short?: boolean }) {
  const { t } = useTranslation();
  if (status.state !== 'open' || status.daysLeft === null) {
    return <span>{t(`complaints.states.${status.state}`, { date: status.doneOn ? formatDate(status.doneOn) : '' })}</span>;
  }
  if (status.daysLeft < 0)
    return (
      <span className="flag flag--overdue">
        {t(short ? 'complaints.overdueShort' : 'complaints.overdueBy', { count: -status.daysLeft })}
      </span>
    );
  if (status.daysLeft === 0) return <span className="flag flag--due-soon">{t('complaints.dueToday')}</span>;
  return (
    <span className={status.flag ? 'flag flag--due-soon' : ''}>
      {t(short ? 'complaints.daysLeftShort' : 'complaints.daysLeft', { count: status.daysLeft })}
    </span>
  );
}

export function DeadlineRow({ label, status, term }: { label: string; status: DeadlineStatus; term: CitedTerm }) {
  return (
    <tr data-testid={`deadline-${term.anchor}`}>
      <th scope="row">{label}</th>
      <td>{formatDate(status.due)}</td>
      <td>
        <DaysLeft status={status} />
      </td>
      <td className="citation">
        <TermCitation term={term} />
      </td>
    </tr>
  );
}
