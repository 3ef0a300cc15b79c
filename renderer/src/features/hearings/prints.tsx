import { useTranslation } from 'react-i18next';
import { decisionNoticeForm, type Hearing, type HearingMinutes, type HearingSchedule } from '@shared/hearings';
import { fullName } from '@shared/persons';
import type { Disclosure } from '@shared/audit';
import type { Citation } from '@shared/rules';
import { useAppStore } from '../../core/store';
import { formatDate } from '../../ui/format';
import { PrintPreview } from '../../ui/print/PrintPreview';
import { useLocalized } from '../../ui/useLocalized';
import { useCitationText, useMethodLabel, useServiceName } from './common';
import type { ApplicationView } from './repository';

/** The clauses behind a form; citations of the same act and paragraph are written once with all their lines. */
function Basis({ citations }: { citations: readonly Citation[] }) {
  const { t } = useTranslation();
  const cite = useCitationText();
  if (citations.length === 0) return null;
  const groups = new Map<string, string[]>();
  for (const c of citations) {
    const head = cite({ ...c, seed: '', lines: '' }, false).replace(/ \[ \]$/u, '');
    const lines = groups.get(head) ?? [];
    if (!lines.includes(`${c.seed} ${c.lines}`)) lines.push(`${c.seed} ${c.lines}`);
    groups.set(head, lines);
  }
  return (
    <p className="citation">
      {t('hearings.print.basis')}: {[...groups].map(([head, lines]) => `${head} [${lines.join('; ')}]`).join('; ')}
    </p>
  );
}

function Letterhead({ view }: { view: ApplicationView }) {
  const { t } = useTranslation();
  const office = useAppStore((s) => s.office);
  return (
    <>
      <div className="form-meta hearings-print">
        {t('cases.number')}: {view.theCase?.caseNumber ?? ''}
      </div>
      <p className="hearings-print__office">
        <strong>{office?.officeName}</strong>
        <br />
        {office?.district}
      </p>
      {view.person ? (
        <p className="hearings-print__to">
          {t('hearings.print.to')}: <strong>{fullName(view.person)}</strong>
          <br />
          {t('persons.iin')}: {view.person.iin}
          <br />
          {view.person.address}
        </p>
      ) : null}
    </>
  );
}

/** What a printed form discloses, for the audit entry PrintPreview records (the medium is set there). */
function disclosureOf(table: 'applications' | 'hearings' | 'hearingMinutes', recordId: string, form: string): Disclosure {
  return { form, medium: 'print', table, recordIds: [recordId], count: 1 };
}

