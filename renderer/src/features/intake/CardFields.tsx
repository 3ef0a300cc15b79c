import { Fragment, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM, isItemRequired } from '@shared/intake';
import type { MedicalCardItem, MedicalCardItemGroup } from '@shared/rules';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { formatDate } from '../../ui/format';
import { useLocalized } from '../../ui/useLocalized';
import { cardLines, type Card, type CardFieldsProps } from './cardLines';
import { CardSignOff } from './CardSignOff';
import { Citations } from './cite';
import { toggled } from './formState';

const GROUPS: readonly MedicalCardItemGroup[] = ['header', 'exam-always', 'exam-dispensary', 'lab', 'lab-psychoneurological', 'sign-off'];

/** The card's header (L314-319): typed from the card, with the register's value beside it to compare. */
function CardHeader({ props, items }: { props: CardFieldsProps; items: readonly MedicalCardItem[] }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { entry, setEntry, err, missing } = cardLines(props);
  return (
    <div className="form-grid">
      {items.map((item) => {
        const wide = item.id === 'header.anamnesis' || item.id === 'header.medical-organisation';
        const isDate = item.id === ITEM.birthDate;
        const registerHint =
          item.id === ITEM.fullName
            ? t('intake.card.inRegister', { value: props.person.fullName })
            : isDate
              ? t('intake.card.inRegister', { value: formatDate(props.person.birthDate) })
              : undefined;
        const name = `entry.${item.id}.${isDate ? 'date' : 'text'}`;
        return (
          <div key={item.id} className={`${wide ? 'span-2 ' : ''}${missing.has(item.id) ? 'intake-missing' : ''}`}>
            <Field
              label={loc(item.labelKk, item.labelRu)}
              error={err(item.id, isDate ? 'date' : 'text')}
              {...(registerHint ? { hint: registerHint } : {})}
            >
              {(p) =>
                isDate ? (
                  <DateField {...p} name={name} value={entry(item.id).date} onChange={(date) => setEntry(item.id, { date })} />
                ) : item.id === 'header.anamnesis' ? (
                  <textarea
                    {...p}
                    rows={3}
                    name={name}
                    value={entry(item.id).text}
                    onChange={(e) => setEntry(item.id, { text: e.target.value })}
                  />
                ) : (
                  <input {...p} name={name} value={entry(item.id).text} onChange={(e) => setEntry(item.id, { text: e.target.value })} />
                )
              }
            </Field>
          </div>
        );
      })}
    </div>
  );
}

/** One dated input of a card line, with its error. */
function LineInput({ props, item, part, label }: { props: CardFieldsProps; item: MedicalCardItem; part: 'date' | 'text'; label: string }) {
  const { t } = useTranslation();
  const { entry, setEntry, err } = cardLines(props);
  const error = err(item.id, part);
  const errorId = useId();
  const name = `entry.${item.id}.${part}`;
  const described = error ? { 'aria-describedby': errorId } : {};
  return (
    <>
      {part === 'date' ? (
        <DateField
          name={name}
          aria-label={label}
          aria-invalid={Boolean(error)}
          {...described}
          value={entry(item.id).date}
          onChange={(date) => setEntry(item.id, { date })}
        />
      ) : (
        <input
          name={name}
          aria-label={label}
          aria-invalid={Boolean(error)}
          {...described}
          value={entry(item.id).text}
          onChange={(e) => setEntry(item.id, { text: e.target.value })}
        />
      )}
      {error ? (
        <div className="field__error" id={errorId}>
          {t(error)}
        </div>
      ) : null}
    </>
  );
}

