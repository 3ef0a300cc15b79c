import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { createWorkingCalendar } from '@shared/calendar';
import { orderState, type OrderState, type WheelchairOrder } from '@shared/wheelchair';
import { useAppStore } from '../../core/store';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useCite } from './cite';
import { useTypeName } from './CheckResultView';
import { OrderActions } from './OrderActions';
import type { CaseFile } from './repository';

/** One order as the officer follows it: the supplier's answer, the Portal contract, the hand-over, a return. */
export function OrderCard({ file, order }: { file: CaseFile; order: WheelchairOrder }) {
  const { t } = useTranslation();
  const calendarYears = useAppStore((s) => s.calendarYears);
  const typeName = useTypeName(file.ruleSet.wheelchairs);
  const programme = file.programmes.find((p) => p.id === order.programmeId) ?? null;
  const cal = useMemo(() => createWorkingCalendar(calendarYears), [calendarYears]);
  const state = orderState(file.ruleSet.wheelchairs, cal, order, programme, todayIso());
  const closed = order.returnedOn !== null || order.supplierResponse?.answer === 'refused-out-of-stock';
  const title = t('wheelchairs.order.title', { date: formatDate(order.orderDate) });

  return (
    <article className="card order" data-testid={`order-${order.id}`} aria-label={title}>
      <header className="verdict__header">
        <h3>
          {title}: {typeName(order.wheelchairType)}
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
        {state.ok ? <SupplierAnswerFacts file={file} order={order} state={state.value} /> : null}
        {state.ok ? <HandOverFacts order={order} state={state.value} /> : null}
        <OrderEvents order={order} />
      </dl>
      {!state.ok ? (
        <Notice kind="warning">
          {state.error.code === 'year-not-covered'
            ? t('wheelchairs.errors.write.calendarYear', { year: state.error.year })
            : t('validation.date')}
        </Notice>
      ) : null}
      {state.ok && state.value.returnReasons.length > 0 ? <ReturnProposal state={state.value} /> : null}
      {!closed ? <OrderActions order={order} returnProposed={state.ok && state.value.returnReasons.length > 0} /> : null}
    </article>
  );
}

/** The supplier's five working days (000 L673): the deadline while awaited, then the answer with its lateness mark. */
function SupplierAnswerFacts({ file, order, state }: { file: CaseFile; order: WheelchairOrder; state: OrderState }) {
  const { t } = useTranslation();
  const cite = useCite();
  const term = file.ruleSet.wheelchairs.supplierResponse;
  return (
    <>
      <dt>{t('wheelchairs.order.responseDue')}</dt>
      <dd>
        <strong>{formatDate(order.responseDue)}</strong>
        {state.responseDaysLeft !== null ? (
          <span className={`badge ${state.responseOverdue ? 'warning' : ''}`}>
            {state.responseOverdue ? t('wheelchairs.order.overdue') : t('wheelchairs.order.daysLeft', { count: state.responseDaysLeft })}
          </span>
        ) : null}
        <div className="citation">
          {t('wheelchairs.order.termRule', { days: term.workingDays })} {cite(term.citation)}
        </div>
      </dd>
      <dt>{t('wheelchairs.order.answer')}</dt>
      <dd data-testid="supplier-answer">
        {order.supplierResponse
          ? `${t(`wheelchairs.order.answers.${order.supplierResponse.answer}`)}, ${formatDate(order.supplierResponse.date)}`
          : t('wheelchairs.order.noAnswer')}
        {state.answerLateBy !== null ? (
          <span className={`badge ${state.answerLateBy > 0 ? 'warning' : ''}`} data-testid="answer-late">
            {state.answerLateBy > 0
              ? t('wheelchairs.order.answerLate', { count: state.answerLateBy })
              : t('wheelchairs.order.answerInTime')}
          </span>
        ) : null}
      </dd>
    </>
  );
}

/** The Portal contract and the hand-over measured against its deadline (000 L673, second sentence). */
function HandOverFacts({ order, state }: { order: WheelchairOrder; state: OrderState }) {
  const { t } = useTranslation();
  const cite = useCite();
  if (order.supplierResponse?.answer !== 'accepted') return null;
  const { contract, handOverDaysLeft, handOverLateBy } = state;
  let badge: { text: string; late: boolean } | null = null;
  if (order.handOverDate !== null && handOverLateBy !== null)
    badge =
      handOverLateBy > 0
        ? { text: t('wheelchairs.order.handOverLate', { count: handOverLateBy }), late: true }
        : { text: t('wheelchairs.order.handOverInTime'), late: false };
  else if (handOverLateBy !== null) badge = { text: t('wheelchairs.order.handOverOverdue', { count: handOverLateBy }), late: true };
  else if (handOverDaysLeft !== null) badge = { text: t('wheelchairs.order.handOverDaysLeft', { count: handOverDaysLeft }), late: false };
  return (
    <>
      <dt>{t('wheelchairs.order.contract')}</dt>
      <dd data-testid="order-contract">
        {contract
          ? t('wheelchairs.order.contractValue', { date: formatDate(contract.date), due: formatDate(contract.handOverDue) })
          : t('wheelchairs.order.noContract')}
        <div className="citation">
          {t('wheelchairs.order.handOverRule')} {cite(state.handOverCitation)}
        </div>
      </dd>
      <dt>{t('wheelchairs.order.handOver')}</dt>
      <dd data-testid="order-hand-over">
        {order.handOverDate ? formatDate(order.handOverDate) : t('common.none')}
        {badge ? (
          <span className={`badge ${badge.late ? 'warning' : ''}`} data-testid="hand-over-late">
            {badge.text}
          </span>
        ) : null}
      </dd>
    </>
  );
}

function OrderEvents({ order }: { order: WheelchairOrder }) {
  const { t } = useTranslation();
  return (
    <>
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
    </>
  );
}

/** Para 28 (000 L675): the service is subject to return; the reasons and their dates. */
function ReturnProposal({ state }: { state: OrderState }) {
  const { t } = useTranslation();
  const cite = useCite();
  return (
    <div className="notice notice--warning" role="alert" data-testid="return-proposed">
      <strong>{t('wheelchairs.order.returnProposed')}</strong>{' '}
      {state.returnReasons
        .map(
          (r) =>
            `${t(`wheelchairs.event.${r.kind}`)} (${formatDate(r.date)}${r.derived ? `, ${t('wheelchairs.order.fromProgramme')}` : ''})`,
        )
        .join('; ')}
      <div className="citation">{cite(state.returnCitation)}</div>
    </div>
  );
}
