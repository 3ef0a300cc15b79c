/**
 * Backup and restore in the harness (issue 14 points 5-6): the backup feature's own functions, called
 * as its screens call them, next to their raw Dexie baselines over the same tables.
 *
 * - Backup: `makeBackup` as the backup panel runs it (the bundle worker reads and packs everything,
 *   `exportInWorker`), under a passphrase saved through the backup settings (their length rule). The
 *   only piece supplied here is the platform's `writeBackup`: the browser build's would offer a
 *   download, so the harness keeps the bytes in memory instead (no file is written anywhere).
 * - Restore on the Backup page (RestoreFlow.tsx): `importSession` decodes and plans in the bundle worker,
 *   then applies there as a restore into this office, after the caseload (records, import history,
 *   conflicts) was deleted.
 * - Restore at the first start (FirstStartRestore.tsx): every table emptied, `decodeBackup` in the worker,
 *   then `restoreWholeOffice` writes the whole office back.
 * - Baselines: one read transaction with `toArray` of every table a backup carries; the same rows written
 *   back with one `bulkPut` per table in one transaction, into the emptied tables.
 */
import { OFFICE_TABLE_NAMES } from '@shared/backup/officeTables';
import { BUNDLE_TABLE_NAMES } from '@shared/bundle/specs';
import { ROLES } from '@shared/officers';
import { ok } from '@shared/result';
import { systemContext } from '../../renderer/src/db/context';
import type { QamqorDb } from '../../renderer/src/db/database';
import { getOfficeProfile } from '../../renderer/src/db/repositories/settings';
import { makeBackup } from '../../renderer/src/features/backup/makeBackup';
import { getBackupSettings, saveBackupSettings } from '../../renderer/src/features/backup/repository';
import { decodeBackup } from '../../renderer/src/features/backup/restore';
import { restoreWholeOffice } from '../../renderer/src/features/backup/restoreOffice';
import { exportInWorker, importSession, lastJobRanIn } from '../../renderer/src/features/bundles/workerClient';
import { browserPlatform } from '../../renderer/src/platform/browserPlatform';
import type { Platform } from '../../renderer/src/platform';
import type { BackupRun, BaselineRun, RestoreRun } from './api';
import { measured } from './measure';

/** Every table a backup carries: the record tables and the office tables (shared/backup/officeTables.ts). */
const CARRIED = [...BUNDLE_TABLE_NAMES, ...OFFICE_TABLE_NAMES];
/** Longer than the backup passphrase's minimum (shared/backup/settings.ts MIN_BACKUP_PASSPHRASE): saved through the settings form's rule. */
const PASSPHRASE = 'bench-passphrase-2026';

let backup: { bytes: Uint8Array; fileName: string; counts: Record<string, number> } | null = null;
let baselineRows: Record<string, unknown[]> | null = null;

async function adminContext(db: QamqorDb) {
  const office = await getOfficeProfile(db);
  if (!office) throw new Error('harness: no office');
  return { office, ctx: systemContext({ officerName: office.officerName, officeId: office.officeId }, ROLES) };
}

/** The browser platform, with the backup kept in memory instead of offered as a download. */
function memoryPlatform(keep: (fileName: string, data: Uint8Array) => void): Platform {
  const platform = browserPlatform('bench');
  return {
    ...platform,
    writeBackup: (request) => {
      keep(request.fileName, request.data);
      return Promise.resolve(ok({ fileName: request.fileName, size: request.data.byteLength, folder: '', deleted: [] }));
    },
  };
}

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function countTables(db: QamqorDb, names: readonly string[]): Promise<Record<string, number>> {
  const counts = await Promise.all(names.map((n) => db.table(n).count()));
  return Object.fromEntries(names.map((n, i) => [n, counts[i] ?? 0]));
}

export async function backupOffice(db: QamqorDb): Promise<BackupRun> {
  const { office, ctx } = await adminContext(db);
  if ((await getBackupSettings(db)).passphrase === null) {
    const saved = await saveBackupSettings(db, ctx, { passphrase: PASSPHRASE, passphraseRepeat: PASSPHRASE, intervalHours: 24, keep: 5 });
    if (!saved.ok) throw new Error(`backup settings refused: ${JSON.stringify(saved.error)}`);
  }
  const kept: { fileName: string; data: Uint8Array }[] = [];
  const platform = memoryPlatform((fileName, data) => kept.push({ fileName, data }));
  const held = await countTables(db, CARRIED);
  const run = await measured(() => makeBackup({ db, platform, ctx, office, exporter: exportInWorker(db) }, 'manual'));
  if (!run.value.ok) throw new Error(`backup failed: ${JSON.stringify(run.value.error)}`);
  const file = kept[0];
  if (!file) throw new Error('backup: nothing was written');
  backup = { bytes: file.data, fileName: file.fileName, counts: run.value.value.counts };
  return {
    ms: run.ms,
    bytes: file.data.byteLength,
    counts: run.value.value.counts,
    records: sum(run.value.value.counts),
    officeRows: OFFICE_TABLE_NAMES.reduce((s, n) => s + (held[n] ?? 0), 0),
    longTasks: run.longTasks,
    maxTimerGapMs: run.maxTimerGapMs,
    codecIn: lastJobRanIn ?? 'page',
  };
}

