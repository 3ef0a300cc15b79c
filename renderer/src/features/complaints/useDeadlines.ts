import { useMemo } from 'react';
import { createWorkingCalendar, type WorkingCalendar } from '@shared/calendar';
import { useAppStore } from '../../core/store';
import { todayIso } from '../../ui/format';
import { dueSoonLimit } from './repository';

export interface DeadlineContext {
  cal: WorkingCalendar;
  today: string;
  /** Last date still flagged "due soon" (the next working day). */
  soon: string;
}

/** The working calendar of the office (as edited in Settings) and today's date. */
export function useDeadlineContext(): DeadlineContext {
  const years = useAppStore((s) => s.calendarYears);
  return useMemo(() => {
    const cal = createWorkingCalendar(years);
    const today = todayIso();
    return { cal, today, soon: dueSoonLimit(cal, today) };
  }, [years]);
}
