import { useTranslation } from 'react-i18next';
import type { SectionProps } from '../../core/router';
import { Notice } from '../../ui/Notice';
import { ConflictPage, ConflictsPage } from './ConflictsPage';
import { ExportPage } from './ExportPage';
import { HistoryPage } from './HistoryPage';
import { HomePage } from './HomePage';
import { ImportPage } from './ImportPage';
import { OfficesPage } from './OfficesPage';
import './bundles.css';

export { openBundleFromBytes } from './pendingBundle';
export { exportEverything, type Exporter } from './exportBundle';
export { exportPhase } from './exportJob';
export { knownOfficesForDecoding } from './repository';
// What the backup feature builds on: the import pipeline, the worker and the shared progress display.
export { prepareImport, type ImportSession } from './importBundle';
export { RESTORE_PERMISSION, applyRestore, type RestoreError, type RestoreReport } from './restoreApply';
export type { ImportSummary } from './importJob';
export { JobCancelled, decodeInWorker, exportInWorker, importSession } from './workerClient';
export { PassphraseAsk, PreviewTable } from './PreviewParts';
export { ProgressBar, formatDateTime, recordLabel, tableName, trackProgress, useLabelNames, type Progress } from './common';

/**
 * Routes: `#/bundles` (start), `#/bundles/export?caseId=…`, `#/bundles/case/<caseId>` (that case's
 * bundle), `#/bundles/import`, `#/bundles/conflicts`, `#/bundles/conflicts/<id>`, `#/bundles/history`,
 * `#/bundles/offices` (known offices).
 */
export function BundlesSection({ path, query }: SectionProps) {
  const { t } = useTranslation();
  const [head, id] = path;
  if (head === undefined) return <HomePage />;
  if (head === 'export') return <ExportPage key={query['caseId'] ?? ''} initialCaseId={query['caseId']} />;
  if (head === 'case' && id) return <ExportPage key={id} initialCaseId={id} />;
  if (head === 'import') return <ImportPage />;
  if (head === 'conflicts') return id ? <ConflictPage key={id} id={id} /> : <ConflictsPage />;
  if (head === 'history') return <HistoryPage />;
  if (head === 'offices') return <OfficesPage />;
  return <Notice kind="warning">{t('bundles.notFound')}</Notice>;
}
