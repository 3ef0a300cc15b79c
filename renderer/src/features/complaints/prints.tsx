import { useTranslation } from 'react-i18next';
import type { Complaint } from '@shared/complaints';
import type { OfficeProfile } from '@shared/office';
import { formatDate, todayIso } from '../../ui/format';

/**
 * Registration confirmation: what 000 L67 requires the registration to show – incoming number and
 * date, who accepted the complaint, and the term and place for the answer.
 */
export function RegistrationConfirmation({ complaint, office }: { complaint: Complaint; office: OfficeProfile }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-meta">
        {office.officeName}
        <br />
        {office.district}
      </div>
      <h1>{t('complaints.confirmationTitle')}</h1>
      <p>{t('complaints.confirmationText')}</p>
      <table>
        <tbody>
          <tr>
            <th scope="row">{t('complaints.number')}</th>
            <td>{complaint.number}</td>
          </tr>
          <tr>
            <th scope="row">{t('complaints.receiptDate')}</th>
            <td>{formatDate(complaint.receiptDate)}</td>
          </tr>
          <tr>
            <th scope="row">{t('complaints.registrationDate')}</th>
            <td>{formatDate(complaint.registrationDate)}</td>
          </tr>
          <tr>
            <th scope="row">{t('complaints.complainant')}</th>
            <td>
              {complaint.complainantName} ({complaint.complainantIin})
            </td>
          </tr>
          <tr>
            <th scope="row">{t('complaints.addressee')}</th>
            <td>{t(`complaints.addressees.${complaint.addressee}`)}</td>
          </tr>
          <tr>
            <th scope="row">{t('complaints.acceptedBy')}</th>
            <td>{complaint.acceptedBy}</td>
          </tr>
          <tr>
            <th scope="row">{t('complaints.answerTerm')}</th>
            <td>{formatDate(complaint.reviewDue)}</td>
          </tr>
          <tr>
            <th scope="row">{t('complaints.answerPlace')}</th>
            <td>{complaint.answerPlace}</td>
          </tr>
        </tbody>
      </table>
      <div className="signature-line">
        <span>{t('complaints.signature')}</span>
        <span>{t('complaints.printedOn', { date: formatDate(todayIso()) })}</span>
      </div>
    </>
  );
}

/** The register for a period as a journal: one row per complaint, in registration order. */
export function Journal({ complaints, office, from, to }: { complaints: Complaint[]; office: OfficeProfile; from: string; to: string }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form-meta">
        {office.officeName}, {office.district}
      </div>
      <h1>{t('complaints.journalTitle')}</h1>
      <p>{t('complaints.journalPeriod', { from: from ? formatDate(from) : '…', to: to ? formatDate(to) : '…' })}</p>
      <table className="journal">
        <thead>
          <tr>
            <th>{t('complaints.number')}</th>
            <th>{t('complaints.registrationDate')}</th>
            <th>{t('complaints.complainant')}</th>
            <th>{t('complaints.addressee')}</th>
            <th>{t('complaints.acceptedBy')}</th>
            <th>{t('complaints.answerTerm')}</th>
            <th>{t('complaints.statusLabel')}</th>
          </tr>
        </thead>
        <tbody>
          {complaints.map((c) => (
            <tr key={c.id}>
              <td>{c.number}</td>
              <td>{formatDate(c.registrationDate)}</td>
              <td>
                {c.complainantName}
                <br />
                {c.complainantIin}
              </td>
              <td>{t(`complaints.addressees.${c.addressee}`)}</td>
              <td>{c.acceptedBy}</td>
              <td>{formatDate(c.reviewDue)}</td>
              <td>{t(`complaints.statuses.${c.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t('complaints.total', { count: complaints.length })}</p>
      <div className="signature-line">
        <span>{t('complaints.signature')}</span>
        <span>{t('complaints.printedOn', { date: formatDate(todayIso()) })}</span>
      </div>
    </>
  );
}
