import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Disclosure } from '@shared/audit';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { recordDisclosure } from '../../db/repositories/audit';
import { describeError } from '../errors';
import { useMenuCommand } from '../../platform';
import { Notice } from '../Notice';
import { useDialogFocus } from '../useDialogFocus';

interface PrintPreviewProps {
  /** Shown in the preview's toolbar. */
  title: string;
  /** File name offered when Electron saves the PDF (without folders). */
  suggestedName: string;
  onClose(): void;
  /**
   * What this print discloses (issue 19): the preview records it in the audit trail after every
   * successful print or saved PDF, so no print can forget its entry.
   */
  disclosure: Disclosure;
  /** Called after a successful print (and its audit entry). */
  onPrinted?(): void;
  children: ReactNode;
}

/**
 * An A4 preview of one printable form. Printing goes through the platform: Electron saves a PDF
 * (printToPDF) through the save dialog, the browser opens its print dialog. The print style sheet
 * hides everything but `.print-area`, so both print exactly what the preview shows.
 */
export function PrintPreview({ title, suggestedName, onClose, disclosure, onPrinted, children }: PrintPreviewProps) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const printButton = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  useDialogFocus(dialog);

  useEffect(() => {
    printButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    document.body.classList.add('printing-preview');
    return () => {
      window.removeEventListener('keydown', onKey);
      document.body.classList.remove('printing-preview');
    };
  }, [onClose]);

  // File → Print (and its shortcut) in the desktop app prints the open preview.
  useMenuCommand(platform, 'print', () => void print());

  async function print() {
    setMessage(null);
    const result = await platform.print({ suggestedName });
    if (result.ok) {
      try {
        if (ctx) await recordDisclosure(db, ctx, { ...disclosure, medium: result.value ? 'pdf' : 'print' });
      } catch (e: unknown) {
        setMessage({ kind: 'error', text: t('common.unexpected', { detail: describeError(e) }) });
        return;
      }
      onPrinted?.();
      if (result.value) setMessage({ kind: 'success', text: t('print.saved', { file: result.value.fileName }) });
    } else if (result.error.code !== 'cancelled') {
      setMessage({ kind: 'error', text: t(`platform.${result.error.code}`) });
    }
  }

  return createPortal(
    <div ref={dialog} className="print-overlay" role="dialog" aria-modal="true" aria-label={title}>
      <div className="print-toolbar">
        <strong>{title}</strong>
        <div className="actions">
          <button ref={printButton} type="button" className="primary" onClick={() => void print()}>
            {t('print.print')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      <div className="print-area" data-testid="print-area">
        <article className="a4-page">{children}</article>
      </div>
    </div>,
    document.body,
  );
}
