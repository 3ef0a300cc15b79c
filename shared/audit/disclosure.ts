/**
 * Disclosures (issue 19): every print, PDF, XLSX/CSV export, bundle, backup and export of the trail
 * lets personal data leave the app, so each writes one audit entry saying who disclosed what: the
 * records (their ids) or the filter used, and how many.
 */
import type { AuditAction } from './chain';

/** `file`: a stored document (a scan) saved as it is. */
export const DISCLOSURE_MEDIA = ['print', 'pdf', 'xlsx', 'csv', 'bundle', 'backup', 'json', 'file'] as const;
export type DisclosureMedium = (typeof DISCLOSURE_MEDIA)[number];

/** At most this many record ids are kept in the entry; the count always says how many there were. */
export const MAX_DISCLOSED_IDS = 1000;

export interface Disclosure {
  /** The form or export (`complaint-confirmation`, `complaint-register`, `audit-trail`…). */
  form: string;
  medium: DisclosureMedium;
  /** The table the disclosed records come from (`complaints`, `persons`, `auditLog`…). */
  table: string;
  /** The ids of the disclosed records, when the disclosure names them. */
  recordIds?: readonly string[];
  /** The filter that chose the records, when it was a list or a register. */
  filter?: Readonly<Record<string, string | number | boolean | null>>;
  /** How many records were disclosed. */
  count: number;
}

/** What the audit entry of a disclosure holds (action, subject record, details). */
export function disclosureAudit(d: Disclosure): {
  action: AuditAction;
  table: string;
  recordId: string;
  after: Record<string, unknown>;
} {
  const ids = d.recordIds ?? [];
  const action: AuditAction = d.medium === 'print' || d.medium === 'pdf' ? 'print' : d.medium === 'backup' ? 'backup' : 'export';
  return {
    action,
    table: d.table,
    // One record: the entry appears in that record's history; a list: in the trail under its form.
    recordId: ids.length === 1 && ids[0] !== undefined ? ids[0] : d.form,
    after: {
      form: d.form,
      medium: d.medium,
      count: d.count,
      ...(ids.length > 0 ? { recordIds: ids.slice(0, MAX_DISCLOSED_IDS) } : {}),
      ...(ids.length > MAX_DISCLOSED_IDS ? { recordIdsTruncated: ids.length - MAX_DISCLOSED_IDS } : {}),
      ...(d.filter ? { filter: { ...d.filter } } : {}),
    },
  };
}
