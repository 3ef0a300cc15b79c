import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Result } from '@shared/result';
import { describeError } from '../ui/errors';

export interface Submit<A extends unknown[]> {
  /** Starts the action; ignored while one is running. Never rejects: failures land in `failure`. */
  run(...args: A): void;
  busy: boolean;
  /** The message of an unexpected failure (a full disk, a bug), shown by the form; null when none. */
  failure: string | null;
}

export interface SubmitHandlers<T, E> {
  /** Called with the value of a successful action. */
  onOk?(value: T): void;
  /** Called with a refusal (invalid input, a rule of the law, a missing role): the form shows it. */
  onRefused?(error: E): void;
}

/**
 * The one submit path of every form: busy while the action runs (a second click does nothing), typed
 * refusals to the form, unexpected failures as a message, never an unhandled rejection.
 */
export function useSubmit<A extends unknown[], T, E>(
  action: (...args: A) => Promise<Result<T, E>>,
  handlers: SubmitHandlers<T, E> = {},
): Submit<A> {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const running = useRef(false);
  const latest = useRef({ action, handlers });
  useLayoutEffect(() => {
    latest.current = { action, handlers };
  });

  const run = useCallback((...args: A) => {
    if (running.current) return;
    running.current = true;
    setBusy(true);
    setFailure(null);
    const { action: act, handlers: h } = latest.current;
    act(...args)
      .then(
        (r) => (r.ok ? h.onOk?.(r.value) : h.onRefused?.(r.error)),
        (e: unknown) => setFailure(describeError(e)),
      )
      .catch((e: unknown) => setFailure(describeError(e)))
      .finally(() => {
        running.current = false;
        setBusy(false);
      });
  }, []);

  return { run, busy, failure };
}
