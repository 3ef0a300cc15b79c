import { createColumnHelper } from '@tanstack/react-table';
import type { TFunction } from 'i18next';
import { complaintDeadlineStatus, complaintRoute, isForwardMissed, type Complaint, type DeadlineStatus } from '@shared/complaints';
import type { RuleSet } from '@shared/rules';
import { sectionHref } from '../../core/router';
import { formatDate } from '../../ui/format';
import { DaysLeft } from './DeadlineView';
import type { DeadlineContext } from './useDeadlines';

const column = createColumnHelper<Complaint>();

/** Column id → header key, shared by the headers and the column chooser. */
export const COLUMN_LABELS: Record<string, string> = {
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

/** The columns in the order they are drawn (ids as react-table derives them). */
export const REGISTER_COLUMN_IDS = [
  'number',
  'registrationDate',
  'complainantName',
  'status',
  'nextDue',
  'flags',
  'reviewDue',
  'forwardDue',
  'receiptDate',
  'subject',
  'addressee',
  'reviewer',
] as const;

interface OpenDeadline {
  known: boolean;
  open: DeadlineStatus | null;
}

/** The earliest open deadline of a row, worked out once per row object (rows stay the same objects in the page cache). */
function openDeadlines(ruleSets: readonly RuleSet[], deadlines: DeadlineContext): (c: Complaint) => OpenDeadline {
  const cache = new WeakMap<Complaint, OpenDeadline>();
  return (c) => {
    const cached = cache.get(c);
    if (cached) return cached;
    const rs = ruleSets.find((r) => r.id === c.ruleSetId);
    const s = rs ? complaintDeadlineStatus(complaintRoute(rs, c.serviceId), deadlines.cal, c, deadlines.today) : null;
    const open = s?.ok
      ? ([s.value.forward, s.value.review]
          .filter((d) => d?.state === 'open')
          .sort((a, b) => (a?.due ?? '').localeCompare(b?.due ?? ''))[0] ?? null)
      : null;
    const value = { known: s?.ok === true, open };
    cache.set(c, value);
    return value;
  };
}

/** Badges of a row: overdue or due soon (an open deadline), and a missed forwarding term (000 L75), which stays. */
function Flags({ c, deadlines, t }: { c: Complaint; deadlines: DeadlineContext; t: TFunction }) {
  const due = c.nextDue;
  const missed = isForwardMissed(c, deadlines.today);
  return (
    <>
      {due !== undefined && due < deadlines.today ? <span className="badge flag--overdue">{t('complaints.flags.overdue')}</span> : null}
      {due !== undefined && due >= deadlines.today && due <= deadlines.soon ? (
        <span className="badge flag--due-soon">{t('complaints.flags.due-soon')}</span>
      ) : null}
      {missed ? (
        <span className="badge flag--overdue" data-testid="flag-forward-missed">
          {t('complaints.flags.forward-missed')}
        </span>
      ) : null}
    </>
  );
}

export function registerColumns(t: TFunction, ruleSets: readonly RuleSet[], deadlines: DeadlineContext) {
  const openDeadline = openDeadlines(ruleSets, deadlines);
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
    column.accessor('status', {
      header: () => t('complaints.statusLabel'),
      // A voided complaint keeps its row and number, marked in words (issue 16 point 2).
      cell: (c) => (
        <>
          {t(`complaints.statuses.${c.getValue()}`)}
          {c.row.original.voided ? (
            <>
              {' '}
              <span className="badge voided-mark" data-testid="row-voided">
                {t('complaints.voidedMark')}
              </span>
            </>
          ) : null}
        </>
      ),
    }),
    column.accessor('nextDue', {
      header: () => t('complaints.daysLeftColumn'),
      cell: (c) => {
        if (c.row.original.voided) return t('complaints.voidedNoTermShort');
        const { known, open } = openDeadline(c.row.original);
        if (!known) return t('common.none');
        return open ? <DaysLeft status={open} short /> : t(`complaints.statuses.${c.row.original.status}`);
      },
    }),
    column.display({
      id: 'flags',
      header: () => t('complaints.flagsColumn'),
      cell: (c) => <Flags c={c.row.original} deadlines={deadlines} t={t} />,
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
}

export type RegisterColumns = ReturnType<typeof registerColumns>;
