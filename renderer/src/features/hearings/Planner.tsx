import { useTranslation } from 'react-i18next';
import type { CitedDate, DateWindow, HearingSchedule } from '@shared/hearings';
import type { Citation } from '@shared/rules';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { CitationNote, useWarningText, warningCitation } from './common';

interface Row {
  key: string;
  label: string;
  value: string;
  from: string;
  projected: boolean;
  citation: Citation | null;
}

/**
 * The hearing planner: every latest / earliest date of the application with what it is counted from
 * and its clause, then the warnings for planned dates that break a term.
 */
export function Planner({ schedule, title }: { schedule: HearingSchedule; title?: string }) {
  const { t } = useTranslation();
  const warningText = useWarningText();
  const rows: Row[] = [];
  const dateRow = (key: string, label: string, d: CitedDate | null) => {
    if (d)
      rows.push({ key, label, value: formatDate(d.date), from: formatDate(d.from), projected: d.projected, citation: d.term.citation });
  };
  const windowRow = (key: string, label: string, w: DateWindow | null) => {
    if (w) {
      rows.push({
        key,
        label,
        value: `${formatDate(w.opens)} – ${formatDate(w.closes.date)}`,
        from: formatDate(w.closes.from),
        projected: w.closes.projected,
        citation: w.closes.term.citation,
      });
    }
  };
  dateRow('term-end', t('hearings.planner.termEnd'), schedule.termEnd);
  if (schedule.decisionAnchor) {
    rows.push({
      key: 'decision-anchor',
      label: t('hearings.planner.plannedDecision'),
      value: formatDate(schedule.decisionAnchor),
      from: '',
      projected: false,
      citation: null,
    });
  }
  windowRow('disagreement-window', t('hearings.planner.disagreementWindow'), schedule.disagreementWindow);
  dateRow('latest-notice', t('hearings.planner.latestNotice'), schedule.latestNotice);
  windowRow('hearing-window', t('hearings.planner.hearingWindow'), schedule.hearingWindow);
  windowRow('objection-window', t('hearings.planner.objectionWindow'), schedule.objectionWindow);
  windowRow('remarks-window', t('hearings.planner.remarksWindow'), schedule.remarksWindow);
  const e = schedule.earliestDecision;
  if (e.binding) {
    rows.push({
      key: 'earliest-decision',
      label: t('hearings.planner.earliestDecision'),
      value: formatDate(e.binding.date),
      from: t(`hearings.bases.${e.binding.basis}`),
      projected: false,
      citation: e.binding.citation,
    });
  }
  dateRow('latest-decision', t('hearings.planner.latestDecision'), schedule.latestDecision);
  // State Corporation applications: the result goes back one day before the term ends (000 L145, 001 L37).
  dateRow('hand-over', t('hearings.planner.handOver'), schedule.handOver);

  return (
    <div className="card hearings-planner" data-testid="planner">
      <h2>{title ?? t('hearings.planner.title')}</h2>
      <table className="grid compact">
        <thead>
          <tr>
            <th scope="col">{t('hearings.planner.step')}</th>
            <th scope="col">{t('hearings.planner.date')}</th>
            <th scope="col">{t('hearings.planner.from')}</th>
            <th scope="col">{t('hearings.planner.clause')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th scope="row">{r.label}</th>
              <td className="nowrap">
                <strong>{r.value}</strong>
                {r.projected ? <span className="badge warning">{t('hearings.planner.projected')}</span> : null}
              </td>
              <td>{r.from}</td>
              <td>{r.citation ? <CitationNote citation={r.citation} /> : t('hearings.planner.officerSet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="hearing-needed">{t(`hearings.planner.hearingNeeded.${schedule.hearingNeeded}`)}</p>
      {schedule.objectionWindow || schedule.remarksWindow || schedule.disagreementWindow ? (
        <p className="muted">{t('hearings.planner.windowEnd')}</p>
      ) : null}
      {schedule.variant === 'service-term' ? <p className="muted">{t('hearings.planner.noRemarksTerm')}</p> : null}
      {e.blockers.length > 0 ? (
        <Notice kind="info">
          {t('hearings.planner.blockers')}: {e.blockers.map((b) => t(`hearings.blockers.${b}`)).join('; ')}
        </Notice>
      ) : null}
      {schedule.warnings.length > 0 ? (
        <ul className="hearings-warnings" data-testid="planner-warnings">
          {schedule.warnings.map((w, i) => {
            const c = warningCitation(w);
            return (
              <li key={`${w.code}-${i}`} className={`hearings-warning hearings-warning--${w.code}`}>
                <strong>{warningText(w)}</strong>
                {c ? (
                  <>
                    {' '}
                    <CitationNote citation={c} />
                  </>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted" data-testid="planner-ok">
          {t('hearings.planner.noWarnings')}
        </p>
      )}
    </div>
  );
}
