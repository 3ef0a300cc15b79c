import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '@shared/result';
import type { FieldErrors } from '@shared/validation';
import { useSubmit } from '../../core/useSubmit';
import { Notice } from '../../ui/Notice';
import type { WheelchairWriteError } from './repository';
import { useWriteErrorText } from './writeErrors';

export interface Write<A extends unknown[]> {
  run(...args: A): void;
  busy: boolean;
  /** Field errors of the last refusal, shown at their fields. */
  errors: FieldErrors;
  /** The success, refusal or failure message of the last run; null before the first. */
  notice: ReactNode;
}

/**
 * One write of this feature on the common submit path (`useSubmit`): field errors to the fields, other
 * refusals and unexpected failures as a message, a success message with `success(value)`. The live
 * reads show the saved data without a refresh.
 */
export function useWrite<A extends unknown[], T>(
  action: (...args: A) => Promise<Result<T, WheelchairWriteError>>,
  success: (value: T) => string,
  onSaved?: (value: T) => void,
): Write<A> {
  const { t } = useTranslation();
  const writeError = useWriteErrorText();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const submit = useSubmit(
    (...args: A) => {
      setMessage(null);
      return action(...args);
    },
    {
      onOk: (value) => {
        setErrors({});
        setMessage({ kind: 'success', text: success(value) });
        onSaved?.(value);
      },
      onRefused: (error) => {
        setErrors(error.code === 'invalid' ? error.errors : {});
        if (error.code !== 'invalid') setMessage({ kind: 'error', text: writeError(error) });
      },
    },
  );
  const failure = submit.failure === null ? null : t('common.unexpected', { detail: submit.failure });
  const notice = failure ? <Notice kind="error">{failure}</Notice> : message ? <Notice kind={message.kind}>{message.text}</Notice> : null;
  return { run: submit.run, busy: submit.busy, errors, notice };
}
