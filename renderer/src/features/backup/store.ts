/**
 * Backup activity shared by the shell's automatic backups, the topbar indicator and the Settings
 * panel: one backup at a time (a quit request while a scheduled backup runs waits for that one), the
 * progress of the running one, and the schedule state the panel and a dashboard reminder show.
 */
import { create } from 'zustand';
import { backupDue, type BackupReason, type BackupSettings, type ScheduleDecision } from '@shared/backup';
import type { Result } from '@shared/result';
import type { QamqorDb } from '../../db/database';
import { navigate } from '../../core/router';
import { exportPhase, trackProgress, type Progress } from '../bundles';
import { makeBackup, type BackupDeps, type BackupError, type BackupOutcome } from './makeBackup';
import { changedSinceBackup, getBackupSettings } from './repository';

export interface BackupSchedule {
  settings: BackupSettings;
  decision: ScheduleDecision;
  /** When the state was computed (ISO). */
  checkedAt: string;
}

interface BackupState {
  running: ({ reason: BackupReason } & Progress) | null;
  /** The app is closing and waits for this backup (desktop). */
  quitting: boolean;
  schedule: BackupSchedule | null;
  /** Bumped after every backup attempt and settings change, so the panel re-reads. */
  version: number;
  /** Set by the menu command 'backup': the panel scrolls itself into view. */
  focusRequest: number;
}

export const useBackupStore = create<BackupState>(() => ({ running: null, quitting: false, schedule: null, version: 0, focusRequest: 0 }));

/** Reads the settings and decides whether a backup is due (shared/backup/schedule.ts); reads through Dexie only. */
export async function readSchedule(db: QamqorDb, now: string): Promise<BackupSchedule> {
  const settings = await getBackupSettings(db);
  const changedSinceLast = await changedSinceBackup(db, settings.last);
  const decision = backupDue({ now, intervalHours: settings.intervalHours, lastAt: settings.last?.at ?? null, changedSinceLast });
  return { settings, decision, checkedAt: now };
}

/** Reads the schedule and keeps it in the store (the shell's "overdue" mark). */
export async function refreshSchedule(db: QamqorDb, now: string): Promise<BackupSchedule> {
  const schedule = await readSchedule(db, now);
  useBackupStore.setState({ schedule });
  return schedule;
}

let current: Promise<Result<BackupOutcome, BackupError>> | null = null;

/** Makes a backup unless one is already running, in which case the caller gets that one's result. */
export function runBackup(deps: BackupDeps, reason: BackupReason): Promise<Result<BackupOutcome, BackupError>> {
  if (current) return current;
  useBackupStore.setState({ running: { reason, done: 0, total: 0, startedAt: 0, at: 0 } });
  const track = trackProgress((progress) => useBackupStore.setState({ running: { reason, ...progress } }));
  const run = makeBackup(deps, reason, (done, total) => track(exportPhase(done, total), done, total));
  current = run.finally(async () => {
    current = null;
    useBackupStore.setState((s) => ({ running: null, version: s.version + 1 }));
    await refreshSchedule(deps.db, deps.ctx.now()).catch(() => undefined);
  });
  return current;
}

export function backupSettingsChanged(): void {
  useBackupStore.setState((s) => ({ version: s.version + 1 }));
}

/** The menu's File → Backup: Settings, scrolled to the backup panel. */
export function showBackupPanel(): void {
  navigate({ name: 'settings' });
  useBackupStore.setState((s) => ({ focusRequest: s.focusRequest + 1 }));
}
