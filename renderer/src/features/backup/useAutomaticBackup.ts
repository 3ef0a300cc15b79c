/**
 * Automatic backups, mounted once in the shell (that is: while an officer is signed in).
 *
 * Desktop: at start and every 10 minutes, when a backup is due (shared/backup/schedule.ts), one is
 * made silently into the backup folder; when the app quits, the main process asks for one
 * (`backupOnQuit`) and waits for the answer. Browser: a page cannot write files silently nor work
 * while the tab closes, so nothing is made automatically; the schedule state is kept up to date for
 * the panel ("overdue") and the dashboard reminder (`BackupReminder`).
 */
import { liveQuery } from 'dexie';
import { useEffect, useRef } from 'react';
import { SCHEDULE_CHECK_MS } from '@shared/backup';
import type { BackupDoneOutcome } from '@shared/ipc';
import { useServices } from '../../core/services';
import { useAppStore, useWriteContext } from '../../core/store';
import { exportInWorker } from '../bundles';
import type { BackupDeps } from './makeBackup';
import { readSchedule, refreshSchedule, runBackup, useBackupStore } from './store';

export function useAutomaticBackup(): void {
  const { db, platform } = useServices();
  const ctx = useWriteContext();
  const office = useAppStore((s) => s.office);
  const latest = useRef({ ctx, office });
  useEffect(() => {
    latest.current = { ctx, office };
  });

  /** The officer and office of this moment (the subscriptions below are made once). */
  const depsNow = useRef((): BackupDeps | null => {
    const { ctx: c, office: o } = latest.current;
    return c && o ? { db, platform, ctx: c, office: o, exporter: exportInWorker(db) } : null;
  });
  useEffect(() => {
    depsNow.current = () => {
      const { ctx: c, office: o } = latest.current;
      return c && o ? { db, platform, ctx: c, office: o, exporter: exportInWorker(db) } : null;
    };
  }, [db, platform]);

  // The schedule: at start, then every 10 minutes.
  useEffect(() => {
    let stopped = false;
    const check = async (): Promise<void> => {
      const deps = depsNow.current();
      if (!deps) return;
      const schedule = await refreshSchedule(db, deps.ctx.now());
      if (stopped || platform.backupTarget !== 'folder') return;
      if (schedule.settings.passphrase === null || !schedule.decision.due) return;
      await runBackup(deps, 'schedule');
    };
    const run = () => {
      check().catch((e: unknown) => console.warn('[qamqor] scheduled backup check failed', e));
    };
    run();
    const timer = setInterval(run, SCHEDULE_CHECK_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [db, platform]);

  // "Overdue" follows the officers' changes without waiting for the next check (no backup is made
  // here): a live query over what the schedule reads (the backup settings and the audit trail's head),
  // so any write that appends to the trail or changes the settings refreshes it.
  useEffect(() => {
    const subscription = liveQuery(async () => await readSchedule(db, new Date().toISOString())).subscribe({
      next: (schedule) => useBackupStore.setState({ schedule }),
      error: (e: unknown) => console.warn('[qamqor] backup schedule read failed', e),
    });
    return () => subscription.unsubscribe();
  }, [db]);

  // The quit request of the desktop shell: back up what changed since the last backup, then answer.
  useEffect(
    () =>
      platform.onBackupOnQuit(({ requestId }) => {
        void (async () => {
          useBackupStore.setState({ quitting: true });
          let outcome: BackupDoneOutcome = 'skipped';
          try {
            const deps = depsNow.current();
            if (deps) {
              const schedule = await refreshSchedule(db, deps.ctx.now());
              const wanted = schedule.settings.passphrase !== null && schedule.decision.reason !== 'unchanged';
              if (wanted || useBackupStore.getState().running) {
                const made = await runBackup(deps, 'quit');
                outcome = made.ok ? 'done' : made.error.code === 'empty' ? 'skipped' : 'failed';
              }
            }
          } catch (e: unknown) {
            console.warn('[qamqor] backup on quit failed', e);
            outcome = 'failed';
          }
          const answered = await platform.backupDone({ requestId, outcome }).catch(() => null);
          // The app normally closes now; if the main process no longer waited, the page stays usable.
          if (!answered?.ok) useBackupStore.setState({ quitting: false });
        })();
      }),
    [db, platform],
  );
}
