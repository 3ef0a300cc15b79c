import { useTranslation } from 'react-i18next';
import { DEFAULT_STAGE_CATALOG } from '@shared/stages';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { Citation } from '../../ui/Citation';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { useLocalized } from '../../ui/useLocalized';
import { localDateTime } from './exports';
import { recordStages, type StageSubjectRecord } from './repository';

export type StageLogProps = StageSubjectRecord;

/**
 * The dated stage log of one service application, intake or complaint (issue 17 point 1), derived from
 * what was recorded on it (shared/stages): place it on the record's page.
 */
export function StageLog({ subject, id }: StageLogProps) {
  const { t } = useTranslation();
  const { db } = useServices();
  const loc = useLocalized();
  const stages = useLiveData(() => recordStages(db, { subject, id }, DEFAULT_STAGE_CATALOG), [db, subject, id]);
  const name = (stageId: string) => {
    const s = DEFAULT_STAGE_CATALOG.stages.find((x) => x.id === stageId);
    return s ? loc(s.nameKk, s.nameRu) : stageId;
  };
  return (
    <section className="card stage-log" aria-labelledby={`stage-log-${id}`} data-testid="stage-log">
      <h2 id={`stage-log-${id}`}>{t('reports.stageLog.title')}</h2>
      {stages.status === 'error' ? <Notice kind="error">{stages.error}</Notice> : null}
      {stages.status === 'loading' ? <p>{t('reports.loading')}</p> : null}
      {stages.status === 'done' && stages.value === null ? <Notice kind="warning">{t('reports.stageLog.notFound')}</Notice> : null}
      {stages.status === 'done' && stages.value?.length === 0 ? <p>{t('reports.stageLog.empty')}</p> : null}
      {stages.status === 'done' && stages.value && stages.value.length > 0 ? (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">{t('reports.stageLog.date')}</th>
              <th scope="col">{t('reports.stageLog.stage')}</th>
              <th scope="col">{t('reports.stageLog.by')}</th>
              <th scope="col">{t('reports.stageLog.at')}</th>
              <th scope="col">{t('reports.stageLog.clause')}</th>
            </tr>
          </thead>
          <tbody>
            {stages.value.map((s) => (
              <tr key={`${s.stageId}-${s.at}`} data-stage={s.stageId}>
                <td>{formatDate(s.date)}</td>
                <td>{name(s.stageId)}</td>
                <td>{s.by}</td>
                <td>{`${formatDate(s.at)} ${localDateTime(s.at).slice(11, 16)}`}</td>
                <td>
                  {s.citations.map((c) => (
                    <div key={`${c.seed}-${c.lines}`}>
                      <Citation citation={c} quote={false} />
                    </div>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
