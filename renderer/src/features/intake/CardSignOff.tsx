import { useTranslation } from 'react-i18next';
import { ITEM, MAC_ANSWERS } from '@shared/intake';
import type { MedicalCardItem } from '@shared/rules';
import { DateField } from '../../ui/DateField';
import { Field } from '../../ui/Field';
import { useLocalized } from '../../ui/useLocalized';
import { cardLines, type CardFieldsProps } from './cardLines';
import { Citations } from './cite';
import { toggled } from './formState';

/** L368-371 / L430-433: the MAC chair's answer on contraindications, its text, and which of the administrator's list it names. */
function MacConclusion({ props, mac }: { props: CardFieldsProps; mac: MedicalCardItem }) {
  const { t } = useTranslation();
  const loc = useLocalized();
  const { card } = props;
  const { entry, setEntry, err, missing } = cardLines(props);
  return (
    <fieldset className={`span-2 ${missing.has(mac.id) ? 'intake-missing' : ''}`}>
      <legend>{loc(mac.labelKk, mac.labelRu)}</legend>
      <Citations citations={[mac.citation]} />
      <div className="intake-radios" role="radiogroup" aria-label={t('intake.card.macQuestion')}>
        <span>{t('intake.card.macQuestion')}</span>
        {MAC_ANSWERS.map((a) => (
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
      {card.macAnswer !== 'present' ? null : props.contraindications.length > 0 ? (
        <fieldset>
          <legend>{t('intake.card.contraindications')}</legend>
          {props.contraindications.map((c) => (
            <label key={c.id} className="checkbox">
              <input
                type="checkbox"
                name={`contraindication.${c.id}`}
                checked={card.contraindicationIds.includes(c.id)}
                onChange={(e) => props.onCard({ ...card, contraindicationIds: toggled(card.contraindicationIds, c.id, e.target.checked) })}
              />
              {loc(c.labelKk, c.labelRu)}
            </label>
          ))}
        </fieldset>
      ) : (
        <p className="muted">{t('intake.card.noContraindicationList')}</p>
      )}
    </fieldset>
  );
}

/** The card's sign-off (L368-375): the MAC conclusion, the seal, the head's name and signature, the date. */
export function CardSignOff({ props, items }: { props: CardFieldsProps; items: readonly MedicalCardItem[] }) {
  const { t } = useTranslation();
  const { card } = props;
  const { entry, setEntry, err, missing } = cardLines(props);
  const has = (id: string) => items.some((i) => i.id === id);
  const mac = items.find((i) => i.id === ITEM.macConclusion);
  return (
    <div className="form-grid">
      {mac ? <MacConclusion props={props} mac={mac} /> : null}
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
              <DateField
                {...p}
                name={`entry.${ITEM.cardDate}.date`}
                value={entry(ITEM.cardDate).date}
                onChange={(date) => setEntry(ITEM.cardDate, { date })}
              />
            )}
          </Field>
        </div>
      ) : null}
    </div>
  );
}
