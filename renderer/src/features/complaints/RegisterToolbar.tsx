import type { VisibilityState } from '@tanstack/react-table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '@shared/complaints';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { currentLanguage } from '../../i18n';
import { describeError } from '../../ui/errors';
import { Notice } from '../../ui/Notice';
import { PrintPreview } from '../../ui/print/PrintPreview';
import { Journal } from './prints';
import { COLUMN_LABELS } from './registerColumns';
import type { RegisterFilter, RegisterQuery, RegisterSort } from './registerQuery';
import { recordDisclosure } from '../../db/repositories/audit';
import { exportDisclosure, journalDisclosure } from './disclosures';
import { useDeadlineContext } from './useDeadlines';

interface RegisterToolbarProps {
  result: RegisterQuery | null;
  filter: RegisterFilter;
  sort: RegisterSort;
  columnIds: readonly string[];
  visibility: VisibilityState;
  onVisibilityChange(v: VisibilityState): void;
}

type Message = { kind: 'success' | 'error'; text: string };

/**
 * The count, the column chooser, the exports (XLSX, CSV) and the period journal. Every export and
 * every printed journal is written to the audit trail with the filter, the ids and the count (issue 19).
 */
export function RegisterToolbar({ result, filter, sort, columnIds, visibility, onVisibilityChange }: RegisterToolbarProps) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const { today } = useDeadlineContext();
  const [message, setMessage] = useState<Message | null>(null);
  const [journal, setJournal] = useState<Complaint[] | null>(null);
  const fail = (e: unknown) => setMessage({ kind: 'error', text: t('common.unexpected', { detail: describeError(e) }) });

  async function allMatching(): Promise<Complaint[]> {
    if (!result) return [];
    return result.page(0, result.counting ? await result.counting : result.total);
  }

  async function exportAs(kind: 'xlsx' | 'csv') {
    setMessage(null);
    const all = await allMatching();
    const lang = currentLanguage();
    const { toCsv, toXlsx } = await import('./exportRegister');
    const data = kind === 'xlsx' ? await toXlsx(all, lang) : toCsv(all, lang);
    const name = `${office?.officeCode ?? 'qamqor'}-complaints-${today}.${kind}`;
    const saved = await platform.saveFile({ suggestedName: name, filters: [{ name: kind.toUpperCase(), extensions: [kind] }], data });
    if (!saved.ok) {
      if (saved.error.code !== 'cancelled') setMessage({ kind: 'error', text: t(`platform.${saved.error.code}`) });
      return;
    }
    if (ctx) await recordDisclosure(db, ctx, exportDisclosure(kind, all, filter, sort));
    setMessage({ kind: 'success', text: t('complaints.exported', { file: saved.value.fileName, count: all.length }) });
  }

  async function openJournal() {
    const all = await allMatching();
    setJournal([...all].sort((a, b) => a.number.localeCompare(b.number)));
  }

  return (
    <>
      <div className="register-toolbar">
        <span data-testid="register-total">
          {t('complaints.total', { count: result?.counting ? `${result.total}+` : (result?.total ?? 0) })}
        </span>
        <details className="column-chooser">
          <summary>{t('complaints.columns')}</summary>
          {columnIds.map((id) => (
            <label key={id} className="checkbox">
              <input
                type="checkbox"
                checked={visibility[id] !== false}
                onChange={(e) => onVisibilityChange({ ...visibility, [id]: e.target.checked })}
              />
              {t(COLUMN_LABELS[id] ?? id)}
            </label>
          ))}
        </details>
        <button type="button" onClick={() => void exportAs('xlsx').catch(fail)}>
          {t('complaints.exportXlsx')}
        </button>
        <button type="button" onClick={() => void exportAs('csv').catch(fail)}>
          {t('complaints.exportCsv')}
        </button>
        <button type="button" onClick={() => void openJournal().catch(fail)}>
          {t('complaints.journal')}
        </button>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {journal && office ? (
        <PrintPreview
          title={t('complaints.journal')}
          suggestedName={`${office.officeCode}-journal-${today}.pdf`}
          onClose={() => setJournal(null)}
          disclosure={journalDisclosure(journal, filter, sort)}
        >
          <Journal complaints={journal} office={office} from={filter.from} to={filter.to} />
        </PrintPreview>
      ) : null}
    </>
  );
}
