import { useTranslation } from 'react-i18next';
import { DISABILITY_GROUPS, type Person, type PersonInput } from '@shared/persons';
import type { FieldErrors } from '@shared/validation';
import { Field } from '../../ui/Field';
import { ComplainantPicker } from './ComplainantPicker';

export const EMPTY_PERSON: PersonInput = {
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

export interface Representative {
  fullName: string;
  iin: string;
  powerOfAttorney: string;
}

interface ComplainantFieldsProps {
  errors: FieldErrors;
  person: Person | null;
  onPerson(p: Person | null): void;
  newPerson: PersonInput | null;
  onNewPerson(p: PersonInput | null): void;
  hasRep: boolean;
  onHasRep(v: boolean): void;
  rep: Representative;
  onRep(r: Representative): void;
}

/** Who complains: a person of the register or a new one, and a representative with a power of attorney. */
export function ComplainantFields(p: ComplainantFieldsProps) {
  const { t } = useTranslation();
  const { errors, newPerson } = p;
  const personField = (k: 'iin' | 'lastName' | 'firstName' | 'middleName' | 'address' | 'phone', label: string, required = false) => (
    <Field label={label} error={errors[`person.${k}`]} required={required}>
      {(f) => (
        <input
          {...f}
          name={`person.${k}`}
          value={newPerson?.[k] ?? ''}
          onChange={(e) => p.onNewPerson({ ...(newPerson ?? EMPTY_PERSON), [k]: e.target.value })}
        />
      )}
    </Field>
  );
  return (
    <fieldset className="span-2">
      <legend>{t('complaints.complainant')} *</legend>
      {errors.personId ? (
        <div className="field__error" role="alert">
          {t(errors.personId)}
        </div>
      ) : null}
      {newPerson === null ? (
        <>
          <ComplainantPicker selected={p.person} onSelect={p.onPerson} />
          {!p.person ? (
            <button type="button" className="link" onClick={() => p.onNewPerson(EMPTY_PERSON)}>
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
            {(f) => (
              <select
                {...f}
                value={newPerson.disabilityGroup}
                onChange={(e) =>
                  p.onNewPerson({ ...newPerson, disabilityGroup: DISABILITY_GROUPS.find((g) => g === e.target.value) ?? 'none' })
                }
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
            <button type="button" className="link" onClick={() => p.onNewPerson(null)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      <label className="checkbox">
        <input type="checkbox" name="hasRepresentative" checked={p.hasRep} onChange={(e) => p.onHasRep(e.target.checked)} />
        {t('complaints.hasRepresentative')}
      </label>
      {p.hasRep ? (
        <div className="form-grid">
          {(['fullName', 'iin', 'powerOfAttorney'] as const).map((k) => (
            <Field
              key={k}
              label={t(k === 'fullName' ? 'complaints.repName' : k === 'iin' ? 'complaints.repIin' : 'complaints.powerOfAttorney')}
              error={errors[`representative.${k}`]}
              required
            >
              {(f) => (
                <input {...f} name={`representative.${k}`} value={p.rep[k]} onChange={(e) => p.onRep({ ...p.rep, [k]: e.target.value })} />
              )}
            </Field>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
