import { memo, startTransition, useDeferredValue, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonthPoint } from '@shared/reports';
import { DEFAULT_STAGE_CATALOG } from '@shared/stages';
import { useLocalized } from '../../ui/useLocalized';

export interface ReportChartsProps {
  series: readonly MonthPoint[];
  stageCounts: readonly { stageId: string; count: number }[];
  /** Draw only the first `drawn` charts (the others show their table and a placeholder); all when absent. */
  drawn?: number;
}

/** Fixed size so that the charts render the same on screen and on an A4 page (no resize observer). */
const W = 640;
const H = 240;
const monthLabel = (m: string): string => `${m.slice(5, 7)}.${m.slice(0, 4)}`;

function ChartBlock({ id, title, chart, table }: { id: string; title: string; chart: ReactNode | null; table: ReactNode }) {
  return (
    <figure className="report-chart" data-testid={`chart-${id}`}>
      <figcaption>{title}</figcaption>
      {/* The drawing is decoration for screen readers: the table below carries the same numbers. `inert`
          takes the chart's own focusable surface out of the Tab order too (axe: aria-hidden-focus). */}
      <div aria-hidden="true" inert>
        {chart}
      </div>
      {table}
    </figure>
  );
}

/**
 * The report charts (issue 17 point 4), each with a table alternative: complaints received vs decided
 * per month, share decided on time, overdue trend, services by stage.
 */
export function ReportCharts({ series, stageCounts, drawn }: ReportChartsProps) {
  const draw = (i: number): boolean => drawn === undefined || i < drawn;
  const { t } = useTranslation();
  const loc = useLocalized();
  const data = series.map((p) => ({ ...p, label: monthLabel(p.month) }));
  const stageName = (id: string) => {
    const s = DEFAULT_STAGE_CATALOG.stages.find((x) => x.id === id);
    return s ? loc(s.nameKk, s.nameRu) : id;
  };
  const stages = stageCounts.map((s) => ({ ...s, name: stageName(s.stageId) }));
  const monthTable = (chart: string, cols: { key: keyof MonthPoint; label: string }[]) => (
    <table className="grid report-chart__table">
      <caption className="reports-sr-only">{t('reports.charts.tableCaption', { chart })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('reports.charts.month')}</th>
          {cols.map((c) => (
            <th key={c.key} scope="col">
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.map((p) => (
          <tr key={p.month}>
            <th scope="row">{p.label}</th>
            {cols.map((c) => (
              <td key={c.key}>{p[c.key] ?? t('reports.charts.none')}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section className="report-charts" aria-label={t('reports.charts.title')}>
      <ChartBlock
        id="received-decided"
        title={t('reports.charts.receivedVsDecided')}
        chart={
          draw(0) ? (
            <BarChart width={W} height={H} data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar dataKey="received" name={t('reports.charts.received')} fill="#2f6f9f" isAnimationActive={false} />
              <Bar dataKey="decided" name={t('reports.charts.decided')} fill="#6aa84f" isAnimationActive={false} />
            </BarChart>
          ) : null
        }
        table={monthTable(t('reports.charts.receivedVsDecided'), [
          { key: 'received', label: t('reports.charts.received') },
          { key: 'decided', label: t('reports.charts.decided') },
        ])}
      />
      <ChartBlock
        id="on-time"
        title={t('reports.charts.onTime')}
        chart={
          draw(1) ? (
            <LineChart width={W} height={H} data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis domain={[0, 100]} />
              <Tooltip />
              <Line
                dataKey="onTimePercent"
                name={t('reports.charts.onTimePercent')}
                stroke="#2f6f9f"
                connectNulls
                isAnimationActive={false}
              />
            </LineChart>
          ) : null
        }
        table={monthTable(t('reports.charts.onTime'), [{ key: 'onTimePercent', label: t('reports.charts.onTimePercent') }])}
      />
      <ChartBlock
        id="overdue"
        title={t('reports.charts.overdueTrend')}
        chart={
          draw(2) ? (
            <LineChart width={W} height={H} data={data}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="label" />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Line dataKey="overdueAtEnd" name={t('reports.charts.overdue')} stroke="#b45309" isAnimationActive={false} />
            </LineChart>
          ) : null
        }
        table={monthTable(t('reports.charts.overdueTrend'), [{ key: 'overdueAtEnd', label: t('reports.charts.overdue') }])}
      />
      <ChartBlock
        id="stages"
        title={t('reports.charts.byStage')}
        chart={
          draw(3) ? (
            <BarChart width={W} height={Math.max(H, stages.length * 28)} data={stages} layout="vertical" margin={{ left: 160 }}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" allowDecimals={false} />
              <YAxis type="category" dataKey="name" width={200} />
              <Tooltip />
              <Bar dataKey="count" name={t('reports.charts.count')} fill="#2f6f9f" isAnimationActive={false} />
            </BarChart>
          ) : null
        }
        table={
          <table className="grid report-chart__table">
            <caption className="reports-sr-only">{t('reports.charts.tableCaption', { chart: t('reports.charts.byStage') })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.charts.stage')}</th>
                <th scope="col">{t('reports.charts.count')}</th>
              </tr>
            </thead>
            <tbody>
              {stages.map((s) => (
                <tr key={s.stageId}>
                  <th scope="row">{s.name}</th>
                  <td>{s.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  );
}

const NO_POINTS: readonly MonthPoint[] = [];
const NO_STAGES: ReportChartsProps['stageCounts'] = [];
const MemoCharts = memo(ReportCharts);
const CHART_COUNT = 4;

/**
 * The charts on screen, drawn after the figures (issue 17 point 7): React renders them in a background
 * transition that yields to the browser, so a new report's figures show at once and the window stays
 * responsive while the charts are laid out, one chart per task (the tables carry the numbers at once);
 * they are drawn again only when their data changed.
 */
export function DeferredReportCharts({ series, stageCounts }: ReportChartsProps) {
  const deferredSeries = useDeferredValue(series, NO_POINTS);
  const deferredStages = useDeferredValue(stageCounts, NO_STAGES);
  // One chart per task: the chart library lays a chart out in one go, four at once would hold the window.
  const [drawn, setDrawn] = useState({ series: deferredSeries, stages: deferredStages, count: 0 });
  const current = drawn.series === deferredSeries && drawn.stages === deferredStages;
  const count = current ? drawn.count : 0;
  useEffect(() => {
    if (count >= CHART_COUNT) return;
    const timer = setTimeout(
      () => startTransition(() => setDrawn({ series: deferredSeries, stages: deferredStages, count: count + 1 })),
      0,
    );
    return () => clearTimeout(timer);
  }, [count, deferredSeries, deferredStages]);
  return <MemoCharts series={deferredSeries} stageCounts={deferredStages} drawn={count} />;
}
