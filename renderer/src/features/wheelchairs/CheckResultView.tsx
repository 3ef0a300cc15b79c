import { useTranslation } from 'react-i18next';
import type { WheelchairRules } from '@shared/rules';
import type { CheckReason, TypeVerdict, WheelchairCheckResult } from '@shared/wheelchair';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useCite } from './cite';
import { useWheelchairLabels } from './labels';

/** The name of a wheelchair type of the rule set, or its id when the set does not know it. */
export function useTypeName(rules: WheelchairRules | undefined) {
  const { loc } = useWheelchairLabels();
  return (typeId: string): string => {
    const type = rules?.types.find((x) => x.id === typeId);
    return type ? loc(type.nameKk, type.nameRu) : typeId;
  };
}

/** Blocking results and discrepancies between the programme (ОЖБ) and the table. */
export function ProgrammeFindings({ result, rules }: { result: WheelchairCheckResult; rules: WheelchairRules | undefined }) {
  const { t } = useTranslation();
  const typeName = useTypeName(rules);
  const p = result.programme;
  if (!p) return <Notice kind="info">{t('wheelchairs.result.noProgramme')}</Notice>;
  return (
    <div data-testid="programme-findings">
      {result.blocking.map((b) => (
        <Notice key={b.code} kind="error">
          {b.code === 'programme-expired'
            ? t('wheelchairs.result.blockedExpired', { number: p.number, expiresOn: formatDate(b.expiresOn), onDate: formatDate(b.onDate) })
            : t('wheelchairs.result.blockedNotYetValid', {
                number: p.number,
                issuedOn: formatDate(b.issuedOn),
                onDate: formatDate(b.onDate),
              })}
        </Notice>
      ))}
      {result.blocking.length === 0 && p.discrepancies.length === 0 ? (
        <Notice kind="success">{t('wheelchairs.result.programmeAgrees', { number: p.number })}</Notice>
      ) : null}
      {p.discrepancies.length > 0 ? (
        <div className="notice notice--warning" role="alert" data-testid="discrepancies">
          <strong>{t('wheelchairs.result.discrepancies', { number: p.number })}</strong>
          <ul>
            {p.discrepancies.map((d) => (
              <li key={`${d.kind}:${d.typeId}`}>{t(`wheelchairs.discrepancy.${d.kind}`, { type: typeName(d.typeId) })}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function ReasonItem({ reason }: { reason: CheckReason }) {
  const { t } = useTranslation();
  const cite = useCite();
  const { evidence, reasonText, loc } = useWheelchairLabels();
  return (
    <li className={`reason reason--${reason.status}`} data-criterion={reason.criterionId}>
      <span className={`status-chip status-chip--${reason.status}`}>{t(`wheelchairs.status.${reason.status}`)}</span>{' '}
      <span className="reason__text">{reasonText(reason)}</span>
      <ul className="evidence">
        {reason.evidence.map((e, i) => (
          <li key={i}>
            {evidence(e)}
            {e.kind === 'condition' ? <span className="citation"> ({cite(e.citation)})</span> : null}
          </li>
        ))}
      </ul>
      {reason.doubtful ? (
        <p className="doubtful">
          <strong>{t('wheelchairs.result.doubtful')}:</strong> {loc(reason.doubtful.kk, reason.doubtful.ru)}
          {reason.alternative
            ? ` ${t('wheelchairs.result.alternative', { status: t(`wheelchairs.status.${reason.alternative.status}`) })}`
            : null}
        </p>
      ) : null}
      <div className="citation">{cite(reason.citation)}</div>
    </li>
  );
}

function TypeCard({ type }: { type: TypeVerdict }) {
  const { t } = useTranslation();
  const cite = useCite();
  const { loc } = useWheelchairLabels();
  const shown = type.contraindications.filter((r) => r.status !== 'absent');
  const absent = type.contraindications.filter((r) => r.status === 'absent');
  const titleId = `verdict-title-${type.typeId}`;
  return (
    <li className={`card verdict verdict--${type.verdict}`} data-testid={`verdict-${type.typeId}`} aria-labelledby={titleId}>
      <header className="verdict__header">
        <h3 id={titleId}>
          <span className="verdict__row">{t('wheelchairs.result.row', { row: type.row })}</span> {loc(type.nameKk, type.nameRu)}
        </h3>
        <span className={`verdict-badge verdict-badge--${type.verdict}`}>{t(`wheelchairs.verdict.${type.verdict}`)}</span>
      </header>
      <div className="citation">{cite(type.citation)}</div>
      {type.indoorOnly ? <p className="verdict__note">{t('wheelchairs.result.indoorOnly')}</p> : null}
      {type.alternativeVerdict ? (
        <p className="verdict__note">
          {t('wheelchairs.result.alternativeVerdict', { verdict: t(`wheelchairs.verdict.${type.alternativeVerdict}`) })}
        </p>
      ) : null}
      <h4>{t('wheelchairs.result.indications')}</h4>
      <ul className="reasons">
        {type.indications.map((r) => (
          <ReasonItem key={r.criterionId} reason={r} />
        ))}
      </ul>
      <h4>{t('wheelchairs.result.contraindications')}</h4>
      {shown.length > 0 ? (
        <ul className="reasons">
          {shown.map((r) => (
            <ReasonItem key={r.criterionId} reason={r} />
          ))}
        </ul>
      ) : null}
      {absent.length > 0 ? (
        <details className="absent-reasons">
          <summary>{t('wheelchairs.result.absentCount', { count: absent.length })}</summary>
          <ul className="reasons">
            {absent.map((r) => (
              <ReasonItem key={r.criterionId} reason={r} />
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

/** The five verdicts with every reason, as shown while the profile is entered and in a stored check. */
export function CheckResultView({ result, rules }: { result: WheelchairCheckResult; rules: WheelchairRules | undefined }) {
  const { t } = useTranslation();
  const cite = useCite();
  return (
    <section className="check-result" aria-labelledby="check-result-title" data-testid="check-result">
      <h2 id="check-result-title">{t('wheelchairs.result.title')}</h2>
      <p className="muted">
        {result.age === null
          ? t('wheelchairs.result.ageUnknown')
          : t('wheelchairs.result.age', { age: result.age, onDate: formatDate(result.onDate) })}{' '}
        <span className="citation">{t('wheelchairs.result.table', { citation: cite(result.tableCitation) })}</span>
      </p>
      <ProgrammeFindings result={result} rules={rules} />
      <ol className="verdicts">
        {result.types.map((type) => (
          <TypeCard key={type.typeId} type={type} />
        ))}
      </ol>
    </section>
  );
}

/** "1 ✓ 2 – 3 – 4 ✕ 5 ✓" with words for screen readers: the verdicts of a check at a glance. */
export function VerdictSummary({ result }: { result: WheelchairCheckResult }) {
  const { t } = useTranslation();
  return (
    <ul className="verdict-summary">
      {result.types.map((type) => (
        <li key={type.typeId} className={`verdict-dot verdict-dot--${type.verdict}`} title={t(`wheelchairs.verdict.${type.verdict}`)}>
          <span aria-hidden="true">
            {type.row}
            {type.verdict === 'indicated' ? '✓' : type.verdict === 'contraindicated' ? '✕' : '–'}
          </span>
          <span className="wc-sr-only">
            {t('wheelchairs.result.summaryItem', { row: type.row, verdict: t(`wheelchairs.verdict.${type.verdict}`) })}
          </span>
        </li>
      ))}
    </ul>
  );
}
