/**
 * Restoring a whole office into an empty database (issue 14 A1, A3): every record table and every
 * office table (shared/backup/officeTables.ts) is written back row for row in ONE transaction,
 * `bulkPut` per table, and one 'restore' entry is appended to the restored audit chain. The office
 * comes back as it was: its id, its signing key pair, its accounts, settings and history. The database
 * must be empty (no office profile, no records, no accounts, no audit trail); a restore into a working
 * office goes through the import preview instead (restore.ts).
 */
import { checkCarriedHead, type CarriedHeadProblem } from '@shared/audit';
import { OFFICE_TABLE_NAMES } from '@shared/backup/officeTables';
import type { DecodedBundle } from '@shared/bundle';
import { BUNDLE_TABLE_NAMES, DOCUMENTS_TABLE, type BundleDocument } from '@shared/bundle/specs';
import type { OfficeProfile } from '@shared/office';
import { err, ok, type Result } from '@shared/result';
import { systemContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { appendAudit } from '../../db/repositories/audit';
import { isQuotaError } from '../../ui/errors';

const OFFICE_PROFILE_KEY = 'officeProfile';

export type WholeRestoreError =
  /** The database already holds an office or records: restore through the Backup page instead. */
  | { code: 'not-empty' }
  /** A backup made before whole-office backups (format version 1): it holds records only. */
  | { code: 'not-whole' }
  /**
   * The backup's signed audit head is not the office's, or its audit entries do not reach it (issue 19;
   * shared/audit/carried.ts): the file was altered after the backup was made. Nothing is written.
   */
  | { code: 'audit-head'; problem: CarriedHeadProblem }
  /** A full disk (issue 19 point 5): IndexedDB aborted the transaction, the database is still empty. */
  | { code: 'quota' }
  | { code: 'failed'; detail: string };

/** What the first screen shows about a backup before it is restored. */
export interface WholeOfficeSummary {
  createdAt: string;
  office: { id: string; code: string; name: string };
  officer: string;
  records: number;
  files: number;
  officers: number;
  auditEntries: number;
  counts: Record<string, number>;
}

function isOfficeProfile(v: unknown): v is OfficeProfile {
  return typeof v === 'object' && v !== null && 'officeId' in v && 'officeCode' in v && 'officerName' in v;
}

/** The office profile a whole-office backup holds, or null for a records-only backup. */
export function backupOfficeProfile(decoded: DecodedBundle): OfficeProfile | null {
  const row = (decoded.officeTables['settings'] ?? []).find((r) => r['key'] === OFFICE_PROFILE_KEY);
  const value: unknown = row?.['value'];
  return isOfficeProfile(value) ? value : null;
}

export function summarizeWholeOffice(decoded: DecodedBundle): WholeOfficeSummary {
  const { manifest } = decoded;
  const records = Object.values(manifest.counts.records).reduce((n, c) => n + c, 0);
  return {
    createdAt: manifest.createdAt,
    office: { id: manifest.office.id, code: manifest.office.code, name: manifest.office.name },
    officer: manifest.officer,
    records,
    files: manifest.counts.attachments,
    officers: decoded.officeTables['officers']?.length ?? 0,
    auditEntries: decoded.officeTables['auditLog']?.length ?? 0,
    counts: { ...manifest.counts.records, ...manifest.counts.tables },
  };
}

/** True when no office has been set up here and nothing has been written (the first start). */
export async function isEmptyOffice(db: QamqorDb): Promise<boolean> {
  if (await db.settings.get(OFFICE_PROFILE_KEY)) return false;
  const tables = [...BUNDLE_TABLE_NAMES, 'officers', 'auditLog', 'conflicts', 'importHistory'];
  const counts = await Promise.all(tables.map((t) => db.table(t).count()));
  return counts.every((c) => c === 0);
}

function asBlob(bytes: Uint8Array, type: string): Blob {
  return new Blob([new Uint8Array(bytes)], { type });
}

/**
 * Writes the whole office back. `restoredBy` names who restored it in the appended audit entry (at
 * the first start nobody is signed in yet: the screen passes its own label).
 */
export async function restoreWholeOffice(
  db: QamqorDb,
  decoded: DecodedBundle,
  fileName: string,
  restoredBy: string,
): Promise<Result<WholeOfficeSummary, WholeRestoreError>> {
  const profile = backupOfficeProfile(decoded);
  if (profile === null) return err({ code: 'not-whole' });
  const headProblem = await checkCarriedHead(decoded.signedHead, decoded.sender.publicKey, decoded.officeTables['auditLog'] ?? []);
  if (headProblem) return err({ code: 'audit-head', problem: headProblem });
  const summary = summarizeWholeOffice(decoded);
  // Everything that is not an IndexedDB request happens before the transaction.
  const records = BUNDLE_TABLE_NAMES.map((table) => {
    const rows = decoded.tables[table] ?? [];
    if (table !== DOCUMENTS_TABLE) return { table, rows: rows };
    return {
      table,
      rows: (rows as BundleDocument[]).map((d) => ({
        ...d,
        blob: asBlob(decoded.attachments.get(d.digest) ?? new Uint8Array(0), d.mimeType),
      })),
    };
  });
  const office = OFFICE_TABLE_NAMES.map((table) => ({ table, rows: decoded.officeTables[table] ?? [] }));
  const ctx = systemContext({ officerName: restoredBy, officeId: profile.officeId }, []);
  const scope = [...BUNDLE_TABLE_NAMES, ...OFFICE_TABLE_NAMES];
  try {
    const written = await db.transaction('rw', scope, async () => {
      if (!(await isEmptyOffice(db))) return false;
      for (const { table, rows } of [...records, ...office]) {
        await db.table(table).clear();
        if (rows.length > 0) await db.table(table).bulkPut(rows);
      }
      await appendAudit(db, ctx, {
        action: 'restore',
        table: 'backups',
        recordId: decoded.manifest.bundleId,
        after: {
          fileName,
          whole: true,
          backupCreatedAt: summary.createdAt,
          backupOffice: summary.office,
          backupOfficer: summary.officer,
          counts: summary.counts,
        },
      });
      return true;
    });
    return written ? ok(summary) : err({ code: 'not-empty' });
  } catch (e: unknown) {
    if (isQuotaError(e)) return err({ code: 'quota' });
    return err({ code: 'failed', detail: e instanceof Error ? e.message : String(e) });
  }
}
