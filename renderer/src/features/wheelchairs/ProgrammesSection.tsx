import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeValidity } from '@shared/wheelchair';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import { useTypeName } from './CheckResultView';
import { addProgramme, type CaseFile } from './repository';
import { useWrite } from './useWrite';

/** The case's individual rehabilitation programmes (ОЖБ) and the form to record one. */
export function ProgrammesSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const typeName = useTypeName(file.ruleSet.wheelchairs);
  const today = todayIso();
  // Open at first when the case has no programme yet; then as the officer leaves it.
  const [open, setOpen] = useState(file.programmes.length === 0);
  return (
    <section aria-labelledby="programmes-title">
      <h2 id="programmes-title">{t('wheelchairs.case.programmes')}</h2>
      {file.programmes.length === 0 ? (
        <div className="empty">{t('wheelchairs.case.noProgrammes')}</div>
      ) : (
        <table className="grid compact" data-testid="programmes-table">
          <thead>
            <tr>
              <th scope="col">{t('wheelchairs.programme.number')}</th>
              <th scope="col">{t('wheelchairs.programme.issuedOn')}</th>
              <th scope="col">{t('wheelchairs.programme.expiresOn')}</th>
              <th scope="col">{t('wheelchairs.programme.types')}</th>
              <th scope="col">{t('wheelchairs.programme.validityToday')}</th>
            </tr>
          </thead>
          <tbody>
            {file.programmes.map((p) => {
              const validity = programmeValidity(p, today);
              return (
                <tr key={p.id}>
                  <td className="mono">{p.number}</td>
                  <td>{formatDate(p.issuedOn)}</td>
                  <td>{formatDate(p.expiresOn)}</td>
                  <td>{p.wheelchairTypes.map(typeName).join('; ')}</td>
                  <td>
                    <span className={`badge ${validity === 'valid' ? 'ok' : 'warning'}`}>
                      {t(`wheelchairs.programme.validity.${validity}`)}
                    </span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <details className="card form-toggle" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('wheelchairs.programme.formToggle')}</summary>
        <ProgrammeForm file={file} />
      </details>
    </section>
  );
}

function ProgrammeForm({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const typeName = useTypeName(file.ruleSet.wheelchairs);
  const [number, setNumber] = useState('');
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [note, setNote] = useState('');
  const w = useWrite(
    addProgramme,
    (saved) => t('wheelchairs.programme.added', { number: saved.number }),
    () => {
      setNumber('');
      setIssuedOn('');
      setExpiresOn('');
      setTypes([]);
      setNote('');
    },
  );
  const { errors, busy } = w;

  return (
    <form
      className="form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        if (ctx) w.run(db, ctx, file.kase.id, { number, issuedOn, expiresOn, wheelchairTypes: types, note });
      }}
      noValidate
      aria-label={t('wheelchairs.programme.newTitle')}
    >
      {w.notice ? <div className="span-2">{w.notice}</div> : null}
      <Field label={t('wheelchairs.programme.number')} error={errors.number} required>
        {(p) => <input {...p} name="programmeNumber" value={number} onChange={(e) => setNumber(e.target.value)} />}
      </Field>
      <div />
      <Field label={t('wheelchairs.programme.issuedOn')} error={errors.issuedOn} required>
        {(p) => <DateField {...p} name="issuedOn" value={issuedOn} onChange={setIssuedOn} />}
      </Field>
      <Field label={t('wheelchairs.programme.expiresOn')} error={errors.expiresOn} hint={t('wheelchairs.programme.expiresHint')} required>
        {(p) => <DateField {...p} name="expiresOn" value={expiresOn} onChange={setExpiresOn} />}
      </Field>
      <fieldset className="span-2">
        <legend>
          {t('wheelchairs.programme.types')}
          <span aria-hidden="true"> *</span>
        </legend>
        {errors.wheelchairTypes ? (
          <div className="field__error" role="alert">
            {t(errors.wheelchairTypes)}
          </div>
        ) : null}
        {file.ruleSet.wheelchairs.types.map((type) => (
          <label key={type.id} className="checkbox">
            <input
              type="checkbox"
              name={`programmeType.${type.id}`}
              checked={types.includes(type.id)}
              onChange={(e) => setTypes((ts) => (e.target.checked ? [...ts, type.id] : ts.filter((x) => x !== type.id)))}
            />
            {t('wheelchairs.result.row', { row: type.row })}: {typeName(type.id)}
          </label>
        ))}
      </fieldset>
      <div className="span-2">
        <Field label={t('wheelchairs.programme.note')} error={errors.note}>
          {(p) => <input {...p} name="programmeNote" value={note} onChange={(e) => setNote(e.target.value)} />}
        </Field>
      </div>
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={busy}>
          {t('wheelchairs.programme.add')}
        </button>
      </div>
    </form>
  );
}
