import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, addMonths, calendarNames, isoToTyped, monthWeeks } from './dateInput';
import { todayIso } from './format';

/** Month and weekday names in the officer's language (kk, ru), never the browser's. */
function useCalendarNames(): { months: string[]; weekdays: string[]; weekdaysShort: string[] } {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return useMemo(() => {
    const list = (key: string) => t(key).split(',');
    return calendarNames(lang, {
      months: list('dateField.months'),
      weekdays: list('dateField.weekdays'),
      weekdaysShort: list('dateField.weekdaysShort'),
    });
  }, [t, lang]);
}

const capitalise = (s: string): string => s.charAt(0).toLocaleUpperCase() + s.slice(1);

interface CalendarProps {
  /** The day shown first and focused: the field's value, or today. */
  start: string;
  /** The field's value (ISO), marked as selected. */
  selected: string;
  onPick(iso: string): void;
  onClose(): void;
}

const KEY_STEPS: Record<string, (iso: string) => string> = {
  ArrowLeft: (d) => addDays(d, -1),
  ArrowRight: (d) => addDays(d, 1),
  ArrowUp: (d) => addDays(d, -7),
  ArrowDown: (d) => addDays(d, 7),
  PageUp: (d) => addMonths(d, -1),
  PageDown: (d) => addMonths(d, 1),
};

/**
 * The month grid of DateField: Monday first, kk/ru month and weekday names; arrows move by day and
 * week, PageUp/PageDown by month, Enter picks, Escape closes (the field returns focus to its button).
 */
export function DateFieldCalendar({ start, selected, onPick, onClose }: CalendarProps) {
  const { t } = useTranslation();
  const names = useCalendarNames();
  const headingId = useId();
  const [focused, setFocused] = useState(start);
  const grid = useRef<HTMLTableElement>(null);
  const today = todayIso();
  const [year, month] = focused.split('-').map(Number);
  const monthName = names.months[(month ?? 1) - 1] ?? '';

  useEffect(() => {
    // Focus follows the focused day (on opening, and after each move by keyboard or button).
    grid.current?.querySelector<HTMLButtonElement>(`button[data-date="${focused}"]`)?.focus();
  }, [focused]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const step = KEY_STEPS[e.key];
    if (step && e.target instanceof HTMLButtonElement && e.target.dataset.date) {
      e.preventDefault();
      setFocused(step(focused));
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div className="date-calendar" role="dialog" aria-modal="false" aria-label={t('dateField.dialog')} onKeyDown={onKeyDown}>
      <div className="date-calendar__header">
        <button
          type="button"
          className="date-calendar__nav"
          aria-label={t('dateField.previousMonth')}
          onClick={() => setFocused(addMonths(focused, -1))}
        >
          ‹
        </button>
        <div id={headingId} className="date-calendar__title" aria-live="polite" data-testid="date-calendar-title">
          {capitalise(monthName)} {year}
        </div>
        <button
          type="button"
          className="date-calendar__nav"
          aria-label={t('dateField.nextMonth')}
          onClick={() => setFocused(addMonths(focused, 1))}
        >
          ›
        </button>
      </div>
      <table ref={grid} role="grid" aria-labelledby={headingId} className="date-calendar__grid">
        <thead>
          <tr>
            {names.weekdaysShort.map((short, i) => (
              <th key={short} scope="col" abbr={names.weekdays[i]}>
                {short}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {monthWeeks(focused).map((week) => (
            <tr key={week[0]}>
              {week.map((day) => {
                const [, m, d] = day.split('-').map(Number);
                const outside = m !== month;
                const weekday = names.weekdays[(new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7] ?? '';
                return (
                  <td key={day} role="gridcell" aria-selected={day === selected}>
                    <button
                      type="button"
                      data-date={day}
                      tabIndex={day === focused ? 0 : -1}
                      className={`date-calendar__day${outside ? ' date-calendar__day--outside' : ''}${day === selected ? ' date-calendar__day--selected' : ''}`}
                      aria-label={`${isoToTyped(day)}, ${weekday}`}
                      {...(day === today ? { 'aria-current': 'date' as const } : {})}
                      onClick={() => onPick(day)}
                    >
                      {d}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="date-calendar__keys muted">{t('dateField.keys')}</p>
    </div>
  );
}
