import {
  createColumnHelper,
  flexRender,
  getCoreRowModel,
  useReactTable,
  type ColumnDef,
  type Row,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPLAINT_ADDRESSEES,
  COMPLAINT_STATUSES,
  complaintDeadlineStatus,
  type Complaint,
  type ComplaintStatus,
  type DeadlineStatus,
} from '@shared/complaints';
import { sectionHref } from '../../core/router';
import { useServices } from '../../core/services';
import { useAppStore } from '../../core/store';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../ui/format';
import { Notice } from '../../ui/Notice';
import { PrintPreview } from '../../ui/print/PrintPreview';
import { DaysLeft } from './DeadlineView';
import { Journal } from './prints';
import {
  EMPTY_FILTER,
  OPEN_STATUSES,
  queryRegister,
  SORTABLE,
  type RegisterFilter,
  type RegisterQuery,
  type SortColumn,
} from './repository';
import { useDeadlineContext } from './useDeadlines';

const PAGE = 100;
/** Keystrokes closer together than this are one burst of typing. */
const TYPING_PAUSE_MS = 300;
const TYPING_SETTLE_MS = 150;
const ROW_HEIGHT = 48;
const COLUMNS_KEY = 'qamqor.complaints.columns';

function filterFromQuery(query: Record<string, string>, caseId: string | null): RegisterFilter {
  const flag = query.flag === 'overdue' || query.flag === 'due-soon' ? query.flag : null;
  const statuses: ComplaintStatus[] = query.status === 'open' ? OPEN_STATUSES : COMPLAINT_STATUSES.filter((s) => s === query.status);
  return { ...EMPTY_FILTER, flag, statuses, caseId };
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

const column = createColumnHelper<Complaint>();

/** Column id → header key, shared by the headers and the column chooser. */
const COLUMN_LABELS: Record<string, string> = {
  number: 'complaints.number',
  receiptDate: 'complaints.receiptDate',
  registrationDate: 'complaints.registrationDate',
  complainantName: 'complaints.complainant',
  subject: 'complaints.subject',
  addressee: 'complaints.addressee',
  reviewer: 'complaints.reviewer',
  status: 'complaints.statusLabel',
  forwardDue: 'complaints.forwardDeadline',
  reviewDue: 'complaints.reviewDeadline',
  nextDue: 'complaints.daysLeftColumn',
  flags: 'complaints.flagsColumn',
};

/**
 * The complaint register: filters and sorting run through indexes (repository.queryRegister) and rows
 * are fetched a page at a time as the officer scrolls, so 100,000 complaints stay fluid.
 */
export function RegisterPage({ query, caseId }: { query: Record<string, string>; caseId: string | null }) {
  const { t } = useTranslation();
  const { db, platform } = useServices();
  const dataVersion = useAppStore((s) => s.dataVersion);
  const office = useAppStore((s) => s.office);
  const ruleSets = useAppStore((s) => s.ruleSets);
  const deadlines = useDeadlineContext();
  const [filter, setFilter] = useState<RegisterFilter>(() => filterFromQuery(query, caseId));
  const [searchText, setSearchText] = useState('');
  const [sorting, setSorting] = useState<SortingState>([{ id: 'registrationDate', desc: true }]);
  const [visibility, setVisibility] = useState<VisibilityState>(loadColumns);
  const [result, setResult] = useState<RegisterQuery | null>(null);
  const [rows, setRows] = useState<Map<number, Complaint>>(new Map());
  const [message, setMessage] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [journal, setJournal] = useState<Complaint[] | null>(null);
  const loading = useRef(new Set<number>());
  const scrollRef = useRef<HTMLDivElement>(null);

  // A search starts at once (the register answers in milliseconds) when it is the first keystroke in
  // an empty box or after a pause; while the officer keeps typing, it waits until the typing settles.
  const lastKeystroke = useRef(Number.NEGATIVE_INFINITY);
  const typing = useRef(false);
  const onSearchInput = (value: string) => {
    const now = performance.now();
    typing.current = searchText !== '' && now - lastKeystroke.current < TYPING_PAUSE_MS;
    lastKeystroke.current = now;
    setSearchText(value);
  };
  useEffect(() => {
    const apply = () => setFilter((f) => (f.search === searchText ? f : { ...f, search: searchText }));
    if (!typing.current) {
      apply();
      return;
    }
    const timer = setTimeout(apply, TYPING_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [searchText]);

  useEffect(() => {
    localStorage.setItem(COLUMNS_KEY, JSON.stringify(visibility));
  }, [visibility]);

  const sort = sorting[0];
  const sortColumn: SortColumn = SORTABLE.find((c) => c === sort?.id) ?? 'registrationDate';
  const desc = sort?.desc ?? true;

  useEffect(() => {
    let live = true;
    loading.current = new Set();
    void queryRegister(db, filter, { column: sortColumn, desc }, deadlines.today, deadlines.soon, { early: true }).then(async (q) => {
      if (!live) return;
      const first = await q.page(0, PAGE);
      if (!live) return;
      loading.current.add(0);
      setRows(new Map(first.map((c, i) => [i, c])));
      setResult(q);
      // The first rows are shown while a large register is still being counted.
      void q.counting?.then((total) => {
        if (live) setResult((current) => (current === q ? { total, page: q.page } : current));
      });
    });
    return () => {
      live = false;
    };
  }, [db, filter, sortColumn, desc, deadlines, dataVersion]);

  const virtualizer = useVirtualizer({
    count: result?.total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;

  const ensurePages = useCallback(
    (from: number, to: number) => {
      if (!result) return;
      for (let p = Math.floor(from / PAGE); p <= Math.floor(to / PAGE); p++) {
        if (loading.current.has(p)) continue;
        loading.current.add(p);
        const q = result;
        void q.page(p * PAGE, PAGE).then((page) => {
          setRows((prev) => {
            if (result !== q) return prev;
            const next = new Map(prev);
            page.forEach((c, i) => next.set(p * PAGE + i, c));
            return next;
          });
        });
      }
    },
    [result],
  );
  useEffect(() => ensurePages(firstIndex, lastIndex), [ensurePages, firstIndex, lastIndex]);

  const columns = useMemo(() => {
    // Rows come back as the same objects while they stay in the page cache: their deadline status is worked out once.
    const openDeadlines = new WeakMap<Complaint, { known: boolean; open: DeadlineStatus | null }>();
    const openDeadline = (c: Complaint): { known: boolean; open: DeadlineStatus | null } => {
      const cached = openDeadlines.get(c);
      if (cached) return cached;
      const rs = ruleSets.find((r) => r.id === c.ruleSetId);
      const s = rs ? complaintDeadlineStatus(rs.complaints, deadlines.cal, c, deadlines.today) : null;
      const open = s?.ok
        ? ([s.value.forward, s.value.review]
            .filter((d) => d?.state === 'open')
            .sort((a, b) => (a?.due ?? '').localeCompare(b?.due ?? ''))[0] ?? null)
        : null;
      const value = { known: s?.ok === true, open };
      openDeadlines.set(c, value);
      return value;
    };
    return [
      column.accessor('number', {
        header: () => t('complaints.number'),
        cell: (c) => <a href={sectionHref('complaints', [c.row.original.id])}>{c.getValue()}</a>,
      }),
      column.accessor('registrationDate', { header: () => t('complaints.registrationDate'), cell: (c) => formatDate(c.getValue()) }),
      column.accessor('complainantName', {
        header: () => t('complaints.complainant'),
        cell: (c) => (
          <>
            {c.getValue()}
            <br />
            <span className="mono muted">{c.row.original.complainantIin}</span>
          </>
        ),
      }),
      column.accessor('status', { header: () => t('complaints.statusLabel'), cell: (c) => t(`complaints.statuses.${c.getValue()}`) }),
      column.accessor('nextDue', {
        header: () => t('complaints.daysLeftColumn'),
        cell: (c) => {
          const { known, open } = openDeadline(c.row.original);
          if (!known) return t('common.none');
          return open ? <DaysLeft status={open} short /> : t(`complaints.statuses.${c.row.original.status}`);
        },
      }),
      column.display({
        id: 'flags',
        header: () => t('complaints.flagsColumn'),
        cell: (c) => {
          const due = c.row.original.nextDue;
          if (due === undefined) return null;
          if (due < deadlines.today) return <span className="badge flag--overdue">{t('complaints.flags.overdue')}</span>;
          if (due <= deadlines.soon) return <span className="badge flag--due-soon">{t('complaints.flags.due-soon')}</span>;
          return null;
        },
      }),
      column.accessor('reviewDue', {
        enableSorting: false,
        header: () => t('complaints.reviewDeadline'),
        cell: (c) => formatDate(c.getValue()),
      }),
      column.accessor('forwardDue', {
        enableSorting: false,
        header: () => t('complaints.forwardDeadline'),
        cell: (c) => (c.getValue() ? formatDate(c.getValue() ?? '') : t('common.none')),
      }),
      column.accessor('receiptDate', { header: () => t('complaints.receiptDate'), cell: (c) => formatDate(c.getValue()) }),
      column.accessor('contested', {
        id: 'subject',
        enableSorting: false,
        header: () => t('complaints.subject'),
        cell: (c) =>
          `${t(`complaints.contestedKinds.${c.getValue()}`)}${c.row.original.contestedRef ? `: ${c.row.original.contestedRef}` : ''}`,
      }),
      column.accessor('addressee', {
        enableSorting: false,
        header: () => t('complaints.addressee'),
        cell: (c) => t(`complaints.addressees.${c.getValue()}`),
      }),
      column.accessor('reviewer', { header: () => t('complaints.reviewer'), cell: (c) => c.getValue() || t('common.none') }),
    ];
  }, [t, ruleSets, deadlines]);

  // react-table needs a stable data array: a new array on every render makes it reset its state and render again.
  const windowRows = useMemo(() => {
    const out: Complaint[] = [];
    for (let i = firstIndex; i <= lastIndex; i++) {
      const c = rows.get(i);
      if (c) out.push(c);
    }
    return out;
  }, [rows, firstIndex, lastIndex]);
  const table = useReactTable({
    data: windowRows,
    columns,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (c) => c.id,
    manualSorting: true,
    state: { sorting, columnVisibility: visibility },
    onSortingChange: setSorting,
    onColumnVisibilityChange: setVisibility,
    enableSortingRemoval: false,
    autoResetAll: false,
  });
  const rowById = table.getRowModel().rowsById;
  const visibleColumns = table.getVisibleLeafColumns().length;

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
    const name = `${office?.officeCode ?? 'qamqor'}-complaints-${deadlines.today}.${kind}`;
    const saved = await platform.saveFile({
      suggestedName: name,
      filters: [{ name: kind.toUpperCase(), extensions: [kind] }],
      data,
    });
    if (saved.ok) setMessage({ kind: 'success', text: t('complaints.exported', { file: saved.value.fileName, count: all.length }) });
    else if (saved.error.code !== 'cancelled') setMessage({ kind: 'error', text: t(`platform.${saved.error.code}`) });
  }

  async function openJournal() {
    const all = await allMatching();
    setJournal([...all].sort((a, b) => a.number.localeCompare(b.number)));
  }

  const setF = <K extends keyof RegisterFilter>(k: K, v: RegisterFilter[K]) => setFilter((f) => ({ ...f, [k]: v }));
  const statusValue =
    filter.statuses.length === OPEN_STATUSES.length && filter.statuses.every((s) => OPEN_STATUSES.includes(s))
      ? 'open'
      : (filter.statuses[0] ?? '');
  const unfiltered = JSON.stringify(filter) === JSON.stringify({ ...EMPTY_FILTER, caseId });
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

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
      <div className="card filters" role="search" aria-label={t('complaints.filters')}>
        <label>
          {t('complaints.search')}
          <input type="search" name="search" value={searchText} onChange={(e) => onSearchInput(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" name="searchText" checked={filter.searchText} onChange={(e) => setF('searchText', e.target.checked)} />
          {t('complaints.searchText')}
        </label>
        <label>
          {t('complaints.statusLabel')}
          <select
            name="status"
            value={statusValue}
            onChange={(e) =>
              setF('statuses', e.target.value === 'open' ? OPEN_STATUSES : COMPLAINT_STATUSES.filter((s) => s === e.target.value))
            }
          >
            <option value="">{t('complaints.allStatuses')}</option>
            <option value="open">{t('complaints.openOnly')}</option>
            {COMPLAINT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`complaints.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('complaints.flagsColumn')}
          <select
            name="flag"
            value={filter.flag ?? ''}
            onChange={(e) => setF('flag', e.target.value === 'overdue' || e.target.value === 'due-soon' ? e.target.value : null)}
          >
            <option value="">{t('complaints.allFlags')}</option>
            <option value="overdue">{t('complaints.flags.overdue')}</option>
            <option value="due-soon">{t('complaints.flags.due-soon')}</option>
          </select>
        </label>
        <label>
          {t('complaints.addressee')}
          <select
            name="addressee"
            value={filter.addressee ?? ''}
            onChange={(e) => setF('addressee', COMPLAINT_ADDRESSEES.find((a) => a === e.target.value) ?? null)}
          >
            <option value="">{t('complaints.allAddressees')}</option>
            {COMPLAINT_ADDRESSEES.map((a) => (
              <option key={a} value={a}>
                {t(`complaints.addressees.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('complaints.reviewer')}
          <input name="reviewer" value={filter.reviewer} onChange={(e) => setF('reviewer', e.target.value)} />
        </label>
        <label>
          {t('complaints.from')}
          <input type="date" name="from" value={filter.from} onChange={(e) => setF('from', e.target.value)} />
        </label>
        <label>
          {t('complaints.to')}
          <input type="date" name="to" value={filter.to} onChange={(e) => setF('to', e.target.value)} />
        </label>
        <button
          type="button"
          onClick={() => {
            setSearchText('');
            setFilter({ ...EMPTY_FILTER, caseId });
          }}
        >
          {t('complaints.clear')}
        </button>
      </div>
      <div className="register-toolbar">
        <span data-testid="register-total">
          {t('complaints.total', { count: result?.counting ? `${result.total}+` : (result?.total ?? 0) })}
        </span>
        <details className="column-chooser">
          <summary>{t('complaints.columns')}</summary>
          {table.getAllLeafColumns().map((c) => (
            <label key={c.id} className="checkbox">
              <input type="checkbox" checked={c.getIsVisible()} onChange={c.getToggleVisibilityHandler()} />
              {t(COLUMN_LABELS[c.id] ?? c.id)}
            </label>
          ))}
        </details>
        <button type="button" onClick={() => void exportAs('xlsx')}>
          {t('complaints.exportXlsx')}
        </button>
        <button type="button" onClick={() => void exportAs('csv')}>
          {t('complaints.exportCsv')}
        </button>
        <button type="button" onClick={() => void openJournal()}>
          {t('complaints.journal')}
        </button>
      </div>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {result && result.total === 0 ? (
        <div className="empty">{unfiltered ? t('complaints.empty') : t('complaints.emptyFiltered')}</div>
      ) : (
        <div className="register-scroll" ref={scrollRef} data-testid="register-scroll">
          <table className="grid register-table" data-testid="register-table" aria-rowcount={result?.total ?? 0}>
            <thead>
              {table.getHeaderGroups().map((hg) => (
                <tr key={hg.id}>
                  {hg.headers.map((h) => (
                    <th
                      key={h.id}
                      scope="col"
                      aria-sort={h.column.getIsSorted() ? (h.column.getIsSorted() === 'desc' ? 'descending' : 'ascending') : undefined}
                    >
                      {h.column.getCanSort() ? (
                        <button type="button" className="sort" onClick={h.column.getToggleSortingHandler()}>
                          {flexRender(h.column.columnDef.header, h.getContext())}
                          {h.column.getIsSorted() === 'asc' ? ' ▲' : h.column.getIsSorted() === 'desc' ? ' ▼' : ''}
                        </button>
                      ) : (
                        flexRender(h.column.columnDef.header, h.getContext())
                      )}
                    </th>
                  ))}
                </tr>
              ))}
            </thead>
            <RegisterBody
              items={items}
              rows={rows}
              rowById={rowById}
              visibleColumns={visibleColumns}
              columns={columns}
              visibility={visibility}
              padTop={padTop}
              padBottom={padBottom}
            />
          </table>
        </div>
      )}
      {journal && office ? (
        <PrintPreview
          title={t('complaints.journal')}
          suggestedName={`${office.officeCode}-journal-${deadlines.today}.pdf`}
          onClose={() => setJournal(null)}
        >
          <Journal complaints={journal} office={office} from={filter.from} to={filter.to} />
        </PrintPreview>
      ) : null}
    </section>
  );
}

interface RegisterBodyProps {
  items: VirtualItem[];
  rows: Map<number, Complaint>;
  rowById: Record<string, Row<Complaint>>;
  visibleColumns: number;
  /** Not read here: a change of columns or of their visibility must draw the rows again. */
  columns: ColumnDef<Complaint, never>[];
  visibility: VisibilityState;
  padTop: number;
  padBottom: number;
}

/**
 * The rows on screen. Memoised: changing a filter re-renders the form at once, and the rows only
 * when the new result arrives, so the step costs one drawing of the rows rather than two.
 */
const RegisterBody = memo(function RegisterBody({ items, rows, rowById, visibleColumns, padTop, padBottom }: RegisterBodyProps) {
  return (
    <tbody>
      {padTop > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={visibleColumns} style={{ height: padTop, padding: 0, border: 0 }} />
        </tr>
      ) : null}
      {items.map((item) => {
        const c = rows.get(item.index);
        const row = c ? rowById[c.id] : undefined;
        return (
          <tr key={item.key} style={{ height: ROW_HEIGHT }} aria-rowindex={item.index + 1}>
            {row ? (
              row.getVisibleCells().map((cell) => <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>)
            ) : (
              <td colSpan={visibleColumns} className="muted">
                …
              </td>
            )}
          </tr>
        );
      })}
      {padBottom > 0 ? (
        <tr aria-hidden="true">
          <td colSpan={visibleColumns} style={{ height: padBottom, padding: 0, border: 0 }} />
        </tr>
      ) : null}
    </tbody>
  );
});
