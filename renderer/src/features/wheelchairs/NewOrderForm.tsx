import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { programmeValidity, RECEIPT_MODES, type ReceiptMode } from '@shared/wheelchair';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useTypeName } from './CheckResultView';
import { addOrder, type CaseFile } from './repository';
import { useWrite } from './useWrite';

/** A new order as the recipient placed it on the Portal: programme, chair type, day it reached the supplier, supplier, receipt mode. */
export function NewOrderForm({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const typeName = useTypeName(file.ruleSet.wheelchairs);
  const today = todayIso();
  const usable = file.programmes.filter((p) => programmeValidity(p, today) === 'valid');
  const [chosenProgramme, setProgrammeId] = useState<string | null>(null);
  // Until the officer chooses, the first programme valid today (it may have been added after this form appeared).
  const programmeId = chosenProgramme ?? usable[0]?.id ?? '';
  const programme = file.programmes.find((p) => p.id === programmeId);
  const [wheelchairType, setWheelchairType] = useState('');
  const [orderDate, setOrderDate] = useState(today);
  const [supplier, setSupplier] = useState('');
  const [receiptMode, setReceiptMode] = useState<ReceiptMode | ''>('');
  const w = useWrite(
    addOrder,
    () => t('wheelchairs.order.saved'),
    () => {
      setSupplier('');
      setReceiptMode('');
    },
  );
  const latest = file.checks[0];
  const type = wheelchairType || programme?.wheelchairTypes[0] || '';
  const latestVerdict = latest?.result.types.find((x) => x.typeId === type)?.verdict;

  return (
    <form
      className="form-grid"
      noValidate
      aria-label={t('wheelchairs.order.newTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ctx) return;
        w.run(db, ctx, file.kase.id, {
          programmeId,
          checkId: latest?.id ?? null,
          wheelchairType: type,
          orderDate,
          supplier,
          receiptMode: receiptMode as ReceiptMode,
        });
      }}
    >
      <div className="span-2">{w.notice}</div>
      <Field label={t('wheelchairs.order.programme')} error={w.errors.programmeId} required>
        {(p) => (
          <select
            {...p}
            name="orderProgramme"
            value={programmeId}
            onChange={(e) => {
              setProgrammeId(e.target.value);
              setWheelchairType('');
            }}
          >
            <option value="">{t('common.choose')}</option>
            {file.programmes.map((pr) => (
              <option key={pr.id} value={pr.id}>
                {t('wheelchairs.programme.option', {
                  number: pr.number,
                  issuedOn: formatDate(pr.issuedOn),
                  expiresOn: formatDate(pr.expiresOn),
                })}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('wheelchairs.order.type')} error={w.errors.wheelchairType} required>
        {(p) => (
          <select {...p} name="orderType" value={type} onChange={(e) => setWheelchairType(e.target.value)}>
            {(programme?.wheelchairTypes ?? []).map((id) => (
              <option key={id} value={id}>
                {typeName(id)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {latest && latestVerdict && latestVerdict !== 'indicated' ? (
        <div className="span-2">
          <Notice kind="warning">
            {t('wheelchairs.order.latestCheckSays', {
              date: formatDate(latest.checkDate),
              verdict: t(`wheelchairs.verdict.${latestVerdict}`),
            })}
          </Notice>
        </div>
      ) : null}
      <Field label={t('wheelchairs.order.orderDate')} error={w.errors.orderDate} hint={t('wheelchairs.order.orderDateHint')} required>
        {(p) => <DateField {...p} name="orderDate" value={orderDate} onChange={setOrderDate} />}
      </Field>
      <Field label={t('wheelchairs.order.supplier')} error={w.errors.supplier} required>
        {(p) => <input {...p} name="supplier" value={supplier} onChange={(e) => setSupplier(e.target.value)} />}
      </Field>
      <Field label={t('wheelchairs.order.receiptMode')} error={w.errors.receiptMode} required>
        {(p) => (
          <select {...p} name="receiptMode" value={receiptMode} onChange={(e) => setReceiptMode(e.target.value as ReceiptMode | '')}>
            <option value="">{t('common.choose')}</option>
            {RECEIPT_MODES.map((m) => (
              <option key={m} value={m}>
                {t(`wheelchairs.order.receipt.${m}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="actions span-2">
        <button type="submit" className="primary" disabled={w.busy || !ctx}>
          {t('wheelchairs.order.add')}
        </button>
      </div>
    </form>
  );
}
