import i18next from 'i18next';
import { receiptFindings } from '@shared/intake';
import type { Bilingual } from '@shared/rules';
import type { Language } from '../../i18n';
import { formatDate } from '../../ui/format';
import { findingArea, findingDetail } from './CheckPanel';
import { formatCitation } from './cite';
import type { ReceiptProps } from './Receipt';

/**
 * The notice an application through the portal gets instead of the App. 4 receipt (issue 18 point 4;
 * para 8, second paragraph, 001 L29): sent to the applicant's personal account, it names every
 * requirement the package does not meet. No form is approved for it; the text follows the clause.
 */
export function PortalNoticeSheet({
  intake,
  applicantName,
  applicantIin,
  office,
  appendix,
  basis,
  language,
}: Omit<ReceiptProps, 'language'> & { applicantIin: string; language: Language }) {
  const t = i18next.getFixedT(language);
  const pick = (b: Bilingual) => (language === 'ru' ? b.ru : b.kk);
  return (
    <div className="intake-receipt" lang={language} data-testid="portal-notice">
      <p className="form-meta">{office.officeName}</p>
      <h1>{t('intake.notice.title')}</h1>
      <p>{t('intake.notice.to', { name: applicantName, iin: applicantIin })}</p>
      <p>{t('intake.notice.body', { date: formatDate(intake.registrationDate) })}</p>
      <ol className="intake-receipt__items">
        {receiptFindings(intake.check).map((f) => (
          <li key={`${f.kind}:${f.itemId}`}>
            {findingArea(f) === 'card' ? `${t('intake.receipt.cardPrefix', { appendix })} ` : ''}
            {pick(f.label)} — {findingDetail(t, f, pick)}
            <span className="citation"> ({f.citations[0] ? formatCitation(t, f.citations[0]) : ''})</span>
          </li>
        ))}
      </ol>
      <p>{t('intake.notice.refuses')}</p>
      <p>{t('intake.notice.executor', { name: intake.officerName, phone: intake.officerPhone })}</p>
      <p>{t('intake.notice.date', { date: formatDate(intake.acknowledgement?.givenOn ?? intake.registrationDate) })}</p>
      <p className="citation">{t('intake.notice.basis', { clause: formatCitation(t, basis) })}</p>
    </div>
  );
}
