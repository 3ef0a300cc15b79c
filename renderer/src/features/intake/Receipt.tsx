import i18next from 'i18next';
import { receiptFindings, type Intake } from '@shared/intake';
import type { OfficeProfile } from '@shared/office';
import { REGIONS } from '@shared/office';
import type { Bilingual, Citation } from '@shared/rules';
import type { Language } from '../../i18n';
import { formatDate } from '../../ui/format';
import { findingArea, findingDetail } from './CheckPanel';
import { formatCitation } from './cite';

export interface ReceiptProps {
  intake: Intake;
  applicantName: string;
  office: OfficeProfile;
  appendix: string;
  /** Para 8 (L28): the clause that makes the receipt. */
  basis: Citation;
  language: Language;
}

/**
 * Appendix 4 of the medical-social rules (001 L259-297), "Құжаттарды қабылдаудан бас тарту туралы
 * қолхат": the refusing body, exactly the missing or expired items, two copies, the executor with
 * name and phone, the recipient's signature, the date. The text is the form's own (Kazakh verbatim;
 * Russian our translation); the language is chosen per receipt.
 */
export function ReceiptSheet({ intake, applicantName, office, appendix, basis, language }: ReceiptProps) {
  const t = i18next.getFixedT(language);
  const pick = (b: Bilingual) => (language === 'ru' ? b.ru : b.kk);
  const region = REGIONS.find((r) => r.id === office.region);
  const lines = receiptFindings(intake.check);
  return (
    <div className="intake-receipt" lang={language} data-testid="receipt">
      <p className="form-meta">
        {t('intake.receipt.meta')}
        <br />
        {t('intake.receipt.formWord')}
      </p>
      <h1>{t('intake.receipt.title')}</h1>
      <p>{t('intake.receipt.preamble')}</p>
      <p className="intake-receipt__body">
        <strong>{office.officeName}</strong>
        <br />
        <span className="citation">
          {region ? pick(region) : ''}, {office.district}
        </span>
      </p>
      <p>{t('intake.receipt.because')}</p>
      <ol className="intake-receipt__items">
        {lines.map((f) => (
          <li key={`${f.kind}:${f.itemId}`}>
            {findingArea(f) === 'card' ? `${t('intake.receipt.cardPrefix', { appendix })} ` : ''}
            {pick(f.label)} — {findingDetail(t, f, pick)}
            <span className="citation"> ({f.citations[0] ? formatCitation(t, f.citations[0]) : ''})</span>
          </li>
        ))}
      </ol>
      <p>{t('intake.receipt.refuses')}</p>
      <p>{t('intake.receipt.copies')}</p>
      <dl className="intake-receipt__parties">
        <dt>{t('intake.receipt.executor')}</dt>
        <dd>
          <span className="intake-receipt__fill">{intake.officerName}</span>
          <span className="citation">{t('intake.receipt.executorCaption')}</span>
        </dd>
        <dt>{t('intake.receipt.phone')}</dt>
        <dd>
          <span className="intake-receipt__fill mono">{intake.officerPhone}</span>
        </dd>
        <dt>{t('intake.receipt.received')}</dt>
        <dd>
          <span className="intake-receipt__fill">{applicantName}</span>
          <span className="citation">{t('intake.receipt.receivedCaption')}</span>
        </dd>
      </dl>
      <p>{t('intake.receipt.date', { date: formatDate(intake.registrationDate) })}</p>
      <p className="citation">{t('intake.receipt.basis', { clause: formatCitation(t, basis) })}</p>
    </div>
  );
}
