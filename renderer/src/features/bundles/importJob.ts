/**
 * Import and restore as a job held where the records are (issue 14 B6): the bundle worker (or, for a
 * restore, the restore worker) decodes the file, plans the import against its own Dexie connection,
 * keeps the session and later applies it; the page receives progress and a small preview summary
 * (counts per table and category, sender, trust, a bounded list of the records an officer should look
 * at, in a slim form that carries only what their labels need), never the whole decoded bundle.
 * When no worker can start, the same host runs in the page.
 */
import type { BundleError, BundleManifest, BundleSender, RejectedRecord } from '@shared/bundle';
import type { CarriedHeadProblem } from '@shared/audit';
import type { ImportCategory, ImportCounts, ImportItem } from '@shared/bundle/specs';
import type { Role } from '@shared/officers';
import type { OfficeProfile } from '@shared/office';
import type { Actor, RecordEnvelope } from '@shared/records/envelope';
import { err, ok, type Result } from '@shared/result';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import { flushAuditSigning } from '../../db/repositories/audit';
import { applyImport, prepareImport, type ApplyProgress, type ApplyResult, type ImportSession } from './importBundle';
import { runDecode } from './jobs';
import { knownOfficesForDecoding, type ImportHistoryRow } from './repository';
import { applyRestore, type RestoreError, type RestoreReport } from './restoreApply';

/** The phases of a bundle's way in and out, each with its own progress (issue 14 B7). */
export type JobPhase = 'read' | 'pack' | 'decode' | 'plan' | 'apply';
export type PhaseProgress = (phase: JobPhase, done: number, total: number) => void;

/** Records listed one by one per category at most; the counts always cover every record. */
export const LISTED_PER_CATEGORY = 200;
/** Rejected records listed one by one at most (a hostile file may carry thousands). */
export const LISTED_REJECTED = 200;
/** A string longer than this is cut in the slim copy: labels need names, numbers and dates, not texts. */
const SLIM_STRING = 200;

/** One record of the preview's lists: the slim copies of the incoming and local records. */
export interface PreviewItem {
  category: ImportCategory;
  table: string;
  id: string;
  incoming: RecordEnvelope;
  local?: RecordEnvelope;
  /** identity-match / merged-before: the person it is merged into (slim). */
  matchPerson?: RecordEnvelope;
}

/** All the page gets to see of a decoded and planned bundle. */
export interface ImportSummary {
  fileName: string;
  manifest: Pick<BundleManifest, 'bundleId' | 'createdAt' | 'officer' | 'office'>;
  sender: BundleSender;
  encrypted: boolean;
  counts: ImportCounts;
  countsByTable: Record<string, ImportCounts>;
  /** At most {@link LISTED_PER_CATEGORY} per category. */
  items: PreviewItem[];
  /** At most {@link LISTED_REJECTED}; `rejectedCount` counts them all. */
  rejected: RejectedRecord[];
  rejectedCount: number;
  changesNothing: boolean;
  canApply: boolean;
  previousImports: ImportHistoryRow[];
  headProblem: CarriedHeadProblem | null;
}

/**
 * A copy with the envelope and the short top-level values only (what `recordLabel` and `versionLine`
 * read), plus a minutes record's date and start time.
 */
export function slim(record: RecordEnvelope): RecordEnvelope {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value === 'string') out[key] = value.length > SLIM_STRING ? `${value.slice(0, SLIM_STRING)}…` : value;
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) out[key] = value;
  }
  out['version'] = record.version;
  const content: unknown = (record as unknown as Record<string, unknown>)['content'];
  if (typeof content === 'object' && content !== null && 'date' in content && 'startTime' in content)
    out['content'] = { date: content.date, startTime: content.startTime };
  return out as unknown as RecordEnvelope;
}

function matchPerson(session: ImportSession, item: ImportItem): RecordEnvelope | undefined {
  if (!item.match) return undefined;
  const { id, source } = item.match;
  const found =
    source === 'bundle'
      ? session.preview.items.find((i) => i.table === 'persons' && i.id === id)?.incoming
      : [...session.snapshot.personsByIin.values()].find((p) => p.id === id);
  return found ? slim(found) : undefined;
}

