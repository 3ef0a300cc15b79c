import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Case } from '@shared/cases';
import { APPLICATION_CHANNELS, serviceTermEnd, type ApplicationChannel, type ServiceApplication } from '@shared/hearings';
import { fullName } from '@shared/persons';
import { err } from '@shared/result';
import type { RuleSet } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { useCan } from '../../core/permissions';
import { href, navigate, sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { searchCases } from '../../db/repositories/cases';
import { getPerson } from '../../db/repositories/persons';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { VoidDialog, VoidedMark, VoidedNotice } from '../../ui/VoidDialog';
import { useLiveData } from '../../core/useLiveData';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import { useLocalized } from '../../ui/useLocalized';
import { CitationNote, useCalendar, useServiceName } from './common';
import { useWriteErrorText } from './forms';
import { applicationsOfCase, createApplication, voidCase, type HearingsWriteError } from './repository';

/** One case's applications (`#/hearings/case/<caseId>`). */
export function CasePage({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const cal = useCalendar();
  const serviceName = useServiceName();
  const mayVoid = useCan('record.void');
  const [voiding, setVoiding] = useState(false);
  const data = useLiveData(async () => {
    const theCase = await db.cases.get(caseId);
    if (!theCase) return null;
    const [person, apps] = await Promise.all([getPerson(db, theCase.personId), applicationsOfCase(db, caseId)]);
    return { theCase, person, apps };
  }, [db, caseId]);
  if (data.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (data.status === 'error') return <Notice kind="error">{t('common.unexpected', { detail: data.error })}</Notice>;
  if (!data.value) return <Notice kind="warning">{t('hearings.errors.case-not-found')}</Notice>;
  const { theCase, person, apps } = data.value;
  const ruleSet = ruleSets.find((r) => r.id === theCase.ruleSetId);

  const voided = theCase.voided;
  const termEnd = (a: ServiceApplication): string => {
    // Issue 16 point 2: no term runs for a voided application or one in a voided case.
    if (a.voided ?? voided) return t('hearings.case.voidedNoTerm');
    const service = ruleSet?.services.find((s) => s.id === a.service);
    if (!service) return '';
    const end = serviceTermEnd(service, cal, a.registrationDate, a.channel);
    if (!end.ok) return t('hearings.errors.calendarYear', { year: end.error.code === 'year-not-covered' ? end.error.year : '' });
    if (end.value) return formatDate(end.value.date);
    return a.plannedDecisionDate ? `${formatDate(a.plannedDecisionDate)} (${t('hearings.planner.officerSet')})` : t('hearings.case.noTerm');
  };

  return (
    <section className="hearings-page" aria-labelledby="case-title">
      <header className="page-header">
        <h1 id="case-title">
          {t('hearings.case.title')} <span className="mono">{theCase.caseNumber}</span>
          {voided ? (
            <>
              {' '}
              <VoidedMark testId="case-voided-mark" />
            </>
          ) : null}
        </h1>
        <div className="actions">
          {person ? <a href={href({ name: 'person', id: person.id })}>{fullName(person)}</a> : null}
          <a href={sectionHref('hearings')}>{t('hearings.title')}</a>
          {!voided && mayVoid ? (
            <button type="button" className="void-danger" onClick={() => setVoiding(true)}>
              {t('hearings.case.voidAction')}
            </button>
          ) : null}
        </div>
      </header>
      {voided ? <VoidedNotice voided={voided} consequence={t('hearings.case.voidedConsequence')} testId="case-voided" /> : null}
      <p className="muted">{theCase.subject}</p>
      {apps.length === 0 ? (
        <div className="empty">{t('hearings.case.empty')}</div>
      ) : (
        <table className="grid" data-testid="applications-table">
          <thead>
            <tr>
              <th scope="col">{t('hearings.service')}</th>
              <th scope="col">{t('hearings.registrationDate')}</th>
              <th scope="col">{t('hearings.channel')}</th>
              <th scope="col">{t('hearings.termEnd')}</th>
              <th scope="col">{t('hearings.status')}</th>
              <th scope="col">{t('hearings.result')}</th>
            </tr>
          </thead>
          <tbody>
            {apps.map((a) => {
              const service = ruleSet?.services.find((s) => s.id === a.service);
              return (
                <tr key={a.id} className={a.voided ? 'voided-row' : undefined}>
                  <td>
                    <a href={sectionHref('hearings', ['application', a.id])}>{serviceName(service, a.service)}</a>
                  </td>
                  <td>{formatDate(a.registrationDate)}</td>
                  <td>{t(`hearings.channels.${a.channel}`)}</td>
                  <td>{termEnd(a)}</td>
                  <td>
                    {t(`hearings.statuses.${a.status}`)}
                    {a.voided ? (
                      <>
                        {' '}
                        <VoidedMark />
                      </>
                    ) : null}
                  </td>
                  <td>
                    {a.decision
                      ? `${t(`hearings.outcomes.${a.decision.outcome}`)}${a.decision.reasons ? `: ${a.decision.reasons}` : ''}`
                      : t('common.none')}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {/* Issue 16 point 2: nothing more is registered in a voided case. */}
      {voided ? null : ruleSet ? (
        <ApplicationForm theCase={theCase} ruleSet={ruleSet} initial={{ service: '', intakeId: null }} />
      ) : (
        <Notice kind="error">{t('hearings.errors.rule-set-missing', { id: theCase.ruleSetId })}</Notice>
      )}
      {voiding ? <CaseVoidDialog theCase={theCase} onClose={() => setVoiding(false)} /> : null}
    </section>
  );
}

/** The head's confirmation that the case was made by mistake (issue 16 point 2; ui/VoidDialog.tsx). */
function CaseVoidDialog({ theCase, onClose }: { theCase: Case; onClose(): void }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const errorText = useWriteErrorText();
  return (
    <VoidDialog
      title={t('hearings.case.voidTitle')}
      intro={t('hearings.case.voidIntro', { number: theCase.caseNumber })}
      onVoid={(reason) =>
        ctx ? voidCase(db, ctx, theCase.id, { reason }) : Promise.resolve(err<HearingsWriteError>({ code: 'forbidden' }))
      }
      refusalText={(e: HearingsWriteError) =>
        e.code === 'voided' ? t('hearings.case.voidAlready') : e.code === 'forbidden' ? t('hearings.case.voidForbidden') : errorText(e)
      }
      onClose={onClose}
    />
  );
}

/** `#/hearings/new?caseId=…&service=…&intakeId=…`: pre-filled registration (the intake links here). */
export function NewApplicationPage({ query }: { query: Record<string, string> }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const office = useAppStore((s) => s.office);
  const [search, setSearch] = useState('');
  const caseId = query.caseId ?? '';
  const theCase = useAsync(() => (caseId ? db.cases.get(caseId) : Promise.resolve(undefined)), [db, caseId]);
  const found = useAsync(() => (search.trim().length >= 3 ? searchCases(db, search, 20) : Promise.resolve([])), [db, search]);
  const ruleSet = theCase.status === 'done' && theCase.value ? ruleSets.find((r) => r.id === theCase.value?.ruleSetId) : undefined;

  return (
    <section className="hearings-page" aria-labelledby="new-application-title">
      <header className="page-header">
        <h1 id="new-application-title">{t('hearings.new.title')}</h1>
        <a href={caseId ? sectionHref('hearings', ['case', caseId]) : sectionHref('hearings')}>{t('common.back')}</a>
      </header>
      {theCase.status === 'loading' ? <p className="muted">{t('app.loading')}</p> : null}
      {theCase.status === 'done' && !theCase.value ? (
        <div className="card">
          {caseId ? <Notice kind="warning">{t('hearings.errors.case-not-found')}</Notice> : null}
          <div className="search">
            <label htmlFor="case-search">{t('hearings.new.findCase')}</label>
            <input
              id="case-search"
              type="search"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
              placeholder={`${office?.officeCode ?? ''}-C${todayIso().slice(0, 4)}`}
              autoFocus
            />
          </div>
          {found.status === 'done' && found.value.length > 0 ? (
            <ul className="link-list">
              {found.value.map((c) => (
                <li key={c.id}>
                  <a className="mono" href={sectionHref('hearings', ['new'], { ...query, caseId: c.id })}>
                    {c.caseNumber}
                  </a>
                  {c.voided ? (
                    <>
                      {' '}
                      <VoidedMark />
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {/* Issue 16 point 2: a voided case takes no new application. */}
      {theCase.status === 'done' && theCase.value?.voided ? <Notice kind="warning">{t('hearings.errors.voided')}</Notice> : null}
      {theCase.status === 'done' && theCase.value && !theCase.value.voided && ruleSet ? (
        <ApplicationForm
          theCase={theCase.value}
          ruleSet={ruleSet}
          initial={{ service: query.service ?? '', intakeId: query.intakeId ?? null }}
        />
      ) : null}
    </section>
  );
}

function ApplicationForm({
  theCase,
  ruleSet,
  initial,
}: {
  theCase: Case;
  ruleSet: RuleSet;
  initial: { service: string; intakeId: string | null };
}) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const loc = useLocalized();
  const errorText = useWriteErrorText();
  const cal = useCalendar();
  const known = ruleSet.services.some((s) => s.id === initial.service);
  const [values, setValues] = useState({
    service: known ? initial.service : '',
    channel: 'provider' as ApplicationChannel,
    registrationDate: todayIso(),
    plannedDecisionDate: '',
    note: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = useSubmit((c: WriteContext) => createApplication(db, c, { caseId: theCase.id, intakeId: initial.intakeId, ...values }), {
    onOk: (app) => navigate({ name: 'section', section: 'hearings', path: ['application', app.id], query: {} }),
    onRefused: (e) => {
      setErrors(e.code === 'invalid' ? e.errors : {});
      setRefusal(errorText(e));
    },
  });
  const busy = save.busy;
  const failure = save.failure ? t('common.unexpected', { detail: save.failure }) : refusal;
  const service = ruleSet.services.find((s) => s.id === values.service);
  const channels = APPLICATION_CHANNELS.filter((c) => c !== 'proactive' || service?.proactiveTerm);
  const preview = service && values.registrationDate ? serviceTermEnd(service, cal, values.registrationDate, values.channel) : null;
  const set = (k: keyof typeof values, v: string) => setValues((s) => ({ ...s, [k]: v }));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx) {
      setRefusal(t('hearings.errors.forbidden'));
      return;
    }
    setRefusal(null);
    save.run(ctx);
  }

  return (
    <form className="card form-grid" onSubmit={submit} noValidate aria-labelledby="application-form-title">
      <h2 id="application-form-title" className="span-2">
        {t('hearings.new.title')} — <span className="mono">{theCase.caseNumber}</span>
      </h2>
      <div className="span-2">
        {failure ? <Notice kind="error">{failure}</Notice> : null}
        {initial.intakeId ? <Notice kind="info">{t('hearings.new.fromIntake')}</Notice> : null}
        {initial.service && !known ? (
          <Notice kind="warning">{t('hearings.new.unknownService', { service: initial.service })}</Notice>
        ) : null}
      </div>
      <div className="span-2">
        <Field label={t('hearings.service')} error={errors.service} required>
          {(p) => (
            <select {...p} name="service" value={values.service} onChange={(e) => set('service', e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {ruleSet.services.map((s) => (
                <option key={s.id} value={s.id}>
                  {loc(s.nameKk, s.nameRu)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('hearings.channel')} error={errors.channel} required>
        {(p) => (
          <select {...p} name="channel" value={values.channel} onChange={(e) => set('channel', e.target.value)}>
            {channels.map((c) => (
              <option key={c} value={c}>
                {t(`hearings.channels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('hearings.registrationDate')} error={errors.registrationDate} required>
        {(p) => <DateField {...p} name="registrationDate" value={values.registrationDate} onChange={(v) => set('registrationDate', v)} />}
      </Field>
      <Field
        label={t('hearings.planned.date')}
        error={errors.plannedDecisionDate}
        hint={service?.hearing.kind === 'decision-date' ? t('hearings.planned.hint') : t('hearings.planned.optional')}
      >
        {(p) => (
          <DateField {...p} name="plannedDecisionDate" value={values.plannedDecisionDate} onChange={(v) => set('plannedDecisionDate', v)} />
        )}
      </Field>
      <div className="derived" aria-live="polite" data-testid="term-preview">
        {preview?.ok && preview.value ? (
          <>
            {t('hearings.new.termEnd', { date: formatDate(preview.value.date), days: preview.value.term.workingDays })}{' '}
            <CitationNote citation={preview.value.term.citation} />
          </>
        ) : null}
        {preview?.ok && !preview.value && service?.termNote ? loc(service.termNote.kk, service.termNote.ru) : null}
        {preview && !preview.ok
          ? t('hearings.errors.calendarYear', { year: preview.error.code === 'year-not-covered' ? preview.error.year : '' })
          : null}
      </div>
      <div className="span-2">
        <Field label={t('hearings.note')} error={errors.note}>
          {(p) => <textarea {...p} name="note" rows={2} value={values.note} onChange={(e) => set('note', e.target.value)} />}
        </Field>
      </div>
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={busy}>
          {t('hearings.new.register')}
        </button>
      </div>
    </form>
  );
}
