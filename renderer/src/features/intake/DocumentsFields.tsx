import { useTranslation } from 'react-i18next';
import { ageOn } from '@shared/iin';
import {
  CONDITIONAL_ANSWERS,
  DIGITAL_DOCUMENTS_CONSENT,
  DOC,
  IDENTITY_PRESENTATIONS,
  isConditionalApplicable,
  type ConditionalAnswer,
  type IdentityPresentation,
  type IntakePerson,
} from '@shared/intake';
import type { MedicalCardRules } from '@shared/rules';
import { conditionalDocuments, type ConditionalDocumentRule } from '@shared/rules/medical-card';
import { Field } from '../../ui/Field';
import { useLocalized } from '../../ui/useLocalized';
import { Citations } from './cite';
import { toggled, type FormPartProps } from './formState';

const isIdentity = (v: string): v is IdentityPresentation => (IDENTITY_PRESENTATIONS as readonly string[]).includes(v);
const isAnswer = (v: string): v is ConditionalAnswer => (CONDITIONAL_ANSWERS as readonly string[]).includes(v);

/** One document "if any" (L240): whether it exists and where it comes from, or why it is not asked. */
function ConditionalDocument({ doc, state, change, person }: FormPartProps & { doc: ConditionalDocumentRule; person: IntakePerson }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const applicable = isConditionalApplicable(doc, state.form, person, state.registrationDate);
  const answer = state.conditionalDocuments[doc.id] ?? '';
  const age = ageOn(person.birthDate, state.registrationDate);
  return (
    <div className="intake-conditional" data-testid={`conditional-${doc.id}`}>
      <Field label={loc(doc.labelKk, doc.labelRu)} hint={loc(doc.note.kk, doc.note.ru)}>
        {(p) => (
          <select
            {...p}
            name={`conditional.${doc.id}`}
            value={answer}
            disabled={!applicable}
            onChange={(e) => {
              const v = e.target.value;
              change((s) => ({ ...s, conditionalDocuments: { ...s.conditionalDocuments, [doc.id]: isAnswer(v) ? v : '' } }));
            }}
          >
            <option value="">{t('intake.conditional.answer.unmarked')}</option>
            {CONDITIONAL_ANSWERS.map((a) => (
              <option key={a} value={a}>
                {t(`intake.conditional.answer.${a}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {!applicable && Number.isFinite(age) ? <p className="muted">{t('intake.conditional.notApplicable')}</p> : null}
      <Citations citations={[doc.citation]} />
    </div>
  );
}

/** App. 3 item 8: the identity document, the other documents, the documents "if any" (L240) and the consents. */
export function DocumentsFields(props: FormPartProps & { rules: MedicalCardRules; person: IntakePerson }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { state, errors, change, rules } = props;
  const identity = rules.applicantDocuments.find((d) => d.id === DOC.identity);
  return (
    <fieldset className="card">
      <legend>{t('intake.documents.title')}</legend>
      <Field label={identity ? loc(identity.labelKk, identity.labelRu) : ''} error={errors.identity}>
        {(p) => (
          <select
            {...p}
            name="identity"
            value={state.identity}
            onChange={(e) => {
              const v = e.target.value;
              if (isIdentity(v)) change((s) => ({ ...s, identity: v }));
            }}
          >
            {IDENTITY_PRESENTATIONS.map((i) => (
              <option key={i} value={i}>
                {t(`intake.identity.${i}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {rules.applicantDocuments
        .filter((d) => d.id !== DOC.identity && d.forms.includes(state.form))
        .map((d) => (
          <label key={d.id} className="checkbox">
            <input
              type="checkbox"
              name={d.id}
              checked={state.presentedDocumentIds.includes(d.id)}
              onChange={(e) => change((s) => ({ ...s, presentedDocumentIds: toggled(s.presentedDocumentIds, d.id, e.target.checked) }))}
            />
            <span>
              {loc(d.labelKk, d.labelRu)}
              <Citations citations={[d.citation]} />
            </span>
          </label>
        ))}
      <h3>{t('intake.conditional.title')}</h3>
      {conditionalDocuments
        .filter((d) => d.forms.includes(state.form))
        .map((d) => (
          <ConditionalDocument key={d.id} {...props} doc={d} />
        ))}
      <h3>{t('intake.documents.consents')}</h3>
      {rules.consents
        .filter((c) => c.forms.includes(state.form) && (c.id !== DIGITAL_DOCUMENTS_CONSENT || state.identity === 'digital'))
        .map((c) => (
          <label key={c.id} className="checkbox">
            <input
              type="checkbox"
              name={c.id}
              checked={state.consentIds.includes(c.id)}
              onChange={(e) => change((s) => ({ ...s, consentIds: toggled(s.consentIds, c.id, e.target.checked) }))}
            />
            <span>
              {loc(c.labelKk, c.labelRu)}
              <Citations citations={[c.citation]} />
            </span>
          </label>
        ))}
    </fieldset>
  );
}
