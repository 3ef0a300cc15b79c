import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIGURE_IDS, monthPeriod, type FigureId, type Period } from '@shared/reports';
import { ok, type Result } from '@shared/result';
import { DEFAULT_STAGE_CATALOG } from '@shared/stages';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { useSubmit } from '../../core/useSubmit';
import { currentLanguage } from '../../i18n';
import { formatDate, todayIso } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { PrintPreview } from '../../ui/print/PrintPreview';
import { useLocalized } from '../../ui/useLocalized';
import { FigureList } from './FigureList';
import { FigureTable } from './FigureTable';
import { PeriodPicker } from './PeriodPicker';
import { DeferredReportCharts, ReportCharts } from './ReportCharts';
import {
  exportDisclosure,
  localDateTime,
  monitoringCsvFile,
  monitoringXlsx,
  printDisclosure,
  recordReportExport,
  reportXlsx,
} from './exports';
import { iinsOf } from './repository';
import { reportJob } from './reportWorker';
import { useReport, type ReportView } from './useReport';

type ExportKind = 'report-xlsx' | 'monitoring-xlsx' | 'monitoring-csv';
type Saved = { fileName: string; rows: number } | null;

function initialPeriod(): Period {
  const today = todayIso();
  return monthPeriod(Number(today.slice(0, 4)), Number(today.slice(5, 7)));
}

/** `#/reports`: period reports with drill-down, charts, A4 print, XLSX and the monitoring export (issue 17). */
export function ReportsPage() {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const loc = useLocalized();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const [period, setPeriod] = useState<Period>(initialPeriod);
  const [open, setOpen] = useState<{ figure: FigureId; officeId: string | null } | null>(null);
  const [printing, setPrinting] = useState(false);
  const [saved, setSaved] = useState<{ fileName: string; rows: number } | null>(null);
  const state = useReport(period);

  const serviceName = (id: string, lang: 'kk' | 'ru') => {
    for (const rs of ruleSets) {
      const s = rs.services.find((x) => x.id === id);
      if (s) return lang === 'kk' ? s.nameKk : s.nameRu;
    }
    return id;
  };

  async function exportFile(kind: ExportKind, view: ReportView): Promise<Result<Saved, never>> {
    const lang = currentLanguage();
    // The stage records are read only for the monitoring export, in the reports worker.
    const stages = kind === 'report-xlsx' ? [] : await reportJob(db, 'stages', { period: view.report.period });
    let file: { data: Uint8Array<ArrayBuffer>; rows: number };
    if (kind === 'report-xlsx') file = { data: await reportXlsx(view.report, view.codeOf, lang), rows: FIGURE_IDS.length };
    else {
      const iins = await iinsOf(
        db,
        stages.map((s) => s.personId),
      );
      const lookups = {
        catalog: DEFAULT_STAGE_CATALOG,
        iinOf: (id: string) => iins.get(id) ?? '',
        officeCodeOf: view.codeOf,
        serviceName,
        localDateTime,
      };
      file = kind === 'monitoring-xlsx' ? await monitoringXlsx(stages, lookups, lang) : monitoringCsvFile(stages, lookups, lang);
    }
    const ext = kind === 'monitoring-csv' ? 'csv' : 'xlsx';
    const base = kind === 'report-xlsx' ? 'report' : 'monitoring';
    const name = `${office?.officeCode ?? 'qamqor'}-${base}-${period.from}-${period.to}.${ext}`;
    const result = await platform.saveFile({
      suggestedName: name,
      filters: [{ name: ext.toUpperCase(), extensions: [ext] }],
      data: file.data,
    });
    if (!result.ok) {
      if (result.error.code === 'cancelled') return ok(null);
      throw new Error(t(`platform.${result.error.code}`));
    }
    const recordIds = kind === 'report-xlsx' ? [] : [...new Set(stages.map((s) => s.recordId))];
    if (ctx) await recordReportExport(db, ctx, exportDisclosure(kind, period, file.rows, recordIds));
    return ok({ fileName: result.value.fileName, rows: file.rows });
  }

  const save = useSubmit(exportFile, { onOk: (v) => setSaved(v) });
  const view = state.status === 'done' ? state.value : null;
  const officeLabel = office ? `${office.officeName} (${office.officeCode})` : '';

  return (
    <section aria-labelledby="reports-title" className="reports">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <PeriodPicker
        initial={period}
        onChange={(p) => {
          setOpen(null);
          setPeriod(p);
        }}
      />
      {state.status === 'error' ? <Notice kind="error">{state.error}</Notice> : null}
      {state.status === 'loading' ? <p>{t('reports.loading')}</p> : null}
      {view ? (
        <>
          <p data-testid="report-period">
            {t('reports.periodShown', { from: formatDate(period.from), to: formatDate(period.to), asOf: formatDate(view.report.asOf) })}
          </p>
          <div className="actions">
            <button type="button" onClick={() => setPrinting(true)}>
              {t('reports.actions.print')}
            </button>
            {(['report-xlsx', 'monitoring-xlsx', 'monitoring-csv'] as const).map((kind) => (
              <button key={kind} type="button" disabled={save.busy} data-testid={`export-${kind}`} onClick={() => save.run(kind, view)}>
                {t(`reports.actions.${kind === 'report-xlsx' ? 'xlsx' : kind === 'monitoring-xlsx' ? 'monitoringXlsx' : 'monitoringCsv'}`)}
              </button>
            ))}
          </div>
          {save.failure ? <Notice kind="error">{save.failure}</Notice> : null}
          {saved ? <Notice kind="success">{t('reports.actions.exported', { file: saved.fileName, count: saved.rows })}</Notice> : null}
          {view.report.problems.length > 0 ? (
            <Notice kind="warning">{t('reports.problems', { count: view.report.problems.length })}</Notice>
          ) : null}
          {open ? (
            <FigureList
              figure={open.figure}
              ids={
                open.officeId === null
                  ? view.report.total[open.figure]
                  : (view.report.offices.find((o) => o.officeId === open.officeId)?.figures[open.figure] ?? [])
              }
              onClose={() => setOpen(null)}
            />
          ) : null}
          <FigureTable report={view.report} codeOf={view.codeOf} onOpen={(figure, officeId) => setOpen({ figure, officeId })} />
          <h2>{t('reports.charts.title')}</h2>
          <DeferredReportCharts series={view.series} stageCounts={view.stageCounts} />
          {printing ? (
            <PrintPreview
              title={t('reports.print.title')}
              suggestedName={`${office?.officeCode ?? 'qamqor'}-report-${period.from}-${period.to}.pdf`}
              onClose={() => setPrinting(false)}
              disclosure={printDisclosure(period)}
            >
              <div className="report-print" lang={loc('kk', 'ru')}>
                <h1>{t('reports.print.heading', { office: officeLabel, from: formatDate(period.from), to: formatDate(period.to) })}</h1>
                <p>{t('reports.print.asOf', { date: formatDate(view.report.asOf) })}</p>
                <FigureTable report={view.report} codeOf={view.codeOf} />
                <ReportCharts series={view.series} stageCounts={view.stageCounts} />
              </div>
            </PrintPreview>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
