/**
 * What the complaint register discloses when it prints or exports (issue 19 point 2): the records (by
 * id) or the filter that chose them, and how many. The audit entry itself is written by the audit
 * repository (`recordDisclosure`) or by the print preview, which records every print it makes.
 */
import type { Disclosure } from '@shared/audit';
import type { Complaint } from '@shared/complaints';
import type { RegisterFilter, RegisterSort } from './registerQuery';

/** The register's filter and order as flat audit data. */
export function filterForAudit(filter: RegisterFilter, sort: RegisterSort): Record<string, string | boolean | null> {
  return {
    statuses: filter.statuses.join(','),
    flag: filter.flag,
    addressee: filter.addressee,
    reviewer: filter.reviewer,
    from: filter.from,
    to: filter.to,
    search: filter.search,
    searchText: filter.searchText,
    caseId: filter.caseId,
    sort: `${sort.column}${sort.desc ? ' desc' : ''}`,
  };
}

/** The registration confirmation of one complaint (000 L67, 001 L55). */
export function confirmationDisclosure(c: Pick<Complaint, 'id'>): Disclosure {
  return { form: 'complaint-confirmation', medium: 'print', table: 'complaints', recordIds: [c.id], count: 1 };
}

/** The period journal: the complaints the register's filter chose. */
export function journalDisclosure(complaints: readonly Pick<Complaint, 'id'>[], filter: RegisterFilter, sort: RegisterSort): Disclosure {
  return {
    form: 'complaint-journal',
    medium: 'print',
    table: 'complaints',
    recordIds: complaints.map((c) => c.id),
    filter: filterForAudit(filter, sort),
    count: complaints.length,
  };
}

/** The register exported to a spreadsheet. */
export function exportDisclosure(
  kind: 'xlsx' | 'csv',
  complaints: readonly Pick<Complaint, 'id'>[],
  filter: RegisterFilter,
  sort: RegisterSort,
): Disclosure {
  return {
    form: 'complaint-register',
    medium: kind,
    table: 'complaints',
    recordIds: complaints.map((c) => c.id),
    filter: filterForAudit(filter, sort),
    count: complaints.length,
  };
}
