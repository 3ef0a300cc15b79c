/**
 * Backups outside IndexedDB (issue 8). The Settings page places `<BackupPanel />`; the shell mounts
 * `useAutomaticBackup()`, shows `<BackupActivity />` in its top bar and sends the menu's File → Backup
 * to `showBackupPanel()`; the dashboard may show `<BackupReminder />`.
 */
import './backup.css';

export { BackupPanel } from './BackupPanel';
export { BackupActivity, BackupReminder } from './BackupActivity';
export { useAutomaticBackup } from './useAutomaticBackup';
export { showBackupPanel } from './store';
export { FirstStartRestore } from './FirstStartRestore';
export { isEmptyOffice } from './restoreOffice';
