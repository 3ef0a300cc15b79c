import { useTranslation } from 'react-i18next';
import { useServices } from '../../core/services';
import { Notice } from '../../ui/Notice';
import { showBackupPanel, useBackupStore } from './store';

/** A short status in the top bar while a backup runs, and while the closing app waits for one. */
export function BackupActivity() {
  const { t } = useTranslation();
  const running = useBackupStore((s) => s.running);
  const quitting = useBackupStore((s) => s.quitting);
  if (!running && !quitting) return null;
  const percent = running && running.total > 0 ? Math.round((running.done / running.total) * 100) : null;
  return (
    <span className="backup-activity" role="status" data-testid="backup-activity">
      {quitting ? t('backup.activity.quitting') : t('backup.activity.running')}
      {percent !== null ? ` ${percent}%` : ''}
    </span>
  );
}

/**
 * For the dashboard: a reminder when a backup is overdue and the app cannot make one by itself (the
 * browser build), or when the last automatic one failed. Reads the state `useAutomaticBackup` keeps.
 */
export function BackupReminder() {
  const { t } = useTranslation();
  const { platform } = useServices();
  const schedule = useBackupStore((s) => s.schedule);
  if (!schedule) return null;
  const { settings, decision } = schedule;
  const failed = settings.lastFailure !== null;
  const overdue = settings.passphrase !== null && decision.due && platform.backupTarget === 'download';
  const unset = settings.passphrase === null;
  if (!failed && !overdue && !unset) return null;
  return (
    <Notice kind="warning">
      <span data-testid="backup-reminder">
        {failed ? t('backup.reminder.failed') : unset ? t('backup.reminder.unset') : t('backup.reminder.overdue')}{' '}
        <a
          href="#/settings"
          onClick={(e) => {
            e.preventDefault();
            showBackupPanel();
          }}
        >
          {t('backup.reminder.open')}
        </a>
      </span>
    </Notice>
  );
}
