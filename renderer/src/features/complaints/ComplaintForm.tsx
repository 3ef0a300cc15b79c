import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintRoute, type ComplaintRegistrationInput } from '@shared/complaints';
import type { OfficeProfile } from '@shared/office';
import type { Officer } from '@shared/officers';
import type { PersonInput } from '@shared/persons';
import { err } from '@shared/result';
import { ruleSetInForce } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { DraftOffer } from '../../core/DraftOffer';
import { navigate, sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useDraft } from '../../core/useDraft';
import { useLiveData } from '../../core/useLiveData';
import { useSubmit } from '../../core/useSubmit';
import { casesOfPerson } from '../../db/repositories/cases';
import { getPerson } from '../../db/repositories/persons';
import { focusFirstInvalid } from '../../ui/focus';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { ComplainantFields } from './ComplainantFields';
import { draftRecordId, isComplaintDraft, type ComplaintDraftValues } from './complaintDraft';
import { WhatAndWho, WhenAndWhere, type FormState } from './ComplaintFormFields';
import { DeadlinePreview } from './DeadlinePreview';
import { registerComplaint, type NewAttachment, type RegisterError } from './repository';
import { registrationDateErrors } from './timeline';
import type { WriteError } from '../../db/write';

const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

async function readFiles(files: readonly File[]): Promise<NewAttachment[]> {
  return Promise.all(
    files.map(async (f) => ({
      fileName: f.name,
      mimeType: f.type || 'application/octet-stream',
      bytes: new Uint8Array(await f.arrayBuffer()),
    })),
  );
}

/** The message of a refusal that is not about one field. */
function useRefusalText(): (error: Exclude<WriteError<RegisterError>, { code: 'invalid' }>, newIin: string) => string {
  const { t } = useTranslation();
  return (error, newIin) => {
    if (error.code === 'person') {
      if (error.error.code === 'duplicate-iin') return t('persons.duplicate', { iin: newIin });
      return t('persons.notFound');
    }
    if (error.code === 'person-not-found' || error.code === 'not-found') return t('persons.notFound');
    if (error.code === 'forbidden') return t('complaints.forbidden');
    if (error.code === 'no-rule-set') return t('complaints.noRuleSet', { date: formatDate(error.date) });
    return error.error.code === 'year-not-covered' ? t('complaints.calendarMissing', { year: error.error.year }) : t('validation.date');
  };
}

/**
 * The empty form. "Accepted by" is the signed-in officer (000 L67: the surname and name of the person who
 * accepted the complaint; issue 16 point 4), not the administrator named in the office profile.
 */
function emptyDraft(caseId: string | undefined, office: OfficeProfile | null, officer: Officer | null): ComplaintDraftValues {
  return {
    form: {
      receiptDate: todayIso(),
      registrationDate: todayIso(),
      channel: 'post',
      addressee: 'department',
      caseId: caseId ?? null,
      serviceId: '',
      contested: 'decision',
      contestedRef: '',
      official: '',
      text: '',
      demands: '',
      acceptedBy: officer?.fullName ?? '',
      answerPlace: office ? `${office.officeName}, ${office.district}` : '',
    },
    newPerson: null,
    hasRep: false,
    rep: { fullName: '', iin: '', powerOfAttorney: '' },
  };
}

/**
 * Registration form (000 L67, 001 L55): incoming number and date are assigned on saving; deadlines are
 * previewed as the officer types. What is typed is kept as a draft and offered back after a reload or the
 * lock; leaving with unsaved changes asks first (issue 16 point 1). Impossible dates are said as typed.
 */
