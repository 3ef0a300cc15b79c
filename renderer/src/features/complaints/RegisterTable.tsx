import {
  flexRender,
  getCoreRowModel,
  useReactTable,
  type OnChangeFn,
  type Row,
  type SortingState,
  type VisibilityState,
} from '@tanstack/react-table';
import { useVirtualizer, type VirtualItem } from '@tanstack/react-virtual';
import { memo, useEffect, useMemo, useRef } from 'react';
import type { Complaint } from '@shared/complaints';
import type { RegisterColumns } from './registerColumns';
import type { RegisterRows } from './useRegisterQuery';

const ROW_HEIGHT = 48;

interface RegisterTableProps {
  register: RegisterRows;
  columns: RegisterColumns;
  sorting: SortingState;
  onSortingChange: OnChangeFn<SortingState>;
  visibility: VisibilityState;
}

/**
 * The register's rows: only those on screen are drawn (virtual scrolling), and their pages are read as
 * the officer scrolls, so 100,000 complaints stay fluid.
 */
export function RegisterTable({ register, columns, sorting, onSortingChange, visibility }: RegisterTableProps) {
  const { result, rows, ensurePages } = register;
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: result?.total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  useEffect(() => ensurePages(firstIndex, lastIndex), [ensurePages, firstIndex, lastIndex]);

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
    onSortingChange,
    enableSortingRemoval: false,
    autoResetAll: false,
  });
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
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
          rowById={table.getRowModel().rowsById}
          visibleColumns={table.getVisibleLeafColumns().length}
          columns={columns}
          visibility={visibility}
          padTop={padTop}
          padBottom={padBottom}
        />
      </table>
    </div>
  );
}

interface RegisterBodyProps {
  items: VirtualItem[];
  rows: Map<number, Complaint>;
  rowById: Record<string, Row<Complaint>>;
  visibleColumns: number;
  /** Not read here: a change of columns or of their visibility must draw the rows again. */
  columns: RegisterColumns;
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
          <tr
            key={item.key}
            style={{ height: ROW_HEIGHT }}
            aria-rowindex={item.index + 1}
            className={c?.voided ? 'register-row--voided' : undefined}
          >
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
