import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RETURN_EVENTS, SUPPLIER_ANSWERS, type ReturnEventKind, type SupplierAnswer, type WheelchairOrder } from '@shared/wheelchair';
import type { WriteContext } from '../../db/context';
import { useServices } from '../../core/services';
import { useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { DateField } from '../../ui/DateField';
import { formatDate, todayIso } from '../../ui/format';
import { recordContract, recordHandOver, recordOrderEvent, recordReturn, recordSupplierAnswer } from './repository';
import { useWrite } from './useWrite';

interface FormProps {
  order: WheelchairOrder;
  ctx: WriteContext;
}

/** What the officer can record on an open order, in the order things happen on the Portal. */
export function OrderActions({ order, returnProposed }: { order: WheelchairOrder; returnProposed: boolean }) {
  const ctx = useWriteContext();
  if (!ctx) return null;
  const accepted = order.supplierResponse?.answer === 'accepted';
  const awaitingHandOver = accepted && order.handOverDate === null && !returnProposed;
  return (
    <div className="order-actions">
      {order.supplierResponse === null ? <SupplierAnswerForm order={order} ctx={ctx} /> : null}
      {awaitingHandOver ? <ContractForm order={order} ctx={ctx} /> : null}
      {awaitingHandOver && order.contract ? <HandOverForm order={order} ctx={ctx} /> : null}
      {order.handOverDate === null ? <EventForm order={order} ctx={ctx} /> : null}
      {returnProposed ? <ReturnForm order={order} ctx={ctx} /> : null}
    </div>
  );
}

function InlineForm({ label, onSubmit, children }: { label: string; onSubmit(): void; children: ReactNode }) {
  return (
    <form
      className="inline-form"
      aria-label={label}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

/** The supplier's acceptance or refusal for want of stock (000 L673). */
function SupplierAnswerForm({ order, ctx }: FormProps) {
  const { t } = useTranslation();
  const { db } = useServices();
  const w = useWrite(recordSupplierAnswer, () => t('wheelchairs.order.answerSaved'));
  const [answer, setAnswer] = useState<SupplierAnswer>('accepted');
  const [date, setDate] = useState(todayIso());
  return (
    <InlineForm label={t('wheelchairs.order.recordAnswer')} onSubmit={() => w.run(db, ctx, order.id, { answer, date })}>
      {w.notice}
      <Field label={t('wheelchairs.order.answer')}>
        {(p) => (
          <select {...p} name="supplierAnswer" value={answer} onChange={(e) => setAnswer(e.target.value as SupplierAnswer)}>
            {SUPPLIER_ANSWERS.map((a) => (
              <option key={a} value={a}>
                {t(`wheelchairs.order.answers.${a}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('wheelchairs.order.answerDate')} error={w.errors.date}>
        {(p) => <DateField {...p} name="answerDate" value={date} onChange={setDate} />}
      </Field>
      <button type="submit" disabled={w.busy}>
        {t('wheelchairs.order.recordAnswer')}
      </button>
    </InlineForm>
  );
}

/** The contract made on the Portal: its date and the hand-over deadline it states (000 L673). */
function ContractForm({ order, ctx }: FormProps) {
  const { t } = useTranslation();
  const { db } = useServices();
  const w = useWrite(recordContract, () => t('wheelchairs.order.contractSaved'));
  const [date, setDate] = useState(order.contract?.date ?? todayIso());
  const [handOverDue, setHandOverDue] = useState(order.contract?.handOverDue ?? '');
  return (
    <InlineForm label={t('wheelchairs.order.recordContract')} onSubmit={() => w.run(db, ctx, order.id, { date, handOverDue })}>
      {w.notice}
      <Field label={t('wheelchairs.order.contractDate')} error={w.errors.date}>
        {(p) => <DateField {...p} name="contractDate" value={date} onChange={setDate} />}
      </Field>
      <Field label={t('wheelchairs.order.handOverDue')} error={w.errors.handOverDue}>
        {(p) => <DateField {...p} name="handOverDue" value={handOverDue} onChange={setHandOverDue} />}
      </Field>
      <button type="submit" disabled={w.busy}>
        {t('wheelchairs.order.recordContract')}
      </button>
    </InlineForm>
  );
}

function HandOverForm({ order, ctx }: FormProps) {
  const { t } = useTranslation();
  const { db } = useServices();
  const w = useWrite(recordHandOver, () => t('wheelchairs.order.handOverSaved'));
  const [date, setDate] = useState(todayIso());
  return (
    <InlineForm label={t('wheelchairs.order.recordHandOver')} onSubmit={() => w.run(db, ctx, order.id, date)}>
      {w.notice}
      <Field label={t('wheelchairs.order.handOver')} error={w.errors.date}>
        {(p) => <DateField {...p} name="handOverDate" value={date} onChange={setDate} />}
      </Field>
      <button type="submit" disabled={w.busy}>
        {t('wheelchairs.order.recordHandOver')}
      </button>
    </InlineForm>
  );
}

/** An event before receipt that makes the service subject to return (000 L675). */
function EventForm({ order, ctx }: FormProps) {
  const { t } = useTranslation();
  const { db } = useServices();
  const [kind, setKind] = useState<ReturnEventKind>('recipient-left');
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const w = useWrite(
    recordOrderEvent,
    () => t('wheelchairs.order.eventSaved'),
    () => setNote(''),
  );
  return (
    <InlineForm label={t('wheelchairs.order.recordEvent')} onSubmit={() => w.run(db, ctx, order.id, { kind, date, note })}>
      {w.notice}
      <Field label={t('wheelchairs.order.eventKind')}>
        {(p) => (
          <select {...p} name="eventKind" value={kind} onChange={(e) => setKind(e.target.value as ReturnEventKind)}>
            {RETURN_EVENTS.map((k) => (
              <option key={k} value={k}>
                {t(`wheelchairs.event.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('wheelchairs.order.eventDate')} error={w.errors.date}>
        {(p) => <DateField {...p} name="eventDate" value={date} onChange={setDate} />}
      </Field>
      <Field label={t('wheelchairs.order.eventNote')} error={w.errors.note}>
        {(p) => <input {...p} name="eventNote" value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <button type="submit" disabled={w.busy}>
        {t('wheelchairs.order.recordEvent')}
      </button>
    </InlineForm>
  );
}

function ReturnForm({ order, ctx }: FormProps) {
  const { t } = useTranslation();
  const { db } = useServices();
  const w = useWrite(recordReturn, () => t('wheelchairs.order.returnSaved'));
  const [date, setDate] = useState(todayIso());
  return (
    <InlineForm
      label={t('wheelchairs.order.recordReturn')}
      onSubmit={() => {
        // A return closes the order for good: ask first.
        if (window.confirm(t('wheelchairs.order.confirmReturn', { date: formatDate(date) }))) w.run(db, ctx, order.id, date);
      }}
    >
      {w.notice}
      <Field label={t('wheelchairs.order.returnDate')} error={w.errors.date}>
        {(p) => <DateField {...p} name="returnDate" value={date} onChange={setDate} />}
      </Field>
      <button type="submit" className="primary" disabled={w.busy}>
        {t('wheelchairs.order.recordReturn')}
      </button>
    </InlineForm>
  );
}
