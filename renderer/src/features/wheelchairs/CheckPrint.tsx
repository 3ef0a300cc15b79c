import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/cases';
import type { OfficeProfile } from '@shared/office';
import { fullName, type Person } from '@shared/persons';
import type { RuleSet } from '@shared/rules';
import type { CheckReason, WheelchairCheck } from '@shared/wheelchair';
import { formatDate } from '../../ui/format';
import { useCite } from './cite';
import { useTypeName } from './CheckResultView';
import { useWheelchairLabels } from './labels';
import { useProfileRows } from './ProfileSummary';

interface Props {
  check: WheelchairCheck;
  person: Person;
  kase: Case | undefined;
  ruleSet: RuleSet | undefined;
  office: OfficeProfile | null;
}

function PrintReason({ reason }: { reason: CheckReason }) {
  const { t } = useTranslation();
  const cite = useCite();
  const { evidence, reasonText, loc } = useWheelchairLabels();
  return (
    <li className={`wc-print-reason wc-print-reason--${reason.status}`}>
      <strong>[{t(`wheelchairs.status.${reason.status}`)}]</strong> {reasonText(reason)}
      <div className="wc-print-evidence">{reason.evidence.map(evidence).join('; ')}</div>
      {reason.doubtful ? (
        <div className="wc-print-evidence">
          <em>{t('wheelchairs.result.doubtful')}:</em> {loc(reason.doubtful.kk, reason.doubtful.ru)}
          {reason.alternative
            ? ` ${t('wheelchairs.result.alternative', { status: t(`wheelchairs.status.${reason.alternative.status}`) })}`
            : null}
        </div>
      ) : null}
      <div className="citation">{cite(reason.citation)}</div>
    </li>
  );
}

/** The printable check result, in the interface language (switching the language switches the print). */
export function CheckPrint({ check, person, kase, ruleSet, office }: Props) {
  const { t } = useTranslation();
  const cite = useCite();
  const { loc } = useWheelchairLabels();
  const rules = ruleSet?.wheelchairs;
  const typeName = useTypeName(rules);
  const profileRows = useProfileRows(check.profile, rules);
  const r = check.result;

  return (
    <div className="wc-print" data-testid="check-print">
      {office ? (
        <p className="form-meta">
          {office.officeName}
          <br />
          {office.district}
        </p>
      ) : null}
      <h1>{t('wheelchairs.print.title')}</h1>
      <table>
        <tbody>
          <tr>
            <th scope="row">{t('persons.fullName')}</th>
            <td>{fullName(person)}</td>
            <th scope="row">{t('persons.iin')}</th>
            <td>{person.iin}</td>
          </tr>
          <tr>
            <th scope="row">{t('persons.birthDate')}</th>
            <td>{formatDate(person.birthDate)}</td>
            <th scope="row">{t('wheelchairs.print.age')}</th>
            <td>{r.age === null ? t('common.none') : r.age}</td>
          </tr>
          <tr>
            <th scope="row">{t('cases.number')}</th>
            <td>{kase?.caseNumber ?? t('common.none')}</td>
            <th scope="row">{t('wheelchairs.form.checkDate')}</th>
            <td>{formatDate(check.checkDate)}</td>
          </tr>
          <tr>
            <th scope="row">{t('cases.ruleSet')}</th>
            <td colSpan={3}>{ruleSet ? loc(ruleSet.titleKk, ruleSet.titleRu) : check.ruleSetId}</td>
          </tr>
          <tr>
            <th scope="row">{t('wheelchairs.print.programme')}</th>
            <td colSpan={3}>
              {r.programme
                ? t('wheelchairs.print.programmeLine', {
                    number: r.programme.number,
                    issuedOn: formatDate(r.programme.issuedOn),
                    expiresOn: formatDate(r.programme.expiresOn),
                    types: r.programme.wheelchairTypes.map(typeName).join('; '),
                  })
                : t('wheelchairs.programme.none')}
            </td>
          </tr>
        </tbody>
      </table>

      <h2>{t('wheelchairs.print.profile')}</h2>
      <table className="wc-print-profile">
        <tbody>
          {profileRows.map(([label, value], i) => (
            <tr key={i}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('wheelchairs.print.verdicts')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('wheelchairs.print.rowColumn')}</th>
            <th scope="col">{t('wheelchairs.print.typeColumn')}</th>
            <th scope="col">{t('wheelchairs.print.verdictColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {r.types.map((type) => (
            <tr key={type.typeId}>
              <td>{type.row}</td>
              <td>{loc(type.nameKk, type.nameRu)}</td>
              <td>
                <strong>{t(`wheelchairs.verdict.${type.verdict}`)}</strong>
                {type.indoorOnly ? ` (${t('wheelchairs.result.indoorOnly')})` : ''}
                {type.alternativeVerdict
                  ? `. ${t('wheelchairs.result.alternativeVerdict', { verdict: t(`wheelchairs.verdict.${type.alternativeVerdict}`) })}`
                  : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {r.programme ? (
        <>
          <h2>{t('wheelchairs.print.comparison')}</h2>
          {r.programme.discrepancies.length === 0 ? (
            <p>{t('wheelchairs.result.programmeAgrees', { number: r.programme.number })}</p>
          ) : (
            <ul>
              {r.programme.discrepancies.map((d) => (
                <li key={`${d.kind}:${d.typeId}`}>{t(`wheelchairs.discrepancy.${d.kind}`, { type: typeName(d.typeId) })}</li>
              ))}
            </ul>
          )}
        </>
      ) : null}

      <h2>{t('wheelchairs.print.reasons')}</h2>
      <p className="citation">{t('wheelchairs.result.table', { citation: cite(r.tableCitation) })}</p>
      {r.types.map((type) => (
        <section key={type.typeId} className="wc-print-type">
          <h3>
            {type.row}. {loc(type.nameKk, type.nameRu)}: {t(`wheelchairs.verdict.${type.verdict}`)}
          </h3>
          <ul>
            {[...type.indications, ...type.contraindications].map((reason) => (
              <PrintReason key={reason.criterionId} reason={reason} />
            ))}
          </ul>
        </section>
      ))}

      <div className="signature-line">
        <span>
          {t('wheelchairs.print.officer')}: {check.createdBy}
        </span>
        <span>{t('wheelchairs.print.signature')}</span>
        <span>
          {t('wheelchairs.print.date')}: {formatDate(check.checkDate)}
        </span>
      </div>
    </div>
  );
}
