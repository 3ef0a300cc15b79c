import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIsoDate } from '@shared/calendar';
import { ageOn } from '@shared/iin';
import { fullName } from '@shared/persons';
import type { FieldErrors } from '@shared/validation';
import {
  checkWheelchairs,
  emptyProfile,
  programmeValidity,
  validateProfile,
  type FunctionalProfile,
  type FunctionalProfileInput,
} from '@shared/wheelchair';
import { navigate, sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { CheckResultView } from './CheckResultView';
import { CaseLoader } from './CaseLoader';
import { ProfileFields } from './ProfileFields';
import { recordCheck, type CaseFile } from './repository';
import { useWriteErrorText } from './writeErrors';

const toInput = (p: FunctionalProfile): FunctionalProfileInput => ({
  ...p,
  severities: { ...p.severities },
  flags: { ...p.flags },
  measurements: Object.fromEntries(Object.entries(p.measurements).map(([k, v]) => [k, v === null ? '' : String(v).replace('.', ',')])),
});

export function CheckFormPage({ caseId }: { caseId: string }) {
  return <CaseLoader caseId={caseId}>{(file) => <CheckForm file={file} />}</CaseLoader>;
}

function CheckForm({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const writeError = useWriteErrorText();
  const { person, kase, ruleSet, programmes } = file;
  const rules = ruleSet.wheelchairs;
  const previous = file.checks[0];

  const [checkDate, setCheckDate] = useState(todayIso());
  const [programmeId, setProgrammeId] = useState(() => programmes.find((p) => programmeValidity(p, todayIso()) === 'valid')?.id ?? '');
  const [profile, setProfile] = useState<FunctionalProfileInput>(() =>
    previous ? toInput(previous.profile) : emptyProfile(person.birthDate),
  );
  const [prefilled, setPrefilled] = useState(previous !== undefined);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const save = useSubmit(recordCheck, {
    onOk: (saved) => navigate({ name: 'section', section: 'wheelchairs', path: ['check', saved.id], query: { saved: '1' } }),
    onRefused: (error) => {
      setErrors(error.code === 'invalid' ? error.errors : {});
      setRefusal(error.code === 'invalid' ? null : writeError(error));
    },
  });
  const failure = save.failure === null ? refusal : t('common.unexpected', { detail: save.failure });
  const busy = save.busy;

  const programme = programmes.find((p) => p.id === programmeId) ?? null;
  const validated = useMemo(() => validateProfile(rules, { ...profile, birthDate: person.birthDate }), [rules, profile, person.birthDate]);
  const dateOk = isIsoDate(checkDate) && checkDate >= person.birthDate;
  // The answer is recomputed on every change: the same pure function the saved check uses.
  const result = useMemo(
    () => (validated.ok && dateOk ? checkWheelchairs(rules, validated.value, checkDate, programme) : null),
    [rules, validated, dateOk, checkDate, programme],
  );
  const liveErrors: FieldErrors = { ...(validated.ok ? {} : validated.error), ...errors };
  const age = dateOk ? ageOn(person.birthDate, checkDate) : Number.NaN;

  return (
    <section aria-labelledby="check-form-title">
      <header className="page-header">
        <h1 id="check-form-title">{t('wheelchairs.form.title', { name: fullName(person) })}</h1>
        <a href={sectionHref('wheelchairs', ['case', kase.id])}>{t('common.back')}</a>
      </header>
      <div className="check-layout">
        <form
          className="check-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (ctx) save.run(db, ctx, kase.id, { checkDate, programmeId: programmeId || null, profile });
          }}
          noValidate
          aria-label={t('wheelchairs.form.profile')}
        >
          {failure ? <Notice kind="error">{failure}</Notice> : null}
          {Object.keys(liveErrors).length > 0 ? <Notice kind="error">{t('common.fixErrors')}</Notice> : null}
          {prefilled && previous ? (
            <Notice kind="info">
              {t('wheelchairs.form.prefilled', { date: formatDate(previous.checkDate) })}{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setProfile(emptyProfile(person.birthDate));
                  setPrefilled(false);
                }}
              >
                {t('wheelchairs.form.startEmpty')}
              </button>
            </Notice>
          ) : null}
          <div className="card form-grid">
            <Field
              label={t('wheelchairs.form.checkDate')}
              error={liveErrors.checkDate ?? (isIsoDate(checkDate) && !dateOk ? 'wheelchairs.errors.beforeBirth' : undefined)}
              required
            >
              {(p) => <DateField {...p} name="checkDate" value={checkDate} onChange={setCheckDate} />}
            </Field>
            <Field
              label={t('wheelchairs.form.programme')}
              hint={programmes.length === 0 ? t('wheelchairs.form.noProgrammeHint') : undefined}
            >
              {(p) => (
                <select {...p} name="programmeId" value={programmeId} onChange={(e) => setProgrammeId(e.target.value)}>
                  <option value="">{t('wheelchairs.programme.none')}</option>
                  {programmes.map((pr) => (
                    <option key={pr.id} value={pr.id}>
                      {t('wheelchairs.programme.option', {
                        number: pr.number,
                        issuedOn: formatDate(pr.issuedOn),
                        expiresOn: formatDate(pr.expiresOn),
                      })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <p className="span-2 derived" data-testid="age-from-iin">
              {Number.isNaN(age)
                ? t('wheelchairs.form.ageUnknown')
                : t('wheelchairs.form.age', { age, birthDate: formatDate(person.birthDate), iin: person.iin })}
            </p>
          </div>
          <ProfileFields rules={rules} value={profile} errors={liveErrors} onChange={setProfile} />
          <div className="actions save-bar">
            <button type="submit" className="primary" disabled={busy}>
              {t('wheelchairs.form.save')}
            </button>
            <span className="muted">{t('wheelchairs.form.saveNote')}</span>
          </div>
        </form>
        <aside className="check-live" aria-label={t('wheelchairs.result.title')}>
          <p className="wc-sr-only" aria-live="polite">
            {result
              ? result.types
                  .map((x) => t('wheelchairs.result.summaryItem', { row: x.row, verdict: t(`wheelchairs.verdict.${x.verdict}`) }))
                  .join('; ')
              : t('wheelchairs.form.noResult')}
          </p>
          {result ? <CheckResultView result={result} rules={rules} /> : <div className="empty">{t('wheelchairs.form.noResult')}</div>}
        </aside>
      </div>
    </section>
  );
}
