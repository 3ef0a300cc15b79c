import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '@shared/validation';
import { useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import { focusFirstInvalid } from '../../ui/focus';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import type { HearingsResult, HearingsWriteError } from './repository';

export type Message = { kind: 'success' | 'error' | 'warning'; text: string } | null;

export function MessageLine({ message }: { message: Message }) {
  return message ? <Notice kind={message.kind}>{message.text}</Notice> : null;
}

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
      case 'not-yet-held':
        return t('hearings.errors.not-yet-held', { date: formatDate(e.hearingDate) });
      default:
        return t(`hearings.errors.${e.code}`);
    }
  };
}

/**
 * One step form's submit over core/useSubmit: busy state, field errors and a message from the typed
 * refusal, unexpected failures shown as a message. The form's own values are untouched: a data reload
 * after any save keeps what the officer typed in every other form of the page.
 */
export function useStepSubmit<T>(
  action: (ctx: WriteContext) => Promise<HearingsResult<T>>,
  opts: { success?: string; onOk?: (value: T) => void } = {},
) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const errorText = useWriteErrorText();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<Message>(null);
  // The form being submitted: after a refusal focus goes to its first invalid field (issue 16 point 5).
  const scope = useRef<HTMLFormElement | null>(null);
  const submit = useSubmit(action, {
    onOk: (value) => {
      setErrors({});
      setMessage(opts.success ? { kind: 'success', text: opts.success } : null);
      opts.onOk?.(value);
    },
    onRefused: (e) => {
      setErrors(e.code === 'invalid' ? e.errors : {});
      setMessage({ kind: 'error', text: errorText(e) });
      focusFirstInvalid(scope.current);
    },
  });
  const run = () => {
    if (!ctx) {
      setMessage({ kind: 'error', text: t('hearings.errors.forbidden') });
      return;
    }
    setMessage(null);
    scope.current = document.activeElement instanceof HTMLElement ? document.activeElement.closest('form') : null;
    submit.run(ctx);
  };
  const shown: Message = submit.failure ? { kind: 'error', text: t('common.unexpected', { detail: submit.failure }) } : message;
  return { run, busy: submit.busy, errors, message: shown };
}