/** L330 / L395: the phthisiatrician's line must carry the fluorography data. */
function FluorographyRow({ props, missing }: { props: CardFieldsProps; missing: boolean }) {
  const { t } = useTranslation();
  const { card, errors } = props;
  const set = (patch: Partial<Card['fluorography']>) => props.onCard({ ...card, fluorography: { ...card.fluorography, ...patch } });
  const fluoroError = errors['card.fluorography.date'];
  const fluoroErrorId = useId();
  return (
    <tr className={missing ? 'intake-missing' : ''}>
      <th scope="row" className="intake-subrow">
        {t('intake.card.fluorography')}
      </th>
      <td>
        <DateField
          name="fluorography.date"
          aria-label={`${t('intake.card.fluorography')}: ${t('intake.card.date')}`}
          aria-invalid={Boolean(fluoroError)}
          {...(fluoroError ? { 'aria-describedby': fluoroErrorId } : {})}
          value={card.fluorography.date}
          onChange={(date) => set({ date })}
        />
        {fluoroError ? (
          <div className="field__error" id={fluoroErrorId}>
            {t(fluoroError)}
          </div>
        ) : null}
      </td>
      <td>
        <input
          name="fluorography.text"
          aria-label={`${t('intake.card.fluorography')}: ${t('intake.card.result')}`}
          value={card.fluorography.text}
          onChange={(e) => set({ text: e.target.value })}
        />
      </td>
    </tr>
  );
}

/** Examinations and tests (L322-367): one row per line with its date and conclusion or result. */
function CardLinesTable({
  props,
  group,
  items,
}: {
  props: CardFieldsProps;
  group: MedicalCardItemGroup;
  items: readonly MedicalCardItem[];
}) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { missing } = cardLines(props);
  const dispensary = group === 'exam-dispensary';
  const what = group === 'exam-always' || dispensary ? t('intake.card.conclusion') : t('intake.card.result');
  const required = (item: MedicalCardItem) =>
    isItemRequired(item, { person: props.person, situation: props.situation }, props.registrationDate);
  return (
    <table className="grid compact intake-card-table">
      <thead>
        <tr>
          <th scope="col">{t('intake.card.line')}</th>
          {dispensary ? <th scope="col">{t('intake.card.onDispensary')}</th> : null}
          <th scope="col">{t('intake.card.date')}</th>
          <th scope="col">{what}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const label = loc(item.labelKk, item.labelRu);
          return (
            <Fragment key={item.id}>
              <tr className={missing.has(item.id) ? 'intake-missing' : ''} data-item={item.id}>
                <th scope="row">
                  {label}{' '}
                  <span className={`badge ${required(item) ? 'intake-required' : 'intake-optional'}`}>
                    {t(required(item) ? 'intake.card.required' : 'intake.card.notRequired')}
                  </span>
                  <Citations citations={[item.citation]} />
                </th>
                {dispensary ? (
                  <td>
                    <input
                      type="checkbox"
                      name={`dispensary.${item.id}`}
                      aria-label={`${label}: ${t('intake.card.onDispensary')}`}
                      checked={props.situation.dispensaryExamIds.includes(item.id)}
                      onChange={(e) =>
                        props.onSituation({
                          ...props.situation,
                          dispensaryExamIds: toggled(props.situation.dispensaryExamIds, item.id, e.target.checked),
                        })
                      }
                    />
                  </td>
                ) : null}
                <td>
                  <LineInput props={props} item={item} part="date" label={`${label}: ${t('intake.card.date')}`} />
                </td>
                <td>
                  <LineInput props={props} item={item} part="text" label={`${label}: ${what}`} />
                </td>
              </tr>
              {item.id === ITEM.phthisiatrician ? <FluorographyRow props={props} missing={missing.has(item.id)} /> : null}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}

/** The medical card of App. 5 / App. 6 as a structured form, in the order of the appendix. */
export function CardFields(props: CardFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      {GROUPS.map((group) => {
        const items = props.form.items.filter((i) => i.group === group);
        if (items.length === 0) return null;
        const cap = props.form.captions.find((c) => c.group === group);
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
            {group === 'header' ? (
              <CardHeader props={props} items={items} />
            ) : group === 'sign-off' ? (
              <CardSignOff props={props} items={items} />
            ) : (
              <CardLinesTable props={props} group={group} items={items} />
            )}
          </fieldset>
        );
      })}
    </>
  );
}
