import type { SortingState, VisibilityState } from '@tanstack/react-table';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPLAINT_STATUSES, type ComplaintStatus } from '@shared/complaints';
import { sectionHref } from '../../core/router';
import { useAppStore } from '../../core/store';
import { Notice } from '../../ui/Notice';
import { RegisterFilters } from './RegisterFilters';
import { RegisterTable } from './RegisterTable';
import { RegisterToolbar } from './RegisterToolbar';
import { REGISTER_COLUMN_IDS, registerColumns } from './registerColumns';
import { EMPTY_FILTER, REGISTER_FLAGS, SORTABLE, VOIDED_FILTERS, type RegisterFilter, type SortColumn } from './registerQuery';
import { OPEN_STATUSES } from './repository';
import { useDeadlineContext } from './useDeadlines';
import { useRegisterQuery } from './useRegisterQuery';

const COLUMNS_KEY = 'qamqor.complaints.columns';

function filterFromQuery(query: Record<string, string>, caseId: string | null): RegisterFilter {
  const flag = REGISTER_FLAGS.find((f) => f === query.flag) ?? null;
  const statuses: ComplaintStatus[] = query.status === 'open' ? OPEN_STATUSES : COMPLAINT_STATUSES.filter((s) => s === query.status);
  const voided = VOIDED_FILTERS.find((v) => v === query.voided) ?? 'all';
  return { ...EMPTY_FILTER, flag, statuses, caseId, voided };
}

function loadColumns(): VisibilityState {
  try {
    const raw = localStorage.getItem(COLUMNS_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    if (typeof parsed !== 'object' || parsed === null) return {};
    return Object.fromEntries(Object.entries(parsed).filter((e): e is [string, boolean] => typeof e[1] === 'boolean'));
  } catch {
    return {};
  }
}

/**
 * The complaint register: filters and sorting run through indexes (registerQuery.ts) and rows are
 * fetched a page at a time as the officer scrolls; it reads again when a complaint is written.
 */
export function RegisterPage({ query, caseId }: { query: Record<string, string>; caseId: string | null }) {
  const { t } = useTranslation();
  const ruleSets = useAppStore((s) => s.ruleSets);
  const deadlines = useDeadlineContext();
  const [filter, setFilter] = useState<RegisterFilter>(() => filterFromQuery(query, caseId));
  const [sorting, setSorting] = useState<SortingState>([{ id: 'registrationDate', desc: true }]);
  const [visibility, setVisibility] = useState<VisibilityState>(loadColumns);
  useEffect(() => {
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(visibility));
  }, [visibility]);

  const sort = sorting[0];
  const sortColumn: SortColumn = SORTABLE.find((c) => c === sort?.id) ?? 'registrationDate';
  const desc = sort?.desc ?? true;
  const register = useRegisterQuery(filter, sortColumn, desc);
  const columns = useMemo(() => registerColumns(t, ruleSets, deadlines), [t, ruleSets, deadlines]);
  const unfiltered = JSON.stringify(filter) === JSON.stringify({ ...EMPTY_FILTER, caseId });
  const { result } = register;

  return (
    <section aria-labelledby="register-title" className="register">
      <header className="page-header">
        <h1 id="register-title">{caseId ? t('complaints.caseRegister') : t('complaints.title')}</h1>
        <div className="actions">
          {caseId ? <a href={sectionHref('complaints')}>{t('complaints.allComplaints')}</a> : null}
          <a className="button primary" href={sectionHref('complaints', ['new'], caseId ? { caseId } : {})}>
            {t('complaints.new')}
          </a>
        </div>
      </header>
      <RegisterFilters filter={filter} onChange={setFilter} caseId={caseId} />
      <RegisterToolbar
        result={result}
        filter={filter}
        sort={{ column: sortColumn, desc }}
        columnIds={REGISTER_COLUMN_IDS}
        visibility={visibility}
        onVisibilityChange={setVisibility}
      />
      {register.failure ? <Notice kind="error">{t('common.unexpected', { detail: register.failure })}</Notice> : null}
      {result && result.total === 0 ? (
        <div className="empty">{unfiltered ? t('complaints.empty') : t('complaints.emptyFiltered')}</div>
      ) : (
        <RegisterTable register={register} columns={columns} sorting={sorting} onSortingChange={setSorting} visibility={visibility} />
      )}
    </section>
  );
}
