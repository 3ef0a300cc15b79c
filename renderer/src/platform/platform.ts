import type {
  AppInfo,
  IpcResult,
  MenuCommand,
  OpenedFile,
  OpenFileRequest,
  PrintToPdfRequest,
  QamqorBridge,
  SavedFile,
  SaveFileRequest,
  UiLanguage,
  Unsubscribe,
} from '../../../shared/ipc';

export type { MenuCommand, OpenedFile, UiLanguage, Unsubscribe } from '../../../shared/ipc';

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
}

declare global {
  interface Window {
    qamqor?: QamqorBridge;
  }
}