/** Notice of the preliminary decision and of the hearing: time, place or method (000 L47-49; 004 L38-43). */
export function HearingNoticePrint({
  view,
  hearing,
  schedule,
  onClose,
}: {
  view: ApplicationView;
  hearing: Hearing;
  schedule: HearingSchedule;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const serviceName = useServiceName();
  const methodLabel = useMethodLabel();
  const { application: app, service } = view;
  const rule = service?.hearing;
  const citations: Citation[] = [];
  if (rule?.kind === 'service-term') citations.push(rule.trigger.citation, rule.noticeBeforeTermEnd.citation);
  if (rule?.kind === 'decision-date')
    citations.push(
      rule.noticeBeforeDecision.citation,
      rule.modesCitation,
      rule.objectionAfterReceipt.citation,
      rule.minutesCitation,
      rule.remarksAfterFamiliarisation.citation,
    );
  const title = rule?.kind === 'decision-date' ? t('hearings.print.noticeTitleDecisionDate') : t('hearings.print.noticeTitle');
  return (
    <PrintPreview
      title={title}
      disclosure={disclosureOf('hearings', hearing.id, 'hearing-notice')}
      suggestedName={`hearing-notice-${view.theCase?.caseNumber ?? app.id}.pdf`}
      onClose={onClose}
    >
      <Letterhead view={view} />
      <h1>{title}</h1>
      <p>
        {t('hearings.print.noticeIntro', {
          service: serviceName(service, app.service),
          registered: formatDate(app.registrationDate),
          date: formatDate(app.preliminary?.date ?? ''),
        })}
      </p>
      <p className="prewrap">
        {t('hearings.preliminary.grounds')}: {app.preliminary?.grounds}
      </p>
      <p>{t('hearings.print.noticeInvite')}</p>
      <table>
        <tbody>
          <tr>
            <th scope="row">{t('hearings.hearing.dateTime')}</th>
            <td>
              {formatDate(hearing.date)}, {hearing.time}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('hearings.hearing.method')}</th>
            <td>{methodLabel(service, hearing.method)}</td>
          </tr>
          <tr>
            <th scope="row">{t('hearings.hearing.place')}</th>
            <td>{hearing.place}</td>
          </tr>
          {hearing.participants ? (
            <tr>
              <th scope="row">{t('hearings.hearing.participants')}</th>
              <td className="prewrap">{hearing.participants}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {rule?.kind === 'decision-date' ? (
        <p>
          {t('hearings.print.objectionRight', {
            closes: schedule.objectionWindow ? formatDate(schedule.objectionWindow.closes.date) : '—',
            days: rule.remarksAfterFamiliarisation.workingDays,
          })}
        </p>
      ) : (
        <p>{t('hearings.print.hearingTerm', { closes: schedule.hearingWindow ? formatDate(schedule.hearingWindow.closes.date) : '—' })}</p>
      )}
      <Basis citations={citations} />
      <div className="signature-line">
        <span>{t('hearings.print.officialSignature')}</span>
        <span>{t('hearings.print.receivedSignature')}</span>
      </div>
    </PrintPreview>
  );
}

/** The minutes as signed, then the reading, the remarks and the addenda in the order they came. */
export function MinutesPrint({ view, minutes, onClose }: { view: ApplicationView; minutes: HearingMinutes; onClose(): void }) {
  const { t } = useTranslation();
  const serviceName = useServiceName();
  const c = minutes.content;
  const rule = view.service?.hearing;
  const sections: [string, string][] = [
    [t('hearings.minutes.explanations'), c.explanations],
    [t('hearings.minutes.questionsAndAnswers'), c.questionsAndAnswers],
    [t('hearings.minutes.statements'), c.statements],
    [t('hearings.minutes.factsToRecord'), c.factsToRecord],
    [t('hearings.minutes.documentsHandedIn'), c.documentsHandedIn],
  ];
  const citations: Citation[] =
    rule?.kind === 'decision-date' ? [rule.minutesCitation, rule.familiarisationCitation, rule.remarksAfterFamiliarisation.citation] : [];
  return (
    <PrintPreview
      title={t('hearings.print.minutesTitle')}
      disclosure={disclosureOf('hearingMinutes', minutes.id, 'minutes')}
      suggestedName={`hearing-minutes-${view.theCase?.caseNumber ?? minutes.id}.pdf`}
      onClose={onClose}
    >
      <div className="form-meta hearings-print">
        {t('cases.number')}: {view.theCase?.caseNumber ?? ''}
        <br />
        {serviceName(view.service, view.application.service)}
      </div>
      <h1>{t('hearings.print.minutesTitle')}</h1>
      {minutes.signedOff === null ? <p className="hearings-print__draft">{t('hearings.print.draft')}</p> : null}
      <table>
        <tbody>
          <tr>
            <th scope="row">{t('hearings.minutes.place')}</th>
            <td>{c.place}</td>
          </tr>
          <tr>
            <th scope="row">{t('hearings.minutes.dateTime')}</th>
            <td>
              {formatDate(c.date)}, {c.startTime}–{c.endTime}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('hearings.minutes.body')}</th>
            <td>{c.body}</td>
          </tr>
          <tr>
            <th scope="row">{t('hearings.minutes.official')}</th>
            <td>{c.official}</td>
          </tr>
          <tr>
            <th scope="row">{t('hearings.minutes.secretary')}</th>
            <td>{c.secretary}</td>
          </tr>
          <tr>
            <th scope="row">{t('hearings.minutes.applicant')}</th>
            <td>
              {c.applicantName}, {t('persons.iin')} {c.applicantIin}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('hearings.minutes.representative')}</th>
            <td>
              {c.representative
                ? `${c.representative.fullName}, ${t('persons.iin')} ${c.representative.iin}; ${t('hearings.minutes.powerOfAttorney')}: ${c.representative.powerOfAttorney}`
                : t('common.none')}
            </td>
          </tr>
          <tr>
            <th scope="row">{t('hearings.minutes.question')}</th>
            <td className="prewrap">{c.question}</td>
          </tr>
        </tbody>
      </table>
      {sections.map(([label, text]) => (
        <section key={label}>
          <h2>{label}</h2>
          <p className="prewrap">{text || t('common.none')}</p>
        </section>
      ))}
      <div className="signature-line hearings-signatures">
        <span>{t('hearings.print.officialSignature')}</span>
        <span>{t('hearings.print.secretarySignature')}</span>
        <span>{t('hearings.print.applicantSignature')}</span>
      </div>
      {minutes.signedOff ? (
        <p>{t('hearings.print.signedOn', { date: formatDate(minutes.signedOff.date), by: minutes.signedOff.by })}</p>
      ) : null}
      <h2>{t('hearings.minutes.reading')}</h2>
      <p>
        {minutes.familiarisation
          ? t('hearings.print.readOn', { date: formatDate(minutes.familiarisation.date) })
          : t('hearings.print.notRead')}
      </p>
      <h2>{t('hearings.minutes.remarks')}</h2>
      {minutes.remarks.length === 0 ? (
        <p>{t('hearings.minutes.noRemarks')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('hearings.minutes.remarkDate')}</th>
              <th scope="col">{t('hearings.minutes.remarkText')}</th>
            </tr>
          </thead>
          <tbody>
            {minutes.remarks.map((r) => (
              <tr key={r.id}>
                <td>{formatDate(r.date)}</td>
                <td className="prewrap">{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {minutes.addenda.length > 0 ? (
        <>
          <h2>{t('hearings.minutes.addenda')}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('hearings.minutes.addendumDate')}</th>
                <th scope="col">{t('hearings.minutes.addendumText')}</th>
                <th scope="col">{t('hearings.minutes.addendumBy')}</th>
              </tr>
            </thead>
            <tbody>
              {minutes.addenda.map((a) => (
                <tr key={a.id}>
                  <td>{formatDate(a.date)}</td>
                  <td className="prewrap">{a.text}</td>
                  <td>{a.by}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {citations.length > 0 ? <Basis citations={citations} /> : <p className="citation">{t('hearings.minutes.templateNote')}</p>}
    </PrintPreview>
  );
}

/** Notice of grant or refusal (004 L48-51: App. 6 / App. 7 of the social-assistance rules). */
export function DecisionNoticePrint({ view, onClose }: { view: ApplicationView; onClose(): void }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const serviceName = useServiceName();
  const { application: app, service, hearing } = view;
  const d = app.decision;
  if (!d) return null;
  const rule = service?.hearing;
  // 004 L48: the grant and the refusal are notified on different forms (App. 6 / App. 7).
  const form = rule ? decisionNoticeForm(rule, d.outcome) : null;
  const citations: Citation[] = [];
  if (rule?.kind === 'decision-date') citations.push(rule.decisionCitation, ...(form ? [form.citation] : []), rule.notificationCitation);
  if (rule?.kind === 'service-term') {
    if (rule.outcomesCitation) citations.push(rule.outcomesCitation);
    if (service?.term) citations.push(service.term.citation);
  }
  const fallback = d.outcome === 'granted' ? t('hearings.print.decisionTitleGranted') : t('hearings.print.decisionTitleRefused');
  const title = form ? loc(form.titleKk, form.titleRu) : fallback;
  return (
    <PrintPreview
      title={title}
      disclosure={disclosureOf('applications', app.id, 'decision-notice')}
      suggestedName={`decision-notice-${view.theCase?.caseNumber ?? app.id}.pdf`}
      onClose={onClose}
    >
      {form ? (
        <div className="form-meta" data-testid="decision-form-appendix">
          {t('hearings.print.appendix', { n: form.appendix })}
        </div>
      ) : null}
      <Letterhead view={view} />
      <h1>{title}</h1>
      <p>
        {t('hearings.print.decisionIntro', {
          service: serviceName(service, app.service),
          registered: formatDate(app.registrationDate),
          date: formatDate(d.date),
          outcome: t(`hearings.outcomes.${d.outcome}`),
        })}
      </p>
      {d.reasons ? <p className="prewrap">{t('hearings.print.reasons', { reasons: d.reasons })}</p> : null}
      {hearing && hearing.status !== 'scheduled' ? (
        <p>
          {t(hearing.status === 'held' ? 'hearings.print.hearingHeld' : 'hearings.print.hearingAbsent', { date: formatDate(hearing.date) })}
        </p>
      ) : null}
      {app.notification ? (
        <p>
          {t('hearings.print.notifiedBy', {
            method: t(`hearings.notificationMethods.${app.notification.method}`),
            date: formatDate(app.notification.date),
          })}
        </p>
      ) : null}
      <Basis citations={citations} />
      <div className="signature-line">
        <span>{t('hearings.print.headSignature')}</span>
        <span>{t('hearings.print.receivedSignature')}</span>
      </div>
    </PrintPreview>
  );
}
