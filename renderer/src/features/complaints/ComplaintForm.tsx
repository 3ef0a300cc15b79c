import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_ADDRESSEES,
  COMPLAINT_CHANNELS,
  CONTESTED_KINDS,
  complaintDueDates,
  type ComplaintRegistrationInput,
} from '@shared/complaints';
import { DISABILITY_GROUPS, type Person, type PersonInput } from '@shared/persons';
import { ruleSetInForce } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { navigate, sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { casesOfPerson } from '../../db/repositories/cases';
import { getPerson } from '../../db/repositories/persons';
import { TermCitation } from '../../ui/Citation';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useAsync } from '../../ui/useAsync';
import { useLocalized } from '../../ui/useLocalized';
import { ComplainantPicker } from './ComplainantPicker';
import { registerComplaint, type NewAttachment } from './repository';
import { useDeadlineContext } from './useDeadlines';
import { describeError } from '../../ui/errors';

const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

const EMPTY_PERSON: PersonInput = {
  iin: '',
  lastName: '',
  firstName: '',
  middleName: '',
  address: '',
  phone: '',
  disabilityGroup: 'none',
  disabilityCategory: null,
  legalRepresentative: null,
};

/** Registration form (000 L67): incoming number and date are assigned on saving; deadlines are previewed as the officer types. */
export function ComplaintForm({ caseId, personId }: { caseId?: string; personId?: string }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { db } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const { cal } = useDeadlineContext();
  const [person, setPerson] = useState<Person | null>(null);
  const [newPerson, setNewPerson] = useState<PersonInput | null>(null);
  const [hasRep, setHasRep] = useState(false);
  const [rep, setRep] = useState({ fullName: '', iin: '', powerOfAttorney: '' });
  const [files, setFiles] = useState<File[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<Omit<ComplaintRegistrationInput, 'personId' | 'representative'>>({
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
  const set = <K extends keyof typeof form>(k: K, v: (typeof form)[K]) => setForm((f) => ({ ...f, [k]: v }));

  // A complaint started from a person's case arrives with that person chosen.
  useEffect(() => {
    if (!personId) return;
    let live = true;
    void getPerson(db, personId).then((p) => {
      if (live && p) setPerson(p);
    });
    return () => {
      live = false;
    };
  }, [db, personId]);
  const cases = useAsync(() => (person ? casesOfPerson(db, person.id) : Promise.resolve([])), [db, person?.id]);

  const ruleSet = ruleSetInForce(ruleSets, form.registrationDate);
  const preview = useMemo(() => {
    if (!ruleSet.ok || !form.receiptDate || !form.registrationDate) return null;
    const due = complaintDueDates(ruleSet.value.complaints, cal, form);
    return due.ok ? due.value : null;
  }, [ruleSet, cal, form]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx || !office || busy) return;
    setBusy(true);
    setFailure(null);
    try {
      const tooLarge = files.find((f) => f.size > MAX_ATTACHMENT_BYTES);
      if (tooLarge) {
        setErrors({ attachments: 'complaints.validation.attachmentTooLarge' });
        return;
      }
      const attachments: NewAttachment[] = await Promise.all(
        files.map(async (f) => ({
          fileName: f.name,
          mimeType: f.type || 'application/octet-stream',
          bytes: new Uint8Array(await f.arrayBuffer()),
        })),
      );
      const input: ComplaintRegistrationInput = {
        ...form,
        personId: person?.id ?? '',
        representative: hasRep ? rep : null,
      };
      const result = await registerComplaint(db, ctx, office, input, { ...(newPerson && !person ? { newPerson } : {}), attachments });
      if (result.ok) {
        useAppStore.getState().dataChanged();
        navigate({ name: 'section', section: 'complaints', path: [result.value.id], query: { registered: '1' } });
        return;
      }
      const error = result.error;
      if (error.code === 'invalid') setErrors(error.errors);
      else if (error.code === 'person') {
        if (error.error.code === 'invalid')
          setErrors(Object.fromEntries(Object.entries(error.error.errors).map(([k, v]) => [`person.${k}`, v])));
        else if (error.error.code === 'duplicate-iin') setFailure(t('persons.duplicate', { iin: newPerson?.iin ?? '' }));
        else setFailure(t('persons.notFound'));
      } else if (error.code === 'person-not-found') setFailure(t('persons.notFound'));
      else if (error.code === 'no-rule-set') setFailure(t('complaints.noRuleSet', { date: formatDate(error.date) }));
      else
        setFailure(
          error.error.code === 'year-not-covered' ? t('complaints.calendarMissing', { year: error.error.year }) : t('validation.date'),
        );
    } catch (e2: unknown) {
      setFailure(t('common.unexpected', { detail: describeError(e2) }));
    } finally {
      setBusy(false);
    }
  }

  const textField = (k: 'contestedRef' | 'official' | 'acceptedBy' | 'answerPlace', label: string, required = false) => (
    <Field label={label} error={errors[k]} required={required}>
      {(p) => <input {...p} name={k} value={form[k]} onChange={(e) => set(k, e.target.value)} />}
    </Field>
  );
  const personField = (k: 'iin' | 'lastName' | 'firstName' | 'middleName' | 'address' | 'phone', label: string, required = false) => (
    <Field label={label} error={errors[`person.${k}`]} required={required}>
      {(p) => (
        <input
          {...p}
          name={`person.${k}`}
          value={newPerson?.[k] ?? ''}
          onChange={(e) => setNewPerson((np) => ({ ...(np ?? EMPTY_PERSON), [k]: e.target.value }))}
        />
      )}
    </Field>
  );

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
        <Field label={t('complaints.receiptDate')} error={errors.receiptDate} required>
          {(p) => (
            <input {...p} type="date" name="receiptDate" value={form.receiptDate} onChange={(e) => set('receiptDate', e.target.value)} />
          )}
        </Field>
        <Field label={t('complaints.registrationDate')} error={errors.registrationDate} required>
          {(p) => (
            <input
              {...p}
              type="date"
              name="registrationDate"
              value={form.registrationDate}
              onChange={(e) => set('registrationDate', e.target.value)}
            />
          )}
        </Field>
        <Field label={t('complaints.channel')} error={errors.channel} required>
          {(p) => (
            <select {...p} name="channel" value={form.channel} onChange={(e) => set('channel', e.target.value as typeof form.channel)}>
              {COMPLAINT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`complaints.channels.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('complaints.addressee')} error={errors.addressee} required>
          {(p) => (
            <select
              {...p}
              name="addressee"
              value={form.addressee}
              onChange={(e) => set('addressee', e.target.value as typeof form.addressee)}
            >
              {COMPLAINT_ADDRESSEES.map((a) => (
                <option key={a} value={a}>
                  {t(`complaints.addressees.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>

        <fieldset className="span-2">
          <legend>{t('complaints.complainant')} *</legend>
          {errors.personId ? (
            <div className="field__error" role="alert">
              {t(errors.personId)}
            </div>
          ) : null}
          {newPerson === null ? (
            <>
              <ComplainantPicker selected={person} onSelect={setPerson} />
              {!person ? (
                <button type="button" className="link" onClick={() => setNewPerson(EMPTY_PERSON)}>
                  {t('complaints.newComplainant')}
                </button>
              ) : null}
              <div className="field__hint">{t('complaints.complainantHint')}</div>
            </>
          ) : (
            <div className="form-grid">
              {personField('iin', t('persons.iin'), true)}
              {personField('lastName', t('persons.lastName'), true)}
              {personField('firstName', t('persons.firstName'), true)}
              {personField('middleName', t('persons.middleName'))}
              {personField('address', t('persons.address'), true)}
              {personField('phone', t('persons.phone'))}
              <Field label={t('persons.disabilityGroup')} error={errors['person.disabilityGroup']} required>
                {(p) => (
                  <select
                    {...p}
                    value={newPerson.disabilityGroup}
                    onChange={(e) => setNewPerson({ ...newPerson, disabilityGroup: e.target.value as PersonInput['disabilityGroup'] })}
                  >
                    {DISABILITY_GROUPS.map((g) => (
                      <option key={g} value={g}>
                        {t(`disabilityGroup.${g}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="actions">
                <button type="button" className="link" onClick={() => setNewPerson(null)}>
                  {t('common.cancel')}
                </button>
              </div>
            </div>
          )}
          <label className="checkbox">
            <input type="checkbox" name="hasRepresentative" checked={hasRep} onChange={(e) => setHasRep(e.target.checked)} />
            {t('complaints.hasRepresentative')}
          </label>
          {hasRep ? (
            <div className="form-grid">
              {(['fullName', 'iin', 'powerOfAttorney'] as const).map((k) => (
                <Field
                  key={k}
                  label={t(k === 'fullName' ? 'complaints.repName' : k === 'iin' ? 'complaints.repIin' : 'complaints.powerOfAttorney')}
                  error={errors[`representative.${k}`]}
                  required
                >
                  {(p) => (
                    <input {...p} name={`representative.${k}`} value={rep[k]} onChange={(e) => setRep({ ...rep, [k]: e.target.value })} />
                  )}
                </Field>
              ))}
            </div>
          ) : null}
        </fieldset>

        <Field label={t('complaints.case')} error={errors.caseId}>
          {(p) => (
            <select {...p} name="caseId" value={form.caseId ?? ''} onChange={(e) => set('caseId', e.target.value || null)}>
              <option value="">{t('complaints.noCase')}</option>
              {(cases.status === 'done' ? cases.value : []).map((c) => (
                <option key={c.id} value={c.id}>
                  {c.caseNumber} — {c.subject}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('complaints.service')} error={errors.serviceId} required>
          {(p) => (
            <select {...p} name="serviceId" value={form.serviceId} onChange={(e) => set('serviceId', e.target.value)}>
              <option value="">{t('common.choose')}</option>
              {(ruleSet.ok ? ruleSet.value.services : []).map((s) => (
                <option key={s.id} value={s.id}>
                  {loc(s.nameKk, s.nameRu)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('complaints.contested')} error={errors.contested} required>
          {(p) => (
            <select
              {...p}
              name="contested"
              value={form.contested}
              onChange={(e) => set('contested', e.target.value as typeof form.contested)}
            >
              {CONTESTED_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`complaints.contestedKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {textField('contestedRef', t('complaints.contestedRef'))}
        {textField('official', t('complaints.official'))}
        <div className="span-2">
          <Field label={t('complaints.text')} error={errors.text} required>
            {(p) => <textarea {...p} name="text" rows={5} value={form.text} onChange={(e) => set('text', e.target.value)} />}
          </Field>
          <Field label={t('complaints.demands')} error={errors.demands} required>
            {(p) => <textarea {...p} name="demands" rows={2} value={form.demands} onChange={(e) => set('demands', e.target.value)} />}
          </Field>
          <Field label={t('complaints.attachments')} error={errors.attachments}>
            {(p) => (
              <input
                {...p}
                type="file"
                name="attachments"
                multiple
                accept=".pdf,.jpg,.jpeg,.png,.tif,.tiff"
                onChange={(e) => setFiles(Array.from(e.target.files ?? []))}
              />
            )}
          </Field>
        </div>
        {textField('acceptedBy', t('complaints.acceptedBy'), true)}
        {textField('answerPlace', t('complaints.answerPlace'), true)}

        <div className="span-2 card deadline-preview" data-testid="deadline-preview">
          <h2>{t('complaints.deadlines')}</h2>
          {preview ? (
            <ul>
              <li>
                {t('complaints.forwardDeadline')}:{' '}
                {preview.forwardDue && preview.forwardTerm ? (
                  <>
                    <strong>{formatDate(preview.forwardDue)}</strong> — <TermCitation term={preview.forwardTerm} />
                  </>
                ) : (
                  t('complaints.noDeadline')
                )}
              </li>
              <li>
                {t('complaints.reviewDeadline')}: <strong>{formatDate(preview.reviewDue)}</strong> —{' '}
                <TermCitation term={preview.reviewTerm} />
              </li>
            </ul>
          ) : (
            <p className="muted">
              {ruleSet.ok
                ? t('complaints.calendarMissing', { year: form.registrationDate.slice(0, 4) })
                : t('complaints.noRuleSet', { date: formatDate(form.registrationDate) })}
            </p>
          )}
        </div>
        <p className="muted span-2">{t('common.requiredHint')}</p>
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={busy}>
            {t('complaints.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
