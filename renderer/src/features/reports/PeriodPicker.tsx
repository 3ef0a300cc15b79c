import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthPeriod, PERIOD_KINDS, quarterPeriod, rangePeriod, yearPeriod, type Period, type PeriodKind } from '@shared/reports';
import { DateField } from '../../ui/DateField';
import { Notice } from '../../ui/Notice';

interface Props {
  initial: Period;
  onChange(period: Period): void;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Month, quarter, year or any range; a range is checked (shared/reports rangePeriod) before it is used. */
export function PeriodPicker({ initial, onChange }: Props) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<PeriodKind>(initial.kind);
  const [year, setYear] = useState(Number(initial.from.slice(0, 4)));
  const [month, setMonth] = useState(Number(initial.from.slice(5, 7)));
  const [quarter, setQuarter] = useState<1 | 2 | 3 | 4>(1);
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [error, setError] = useState<string | null>(null);

  function apply() {
    setError(null);
    if (kind === 'month') onChange(monthPeriod(year, month));
    else if (kind === 'quarter') onChange(quarterPeriod(year, quarter));
    else if (kind === 'year') onChange(yearPeriod(year));
    else {
      const r = rangePeriod(from, to);
      if (r.ok) onChange(r.value);
      else setError(t(`reports.periodErrors.${r.error.code}`));
    }
  }

  return (
    <form
      className="card report-period"
      onSubmit={(e) => {
        e.preventDefault();
        apply();
      }}
    >
      <fieldset>
        <legend>{t('reports.periodLegend')}</legend>
        <div className="actions">
          {PERIOD_KINDS.map((k) => (
            <label key={k}>
              <input type="radio" name="period-kind" value={k} checked={kind === k} onChange={() => setKind(k)} /> {t(`reports.kinds.${k}`)}
            </label>
          ))}
        </div>
        {kind !== 'range' ? (
          <label>
            {t('reports.year')}{' '}
            <input type="number" name="year" min={2000} max={2100} value={year} onChange={(e) => setYear(Number(e.target.value))} />
          </label>
        ) : null}
        {kind === 'month' ? (
          <label>
            {t('reports.month')}{' '}
            <select name="month" value={month} onChange={(e) => setMonth(Number(e.target.value))}>
              {MONTHS.map((m) => (
                <option key={m} value={m}>
                  {String(m).padStart(2, '0')}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {kind === 'quarter' ? (
          <label>
            {t('reports.quarter')}{' '}
            <select name="quarter" value={quarter} onChange={(e) => setQuarter(Number(e.target.value) as 1 | 2 | 3 | 4)}>
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {q}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {kind === 'range' ? (
          <>
            <label>
              {t('reports.from')} <DateField name="from" value={from} onChange={setFrom} />
            </label>
            <label>
              {t('reports.to')} <DateField name="to" value={to} onChange={setTo} />
            </label>
          </>
        ) : null}
        <button type="submit" className="primary" data-testid="report-show">
          {t('reports.show')}
        </button>
      </fieldset>
      {error ? <Notice kind="error">{error}</Notice> : null}
    </form>
  );
}
