import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/Notice';
import { NewOrderForm } from './NewOrderForm';
import { OrderCard } from './OrderCard';
import type { CaseFile } from './repository';

/** The case's orders on the Portal (para 28 of the Rules on special means of movement), and a new one. */
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
          <NewOrderForm file={file} />
        </details>
      )}
    </section>
  );
}
