/**
 * Runs in the sandboxed preload world (checklist 3-4): it can load no module but 'electron', which is
 * why the build bundles this file and the channel names into one self-contained CommonJS file.
 *
 * Exposes exactly the calls of `QamqorBridge`. Neither `ipcRenderer` nor a generic "invoke any
 * channel" or "listen to any channel" function is exposed (checklist 20 / context isolation
 * guidance): the page must not be able to reach channels the contract does not name. Each call
 * forwards at most one argument; each subscription passes on only a checked payload, never the IPC
 * event (its `sender` is `ipcRenderer` itself).
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNELS,
  IPC_EVENTS,
  isBackupOnQuitRequest,
  isMenuCommand,
  isOpenedFile,
  type AppInfo,
  type BackupListing,
  type BackupOnQuitRequest,
  type IpcChannel,
  type IpcResult,
  type MenuCommand,
  type OpenedFile,
  type QamqorBridge,
  type SavedFile,
  type StoredAuditHead,
  type Unsubscribe,
  type WrittenBackup,
} from '@shared/ipc';

function invoke<T>(channel: IpcChannel, ...args: [] | [unknown]): Promise<IpcResult<T>> {
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResult<T>>;
}

/** A set of page callbacks; one that throws must not keep the others from running. */
function createListeners<T>() {
  const listeners = new Set<(value: T) => void>();
  return {
    add(listener: (value: T) => void): Unsubscribe {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    size: () => listeners.size,
    emit(value: T): void {
      for (const listener of [...listeners]) {
        try {
          listener(value);
        } catch (error) {
          console.error('[qamqor] listener failed', error);
        }
      }
    },
  };
}

const fileListeners = createListeners<OpenedFile>();
const commandListeners = createListeners<MenuCommand>();
const quitBackupListeners = createListeners<BackupOnQuitRequest>();
/**
 * Bundles that arrived before the renderer subscribed: a double-click starts the app, and the page
 * (office setup, database opening) may take a while before it listens. Handed to the first subscriber.
 */
const unclaimedFiles: OpenedFile[] = [];

ipcRenderer.on(IPC_EVENTS.fileOpened, (_event: unknown, payload: unknown) => {
  if (!isOpenedFile(payload)) return;
  const file: OpenedFile = { fileName: payload.fileName, data: payload.data };
  if (fileListeners.size() === 0) unclaimedFiles.push(file);
  else fileListeners.emit(file);
});

ipcRenderer.on(IPC_EVENTS.menuCommand, (_event: unknown, payload: unknown) => {
  // A command clicked while nobody listens (e.g. during office setup) is dropped, not replayed later.
  if (isMenuCommand(payload)) commandListeners.emit(payload);
});

ipcRenderer.on(IPC_EVENTS.backupOnQuit, (_event: unknown, payload: unknown) => {
  if (!isBackupOnQuitRequest(payload)) return;
  const request: BackupOnQuitRequest = { requestId: payload.requestId };
  // Nobody to make the backup (signed out, locked, still setting up): say so at once instead of
  // keeping the officer waiting for the main process's time limit.
  if (quitBackupListeners.size() === 0) void invoke<null>(IPC_CHANNELS.backupDone, { requestId: request.requestId, outcome: 'skipped' });
  else quitBackupListeners.emit(request);
});

const bridge: QamqorBridge = {
  saveFile: (request) => invoke<SavedFile>(IPC_CHANNELS.saveFile, request),
  openFile: (request) => invoke<OpenedFile>(IPC_CHANNELS.openFile, request),
  printToPdf: (request) => invoke<SavedFile>(IPC_CHANNELS.printToPdf, request),
  appInfo: () => invoke<AppInfo>(IPC_CHANNELS.appInfo),
  setMenuLanguage: (lang) => invoke<null>(IPC_CHANNELS.setMenuLanguage, lang),
  onFileOpened: (handler) => {
    if (typeof handler !== 'function') throw new TypeError('onFileOpened expects a function');
    const unsubscribe = fileListeners.add(handler);
    // Handed over after the subscribe call has returned its unsubscribe function; and to whoever
    // listens then (React's development mode subscribes, unsubscribes and subscribes again).
    queueMicrotask(() => {
      if (fileListeners.size() === 0) return;
      for (const file of unclaimedFiles.splice(0)) fileListeners.emit(file);
    });
    return unsubscribe;
  },
  onMenuCommand: (handler) => {
    if (typeof handler !== 'function') throw new TypeError('onMenuCommand expects a function');
    return commandListeners.add(handler);
  },
  writeBackup: (request) => invoke<WrittenBackup>(IPC_CHANNELS.backupWrite, request),
  listBackups: () => invoke<BackupListing>(IPC_CHANNELS.backupList),
  readBackup: (request) => invoke<OpenedFile>(IPC_CHANNELS.backupRead, request),
  backupDone: (request) => invoke<null>(IPC_CHANNELS.backupDone, request),
  onBackupOnQuit: (handler) => {
    if (typeof handler !== 'function') throw new TypeError('onBackupOnQuit expects a function');
    return quitBackupListeners.add(handler);
  },
  writeAuditHead: (request) => invoke<null>(IPC_CHANNELS.auditWriteHead, request),
  readAuditHead: () => invoke<StoredAuditHead | null>(IPC_CHANNELS.auditReadHead),
};

contextBridge.exposeInMainWorld('qamqor', bridge);
