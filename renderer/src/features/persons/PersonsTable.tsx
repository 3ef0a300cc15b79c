import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { fullName, type Person } from '@shared/persons';
import { href } from '../../core/router';
import { formatDate } from '../../ui/format';

const column = createColumnHelper<Person>();

export function PersonsTable({ persons }: { persons: Person[] }) {
  const { t } = useTranslation();
  const columns = useMemo(
    () => [
      column.accessor('iin', { header: () => t('persons.iin'), cell: (c) => <span className="mono">{c.getValue()}</span> }),
      column.accessor((p) => fullName(p), {
        id: 'name',
        header: () => t('persons.fullName'),
        cell: (c) => <a href={href({ name: 'person', id: c.row.original.id })}>{c.getValue()}</a>,
      }),
      column.accessor('birthDate', { header: () => t('persons.birthDate'), cell: (c) => formatDate(c.getValue()) }),
      column.accessor('sex', { header: () => t('persons.sex'), cell: (c) => t(`sex.${c.getValue()}`) }),
      column.accessor('disabilityGroup', {
        header: () => t('persons.disabilityGroup'),
        cell: (c) => t(`disabilityGroup.${c.getValue()}`),
      }),
      column.accessor('phone', { header: () => t('persons.phone'), cell: (c) => c.getValue() || t('common.none') }),
    ],
    [t],
  );
  const table = useReactTable({ data: persons, columns, getCoreRowModel: getCoreRowModel(), getRowId: (p) => p.id });
  return (
    <table className="grid" data-testid="persons-table">
      <thead>
        {table.getHeaderGroups().map((hg) => (
          <tr key={hg.id}>
            {hg.headers.map((h) => (
              <th key={h.id} scope="col">
                {flexRender(h.column.columnDef.header, h.getContext())}
              </th>
            ))}
          </tr>
        ))}
      </thead>
      <tbody>
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id}>
            {row.getVisibleCells().map((cell) => (
              <td key={cell.id}>{flexRender(cell.column.columnDef.cell, cell.getContext())}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