/** The backup's baseline: every carried table read in one read transaction (kept for the write baseline). */
export async function baselineReadAll(db: QamqorDb): Promise<BaselineRun> {
  const run = await measured(() =>
    db.transaction('r', CARRIED, async () => {
      const all = await Promise.all(CARRIED.map((n) => db.table(n).toArray()));
      return Object.fromEntries(CARRIED.map((n, i) => [n, all[i] ?? []]));
    }),
  );
  baselineRows = run.value;
  return {
    ms: run.ms,
    records: sum(Object.fromEntries(Object.entries(run.value).map(([n, r]) => [n, r.length]))),
    longTasks: run.longTasks,
  };
}

/** The restore's baseline: the carried tables emptied (not timed), then the same rows put back, one bulkPut per table. */
export async function baselineWriteAll(db: QamqorDb): Promise<BaselineRun> {
  const rows = baselineRows;
  if (!rows) throw new Error('harness: read the backup baseline first');
  await db.transaction('rw', CARRIED, async () => {
    for (const n of CARRIED) await db.table(n).clear();
  });
  const run = await measured(() =>
    db.transaction('rw', CARRIED, async () => {
      for (const n of CARRIED) await db.table(n).bulkPut(rows[n] ?? []);
    }),
  );
  return { ms: run.ms, records: sum(Object.fromEntries(Object.entries(rows).map(([n, r]) => [n, r.length]))), longTasks: run.longTasks };
}

function needBackup(): NonNullable<typeof backup> {
  if (!backup) throw new Error('harness: back up first');
  return backup;
}

/** Throws unless every record table holds what the backup holds. */
function checkRecords(held: Record<string, number>, stored: Record<string, number>): void {
  const short = BUNDLE_TABLE_NAMES.filter((n) => (stored[n] ?? 0) !== (held[n] ?? 0));
  if (short.length > 0)
    throw new Error(
      `restore stored ${short.map((n) => `${n} ${stored[n] ?? 0}`).join(', ')}; the backup holds ${short.map((n) => `${n} ${held[n] ?? 0}`).join(', ')}`,
    );
}

/**
 * The Backup page's restore (RestoreFlow.tsx): the caseload deleted first (not timed; the office stays set
 * up), then the backup decoded and planned in the bundle worker and applied there as a restore.
 */
export async function restoreOnPage(db: QamqorDb, clear: () => Promise<void>): Promise<RestoreRun> {
  const file = needBackup();
  const { office, ctx } = await adminContext(db);
  await clear();
  const phases = { decodeMs: 0, applyMs: 0, written: 0 };
  const session = importSession(db);
  const run = await measured(async () => {
    let t = performance.now();
    const opened = await session.open({ fileName: file.fileName, bytes: file.bytes, passphrase: PASSPHRASE }, () => undefined);
    if (!opened.ok) throw new Error(`restore: decode failed: ${JSON.stringify(opened.error)}`);
    phases.decodeMs = performance.now() - t;
    t = performance.now();
    const applied = await session.apply({ actor: ctx.actor, roles: ctx.roles, now: ctx.now(), restoreInto: office }, () => undefined);
    phases.applyMs = performance.now() - t;
    if (!applied.ok) throw new Error(`restore failed: ${JSON.stringify(applied.error)}`);
    if (applied.value.kind !== 'restore') throw new Error('restore: applied as an import');
    const result = applied.value.report.result;
    if (result.kind === 'applied') phases.written = result.written;
  });
  session.close();
  const stored = await countTables(db, BUNDLE_TABLE_NAMES);
  checkRecords(file.counts, stored);
  return { ms: run.ms, ...phases, stored, longTasks: run.longTasks, maxTimerGapMs: run.maxTimerGapMs, codecIn: lastJobRanIn ?? 'page' };
}

/**
 * The first-start restore (FirstStartRestore.tsx): every table of the database emptied (not timed), as in
 * a fresh profile, then the backup decoded in the bundle worker and the whole office written back.
 */
export async function restoreAtFirstStart(db: QamqorDb): Promise<RestoreRun> {
  const file = needBackup();
  await db.transaction('rw', db.tables, async () => {
    for (const t of db.tables) await t.clear();
  });
  const phases = { decodeMs: 0, applyMs: 0, written: 0 };
  let officeHeld: Record<string, number> = {};
  const run = await measured(async () => {
    let t = performance.now();
    const decoded = await decodeBackup(db, file.bytes, PASSPHRASE, () => undefined);
    if (!decoded.ok) throw new Error(`restore: decode failed: ${JSON.stringify(decoded.error)}`);
    phases.decodeMs = performance.now() - t;
    t = performance.now();
    const restored = await restoreWholeOffice(db, decoded.value, file.fileName, 'bench');
    phases.applyMs = performance.now() - t;
    if (!restored.ok) throw new Error(`restore failed: ${JSON.stringify(restored.error)}`);
    phases.written = restored.value.records;
    officeHeld = Object.fromEntries(OFFICE_TABLE_NAMES.map((n) => [n, decoded.value.officeTables[n]?.length ?? 0]));
  });
  const stored = await countTables(db, CARRIED);
  checkRecords(file.counts, stored);
  const lost = OFFICE_TABLE_NAMES.filter((n) => (stored[n] ?? 0) < (officeHeld[n] ?? 0));
  if (lost.length > 0) throw new Error(`restore lost rows of ${lost.join(', ')}`);
  return { ms: run.ms, ...phases, stored, longTasks: run.longTasks, maxTimerGapMs: run.maxTimerGapMs, codecIn: lastJobRanIn ?? 'page' };
}
