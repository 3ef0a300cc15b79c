import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName } from '@shared/persons';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { useLiveData } from '../../core/useLiveData';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { PrintPreview } from '../../ui/print/PrintPreview';
import { useLocalized } from '../../ui/useLocalized';
import { CheckPrint } from './CheckPrint';
import { CheckResultView } from './CheckResultView';
import { ProfileSummary } from './ProfileSummary';
import { getCheck } from './repository';

/** One recorded check as it was made: never edited; a new check starts from its profile. */
export function CheckPage({ checkId, justSaved }: { checkId: string; justSaved: boolean }) {
  const { t, i18n } = useTranslation();
  const { db } = useServices();
  const loc = useLocalized();
  const office = useAppStore((s) => s.office);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const [printing, setPrinting] = useState(false);
  const closePrint = useCallback(() => setPrinting(false), []);
  const data = useLiveData(async () => {
    const check = await getCheck(db, checkId);
    if (!check) return null;
    const person = await db.persons.get(check.personId);
    const kase = await db.cases.get(check.caseId);
    return { check, person, kase };
  }, [db, checkId]);

  if (data.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (data.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: data.error })}</Notice>;
  if (!data.value || !data.value.person) return <Notice kind="warning">{t('wheelchairs.check.notFound')}</Notice>;
  const { check, person, kase } = data.value;
  const ruleSet = ruleSets.find((r) => r.id === check.ruleSetId);
  const rules = ruleSet?.wheelchairs;

  return (
    <section aria-labelledby="wc-check-title">
      <header className="page-header">
        <h1 id="wc-check-title">{t('wheelchairs.check.title', { date: formatDate(check.checkDate), name: fullName(person) })}</h1>
        <div className="actions">
          <a href={sectionHref('wheelchairs', ['case', check.caseId])}>{t('wheelchairs.check.toCase')}</a>
          <a className="button" href={sectionHref('wheelchairs', ['case', check.caseId, 'check', 'new'])}>
            {t('wheelchairs.case.newCheck')}
          </a>
          <button type="button" className="primary" onClick={() => setPrinting(true)}>
            {t('wheelchairs.check.print')}
          </button>
        </div>
      </header>
      {justSaved ? <Notice kind="success">{t('wheelchairs.check.saved')}</Notice> : null}
      <dl className="card facts">
        <dt>{t('persons.iin')}</dt>
        <dd className="mono">{person.iin}</dd>
        <dt>{t('cases.number')}</dt>
        <dd className="mono">{kase?.caseNumber ?? t('common.none')}</dd>
        <dt>{t('wheelchairs.columns.officer')}</dt>
        <dd>{check.createdBy}</dd>
        <dt>{t('wheelchairs.columns.recordedAt')}</dt>
        <dd>{new Date(check.checkedAt).toLocaleString(t('wheelchairs.locale'))}</dd>
        <dt>{t('cases.ruleSet')}</dt>
        <dd>{ruleSet ? loc(ruleSet.titleKk, ruleSet.titleRu) : check.ruleSetId}</dd>
      </dl>
      <details className="card">
        <summary>
          <strong>{t('wheelchairs.check.profile')}</strong>
        </summary>
        <ProfileSummary profile={check.profile} rules={rules} />
      </details>
      <CheckResultView result={check.result} rules={rules} />
      {printing ? (
        <PrintPreview
          title={t('wheelchairs.print.title')}
          suggestedName={`${t('wheelchairs.print.fileName')}-${person.iin}-${check.checkDate}-${i18n.language}.pdf`}
          onClose={closePrint}
          disclosure={{ form: 'wheelchair-check', medium: 'print', table: 'wheelchairChecks', recordIds: [check.id], count: 1 }}
        >
          <CheckPrint check={check} person={person} kase={kase} ruleSet={ruleSet} office={office} />
        </PrintPreview>
      ) : null}
    </section>
  );
}
