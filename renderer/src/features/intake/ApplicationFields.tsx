import { useTranslation } from 'react-i18next';
import { ageOn, parseIin } from '@shared/iin';
import { STAY_MODES, type IntakeInput } from '@shared/intake';
import type { FieldErrors } from '@shared/validation';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import type { FormPartProps } from './formState';

type Application = IntakeInput['application'];
type Relative = Application['legalRepresentatives'][number];
type TextKey =
  | 'addresseeHead'
  | 'identityDocumentNumber'
  | 'registrationAddress'
  | 'residenceAddress'
  | 'birthPlace'
  | 'allowance'
  | 'disabilityCategory';
type DateKey = 'identityDocumentIssuedOn' | 'signedOn';

const EMPTY_RELATIVE: Relative = { fullName: '', iin: '', relationship: '', socialStatus: '', address: '', phone: '' };

interface PartProps {
  app: Application;
  errors: FieldErrors;
  setApp(patch: Partial<Application>): void;
}

function TextField({ app, errors, setApp, name, label }: PartProps & { name: TextKey; label: string }) {
  return (
    <Field label={label} error={errors[`application.${name}`]}>
      {(p) => <input {...p} name={`application.${name}`} value={app[name]} onChange={(e) => setApp({ [name]: e.target.value })} />}
    </Field>
  );
}

function DateInput({ app, errors, setApp, name, label }: PartProps & { name: DateKey; label: string }) {
  return (
    <Field label={label} error={errors[`application.${name}`]}>
      {(p) => <DateField {...p} name={`application.${name}`} value={app[name]} onChange={(v) => setApp({ [name]: v })} />}
    </Field>
  );
}

