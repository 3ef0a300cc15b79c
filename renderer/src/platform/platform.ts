import type {
  AppInfo,
  BackupDoneRequest,
  BackupListing,
  BackupOnQuitRequest,
  BackupReadRequest,
  BackupWriteRequest,
  IpcResult,
  MenuCommand,
  OpenedFile,
  OpenFileRequest,
  PrintToPdfRequest,
  QamqorBridge,
  SavedFile,
  SaveFileRequest,
  StoredAuditHead,
  UiLanguage,
  Unsubscribe,
  WrittenBackup,
} from '@shared/ipc';

export type { BackupFileInfo, MenuCommand, OpenedFile, UiLanguage } from '@shared/ipc';

/**
 * What feature code may ask of the host. Two implementations: Electron (through the preload's
 * `window.qamqor`) and the plain browser (downloads, file inputs, the print dialog). Features never
 * know which one they have.
 */
export interface Platform {
  kind: 'electron' | 'browser';
  saveFile(request: SaveFileRequest): Promise<IpcResult<SavedFile>>;
  openFile(request: OpenFileRequest): Promise<IpcResult<OpenedFile>>;
  /** Electron saves a PDF through the save dialog; the browser opens its print dialog (value null). */
  print(request: PrintToPdfRequest): Promise<IpcResult<SavedFile | null>>;
  appInfo(): Promise<IpcResult<AppInfo>>;
  /** Electron rebuilds its native menu in this language; the browser has no menu (always ok). */
  setMenuLanguage(lang: UiLanguage): Promise<IpcResult<null>>;
  /**
   * A `.qamqor` bundle the user opened from the file manager (double-click), also while the app was
   * already running. Electron only; the browser never calls the handler.
   */
  onFileOpened(handler: (file: OpenedFile) => void): Unsubscribe;
  /** Commands of the native application menu. Electron only; the browser never calls the handler. */
  onMenuCommand(handler: (command: MenuCommand) => void): Unsubscribe;
  /**
   * Where backups go (issue 8): Electron keeps them in its own folder under the user data folder
   * (the last N, free space checked first); the browser can only offer a download.
   */
  backupTarget: 'folder' | 'download';
  /** Electron: into the backup folder ('disk-full' when short of space). Browser: a download named `fileName` (`keep` is ignored). */
  writeBackup(request: BackupWriteRequest): Promise<IpcResult<WrittenBackup>>;
  /**
   * Electron: the backups kept in `<userData>/backups`, newest first, each with its file name, size in
   * bytes, time made (UTC, from the name) and office code; an empty list when the folder does not exist
   * yet. Browser: nothing is kept (an empty list, folder ''). The first start on an empty database
   * offers the newest of these (issue 14 point 3).
   */
  listBackups(): Promise<IpcResult<BackupListing>>;
  /** Electron: one kept backup by its name (as listed), its bytes for the restore. Browser: refused (open a file instead). */
  readBackup(request: BackupReadRequest): Promise<IpcResult<OpenedFile>>;
  /** Electron: requests for a backup before the app quits; answer each with `backupDone`. Browser: never. */
  onBackupOnQuit(handler: (request: BackupOnQuitRequest) => void): Unsubscribe;
  backupDone(request: BackupDoneRequest): Promise<IpcResult<null>>;
  /**
   * Keeps the latest signed audit head outside IndexedDB (issue 19). Electron: `<userData>/audit-head.json`,
   * written atomically by the main process. Browser: localStorage (see browserPlatform.ts for what that
   * is worth). The head is not trusted when read back: its signature is checked against the office key.
   */
  writeAuditHead(head: StoredAuditHead): Promise<IpcResult<null>>;
  /** The stored head; null when none was stored; 'invalid-argument' when what is stored is not a head. */
  readAuditHead(): Promise<IpcResult<StoredAuditHead | null>>;
}

declare global {
  interface Window {
    qamqor?: QamqorBridge;
  }
}
