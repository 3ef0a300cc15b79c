/**
 * Runs in the sandboxed preload world (checklist 3-4): it can load no module but 'electron', which is
 * why the build bundles this file and the channel names into one self-contained CommonJS file.
 *
 * Exposes exactly the four calls of `QamqorBridge`. Neither `ipcRenderer` nor a generic "invoke any
 * channel" function is exposed (checklist 20 / context isolation guidance): the page must not be able
 * to reach channels the contract does not name. Each call forwards at most one argument.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNELS,
  type AppInfo,
  type IpcChannel,
  type IpcResult,
  type OpenedFile,
  type QamqorBridge,
  type SavedFile,
} from '../shared/ipc';

function invoke<T>(channel: IpcChannel, ...args: [] | [unknown]): Promise<IpcResult<T>> {
  // The main process answers every channel with an IpcResult of the contract's type (handlers.ts).
  return ipcRenderer.invoke(channel, ...args) as Promise<IpcResult<T>>;
}

const bridge: QamqorBridge = {
  saveFile: (request) => invoke<SavedFile>(IPC_CHANNELS.saveFile, request),
  openFile: (request) => invoke<OpenedFile>(IPC_CHANNELS.openFile, request),
  printToPdf: (request) => invoke<SavedFile>(IPC_CHANNELS.printToPdf, request),
  appInfo: () => invoke<AppInfo>(IPC_CHANNELS.appInfo),
};

contextBridge.exposeInMainWorld('qamqor', bridge);
