/**
 * Making a bundle from this office's records: one or several cases with everything that belongs to
 * them, everything changed since a date, or everything (a backup). The page flushes the audit
 * signing, reads the signed head and the office key, then hands the job (reading the records and
 * their files, packing, hashing, signing, encryption: exportJob.ts) to the bundle worker when the UI
 * passes one, or runs it itself.
 */
import type { ProgressCallback } from '@shared/bundle';
import type { OfficeProfile } from '@shared/office';
import { plainBytes } from '@shared/bundle/bytes';
import { ok, type Result } from '@shared/result';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { flushAuditSigning, readSignedAuditHead, recordAuditEvent } from '../../db/repositories/audit';
import {
  encodeHere,
  runExport,
  type BundleSelection,
  type Encoder,
  type ExportError,
  type ExportJob,
  type ExportedParts,
} from './exportJob';
import { ensureOfficeKeys } from './repository';

export { collectBundleContent } from './exportJob';
export type { BundleContent, BundleSelection, Encoder, ExportError } from './exportJob';

/** Runs a whole export job (reading and encoding) somewhere else than the page: the bundle worker. */
export type Exporter = (job: ExportJob, onProgress: ProgressCallback) => Promise<Result<ExportedParts, ExportError>>;

export interface BuildOptions {
  office: OfficeProfile;
  /** The officer who makes the bundle (default: the office profile's officer). */
  officer?: string;
  passphrase?: string;
  bundleId?: string;
  now?: string;
  /** Encodes in the page (tests); ignored when an `exporter` runs the whole job elsewhere. */
  encoder?: Encoder;
  /** Runs reading and encoding elsewhere: the UI passes the bundle worker's (workerClient.ts `exportInWorker`). */
  exporter?: Exporter;
  /** A whole-office backup: every record and office table (shared/backup/officeTables.ts), read in one snapshot. */
  wholeOffice?: boolean;
  /** Reading counts as the first step, then the codec's parts. */
  onProgress?: ProgressCallback;
}

export interface BuiltBundle {
  bytes: Uint8Array<ArrayBuffer>;
  bundleId: string;
  createdAt: string;
  counts: Record<string, number>;
  /** Rows per office table (whole-office backups only). */
  officeCounts?: Record<string, number>;
  attachments: number;
  caseNumbers: string[];
  encrypted: boolean;
  suggestedName: string;
}

/** `YYYYMMDD-HHMM` in the office's local time (what the officer sees on the clock). */
function stamp(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
}

export function suggestedFileName(
  officeCode: string,
  selection: BundleSelection,
  caseNumbers: readonly string[],
  createdAt: string,
): string {
  // A case number already starts with the office code (docs/data-model.md).
  const single = selection.kind === 'cases' && caseNumbers.length === 1 ? caseNumbers[0] : undefined;
  if (single) return `${single}-${stamp(createdAt)}.qamqor`;
  const what =
    selection.kind === 'everything'
      ? 'all'
      : selection.kind === 'since'
        ? `since-${selection.since.slice(0, 10).replace(/-/gu, '')}`
        : `cases-${caseNumbers.length}`;
  return `${officeCode}-${what}-${stamp(createdAt)}.qamqor`;
}

export async function buildBundle(
  db: QamqorDb,
  selection: BundleSelection,
  options: BuildOptions,
): Promise<Result<BuiltBundle, ExportError>> {
  options.onProgress?.(0, 1);
  // Issue 19: the office's latest signed audit head travels in the signed manifest; signing is flushed first.
  await flushAuditSigning(db);
  const signedHead = await readSignedAuditHead(db);
  const keys = await ensureOfficeKeys(db);
  const createdAt = options.now ?? new Date().toISOString();
  const bundleId = options.bundleId ?? crypto.randomUUID();
  const job: ExportJob = {
    dbName: db.name,
    selection,
    wholeOffice: options.wholeOffice ?? false,
    header: {
      bundleId,
      createdAt,
      office: { id: options.office.officeId, code: options.office.officeCode, name: options.office.officeName },
      officer: options.officer ?? options.office.officerName,
      appVersion: __APP_VERSION__,
      signedHead,
    },
    signingKey: keys,
    ...(options.passphrase ? { passphrase: options.passphrase } : {}),
  };
  const progress: ProgressCallback = (done, total) => options.onProgress?.(done, total);
  const exported = options.exporter
    ? await options.exporter(job, progress)
    : await runExport(db, job, options.encoder ?? encodeHere, progress);
  if (!exported.ok) return exported;
  const { bytes, caseNumbers, ...summary } = exported.value;
  return ok({
    ...summary,
    bytes: plainBytes(bytes),
    bundleId,
    createdAt,
    caseNumbers,
    encrypted: Boolean(options.passphrase),
    suggestedName: suggestedFileName(options.office.officeCode, selection, caseNumbers, createdAt),
  });
}

/** The whole office in one bundle: every record, file and office table (backups; docs/bundle-format.md §Office tables). */
export async function exportEverything(
  db: QamqorDb,
  options: Omit<BuildOptions, 'onProgress' | 'wholeOffice'> & { onProgress?: ProgressCallback },
): Promise<Result<BuiltBundle, ExportError>> {
  return buildBundle(db, { kind: 'everything' }, { ...options, wholeOffice: true });
}

/** The audit entry of a bundle that left the office (after it was saved). */
export async function recordExport(
  db: QamqorDb,
  ctx: WriteContext,
  built: BuiltBundle,
  fileName: string,
  selection: BundleSelection,
): Promise<void> {
  await recordAuditEvent(db, ctx, {
    action: 'export',
    table: 'bundles',
    recordId: built.bundleId,
    after: {
      fileName,
      selection: selection.kind === 'cases' ? { kind: 'cases', caseNumbers: built.caseNumbers } : selection,
      counts: built.counts,
      attachments: built.attachments,
      encrypted: built.encrypted,
    },
  });
}
