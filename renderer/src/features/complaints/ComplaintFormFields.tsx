import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_ADDRESSEES,
  COMPLAINT_CHANNELS,
  CONTESTED_KINDS,
  routeAddressee,
  type ComplaintRegistrationInput,
  type ComplaintRoute,
} from '@shared/complaints';
import type { ServiceRule } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { useLocalized } from '../../ui/useLocalized';

export type FormState = Omit<ComplaintRegistrationInput, 'personId' | 'representative'>;

interface Common {
  form: FormState;
  set<K extends keyof FormState>(k: K, v: FormState[K]): void;
  errors: FieldErrors;
}

/** Receipt and registration (000 L67), channel, the service complained about and the addressee its route names. */
export function WhenAndWhere({
  form,
  set,
  errors,
  route,
  services,
}: Common & { route: ComplaintRoute | null; services: readonly ServiceRule[] }): ReactNode {
  const { t } = useTranslation();
  const loc = useLocalized();
  return (
    <>
      <Field label={t('complaints.receiptDate')} error={errors.receiptDate} required>
        {(p) => <DateField {...p} name="receiptDate" value={form.receiptDate} onChange={(v) => set('receiptDate', v)} />}
      </Field>
      <Field label={t('complaints.registrationDate')} error={errors.registrationDate} required>
        {(p) => <DateField {...p} name="registrationDate" value={form.registrationDate} onChange={(v) => set('registrationDate', v)} />}
      </Field>
      <Field label={t('complaints.channel')} error={errors.channel} required>
        {(p) => (
          <select
            {...p}
            name="channel"
            value={form.channel}
            onChange={(e) => set('channel', COMPLAINT_CHANNELS.find((c) => c === e.target.value) ?? 'post')}
          >
            {COMPLAINT_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`complaints.channels.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('complaints.service')} error={errors.serviceId} required>
        {(p) => (
          <select {...p} name="serviceId" value={form.serviceId} onChange={(e) => set('serviceId', e.target.value)}>
            <option value="">{t('common.choose')}</option>
            {services.map((s) => (
              <option key={s.id} value={s.id}>
                {loc(s.nameKk, s.nameRu)}
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
            onChange={(e) => set('addressee', COMPLAINT_ADDRESSEES.find((a) => a === e.target.value) ?? 'department')}
          >
            {COMPLAINT_ADDRESSEES.map((a) => {
              const named = route ? routeAddressee(route, a) : undefined;
              return (
                <option key={a} value={a}>
                  {named ? loc(named.labelKk, named.labelRu) : t(`complaints.addressees.${a}`)}
                </option>
              );
            })}
          </select>
        )}
      </Field>
    </>
  );
}

/** The case, what is complained about, the text, demands and scans, who accepted it and where the answer is given. */
export function WhatAndWho({
  form,
  set,
  errors,
  cases,
  onFiles,
}: Common & { cases: readonly { id: string; caseNumber: string; subject: string }[]; onFiles(files: File[]): void }): ReactNode {
  const { t } = useTranslation();
  const textField = (k: 'contestedRef' | 'official' | 'acceptedBy' | 'answerPlace', label: string, required = false) => (
    <Field label={label} error={errors[k]} required={required}>
      {(p) => <input {...p} name={k} value={form[k]} onChange={(e) => set(k, e.target.value)} />}
    </Field>
  );
  return (
    <>
      <Field label={t('complaints.case')} error={errors.caseId}>
        {(p) => (
          <select {...p} name="caseId" value={form.caseId ?? ''} onChange={(e) => set('caseId', e.target.value || null)}>
            <option value="">{t('complaints.noCase')}</option>
            {cases.map((c) => (
              <option key={c.id} value={c.id}>
                {c.caseNumber} — {c.subject}
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
            onChange={(e) => set('contested', CONTESTED_KINDS.find((k) => k === e.target.value) ?? 'decision')}
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
              onChange={(e) => onFiles(Array.from(e.target.files ?? []))}
            />
          )}
        </Field>
      </div>
      {textField('acceptedBy', t('complaints.acceptedBy'), true)}
      {textField('answerPlace', t('complaints.answerPlace'), true)}
    </>
  );
}
