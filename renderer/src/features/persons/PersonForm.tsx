import { useState } from 'react';
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
import { useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import type { WriteContext } from '../../db/context';
import { addPerson, updatePerson, type PersonWriteError } from '../../db/repositories/persons';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';

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

type SetField = <K extends keyof FormState>(field: K, value: FormState[K]) => void;

interface Refusal {
  errors: FieldErrors;
  duplicateOf: string | null;
  message: string | null;
}

const NO_REFUSAL: Refusal = { errors: {}, duplicateOf: null, message: null };

/** Saving the card: a new person or the changed one; a refusal goes back to the form, success opens the card. */
function usePersonSave(existing: Person | undefined) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const [refusal, setRefusal] = useState<Refusal>(NO_REFUSAL);
  const submit = useSubmit(
    (c: WriteContext, input: PersonInput) => (existing ? updatePerson(db, c, existing.id, input) : addPerson(db, c, input)),
    {
      onOk: (person) => navigate({ name: 'person', id: person.id }),
      onRefused: (error: PersonWriteError) => {
        if (error.code === 'invalid') {
          const errors: FieldErrors = {};
          for (const [path, key] of Object.entries(error.errors)) errors[path.replace('legalRepresentative.', 'rep.')] = key;
          setRefusal({ ...NO_REFUSAL, errors });
        } else if (error.code === 'duplicate-iin') setRefusal({ ...NO_REFUSAL, duplicateOf: error.existingId });
        // Person writes need no role (no `forbidden`); the one other refusal is a card deleted meanwhile.
        else setRefusal({ ...NO_REFUSAL, message: t('persons.notFound') });
      },
    },
  );
  const failure = submit.failure === null ? refusal.message : t('common.unexpected', { detail: submit.failure });
  return {
    save: (form: FormState) => {
      if (ctx) submit.run(ctx, toInput(form));
    },
    busy: submit.busy,
    errors: refusal.errors,
    duplicateOf: refusal.duplicateOf,
    failure,
  };
}

function TextField(props: {
  form: FormState;
  set: SetField;
  errors: FieldErrors;
  field: 'lastName' | 'firstName' | 'middleName' | 'address' | 'phone' | 'repName' | 'repIin' | 'repDocument';
  label: string;
  required?: boolean;
  hint?: string;
  errorKey?: string;
}) {
  const { form, set, errors, field } = props;
  return (
    <Field
      label={props.label}
      error={errors[props.errorKey ?? field]}
      required={props.required ?? false}
      {...(props.hint ? { hint: props.hint } : {})}
    >
      {(p) => <input {...p} name={field} value={form[field]} onChange={(e) => set(field, e.target.value)} />}
    </Field>
  );
}

/** The legal representative, when there is one: name, IIN, basis and document. */
function RepresentativeFields({ form, set, errors }: { form: FormState; set: SetField; errors: FieldErrors }) {
  const { t } = useTranslation();
  const common = { form, set, errors };
  return (
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
          <TextField {...common} field="repName" label={t('persons.representativeName')} required errorKey="rep.fullName" />
          <TextField {...common} field="repIin" label={t('persons.representativeIin')} required errorKey="rep.iin" />
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
          <TextField {...common} field="repDocument" label={t('persons.representativeDocument')} errorKey="rep.document" />
        </div>
      ) : null}
    </fieldset>
  );
}

/** Disability group (required) and category (optional). */
function DisabilityFields({ form, set, errors }: { form: FormState; set: SetField; errors: FieldErrors }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/**
 * The refusal's errors as the form shows them: an IIN error goes as soon as the IIN typed since is a
 * valid one (issue 16 point 7), instead of staying until the next save.
 */
function withoutCorrectedIins(errors: FieldErrors, iinOk: boolean, repIinOk: boolean): FieldErrors {
  const shown = { ...errors };
  if (iinOk) delete shown.iin;
  if (repIinOk) delete shown['rep.iin'];
  return shown;
}

export function PersonForm({ existing }: { existing?: Person }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<FormState>(() => fromPerson(existing));
  const { save, busy, errors: refused, duplicateOf, failure } = usePersonSave(existing);
  const set: SetField = (field, value) => setForm((f) => ({ ...f, [field]: value }));
  const derived = parseIin(form.iin, todayIso());
  const errors = withoutCorrectedIins(refused, derived.ok, parseIin(form.repIin, todayIso()).ok);
  const common = { form, set, errors };

  return (
    <section aria-labelledby="person-form-title">
      <header className="page-header">
        <h1 id="person-form-title">{existing ? t('persons.editTitle') : t('persons.newTitle')}</h1>
        <a href={existing ? href({ name: 'person', id: existing.id }) : href({ name: 'persons', query: '' })}>{t('common.back')}</a>
      </header>
      <form
        className="card form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          save(form);
        }}
        noValidate
      >
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
          {!derived.ok && (derived.error.code === 'future' || derived.error.code === 'too-old')
            ? t(`validation.iin.${derived.error.code}`)
            : null}
        </div>
        <TextField {...common} field="lastName" label={t('persons.lastName')} required />
        <TextField {...common} field="firstName" label={t('persons.firstName')} required />
        <TextField {...common} field="middleName" label={t('persons.middleName')} />
        <TextField {...common} field="address" label={t('persons.address')} required />
        <TextField {...common} field="phone" label={t('persons.phone')} hint={t('persons.phoneHint')} />
        <DisabilityFields {...common} />
        <RepresentativeFields {...common} />
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
