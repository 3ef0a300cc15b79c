import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Voiding } from '@shared/records/envelope';
import type { Result } from '@shared/result';
import type { FieldErrors } from '@shared/validation';
import { useSubmit } from '../core/useSubmit';
import { Field } from './Field';
import { focusFirstInvalid } from './focus';
import { formatDate, todayIso } from './format';
import { Notice } from './Notice';
import { useDialogFocus } from './useDialogFocus';
import './voidDialog.css';

/** A refusal of a voiding write: `invalid` carries the reason's message, every other code is said by the caller. */
type VoidRefused = { code: string; errors?: FieldErrors };

interface VoidDialogProps<E extends VoidRefused> {
  /** The dialog's heading, naming the kind of record ("Void the case"). */
  title: string;
  /** What voiding means for this record, with its number (issue 16 point 2). */
  intro: string;
  /** Voids the record with the reason typed; refusals come back typed, failures as a rejection. */
  onVoid(reason: string): Promise<Result<unknown, E>>;
  /** The message of a refusal other than an invalid reason (already voided, not a head, not found). */
  refusalText(error: E): string;
  onClose(): void;
}

/**
 * The head's confirmation that a record was made by mistake (issue 16 point 2), for any register: what
 * voiding means, the required reason, and the button that voids. A modal dialog: focus starts in the
 * reason, stays inside (Tab wraps), Escape or Cancel closes it, and focus returns to the button that
 * opened it.
 */
export function VoidDialog<E extends VoidRefused>({ title, intro, onVoid, refusalText, onClose }: VoidDialogProps<E>) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  useDialogFocus(dialog);

  useEffect(() => {
    reasonRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const save = useSubmit(onVoid, {
    onOk: onClose,
    onRefused: (error: E) => {
      if (error.code === 'invalid' && error.errors) setErrors(error.errors);
      else setRefusal(refusalText(error));
      focusFirstInvalid(form.current);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    setErrors({});
    save.run(reason);
  }

  const failure = refusal ?? (save.failure ? t('common.unexpected', { detail: save.failure }) : null);
  return createPortal(
    <div className="void-modal-backdrop">
      <div
        ref={dialog}
        className="void-modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="void-title"
        aria-describedby="void-intro"
      >
        <h2 id="void-title">{title}</h2>
        <p id="void-intro">{intro}</p>
        <form ref={form} onSubmit={submit} noValidate data-testid="void-form">
          {failure ? <Notice kind="error">{failure}</Notice> : null}
          <Field label={t('voiding.reason')} hint={t('voiding.reasonHint')} error={errors.reason} required>
            {(p) => (
              <textarea
                {...p}
                ref={reasonRef}
                name="voidReason"
                rows={3}
                value={reason}
                onChange={(e) => {
                  setReason(e.target.value);
                  setErrors({});
                }}
              />
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="void-danger" disabled={save.busy}>
              {t('voiding.submit')}
            </button>
            <button type="button" onClick={onClose}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>,
    document.body,
  );
}

/** The short mark of a voided record beside its number: in words first, colour second. */
export function VoidedMark({ testId }: { testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className="badge voided-mark" data-testid={testId}>
      {t('voiding.mark')}
    </span>
  );
}

/** Who voided the record, when and why (the envelope's `voided`), and what that means for it. */
export function VoidedNotice({ voided, consequence, testId }: { voided: Voiding; consequence: string; testId?: string }) {
  const { t } = useTranslation();
  // The consequence follows the reason as its own sentence.
  const reason = /[.!?…]$/u.test(voided.reason) ? voided.reason : `${voided.reason}.`;
  return (
    <Notice kind="warning">
      <span data-testid={testId}>
        <strong>{t('voiding.notice', { date: formatDate(todayIso(new Date(voided.at))), by: voided.by })}</strong>{' '}
        {t('voiding.reasonLine', { reason })} {consequence}
      </span>
    </Notice>
  );
}
