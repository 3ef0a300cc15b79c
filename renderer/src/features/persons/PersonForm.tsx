import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { parseIin } from '@shared/iin';
import {
  DISABILITY_CATEGORIES,
  DISABILITY_GROUPS,
  REPRESENTATIVE_BASES,
  type DisabilityCategory,
  type DisabilityGroup,
  type Person,
  type PersonInput,
  type RepresentativeBasis,
} from '@shared/persons';
import type { FieldErrors } from '@shared/validation';
import { href, navigate } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { addPerson, updatePerson } from '../../db/repositories/persons';
import { Field } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { describeError } from '../../ui/errors';

interface FormState {
  iin: string;
  lastName: string;
  firstName: string;
  middleName: string;
  address: string;
  phone: string;
  disabilityGroup: DisabilityGroup | '';
  disabilityCategory: DisabilityCategory | '';
  hasRepresentative: boolean;
  repName: string;
  repIin: string;
  repBasis: RepresentativeBasis | '';
  repDocument: string;
}

function fromPerson(p: Person | undefined): FormState {
  return {
    iin: p?.iin ?? '',
    lastName: p?.lastName ?? '',
    firstName: p?.firstName ?? '',
    middleName: p?.middleName ?? '',
    address: p?.address ?? '',
    phone: p?.phone ?? '',
    disabilityGroup: p?.disabilityGroup ?? '',
    disabilityCategory: p?.disabilityCategory ?? '',
    hasRepresentative: Boolean(p?.legalRepresentative),
    repName: p?.legalRepresentative?.fullName ?? '',
    repIin: p?.legalRepresentative?.iin ?? '',
    repBasis: p?.legalRepresentative?.basis ?? '',
    repDocument: p?.legalRepresentative?.document ?? '',
  };
}

/** The shape the shared schema validates; empty selects pass through so the schema reports them. */
function toInput(f: FormState): PersonInput {
  return {
    iin: f.iin,
    lastName: f.lastName,
    firstName: f.firstName,
    middleName: f.middleName,
    address: f.address,
    phone: f.phone,
    disabilityGroup: f.disabilityGroup as DisabilityGroup,
    disabilityCategory: f.disabilityCategory === '' ? null : f.disabilityCategory,
    legalRepresentative: f.hasRepresentative
      ? { fullName: f.repName, iin: f.repIin, basis: f.repBasis as RepresentativeBasis, document: f.repDocument }
      : null,
  };
}

