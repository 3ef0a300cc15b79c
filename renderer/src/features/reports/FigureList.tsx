import { useTranslation } from 'react-i18next';
import { figureTable, type FigureId } from '@shared/reports';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { figureRecords } from './repository';

interface Props {
  figure: FigureId;
  ids: readonly string[];
  onClose(): void;
}

/** The records behind one figure, so a count can always be checked record by record. */
export function FigureList({ figure, ids, onClose }: Props) {
  const { t } = useTranslation();
  const { db } = useServices();
  const table = figureTable(figure);
  const rows = useLiveData(() => figureRecords(db, table, ids), [db, table, ids]);
  return (
    <section className="card" aria-labelledby="figure-list-title" data-testid="figure-list">
      <header className="page-header">
        <h2 id="figure-list-title">{t('reports.list.title', { figure: t(`reports.figures.${figure}`), count: ids.length })}</h2>
        <button type="button" onClick={onClose}>
          {t('reports.list.close')}
        </button>
      </header>
      {rows.status === 'error' ? <Notice kind="error">{rows.error}</Notice> : null}
      {rows.status === 'loading' ? <p>{t('reports.loading')}</p> : null}
      {rows.status === 'done' && rows.value.length === 0 ? <p>{t('reports.list.empty')}</p> : null}
      {rows.status === 'done' && rows.value.length > 0 ? (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t('reports.list.label')}</th>
              <th scope="col">{t('reports.list.date')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.value.map((r) => (
              <tr key={r.id}>
                <td>{r.label}</td>
                <td>{formatDate(r.date)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
