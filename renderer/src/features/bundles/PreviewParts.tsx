/**
 * The parts the import preview and the restore preview share (issue 15 D2: the two screens had their
 * own copies of the same table and the same passphrase form): the passphrase asked before decoding, and
 * the per-table summary of what applying would do, from the small
 * summary the bundle worker sends (importJob.ts), never from the decoded bundle.
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../ui/Notice';
import { IMPORT_CATEGORIES, type ImportCategory } from '@shared/bundle/specs';
import { tableName } from './common';
import type { ImportSummary } from './importJob';

/** Categories shown in the summary even when empty; the others only when something is in them. */
const ALWAYS_SHOWN: readonly ImportCategory[] = ['new', 'update', 'unchanged', 'conflict'];

export function PreviewTable({
  summary,
  caption,
  testId,
  totalTestId,
}: {
  summary: ImportSummary;
  caption: string;
  /** `bundle-summary` on the import page, `restore-summary` on the backup panel. */
  testId: string;
  totalTestId: (category: ImportCategory | 'rejected') => string;
}) {
  const { t, i18n } = useTranslation();
  const exists = (k: string) => i18n.exists(k);
  const rejectedByTable = new Map<string, number>();
  for (const r of summary.rejected) rejectedByTable.set(r.table, (rejectedByTable.get(r.table) ?? 0) + 1);
  const tables = [...new Set([...Object.keys(summary.countsByTable), ...rejectedByTable.keys()])];
  const columns = IMPORT_CATEGORIES.filter((c) => ALWAYS_SHOWN.includes(c) || summary.counts[c] > 0);
  return (
    <table className="grid compact bundle-summary" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('bundles.import.table')}</th>
          {columns.map((c) => (
            <th scope="col" key={c} className={`cat cat--${c}`}>
              {t(`bundles.categories.${c}`)}
            </th>
          ))}
          <th scope="col" className="cat cat--rejected">
            {t('bundles.categories.rejected')}
          </th>
        </tr>
      </thead>
      <tbody>
        {tables.map((table) => (
          <tr key={table} data-table={table}>
            <th scope="row">{tableName(t, exists, table)}</th>
            {columns.map((c) => (
              <td key={c} data-category={c}>
                {summary.countsByTable[table]?.[c] ?? 0}
              </td>
            ))}
            <td data-category="rejected">{rejectedByTable.get(table) ?? 0}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('bundles.import.total')}</th>
          {columns.map((c) => (
            <td key={c} data-category={c} data-testid={totalTestId(c)}>
              {summary.counts[c]}
            </td>
          ))}
          <td data-category="rejected" data-testid={totalTestId('rejected')}>
            {summary.rejectedCount}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** The words of a passphrase form: the import page's or the restore flow's (kk/ru keys of each). */
export interface PassphraseWords {
  /** The form's accessible name (its title). */
  title: string;
  heading?: ReactNode;
  text: string;
  wrong: string;
  label: string;
  unlock: string;
}

/** Asks for a file's passphrase before it is decoded; nothing is decoded with an empty one. */
export function PassphraseAsk({
  words,
  wrong,
  inputId,
  className,
  onSubmit,
  onCancel,
}: {
  words: PassphraseWords;
  wrong: boolean;
  /** A stable id for the field (the import page's `bundle-passphrase`); a generated one otherwise. */
  inputId?: string;
  className?: string;
  onSubmit: (passphrase: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const generated = useId();
  const id = inputId ?? generated;
  const [value, setValue] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    if (value !== '') onSubmit(value);
  }
  return (
    <form className={className} onSubmit={submit} aria-label={words.title}>
      {words.heading}
      <p>{words.text}</p>
      {wrong ? <Notice kind="error">{words.wrong}</Notice> : null}
      <div className="inline-form">
        <label htmlFor={id}>{words.label}</label>
        <input id={id} type="password" autoComplete="off" value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
        <button type="submit" className="primary" disabled={value === ''}>
          {words.unlock}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