export function ComplaintForm({ caseId, personId }: { caseId?: string; personId?: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const officer = useAppStore((s) => s.officer);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const refusalText = useRefusalText();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState<ComplaintDraftValues>(() => emptyDraft(caseId, office, officer));
  const draft = useDraft({
    form: 'complaint',
    recordId: draftRecordId(caseId, personId),
    values,
    onRestore: setValues,
    isValues: isComplaintDraft,
  });
  const { form, chosen, newPerson, hasRep, rep } = values;
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const part =
    <K extends keyof ComplaintDraftValues>(k: K) =>
    (v: ComplaintDraftValues[K]) =>
      setValues((s) => ({ ...s, [k]: v }));
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => {
    setValues((s) => ({ ...s, form: { ...s.form, [k]: v } }));
    // A corrected field's message goes with the correction (issue 16 point 7).
    setErrors(({ [k]: _fixed, ...rest }) => rest);
  };
  // Impossible dates are said as the officer types them (issue 16 point 2; seed 000 L67, L75).
  const dateErrors = registrationDateErrors(form, todayIso());
  const shown = { ...errors, ...dateErrors };

  // A complaint started from a person's case arrives with that person chosen.
  const given = useLiveData(() => (personId ? getPerson(db, personId) : Promise.resolve(undefined)), [db, personId]);
  const person = chosen !== undefined ? chosen : given.status === 'done' ? (given.value ?? null) : null;
  const personKey = person?.id ?? null;
  const cases = useLiveData(() => (personKey ? casesOfPerson(db, personKey) : Promise.resolve([])), [db, personKey]);
  const ruleSet = ruleSetInForce(ruleSets, form.registrationDate);
  const route = ruleSet.ok ? complaintRoute(ruleSet.value, form.serviceId) : null;

  const save = useSubmit(
    async (input: ComplaintRegistrationInput, registering: PersonInput | null) => {
      if (files.some((f) => f.size > MAX_ATTACHMENT_BYTES))
        return err({ code: 'invalid' as const, errors: { attachments: 'complaints.validation.attachmentTooLarge' } });
      if (!ctx || !office) return err({ code: 'forbidden' as const });
      const attachments = await readFiles(files);
      return registerComplaint(db, ctx, office, input, { ...(registering ? { newPerson: registering } : {}), attachments });
    },
    {
      onOk: (c) => {
        draft.saved();
        navigate({ name: 'section', section: 'complaints', path: [c.id], query: { registered: '1' } });
      },
      onRefused: (error) => {
        if (error.code === 'invalid') setErrors(error.errors);
        else if (error.code === 'person' && error.error.code === 'invalid')
          setErrors(Object.fromEntries(Object.entries(error.error.errors).map(([k, v]) => [`person.${k}`, v])));
        else setRefusal(refusalText(error, newPerson?.iin ?? ''));
        focusFirstInvalid(formRef.current);
      },
    },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    setRefusal(null);
    if (Object.keys(dateErrors).length > 0) {
      setErrors(dateErrors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    save.run({ ...form, personId: person?.id ?? '', representative: hasRep ? rep : null }, newPerson && !person ? newPerson : null);
  }

  const failure = refusal ?? (save.failure ? t('common.unexpected', { detail: save.failure }) : null);

  return (
    <section aria-labelledby="complaint-form-title">
      <header className="page-header">
        <h1 id="complaint-form-title">{t('complaints.newTitle')}</h1>
        <a href={sectionHref('complaints')}>{t('common.back')}</a>
      </header>
      <form className="card form-grid" onSubmit={submit} noValidate ref={formRef} data-testid="complaint-form">
        <DraftOffer draft={draft} />
        {Object.keys(errors).length > 0 ? (
          <div className="span-2">
            <Notice kind="error">{t('common.fixErrors')}</Notice>
          </div>
        ) : null}
        {failure ? (
          <div className="span-2">
            <Notice kind="error">{failure}</Notice>
          </div>
        ) : null}
        <WhenAndWhere form={form} set={set} errors={shown} route={route} services={ruleSet.ok ? ruleSet.value.services : []} />
        <ComplainantFields
          errors={errors}
          person={person}
          onPerson={part('chosen')}
          newPerson={newPerson}
          onNewPerson={part('newPerson')}
          hasRep={hasRep}
          onHasRep={part('hasRep')}
          rep={rep}
          onRep={part('rep')}
        />
        <WhatAndWho form={form} set={set} errors={errors} cases={cases.status === 'done' ? cases.value : []} onFiles={setFiles} />
        <DeadlinePreview route={route} receiptDate={form.receiptDate} registrationDate={form.registrationDate} addressee={form.addressee} />
        <p className="muted span-2">{t('common.requiredHint')}</p>
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={save.busy}>
            {t('complaints.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
