import { useCallback, useState, type ReactNode } from 'react';
import type { Disclosure } from '@shared/audit';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, type Language } from '../../i18n';
import { PrintPreview } from '../../ui/print/PrintPreview';

interface PrintSheetButtonProps {
  /** The label of the language choice, of the button and of the preview window. */
  languageLabel: string;
  openLabel: string;
  previewTitle: string;
  suggestedName: string;
  /** What the print discloses; the preview writes its audit entry after every print (issue 19). */
  disclosure: Disclosure;
  /** The sheet in the chosen language. */
  sheet(language: Language): ReactNode;
}

/** Opens the A4 preview of a sheet handed to the applicant, in the language chosen for that sheet. */
export function PrintSheetButton(props: PrintSheetButtonProps) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<Language>(currentLanguage());
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <div className="inline-form intake-receipt-actions">
      <label>
        {props.languageLabel}{' '}
        <select
          name="receiptLanguage"
          value={language}
          onChange={(e) => setLanguage(LANGUAGES.find((l) => l === e.target.value) ?? language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l}>
              {t(`lang.${l}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="primary" onClick={() => setOpen(true)}>
        {props.openLabel}
      </button>
      {open ? (
        <PrintPreview title={props.previewTitle} suggestedName={props.suggestedName} onClose={close} disclosure={props.disclosure}>
          {props.sheet(language)}
        </PrintPreview>
      ) : null}
    </div>
  );
}
