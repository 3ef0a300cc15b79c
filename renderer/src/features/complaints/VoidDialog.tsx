import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { type Complaint } from '@shared/complaints';
import type { FieldErrors } from '@shared/validation';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import { Field } from '../../ui/Field';
import { focusFirstInvalid } from '../../ui/focus';
import { Notice } from '../../ui/Notice';
import { useDialogFocus } from '../../ui/useDialogFocus';
import { voidComplaint, type VoidRefusal } from './repository';
import type { WriteError } from '../../db/write';

/**
 * The head's confirmation that a complaint was made by mistake (issue 16 point 2): what voiding means,
 * the required reason, and the button that voids. A modal dialog: focus starts in the reason, stays
 * inside (Tab wraps), Escape or Cancel closes it, and focus returns to the button that opened it.
 */
export function VoidDialog({ complaint, onClose }: { complaint: Complaint; onClose(): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
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

  const save = useSubmit(voidComplaint, {
    onOk: onClose,
    onRefused: (error: WriteError<VoidRefusal>) => {
      if (error.code === 'invalid') setErrors(error.errors);
      else if (error.code === 'voided') setRefusal(t('complaints.voidAlready'));
      else if (error.code === 'forbidden') setRefusal(t('complaints.voidForbidden'));
      else setRefusal(t('complaints.notFound'));
      focusFirstInvalid(form.current);
    },
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx) return;
    setRefusal(null);
    setErrors({});
    save.run(db, ctx, complaint.id, { reason });
  }

  const failure = refusal ?? (save.failure ? t('common.unexpected', { detail: save.failure }) : null);
  return createPortal(
    <div className="complaint-modal-backdrop">
      <div
        ref={dialog}
        className="complaint-modal card"
        role="dialog"
        aria-modal="true"
        aria-labelledby="void-title"
        aria-describedby="void-intro"
      >
        <h2 id="void-title">{t('complaints.voidTitle')}</h2>
        <p id="void-intro">{t('complaints.voidIntro', { number: complaint.number })}</p>
        <form ref={form} onSubmit={submit} noValidate data-testid="void-form">
          {failure ? <Notice kind="error">{failure}</Notice> : null}
          <Field label={t('complaints.voidReason')} hint={t('complaints.voidReasonHint')} error={errors.reason} required>
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
            <button type="submit" className="complaint-void" disabled={save.busy}>
              {t('complaints.voidSubmit')}
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
