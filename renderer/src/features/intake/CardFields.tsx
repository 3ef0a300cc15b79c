import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM, isItemRequired, type IntakeData, type IntakeFinding, type IntakeInput } from '@shared/intake';
import type { MedicalCardForm, MedicalCardItem, MedicalCardItemGroup, MedicalContraindication } from '@shared/rules';
import type { FieldErrors } from '@shared/validation';
import { Field } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';
import { Citations } from './cite';

type Card = IntakeInput['card'];

interface CardFieldsProps {
  form: MedicalCardForm;
  card: Card;
  situation: IntakeInput['situation'];
  person: IntakeData['person'];
  registrationDate: string;
  contraindications: readonly MedicalContraindication[];
  /** Card-line findings of the live check, to mark the rows that make the package incomplete. */
  findings: readonly IntakeFinding[];
  errors: FieldErrors;
  onCard(card: Card): void;
  onSituation(situation: IntakeInput['situation']): void;
}

const GROUPS: readonly MedicalCardItemGroup[] = ['header', 'exam-always', 'exam-dispensary', 'lab', 'lab-psychoneurological', 'sign-off'];

/** The medical card of App. 5 / App. 6 as a structured form, in the order of the appendix. */
export function CardFields(props: CardFieldsProps) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { form, card, errors } = props;
  const entry = (id: string) => card.entries[id] ?? { date: '', text: '' };
  const setEntry = (id: string, patch: Partial<{ date: string; text: string }>) =>
    props.onCard({ ...card, entries: { ...card.entries, [id]: { ...entry(id), ...patch } } });
  const required = (item: MedicalCardItem) =>
    isItemRequired(item, { person: props.person, situation: props.situation }, props.registrationDate);
  const missing = new Set(props.findings.filter((f) => f.severity === 'refuse').map((f) => f.itemId));
  const label = (item: MedicalCardItem) => loc(item.labelKk, item.labelRu);
  const err = (id: string, part: 'date' | 'text') => errors[`card.entries.${id}.${part}`];
  const caption = (group: MedicalCardItemGroup) => form.captions.find((c) => c.group === group);

  const dateInput = (item: MedicalCardItem) => (
    <>
      <input
        type="date"
        name={`entry.${item.id}.date`}
        aria-label={`${label(item)}: ${t('intake.card.date')}`}
        aria-invalid={Boolean(err(item.id, 'date'))}
        value={entry(item.id).date}
        onChange={(e) => setEntry(item.id, { date: e.target.value })}
      />
      {err(item.id, 'date') ? <div className="field__error">{t(err(item.id, 'date') ?? '')}</div> : null}
    </>
  );
  const textInput = (item: MedicalCardItem, what: string) => (
    <>
      <input
        name={`entry.${item.id}.text`}
        aria-label={`${label(item)}: ${what}`}
        aria-invalid={Boolean(err(item.id, 'text'))}
        value={entry(item.id).text}
        onChange={(e) => setEntry(item.id, { text: e.target.value })}
      />
      {err(item.id, 'text') ? <div className="field__error">{t(err(item.id, 'text') ?? '')}</div> : null}
    </>
  );
  const requiredMark = (item: MedicalCardItem) =>
    required(item) ? (
      <span className="badge intake-required">{t('intake.card.required')}</span>
    ) : (
      <span className="badge intake-optional">{t('intake.card.notRequired')}</span>
    );

  const header = (items: MedicalCardItem[]) => (
    <div className="form-grid">
      {items.map((item) => {
        const wide = item.id === 'header.anamnesis' || item.id === 'header.medical-organisation';
        const registerHint =
          item.id === ITEM.fullName
            ? t('intake.card.inRegister', { value: props.person.fullName })
            : item.id === ITEM.birthDate
              ? t('intake.card.inRegister', { value: formatDate(props.person.birthDate) })
              : undefined;
        return (
          <div key={item.id} className={`${wide ? 'span-2 ' : ''}${missing.has(item.id) ? 'intake-missing' : ''}`}>
            <Field
              label={label(item)}
              error={err(item.id, item.id === ITEM.birthDate ? 'date' : 'text')}
              {...(registerHint ? { hint: registerHint } : {})}
            >
              {(p) =>
                item.id === ITEM.birthDate ? (
                  <input
                    {...p}
                    type="date"
                    name={`entry.${item.id}.date`}
                    value={entry(item.id).date}
                    onChange={(e) => setEntry(item.id, { date: e.target.value })}
                  />
                ) : item.id === 'header.anamnesis' ? (
                  <textarea
                    {...p}
                    rows={3}
                    name={`entry.${item.id}.text`}
                    value={entry(item.id).text}
                    onChange={(e) => setEntry(item.id, { text: e.target.value })}
                  />
                ) : (
                  <input
                    {...p}
                    name={`entry.${item.id}.text`}
                    value={entry(item.id).text}
                    onChange={(e) => setEntry(item.id, { text: e.target.value })}
                  />
                )
              }
            </Field>
          </div>
        );
      })}
    </div>
  );

  const table = (group: MedicalCardItemGroup, items: MedicalCardItem[]) => {
    const isExam = group === 'exam-always' || group === 'exam-dispensary';
    const what = isExam ? t('intake.card.conclusion') : t('intake.card.result');
    return (
      <table className="grid compact intake-card-table">
        <thead>
          <tr>
            <th scope="col">{t('intake.card.line')}</th>
            {group === 'exam-dispensary' ? <th scope="col">{t('intake.card.onDispensary')}</th> : null}
            <th scope="col">{t('intake.card.date')}</th>
            <th scope="col">{what}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <Fragment key={item.id}>
              <tr className={missing.has(item.id) ? 'intake-missing' : ''} data-item={item.id}>
                <th scope="row">
                  {label(item)} {requiredMark(item)}
                  <Citations citations={[item.citation]} />
                </th>
                {group === 'exam-dispensary' ? (
                  <td>
                    <input
                      type="checkbox"
                      name={`dispensary.${item.id}`}
                      aria-label={`${label(item)}: ${t('intake.card.onDispensary')}`}
                      checked={props.situation.dispensaryExamIds.includes(item.id)}
                      onChange={(e) =>
                        props.onSituation({
                          ...props.situation,
                          dispensaryExamIds: e.target.checked
                            ? [...props.situation.dispensaryExamIds, item.id]
                            : props.situation.dispensaryExamIds.filter((x) => x !== item.id),
                        })
                      }
                    />
                  </td>
                ) : null}
                <td>{dateInput(item)}</td>
                <td>{textInput(item, what)}</td>
              </tr>
              {item.id === ITEM.phthisiatrician ? (
                <tr className={missing.has(item.id) ? 'intake-missing' : ''}>
                  <th scope="row" className="intake-subrow">
                    {t('intake.card.fluorography')}
                  </th>
                  <td>
                    <input
                      type="date"
                      name="fluorography.date"
                      aria-label={`${t('intake.card.fluorography')}: ${t('intake.card.date')}`}
                      value={props.card.fluorography.date}
                      onChange={(e) => props.onCard({ ...card, fluorography: { ...card.fluorography, date: e.target.value } })}
                    />
                    {errors['card.fluorography.date'] ? (
                      <div className="field__error">{t(errors['card.fluorography.date'] ?? '')}</div>
                    ) : null}
                  </td>
                  <td>
                    <input
                      name="fluorography.text"
                      aria-label={`${t('intake.card.fluorography')}: ${t('intake.card.result')}`}
                      value={props.card.fluorography.text}
                      onChange={(e) => props.onCard({ ...card, fluorography: { ...card.fluorography, text: e.target.value } })}
                    />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    );
  };

  const signOff = (items: MedicalCardItem[]) => {
    const has = (id: string) => items.some((i) => i.id === id);
    const mac = items.find((i) => i.id === ITEM.macConclusion);
    return (
      <div className="form-grid">
        {mac ? (
          <fieldset className={`span-2 ${missing.has(mac.id) ? 'intake-missing' : ''}`}>
            <legend>{label(mac)}</legend>
            <Citations citations={[mac.citation]} />
            <div className="intake-radios" role="radiogroup" aria-label={t('intake.card.macQuestion')}>
              <span>{t('intake.card.macQuestion')}</span>
              {(['none', 'present'] as const).map((a) => (
                <label key={a} className="checkbox">
                  <input
                    type="radio"
                    name="macAnswer"
                    value={a}
                    checked={card.macAnswer === a}
                    onChange={() => props.onCard({ ...card, macAnswer: a })}
                  />
                  {t(`intake.card.mac.${a}`)}
                </label>
              ))}
            </div>
            <Field label={t('intake.card.macText')} error={err(mac.id, 'text')}>
              {(p) => (
                <textarea
                  {...p}
                  rows={2}
                  name={`entry.${mac.id}.text`}
                  value={entry(mac.id).text}
                  onChange={(e) => setEntry(mac.id, { text: e.target.value })}
                />
              )}
            </Field>
            {card.macAnswer === 'present' ? (
              props.contraindications.length > 0 ? (
                <fieldset>
                  <legend>{t('intake.card.contraindications')}</legend>
                  {props.contraindications.map((c) => (
                    <label key={c.id} className="checkbox">
                      <input
                        type="checkbox"
                        name={`contraindication.${c.id}`}
                        checked={card.contraindicationIds.includes(c.id)}
                        onChange={(e) =>
                          props.onCard({
                            ...card,
                            contraindicationIds: e.target.checked
                              ? [...card.contraindicationIds, c.id]
                              : card.contraindicationIds.filter((x) => x !== c.id),
                          })
                        }
                      />
                      {loc(c.labelKk, c.labelRu)}
                    </label>
                  ))}
                </fieldset>
              ) : (
                <p className="muted">{t('intake.card.noContraindicationList')}</p>
              )
            ) : null}
          </fieldset>
        ) : null}
        {has(ITEM.seal) ? (
          <label className={`checkbox span-2 ${missing.has(ITEM.seal) ? 'intake-missing' : ''}`}>
            <input
              type="checkbox"
              name="sealPresent"
              checked={card.sealPresent}
              onChange={(e) => props.onCard({ ...card, sealPresent: e.target.checked })}
            />
            {t('intake.card.seal')}
          </label>
        ) : null}
        {has(ITEM.headSignature) ? (
          <div className={missing.has(ITEM.headSignature) ? 'intake-missing' : ''}>
            <Field label={t('intake.card.headName')} error={err(ITEM.headSignature, 'text')}>
              {(p) => (
                <input
                  {...p}
                  name={`entry.${ITEM.headSignature}.text`}
                  value={entry(ITEM.headSignature).text}
                  onChange={(e) => setEntry(ITEM.headSignature, { text: e.target.value })}
                />
              )}
            </Field>
            <label className="checkbox">
              <input
                type="checkbox"
                name="headSigned"
                checked={card.headSigned}
                onChange={(e) => props.onCard({ ...card, headSigned: e.target.checked })}
              />
              {t('intake.card.headSigned')}
            </label>
          </div>
        ) : null}
        {has(ITEM.cardDate) ? (
          <div className={missing.has(ITEM.cardDate) ? 'intake-missing' : ''}>
            <Field label={t('intake.card.cardDate')} error={err(ITEM.cardDate, 'date')}>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  name={`entry.${ITEM.cardDate}.date`}
                  value={entry(ITEM.cardDate).date}
                  onChange={(e) => setEntry(ITEM.cardDate, { date: e.target.value })}
                />
              )}
            </Field>
          </div>
        ) : null}
      </div>
    );
  };

  return (
    <>
      {GROUPS.map((group) => {
        const items = form.items.filter((i) => i.group === group);
        if (items.length === 0) return null;
        const cap = caption(group);
        return (
          <fieldset key={group} className="intake-card-group" data-group={group}>
            <legend>{t(`intake.card.group.${group}`)}</legend>
            {cap ? (
              <div className="intake-caption">
                <Citations citations={[cap.citation]} />
              </div>
            ) : null}
            {group === 'lab-psychoneurological' ? (
              <label className="checkbox">
                <input
                  type="checkbox"
                  name="psychoneurological"
                  checked={props.situation.psychoneurological}
                  onChange={(e) => props.onSituation({ ...props.situation, psychoneurological: e.target.checked })}
                />
                {t('intake.card.psychoneurological')}
              </label>
            ) : null}
            {group === 'header' ? header(items) : group === 'sign-off' ? signOff(items) : table(group, items)}
          </fieldset>
        );
      })}
    </>
  );
}
