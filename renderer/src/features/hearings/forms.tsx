import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '@shared/result';
import type { FieldErrors } from '@shared/validation';
import { useAppStore } from '../../core/store';
import { formatDate } from '../../ui/format';
import type { HearingsWriteError } from './repository';
import { describeError } from '../../ui/errors';

export type Message = { kind: 'success' | 'error' | 'warning'; text: string } | null;

/** The text of a refused write (field errors are shown at their fields). */
export function useWriteErrorText(): (e: HearingsWriteError) => string {
  const { t } = useTranslation();
  return (e) => {
    switch (e.code) {
      case 'invalid':
        return t('common.fixErrors');
      case 'rule-set-missing':
        return t('hearings.errors.rule-set-missing', { id: e.ruleSetId });
      case 'calendar':
        return e.error.code === 'year-not-covered'
          ? t('hearings.errors.calendarYear', { year: e.error.year })
          : t('hearings.errors.calendarDate', { date: e.error.date });
      case 'too-early':
        return e.earliest.notBefore
          ? t('hearings.errors.tooEarly', { date: formatDate(e.earliest.notBefore) })
          : t('hearings.errors.tooEarlyBlocked');
      case 'date-order':
        return t('hearings.validation.dateOrder');
      default:
        return t(`hearings.errors.${e.code}`);
    }
  };
}

/** State of one step form: field errors, a message, and a submit that reports the typed result. */
export function useStepForm() {
  const { t } = useTranslation();
  const errorText = useWriteErrorText();
  const dataChanged = useAppStore((s) => s.dataChanged);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Message>(null);
  const [busy, setBusy] = useState(false);

  async function run<T>(
    action: () => Promise<Result<T, HearingsWriteError>>,
    opts: { success?: string; onOk?: (value: T) => void; onError?: (e: HearingsWriteError) => boolean } = {},
  ): Promise<void> {
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      const r = await action();
      if (r.ok) {
        setErrors({});
        if (opts.success) setMessage({ kind: 'success', text: opts.success });
        opts.onOk?.(r.value);
        dataChanged();
      } else {
        if (opts.onError?.(r.error)) return;
        setErrors(r.error.code === 'invalid' ? r.error.errors : {});
        setMessage({ kind: 'error', text: errorText(r.error) });
      }
    } catch (e: unknown) {
      setMessage({ kind: 'error', text: t('common.unexpected', { detail: describeError(e) }) });
    } finally {
      setBusy(false);
    }
  }

  return { errors, setErrors, message, setMessage, busy, run };
}
