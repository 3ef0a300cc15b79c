import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createWorkingCalendar } from '@shared/calendar';
import type { FieldErrors } from '@shared/validation';
import {
  orderState,
  programmeValidity,
  RECEIPT_MODES,
  RETURN_EVENTS,
  SUPPLIER_ANSWERS,
  type ReceiptMode,
  type ReturnEventKind,
  type SupplierAnswer,
  type WheelchairOrder,
} from '@shared/wheelchair';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { Field } from '../../ui/Field';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useCite } from './cite';
import { useTypeName } from './CheckResultView';
import {
  addOrder,
  recordHandOver,
  recordOrderEvent,
  recordReturn,
  recordSupplierAnswer,
  type CaseFile,
  type WheelchairWriteError,
} from './repository';
import { useWriteErrorText } from './writeErrors';
import type { Result } from '@shared/result';
import { describeError } from '../../ui/errors';

/** Runs one write, reports success or a refusal, and refreshes the page's data. */
function useWrite() {
  const { t } = useTranslation();
  const dataChanged = useAppStore((s) => s.dataChanged);
  const writeError = useWriteErrorText();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  async function run<T>(write: () => Promise<Result<T, WheelchairWriteError>>, success: string): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setMessage(null);
    try {
      const r = await write();
      if (r.ok) {
        setErrors({});
        setMessage({ kind: 'success', text: success });
        dataChanged();
        return true;
      }
      if (r.error.code === 'invalid') setErrors(r.error.errors);
      else {
        setErrors({});
        setMessage({ kind: 'error', text: writeError(r.error) });
      }
    } catch (e: unknown) {
      setMessage({ kind: 'error', text: t('common.unexpected', { detail: describeError(e) }) });
    } finally {
      setBusy(false);
    }
    return false;
  }
  const notice = message ? <Notice kind={message.kind}>{message.text}</Notice> : null;
  return { run, errors, notice, busy };
}