/** Legal representatives (App. 1 L102-104) or adult children and spouse (L105-107): the same columns, one row each. */
function RelativesFieldset(props: PartProps & { list: 'legalRepresentatives' | 'relatives'; title: string; onDate: string }) {
  const { t } = useTranslation();
  const { app, errors, setApp, list } = props;
  const rows = app[list];
  const setRow = (i: number, patch: Partial<Relative>) => setApp({ [list]: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="span-2" data-testid={`intake-${list}`}>
      <legend>{props.title}</legend>
      {rows.length === 0 ? <p className="muted">{t('intake.application.noneListed')}</p> : null}
      {rows.map((r, i) => {
        const iin = parseIin(r.iin);
        const age = iin.ok ? ageOn(iin.value.birthDate, props.onDate) : Number.NaN;
        const field = (f: keyof Relative, label: string) => (
          <Field label={label} error={errors[`application.${list}.${i}.${f}`]}>
            {(p) => (
              <input {...p} name={`application.${list}.${i}.${f}`} value={r[f]} onChange={(e) => setRow(i, { [f]: e.target.value })} />
            )}
          </Field>
        );
        return (
          <div key={i} className="form-grid intake-relative">
            {field('fullName', t('intake.application.relative.fullName'))}
            <div>
              {field('iin', t('persons.iin'))}
              {Number.isFinite(age) ? <div className="derived">{t('intake.application.relative.age', { age })}</div> : null}
            </div>
            {field('relationship', t('intake.application.relative.relationship'))}
            {field('socialStatus', t('intake.application.relative.socialStatus'))}
            {field('address', t('intake.application.relative.address'))}
            {field('phone', t('persons.phone'))}
            <div className="actions span-2">
              <button
                type="button"
                className="link danger"
                onClick={() => {
                  if (window.confirm(t('intake.application.removeConfirm', { name: r.fullName || `${i + 1}` })))
                    setApp({ [list]: rows.filter((_, j) => j !== i) });
                }}
              >
                {t('intake.application.remove')}
              </button>
            </div>
          </div>
        );
      })}
      <button type="button" onClick={() => setApp({ [list]: [...rows, EMPTY_RELATIVE] })}>
        {t('intake.application.addRow')}
      </button>
    </fieldset>
  );
}

/** The stay (App. 1 L111), the attached list, the declarations and the signature date. */
function Declarations({ app, errors, setApp, stationary }: PartProps & { stationary: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {stationary ? (
        <div className="span-2 intake-radios" role="radiogroup" aria-label={t('intake.application.stayMode')}>
          <span>{t('intake.application.stayMode')} *</span>
          {STAY_MODES.map((m) => (
            <label key={m} className="checkbox">
              <input
                type="radio"
                name="application.stayMode"
                value={m}
                checked={app.stayMode === m}
                onChange={() => setApp({ stayMode: m })}
              />
              {t(`intake.stayMode.${m}`)}
            </label>
          ))}
          {errors['application.stayMode'] ? <div className="field__error">{t(errors['application.stayMode'])}</div> : null}
        </div>
      ) : (
        <p className="span-2 muted">{t('intake.stayMode.daytime')}</p>
      )}
      <div className="span-2">
        <Field
          label={t('intake.application.attachedDocuments')}
          hint={t('intake.application.attachedHint')}
          error={errors['application.attachedDocuments']}
        >
          {(p) => (
            <textarea
              {...p}
              rows={3}
              name="application.attachedDocuments"
              value={app.attachedDocuments.join('\n')}
              onChange={(e) => setApp({ attachedDocuments: e.target.value.split('\n').slice(0, 10) })}
            />
          )}
        </Field>
      </div>
      {stationary ? (
        <label className="checkbox span-2">
          <input
            type="checkbox"
            name="application.warnedOfLiability"
            checked={app.warnedOfLiability}
            onChange={(e) => setApp({ warnedOfLiability: e.target.checked })}
          />
          {t('intake.application.warnedOfLiability')}
        </label>
      ) : null}
      <label className="checkbox span-2">
        <input
          type="checkbox"
          name="application.acquaintedWithConditions"
          checked={app.acquaintedWithConditions}
          onChange={(e) => setApp({ acquaintedWithConditions: e.target.checked })}
        />
        {t(stationary ? 'intake.application.acquaintedStationary' : 'intake.application.acquaintedSemi')}
      </label>
    </>
  );
}

/** The application of App. 1 (stationary) or App. 2 (semi-stationary), which asks only a part of App. 1. */
export function ApplicationFields({ state, errors, change, appendix }: FormPartProps & { appendix: string }) {
  const { t } = useTranslation();
  const app = state.application;
  const setApp = (patch: Partial<Application>) => change((s) => ({ ...s, application: { ...s.application, ...patch } }));
  const part = { app, errors, setApp };
  const stationary = state.form === 'stationary';
  return (
    <fieldset className="card form-grid">
      <legend>{t('intake.application.title', { appendix })}</legend>
      <TextField {...part} name="addresseeHead" label={t('intake.application.addresseeHead')} />
      <Field label={t('intake.application.addresseeBin')} error={errors['application.addresseeBin']}>
        {(p) => (
          <input
            {...p}
            name="application.addresseeBin"
            inputMode="numeric"
            maxLength={12}
            className="mono"
            value={app.addresseeBin}
            onChange={(e) => setApp({ addresseeBin: e.target.value.replace(/\D/gu, '') })}
          />
        )}
      </Field>
      {stationary ? (
        <>
          <TextField {...part} name="identityDocumentNumber" label={t('intake.application.identityDocumentNumber')} />
          <DateInput {...part} name="identityDocumentIssuedOn" label={t('intake.application.identityDocumentIssuedOn')} />
          <TextField {...part} name="registrationAddress" label={t('intake.application.registrationAddress')} />
          <TextField {...part} name="residenceAddress" label={t('intake.application.residenceAddress')} />
          <TextField {...part} name="birthPlace" label={t('intake.application.birthPlace')} />
          <TextField {...part} name="allowance" label={t('intake.application.allowance')} />
          <TextField {...part} name="disabilityCategory" label={t('intake.application.disabilityCategory')} />
        </>
      ) : (
        <TextField {...part} name="residenceAddress" label={t('intake.application.residenceAddress')} />
      )}
      <RelativesFieldset
        {...part}
        list="legalRepresentatives"
        title={t('intake.application.legalRepresentatives')}
        onDate={state.registrationDate}
      />
      {stationary ? (
        <RelativesFieldset {...part} list="relatives" title={t('intake.application.relatives')} onDate={state.registrationDate} />
      ) : null}
      <Declarations {...part} stationary={stationary} />
      <DateInput {...part} name="signedOn" label={t('intake.application.signedOn')} />
    </fieldset>
  );
}