export function PersonForm({ existing }: { existing?: Person }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const dataChanged = useAppStore((s) => s.dataChanged);
  const [form, setForm] = useState<FormState>(() => fromPerson(existing));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = <K extends keyof FormState>(field: K, value: FormState[K]) => setForm((f) => ({ ...f, [field]: value }));
  const derived = parseIin(form.iin);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!ctx || busy) return;
    setBusy(true);
    setDuplicateOf(null);
    setFailure(null);
    try {
      const input = toInput(form);
      const result = existing ? await updatePerson(db, ctx, existing.id, input) : await addPerson(db, ctx, input);
      if (result.ok) {
        dataChanged();
        navigate({ name: 'person', id: result.value.id });
        return;
      }
      const error = result.error;
      if (error.code === 'invalid') {
        const mapped: FieldErrors = {};
        for (const [path, key] of Object.entries(error.errors)) {
          mapped[path.replace('legalRepresentative.', 'rep.')] = key;
        }
        setErrors(mapped);
      } else if (error.code === 'duplicate-iin') {
        setErrors({});
        setDuplicateOf(error.existingId);
      } else {
        setFailure(t('persons.notFound'));
      }
    } catch (e2: unknown) {
      setFailure(t('common.unexpected', { detail: describeError(e2) }));
    } finally {
      setBusy(false);
    }
  }

  const text = (field: keyof FormState, label: string, opts: { required?: boolean; hint?: string; errorKey?: string } = {}) => (
    <Field
      label={label}
      error={errors[opts.errorKey ?? field]}
      required={opts.required ?? false}
      {...(opts.hint ? { hint: opts.hint } : {})}
    >
      {(p) => <input {...p} name={field} value={String(form[field])} onChange={(e) => set(field, e.target.value as never)} />}
    </Field>
  );

  return (
    <section aria-labelledby="person-form-title">
      <header className="page-header">
        <h1 id="person-form-title">{existing ? t('persons.editTitle') : t('persons.newTitle')}</h1>
        <a href={existing ? href({ name: 'person', id: existing.id }) : href({ name: 'persons', query: '' })}>{t('common.back')}</a>
      </header>
      <form className="card form-grid" onSubmit={submit} noValidate>
        {Object.keys(errors).length > 0 ? <Notice kind="error">{t('common.fixErrors')}</Notice> : null}
        {duplicateOf ? (
          <Notice kind="error">
            {t('persons.duplicate', { iin: form.iin.trim() })}{' '}
            <a href={href({ name: 'person', id: duplicateOf })}>{t('persons.openExisting')}</a>
          </Notice>
        ) : null}
        {failure ? <Notice kind="error">{failure}</Notice> : null}
        <Field label={t('persons.iin')} error={errors.iin} hint={t('persons.iinHint')} required>
          {(p) => (
            <input
              {...p}
              name="iin"
              inputMode="numeric"
              maxLength={12}
              className="mono"
              value={form.iin}
              onChange={(e) => set('iin', e.target.value.replace(/\D/gu, ''))}
            />
          )}
        </Field>
        <div className="derived" aria-live="polite">
          {derived.ok ? t('persons.derived', { birthDate: formatDate(derived.value.birthDate), sex: t(`sex.${derived.value.sex}`) }) : null}
        </div>
        {text('lastName', t('persons.lastName'), { required: true })}
        {text('firstName', t('persons.firstName'), { required: true })}
        {text('middleName', t('persons.middleName'))}
        {text('address', t('persons.address'), { required: true })}
        {text('phone', t('persons.phone'), { hint: t('persons.phoneHint') })}
        <Field label={t('persons.disabilityGroup')} error={errors.disabilityGroup} required>
          {(p) => (
            <select
              {...p}
              name="disabilityGroup"
              value={form.disabilityGroup}
              onChange={(e) => set('disabilityGroup', e.target.value as DisabilityGroup | '')}
            >
              <option value="">{t('common.choose')}</option>
              {DISABILITY_GROUPS.map((g) => (
                <option key={g} value={g}>
                  {t(`disabilityGroup.${g}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('persons.disabilityCategory')} error={errors.disabilityCategory}>
          {(p) => (
            <select
              {...p}
              name="disabilityCategory"
              value={form.disabilityCategory}
              onChange={(e) => set('disabilityCategory', e.target.value as DisabilityCategory | '')}
            >
              <option value="">{t('persons.notSet')}</option>
              {DISABILITY_CATEGORIES.map((c) => (
                <option key={c} value={c}>
                  {t(`disabilityCategory.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="span-2">
          <legend>{t('persons.representative')}</legend>
          <label className="checkbox">
            <input
              type="checkbox"
              name="hasRepresentative"
              checked={form.hasRepresentative}
              onChange={(e) => set('hasRepresentative', e.target.checked)}
            />
            {t('persons.hasRepresentative')}
          </label>
          {form.hasRepresentative ? (
            <div className="form-grid">
              {text('repName', t('persons.representativeName'), { required: true, errorKey: 'rep.fullName' })}
              {text('repIin', t('persons.representativeIin'), { required: true, errorKey: 'rep.iin' })}
              <Field label={t('persons.representativeBasis')} error={errors['rep.basis']} required>
                {(p) => (
                  <select {...p} value={form.repBasis} onChange={(e) => set('repBasis', e.target.value as RepresentativeBasis | '')}>
                    <option value="">{t('common.choose')}</option>
                    {REPRESENTATIVE_BASES.map((b) => (
                      <option key={b} value={b}>
                        {t(`representativeBasis.${b}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {text('repDocument', t('persons.representativeDocument'), { errorKey: 'rep.document' })}
            </div>
          ) : null}
        </fieldset>
        <p className="muted span-2">{t('common.requiredHint')}</p>
        <div className="actions span-2">
          <button type="submit" className="primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