export function summarize(session: ImportSession): ImportSummary {
  const { decoded, preview } = session;
  const listed = new Map<ImportCategory, number>();
  const items: PreviewItem[] = [];
  for (const item of preview.items) {
    const n = listed.get(item.category) ?? 0;
    if (n >= LISTED_PER_CATEGORY) continue;
    listed.set(item.category, n + 1);
    const person = matchPerson(session, item);
    items.push({
      category: item.category,
      table: item.table,
      id: item.id,
      incoming: slim(item.incoming),
      ...(item.local ? { local: slim(item.local) } : {}),
      ...(person ? { matchPerson: person } : {}),
    });
  }
  const { bundleId, createdAt, officer, office } = decoded.manifest;
  return {
    fileName: session.fileName,
    manifest: { bundleId, createdAt, officer, office },
    sender: decoded.sender,
    encrypted: decoded.encrypted,
    counts: preview.counts,
    countsByTable: preview.countsByTable,
    items,
    rejected: preview.rejected.slice(0, LISTED_REJECTED),
    rejectedCount: preview.rejected.length,
    changesNothing: preview.changesNothing,
    canApply: preview.canApply,
    previousImports: session.previousImports,
    headProblem: session.headProblem ?? null,
  };
}

/** What the page sends to open a file. */
export interface OpenJob {
  /** The IndexedDB database the host plans against (a worker opens its own connection to it). */
  dbName: string;
  fileName: string;
  bytes: Uint8Array;
  passphrase?: string;
}

/** What the page sends to apply the held session: who applies it and when (the page's clock), never functions. */
export interface ApplyJob {
  actor: Actor;
  roles: readonly Role[];
  /** The moment of the apply as the page's clock tells it (every entry of the apply carries it). */
  now: string;
  /** A restore (the backup feature's preview) with the office whose counters are raised; an import otherwise. */
  restoreInto?: OfficeProfile;
}

/** What an apply did: an import's result, or a restore's report (its result and the counters raised). */
export type Applied = { kind: 'import'; result: ApplyResult } | { kind: 'restore'; report: RestoreReport };

/** The write context of an apply in the host: the page's officer, roles and moment, fresh ids here. */
export function contextOf(job: ApplyJob): WriteContext {
  return { actor: job.actor, roles: job.roles, now: () => job.now, newId: () => crypto.randomUUID() };
}

/** Holds one import session next to the database connection it was planned on. */
export class ImportHost {
  private session: ImportSession | null = null;

  constructor(private readonly db: QamqorDb) {}

  /** Decodes (verify, decrypt, validate) and plans; nothing is written. */
  async open(job: OpenJob, progress: PhaseProgress): Promise<Result<ImportSummary, BundleError>> {
    this.session = null;
    const knownOffices = await knownOfficesForDecoding(this.db);
    const decoded = await runDecode(
      { bytes: job.bytes, knownOffices, ...(job.passphrase !== undefined ? { passphrase: job.passphrase } : {}) },
      (done, total) => progress('decode', done, total),
    );
    if (!decoded.ok) return decoded;
    const records = Object.values(decoded.value.tables).reduce((n, rows) => n + rows.length, 0);
    progress('plan', 0, records);
    const session = await prepareImport(this.db, job.fileName, decoded.value);
    progress('plan', records, records);
    this.session = session;
    return ok(summarize(session));
  }

  /** Applies the session opened last (all or nothing), then waits for its audit run to be signed. */
  async apply(job: ApplyJob, progress: PhaseProgress): Promise<Result<Applied, RestoreError>> {
    const session = this.session;
    if (!session) return err({ code: 'stale' });
    const ctx = contextOf(job);
    const onProgress = (p: ApplyProgress) => progress('apply', p.done, p.total);
    let applied: Result<Applied, RestoreError>;
    if (job.restoreInto) {
      const restored = await applyRestore(this.db, ctx, job.restoreInto, session, { onProgress });
      applied = restored.ok ? ok({ kind: 'restore', report: restored.value }) : restored;
    } else {
      const imported = await applyImport(this.db, ctx, session, { onProgress });
      applied = imported.ok ? ok({ kind: 'import', result: imported.value }) : imported;
    }
    // The run this connection appended is signed before the host may be ended (issue 19 checkpoints).
    await flushAuditSigning(this.db);
    return applied;
  }
}
