import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { complaintRoute, type ComplaintRegistrationInput } from '@shared/complaints';
import type { Person, PersonInput } from '@shared/persons';
import { err } from '@shared/result';
import { ruleSetInForce } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { navigate, sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useLiveData } from '../../core/useLiveData';
import { useSubmit } from '../../core/useSubmit';
import { casesOfPerson } from '../../db/repositories/cases';
import { getPerson } from '../../db/repositories/persons';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { ComplainantFields, type Representative } from './ComplainantFields';
import { WhatAndWho, WhenAndWhere, type FormState } from './ComplaintFormFields';
import { DeadlinePreview } from './DeadlinePreview';
import { registerComplaint, type NewAttachment, type RegisterError } from './repository';
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

/** Registration form (000 L67, 001 L55): incoming number and date are assigned on saving; deadlines are previewed as the officer types. */
export function ComplaintForm({ caseId, personId }: { caseId?: string; personId?: string }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const refusalText = useRefusalText();
  const [chosen, setChosen] = useState<Person | null | undefined>(undefined);
  const [newPerson, setNewPerson] = useState<PersonInput | null>(null);
  const [hasRep, setHasRep] = useState(false);
  const [rep, setRep] = useState<Representative>({ fullName: '', iin: '', powerOfAttorney: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [form, setForm] = useState<FormState>({
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
    acceptedBy: office?.officerName ?? '',
    answerPlace: office ? `${office.officeName}, ${office.district}` : '',
  });
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm((f) => ({ ...f, [k]: v }));

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
      onOk: (c) => navigate({ name: 'section', section: 'complaints', path: [c.id], query: { registered: '1' } }),
      onRefused: (error) => {
        if (error.code === 'invalid') setErrors(error.errors);
        else if (error.code === 'person' && error.error.code === 'invalid')
          setErrors(Object.fromEntries(Object.entries(error.error.errors).map(([k, v]) => [`person.${k}`, v])));
        else setRefusal(refusalText(error, newPerson?.iin ?? ''));
      },
    },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    setErrors({});
    setRefusal(null);
    save.run({ ...form, personId: person?.id ?? '', representative: hasRep ? rep : null }, newPerson && !person ? newPerson : null);
  }

  const failure = refusal ?? (save.failure ? t('common.unexpected', { detail: save.failure }) : null);

  return (
    <section aria-labelledby="complaint-form-title">
      <header className="page-header">
        <h1 id="complaint-form-title">{t('complaints.newTitle')}</h1>
        <a href={sectionHref('complaints')}>{t('common.back')}</a>
      </header>
      <form className="card form-grid" onSubmit={submit} noValidate>
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
        <WhenAndWhere form={form} set={set} errors={errors} route={route} services={ruleSet.ok ? ruleSet.value.services : []} />
        <ComplainantFields
          errors={errors}
          person={person}
          onPerson={setChosen}
          newPerson={newPerson}
          onNewPerson={setNewPerson}
          hasRep={hasRep}
          onHasRep={setHasRep}
          rep={rep}
          onRep={setRep}
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
