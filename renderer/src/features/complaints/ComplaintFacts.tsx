import { useTranslation } from 'react-i18next';
import { routeAddressee, type Complaint, type ComplaintRoute } from '@shared/complaints';
import type { ServiceRule } from '@shared/rules';
import { href, sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { Citation } from '../../ui/Citation';
import { formatDate } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';
import { getLinkedCase } from './repository';

/** How the complaint was forwarded, and with what of the administrative case (000 L75, 001 L57). */
function Forwarding({ forwarded }: { forwarded: NonNullable<Complaint['forwarded']> }) {
  const { t } = useTranslation();
  const caseText =
    forwarded.caseSent === undefined
      ? t('complaints.caseNotRecorded')
      : forwarded.caseSent
        ? t('complaints.caseSentWith', { contents: forwarded.caseContents ?? '' })
        : t('complaints.caseNotSent');
  return (
    <dd data-testid="complaint-forwarded">
      {t('complaints.forwarded', { date: formatDate(forwarded.date), to: forwarded.to })}
      <br />
      <span className={forwarded.caseSent === false ? 'flag flag--overdue' : ''}>{caseText}</span>
    </dd>
  );
}

/**
 * The case the complaint is filed in, linked to the case page (issue 16 point 7: the page never showed
 * it). A case id whose case is not in this office's database is said so, not shown as an id.
 */
function LinkedCase({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const found = useLiveData(() => getLinkedCase(db, caseId), [db, caseId]);
  if (found.status === 'loading') return <dd>…</dd>;
  if (found.status === 'error') return <dd className="field__error">{t('common.unexpected', { detail: found.error })}</dd>;
  return (
    <dd data-testid="complaint-case">
      {found.value ? (
        <>
          <a href={sectionHref('hearings', ['case', found.value.id])}>{found.value.caseNumber}</a> — {found.value.subject}
        </>
      ) : (
        t('complaints.linkedCaseMissing')
      )}
    </dd>
  );
}

/** The facts of the complaint, the office's own remedies, the reviewing body's decision and the court note. */
export function ComplaintFacts({
  complaint,
  route,
  service,
}: {
  complaint: Complaint;
  route: ComplaintRoute | null;
  service: ServiceRule | undefined;
}) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const addressee = route ? routeAddressee(route, complaint.addressee) : undefined;
  const remedies = complaint.remedies ?? [];
  return (
    <dl className="card facts" data-testid="complaint-facts">
      <dt>{t('complaints.complainant')}</dt>
      <dd>
        <a href={href({ name: 'person', id: complaint.personId })}>{complaint.complainantName}</a> (
        <span className="mono">{complaint.complainantIin}</span>)
        {complaint.representative ? ` — ${complaint.representative.fullName}, ${complaint.representative.powerOfAttorney}` : ''}
      </dd>
      {complaint.caseId ? (
        <>
          <dt>{t('complaints.linkedCase')}</dt>
          <LinkedCase caseId={complaint.caseId} />
        </>
      ) : null}
      <dt>{t('complaints.receiptDate')}</dt>
      <dd>{formatDate(complaint.receiptDate)}</dd>
      <dt>{t('complaints.registrationDate')}</dt>
      <dd>{formatDate(complaint.registrationDate)}</dd>
      <dt>{t('complaints.channel')}</dt>
      <dd>{t(`complaints.channels.${complaint.channel}`)}</dd>
      <dt>{t('complaints.addressee')}</dt>
      <dd data-testid="complaint-addressee">
        {addressee ? loc(addressee.labelKk, addressee.labelRu) : t(`complaints.addressees.${complaint.addressee}`)}
        {addressee ? (
          <>
            {' '}
            <Citation citation={addressee.citation} quote={false} />
          </>
        ) : null}
      </dd>
      <dt>{t('complaints.route')}</dt>
      <dd data-testid="complaint-route">
        {route ? (
          <>
            {t(`complaints.routes.${route.id}`)} <Citation citation={route.citation} quote={false} />
          </>
        ) : (
          t('common.none')
        )}
      </dd>
      <dt>{t('complaints.service')}</dt>
      <dd>{service ? loc(service.nameKk, service.nameRu) : complaint.serviceId}</dd>
      <dt>{t('complaints.contested')}</dt>
      <dd>
        {t(`complaints.contestedKinds.${complaint.contested}`)}
        {complaint.contestedRef ? `: ${complaint.contestedRef}` : ''}
        {complaint.official ? ` (${complaint.official})` : ''}
      </dd>
      <dt>{t('complaints.text')}</dt>
      <dd className="pre">{complaint.text}</dd>
      <dt>{t('complaints.demands')}</dt>
      <dd className="pre">{complaint.demands}</dd>
      <dt>{t('complaints.acceptedBy')}</dt>
      <dd>{complaint.acceptedBy}</dd>
      <dt>{t('complaints.answerPlace')}</dt>
      <dd>{complaint.answerPlace}</dd>
      <dt>{t('complaints.reviewer')}</dt>
      <dd>{complaint.reviewer || t('common.none')}</dd>
      {remedies.length > 0 ? (
        <>
          <dt>{t('complaints.remedies')}</dt>
          <dd data-testid="complaint-remedies">
            {remedies.map((r, i) => (
              <div key={i}>
                <strong>{t(`complaints.remedyExtents.${r.extent}`)}</strong>, {formatDate(r.date)}
                {r.withinWindow ? '' : ` (${t('complaints.remedyAfterWindow')})`}. {r.text}
              </div>
            ))}
          </dd>
        </>
      ) : null}
      {complaint.forwarded ? (
        <>
          <dt>{t('complaints.forward')}</dt>
          <Forwarding forwarded={complaint.forwarded} />
        </>
      ) : null}
      {complaint.decision ? (
        <>
          <dt>{t('complaints.decision')}</dt>
          <dd data-testid="complaint-decision">
            <strong>{t(`complaints.outcomes.${complaint.decision.outcome}`)}</strong>, {formatDate(complaint.decision.date)}.{' '}
            {complaint.decision.text} ({t(`complaints.notification.${complaint.decision.notifiedBy}`)},{' '}
            {formatDate(complaint.decision.notifiedOn)})
          </dd>
        </>
      ) : null}
      {complaint.withdrawal ? (
        <>
          <dt>{t('complaints.statuses.withdrawn')}</dt>
          <dd>{t('complaints.withdrawn', { date: formatDate(complaint.withdrawal.date), reason: complaint.withdrawal.reason })}</dd>
        </>
      ) : null}
      {complaint.courtNote ? (
        <>
          <dt>{t('complaints.courtNote')}</dt>
          <dd data-testid="complaint-court">
            {t('complaints.court', { date: formatDate(complaint.courtNote.date), text: complaint.courtNote.text })}
          </dd>
        </>
      ) : null}
    </dl>
  );
}
