import { useTranslation } from 'react-i18next';
import { FIGURE_CITATIONS, FIGURE_GROUPS, FIGURE_IDS, type FigureGroup, type FigureId, type PeriodReport } from '@shared/reports';
import { Citation } from '../../ui/Citation';

interface Props {
  report: PeriodReport;
  codeOf(officeId: string): string;
  /** Opens the records behind a figure; absent in print, where the counts are plain text. */
  onOpen?(figure: FigureId, officeId: string | null): void;
}

const idsOf = (group: FigureGroup): FigureId[] => FIGURE_IDS.filter((id) => id.startsWith(`${group}.`));

/** One table per group: a row per figure with its clause, the total and one column per office (the regional case). */
export function FigureTable({ report, codeOf, onOpen }: Props) {
  const { t } = useTranslation();
  const several = report.offices.length > 1;
  const cell = (id: FigureId, ids: readonly string[], officeId: string | null) =>
    onOpen && ids.length > 0 ? (
      <button
        type="button"
        className="link"
        data-testid={`figure-${id}${officeId ? `-${codeOf(officeId)}` : ''}`}
        onClick={() => onOpen(id, officeId)}
      >
        {ids.length}
      </button>
    ) : (
      <span data-testid={onOpen ? `figure-${id}${officeId ? `-${codeOf(officeId)}` : ''}` : undefined}>{ids.length}</span>
    );
  return (
    <>
      {FIGURE_GROUPS.map((group) => (
        <table key={group} className="grid report-figures" data-testid={`report-${group}`}>
          <caption>{t(`reports.groups.${group}`)}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.figure')}</th>
              <th scope="col">{t('reports.term')}</th>
              {several
                ? report.offices.map((o) => (
                    <th key={o.officeId} scope="col">
                      {t('reports.office', { code: codeOf(o.officeId) })}
                    </th>
                  ))
                : null}
              <th scope="col">{t('reports.total')}</th>
            </tr>
          </thead>
          <tbody>
            {idsOf(group).map((id) => (
              <tr key={id}>
                <th scope="row">{t(`reports.figures.${id}`)}</th>
                <td className="report-clause">
                  {(FIGURE_CITATIONS[id] ?? []).map((c) => (
                    <div key={`${c.seed}-${c.lines}`}>
                      <Citation citation={c} quote={false} />
                    </div>
                  ))}
                </td>
                {several ? report.offices.map((o) => <td key={o.officeId}>{cell(id, o.figures[id], o.officeId)}</td>) : null}
                <td>{cell(id, report.total[id], null)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
