import type { SectionProps } from '../../core/router';
import { EntryPage, RecordHistoryPage } from './EntryPage';
import { TrailPage } from './TrailPage';
import './audit.css';

export { RecordHistory } from './RecordHistory';
export { useAuditHeadFile } from './headFile';

/**
 * `#/audit` the trail with its filters (`?officer=&action=&table=&recordId=&from=&to=`) and the
 * "verify audit trail" action; `#/audit/entry/<seq>` one entry; `#/audit/record/<table>/<id>` the
 * history of one record.
 */
export function AuditSection({ path, query }: SectionProps) {
  const [first, second, third] = path;
  if (first === 'entry' && second !== undefined && Number.isFinite(Number(second))) return <EntryPage key={second} seq={Number(second)} />;
  if (first === 'record' && second && third) return <RecordHistoryPage key={`${second}/${third}`} table={second} recordId={third} />;
  return <TrailPage key={JSON.stringify(query)} query={query} />;
}
