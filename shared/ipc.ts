/**
 * The typed contract between the renderer and the Electron main process.
 * The preload exposes exactly these calls as `window.qamqor`; the main process validates every
 * payload against the schemas below before it acts, because a compromised renderer must not be able
 * to make the main process write arbitrary paths or read arbitrary files.
 */
import { z } from 'zod';
import type { Result } from './result';

export const IPC_CHANNELS = {
  saveFile: 'qamqor:save-file',
  openFile: 'qamqor:open-file',
  printToPdf: 'qamqor:print-to-pdf',
  appInfo: 'qamqor:app-info',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/** A file name the user is offered in a save dialog: no folders, no control characters. */
const suggestedName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|\u0000-\u001f]+$/u, 'a plain file name without folders');

/** File-type filters for native dialogs: extensions without the dot. */
const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9]{1,10}$/u)).min(1).max(10),
});

/** Files larger than this are refused on both sides; bundles of whole regions stay well below it. */
export const MAX_FILE_BYTES = 1024 * 1024 * 1024;

export const saveFileRequest = z.object({
  suggestedName,
  filters: z.array(fileFilter).max(10),
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength <= MAX_FILE_BYTES, 'file too large'),
});
export type SaveFileRequest = z.infer<typeof saveFileRequest>;

export const openFileRequest = z.object({
  filters: z.array(fileFilter).max(10),
});
export type OpenFileRequest = z.infer<typeof openFileRequest>;

export const printToPdfRequest = z.object({
  suggestedName,
});
export type PrintToPdfRequest = z.infer<typeof printToPdfRequest>;

export interface SavedFile {
  /** What the user sees: the file name without its folder. */
  fileName: string;
}

export interface OpenedFile {
  fileName: string;
  data: Uint8Array;
}

export interface AppInfo {
  name: string;
  version: string;
  platform: 'electron' | 'browser';
  electronVersion?: string;
  chromeVersion?: string;
}

export type IpcErrorCode = 'cancelled' | 'invalid-argument' | 'forbidden-sender' | 'too-large' | 'io-error';

export interface IpcError {
  code: IpcErrorCode;
  /** Technical detail for the log; the renderer shows a translated message chosen by `code`. */
  detail?: string;
}

export type IpcResult<T> = Result<T, IpcError>;

/** The object the preload puts on `window.qamqor`. */
export interface QamqorBridge {
  saveFile(request: SaveFileRequest): Promise<IpcResult<SavedFile>>;
  openFile(request: OpenFileRequest): Promise<IpcResult<OpenedFile>>;
  printToPdf(request: PrintToPdfRequest): Promise<IpcResult<SavedFile>>;
  appInfo(): Promise<IpcResult<AppInfo>>;
}
