import type {
  AppInfo,
  IpcResult,
  OpenedFile,
  OpenFileRequest,
  PrintToPdfRequest,
  QamqorBridge,
  SavedFile,
  SaveFileRequest,
} from '../../../shared/ipc';

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
}

declare global {
  interface Window {
    qamqor?: QamqorBridge;
  }
}