export function OrdersSection({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(file.orders.length === 0);
  return (
    <section aria-labelledby="orders-title">
      <h2 id="orders-title">{t('wheelchairs.case.orders')}</h2>
      {file.orders.length === 0 ? <div className="empty">{t('wheelchairs.case.noOrders')}</div> : null}
      {file.orders.map((o) => (
        <OrderCard key={o.id} file={file} order={o} />
      ))}
      {file.programmes.length === 0 ? (
        <Notice kind="info">{t('wheelchairs.order.needProgramme')}</Notice>
      ) : (
        <details className="card form-toggle" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
          <summary>{t('wheelchairs.order.formToggle')}</summary>
          <OrderForm file={file} />
        </details>
      )}
    </section>
  );
}

function OrderCard({ file, order }: { file: CaseFile; order: WheelchairOrder }) {
  const { t } = useTranslation();
  const cite = useCite();
  const calendarYears = useAppStore((s) => s.calendarYears);
  const typeName = useTypeName(file.ruleSet.wheelchairs);
  const programme = file.programmes.find((p) => p.id === order.programmeId) ?? null;
  const cal = useMemo(() => createWorkingCalendar(calendarYears), [calendarYears]);
  const today = todayIso();
  const state = orderState(file.ruleSet.wheelchairs, cal, order, programme, today);
  const closed = order.returnedOn !== null || order.supplierResponse?.answer === 'refused-out-of-stock';

  return (
    <article
      className="card order"
      data-testid={`order-${order.id}`}
      aria-label={t('wheelchairs.order.title', { date: formatDate(order.orderDate) })}
    >
      <header className="verdict__header">
        <h3>
          {t('wheelchairs.order.title', { date: formatDate(order.orderDate) })}: {typeName(order.wheelchairType)}
        </h3>
        {state.ok ? <span className={`stage stage--${state.value.stage}`}>{t(`wheelchairs.order.stage.${state.value.stage}`)}</span> : null}
      </header>
      <dl className="facts">
        <dt>{t('wheelchairs.order.supplier')}</dt>
        <dd>{order.supplier}</dd>
        <dt>{t('wheelchairs.order.receiptMode')}</dt>
        <dd>{t(`wheelchairs.order.receipt.${order.receiptMode}`)}</dd>
        <dt>{t('wheelchairs.order.programme')}</dt>
        <dd>{programme ? programme.number : t('common.none')}</dd>
        <dt>{t('wheelchairs.order.responseDue')}</dt>
        <dd>
          <strong>{formatDate(order.responseDue)}</strong>
          {state.ok && state.value.responseDaysLeft !== null ? (
            <span className={`badge ${state.value.responseOverdue ? 'warning' : ''}`}>
              {state.value.responseOverdue
                ? t('wheelchairs.order.overdue')
                : t('wheelchairs.order.daysLeft', { count: state.value.responseDaysLeft })}
            </span>
          ) : null}
          <div className="citation">
            {t('wheelchairs.order.termRule', { days: file.ruleSet.wheelchairs.supplierResponse.workingDays })}{' '}
            {cite(file.ruleSet.wheelchairs.supplierResponse.citation)}
          </div>
        </dd>
        <dt>{t('wheelchairs.order.answer')}</dt>
        <dd>
          {order.supplierResponse
            ? `${t(`wheelchairs.order.answers.${order.supplierResponse.answer}`)}, ${formatDate(order.supplierResponse.date)}`
            : t('wheelchairs.order.noAnswer')}
        </dd>
        <dt>{t('wheelchairs.order.handOver')}</dt>
        <dd>{order.handOverDate ? formatDate(order.handOverDate) : t('common.none')}</dd>
        {order.events.length > 0 ? (
          <>
            <dt>{t('wheelchairs.order.events')}</dt>
            <dd>
              <ul className="plain">
                {order.events.map((e, i) => (
                  <li key={i}>
                    {formatDate(e.date)}: {t(`wheelchairs.event.${e.kind}`)}
                    {e.note ? ` (${e.note})` : ''} <span className="muted">— {e.recordedBy}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {order.returnedOn ? (
          <>
            <dt>{t('wheelchairs.order.returnedOn')}</dt>
            <dd>{formatDate(order.returnedOn)}</dd>
          </>
        ) : null}
      </dl>
      {!state.ok ? (
        <Notice kind="warning">
          {state.error.code === 'year-not-covered'
            ? t('wheelchairs.errors.write.calendarYear', { year: state.error.year })
            : t('validation.date')}
        </Notice>
      ) : null}
      {state.ok && state.value.returnReasons.length > 0 ? (
        <div className="notice notice--warning" role="alert" data-testid="return-proposed">
          <strong>{t('wheelchairs.order.returnProposed')}</strong>{' '}
          {state.value.returnReasons
            .map(
              (r) =>
                `${t(`wheelchairs.event.${r.kind}`)} (${formatDate(r.date)}${r.derived ? `, ${t('wheelchairs.order.fromProgramme')}` : ''})`,
            )
            .join('; ')}
          <div className="citation">{cite(state.value.returnCitation)}</div>
        </div>
      ) : null}
      {!closed ? <OrderActions order={order} returnProposed={state.ok && state.value.returnReasons.length > 0} /> : null}
    </article>
  );
}

function InlineForm({ label, onSubmit, children }: { label: string; onSubmit(): void; children: ReactNode }) {
  return (
    <form
      className="inline-form"
      aria-label={label}
      noValidate
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
    </form>
  );
}

function OrderActions({ order, returnProposed }: { order: WheelchairOrder; returnProposed: boolean }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const w = useWrite();
  const [answer, setAnswer] = useState<SupplierAnswer>('accepted');
  const [answerDate, setAnswerDate] = useState(todayIso());
  const [handOver, setHandOver] = useState(todayIso());
  const [eventKind, setEventKind] = useState<ReturnEventKind>('recipient-left');
  const [eventDate, setEventDate] = useState(todayIso());
  const [eventNote, setEventNote] = useState('');
  const [returnDate, setReturnDate] = useState(todayIso());
  if (!ctx) return null;

  return (
    <div className="order-actions">
      {w.notice}
      {order.supplierResponse === null ? (
        <InlineForm
          label={t('wheelchairs.order.recordAnswer')}
          onSubmit={() =>
            void w.run(() => recordSupplierAnswer(db, ctx, order.id, { answer, date: answerDate }), t('wheelchairs.order.answerSaved'))
          }
        >
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
            {(p) => <input {...p} type="date" name="answerDate" value={answerDate} onChange={(e) => setAnswerDate(e.target.value)} />}
          </Field>
          <button type="submit" disabled={w.busy}>
            {t('wheelchairs.order.recordAnswer')}
          </button>
        </InlineForm>
      ) : null}
      {order.supplierResponse?.answer === 'accepted' && order.handOverDate === null && !returnProposed ? (
        <InlineForm
          label={t('wheelchairs.order.recordHandOver')}
          onSubmit={() => void w.run(() => recordHandOver(db, ctx, order.id, handOver), t('wheelchairs.order.handOverSaved'))}
        >
          <Field label={t('wheelchairs.order.handOver')} error={w.errors.date}>
            {(p) => <input {...p} type="date" name="handOverDate" value={handOver} onChange={(e) => setHandOver(e.target.value)} />}
          </Field>
          <button type="submit" disabled={w.busy}>
            {t('wheelchairs.order.recordHandOver')}
          </button>
        </InlineForm>
      ) : null}
      {order.handOverDate === null ? (
        <InlineForm
          label={t('wheelchairs.order.recordEvent')}
          onSubmit={() =>
            void w
              .run(
                () => recordOrderEvent(db, ctx, order.id, { kind: eventKind, date: eventDate, note: eventNote }),
                t('wheelchairs.order.eventSaved'),
              )
              .then((done) => done && setEventNote(''))
          }
        >
          <Field label={t('wheelchairs.order.eventKind')}>
            {(p) => (
              <select {...p} name="eventKind" value={eventKind} onChange={(e) => setEventKind(e.target.value as ReturnEventKind)}>
                {RETURN_EVENTS.map((k) => (
                  <option key={k} value={k}>
                    {t(`wheelchairs.event.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('wheelchairs.order.eventDate')} error={w.errors.date}>
            {(p) => <input {...p} type="date" name="eventDate" value={eventDate} onChange={(e) => setEventDate(e.target.value)} />}
          </Field>
          <Field label={t('wheelchairs.order.eventNote')} error={w.errors.note}>
            {(p) => <input {...p} name="eventNote" value={eventNote} onChange={(e) => setEventNote(e.target.value)} />}
          </Field>
          <button type="submit" disabled={w.busy}>
            {t('wheelchairs.order.recordEvent')}
          </button>
        </InlineForm>
      ) : null}
      {returnProposed ? (
        <InlineForm
          label={t('wheelchairs.order.recordReturn')}
          onSubmit={() => {
            // A return closes the order for good: ask first.
            if (!window.confirm(t('wheelchairs.order.confirmReturn', { date: formatDate(returnDate) }))) return;
            void w.run(() => recordReturn(db, ctx, order.id, returnDate), t('wheelchairs.order.returnSaved'));
          }}
        >
          <Field label={t('wheelchairs.order.returnDate')} error={w.errors.date}>
            {(p) => <input {...p} type="date" name="returnDate" value={returnDate} onChange={(e) => setReturnDate(e.target.value)} />}
          </Field>
          <button type="submit" className="primary" disabled={w.busy}>
            {t('wheelchairs.order.recordReturn')}
          </button>
        </InlineForm>
      ) : null}
    </div>
  );
}

function OrderForm({ file }: { file: CaseFile }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const ctx = useWriteContext();
  const w = useWrite();
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
        void w
          .run(
            () =>
              addOrder(db, ctx, file.kase.id, {
                programmeId,
                checkId: latest?.id ?? null,
                wheelchairType: type,
                orderDate,
                supplier,
                receiptMode: receiptMode as ReceiptMode,
              }),
            t('wheelchairs.order.saved'),
          )
          .then((done) => {
            if (done) {
              setSupplier('');
              setReceiptMode('');
            }
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
        {(p) => <input {...p} type="date" name="orderDate" value={orderDate} onChange={(e) => setOrderDate(e.target.value)} />}
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
