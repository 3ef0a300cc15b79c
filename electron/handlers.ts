/**
 * The main-process side of the IPC contract in shared/ipc.ts. The renderer is treated as untrusted
 * (Electron security checklist 17: validate the sender of all IPC messages): every handler first
 * checks who is asking, then validates the payload, and only then touches dialogs or the disk. Paths
 * always come from a native dialog the user answered, never from the renderer.
 *
 * Nothing here imports Electron at runtime: the Electron objects are injected, which keeps the
 * handlers testable with plain fakes.
 */
import path from 'node:path';
import type { OpenDialogOptions, OpenDialogReturnValue, PrintToPDFOptions, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import type { ZodType } from 'zod';
import {
  IPC_CHANNELS,
  MAX_FILE_BYTES,
  openFileRequest,
  printToPdfRequest,
  saveFileRequest,
  uiLanguage,
  type AppInfo,
  type IpcChannel,
  type IpcError,
  type IpcResult,
  type OpenedFile,
  type SavedFile,
  type UiLanguage,
} from '@shared/ipc';
import { err, ok } from '@shared/result';
import { createAuditHeadHandlers, type AuditHeadDeps } from './auditHead';
import { createBackupHandlers, type BackupDeps } from './backup';
import { immediateHandler, type InvokeEventLike, type IpcHandler } from './ipcTypes';
import { isAppUrl, type AppOrigin } from './paths';

export interface IpcMainLike {
  handle(channel: string, listener: IpcHandler): void;
}

/** Dialogs already bound to the app window (modal) by the caller. */
export interface DialogLike {
  showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
  showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
}

export interface FsLike {
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  readFile(filePath: string): Promise<Uint8Array>;
  stat(filePath: string): Promise<{ readonly size: number; isFile(): boolean }>;
}

export interface AppInfoSource {
  getName(): string;
  getVersion(): string;
}

export interface HandlerDeps {
  readonly ipcMain: IpcMainLike;
  readonly dialog: DialogLike;
  readonly fs: FsLike;
  readonly isTrustedSender: (event: InvokeEventLike) => boolean;
  readonly app: AppInfoSource;
  /** `process.versions` in Electron; both fields are absent outside it. */
  readonly versions: { readonly electron?: string | undefined; readonly chrome?: string | undefined };
  /** Folder the first dialog opens in (the last one used, or the user's Documents); later dialogs reuse the last one. */
  readonly initialFolder?: string | undefined;
  /** Told about every folder a dialog answered, so it can be remembered across restarts. */
  readonly onFolderUsed?: ((folder: string) => void) | undefined;
  /** Rebuilds the application menu in the renderer's language. */
  readonly setMenuLanguage: (lang: UiLanguage) => void;
  /** The backup folder and the quit-time backup (backup.ts); without it the backup channels refuse. */
  readonly backup?: BackupDeps | undefined;
  /** The audit head file (auditHead.ts); without it the head channels refuse. */
  readonly auditHead?: AuditHeadDeps | undefined;
}

const forbidden: IpcError = { code: 'forbidden-sender' };

/**
 * True only for the main frame of the app window showing the app's own page. A subframe, another
 * window, or the app window after it was navigated elsewhere must not reach the file system.
 */
export function isTrustedSenderEvent(event: InvokeEventLike, appContentsId: number | null, appOrigin: AppOrigin): boolean {
  if (appContentsId === null || event.sender.id !== appContentsId) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.parent !== null) return false;
  return isAppUrl(frame.url, appOrigin);
}

/** Binds the sender check to the (possibly not yet created or already closed) app window. */
export function createSenderGuard(
  getAppContents: () => { readonly id: number } | null,
  appOrigin: AppOrigin,
): (event: InvokeEventLike) => boolean {
  return (event) => isTrustedSenderEvent(event, getAppContents()?.id ?? null, appOrigin);
}

function describeIssues(issues: ReadonlyArray<{ readonly path: ReadonlyArray<PropertyKey>; readonly message: string }>): string {
  return issues
    .map((issue) => {
      const where = issue.path.map((key) => String(key)).join('.');
      return `${where === '' ? '(request)' : where}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Validates the arguments of an invoke call: exactly one payload matching `schema`. Extra arguments
 * are refused too, so the contract cannot silently grow on the renderer side.
 */
export function parseRequest<T>(schema: ZodType<T>, args: readonly unknown[]): IpcResult<T> {
  if (args.length !== 1) {
    return err({ code: 'invalid-argument', detail: `expected exactly one argument, got ${args.length}` });
  }
  const parsed = schema.safeParse(args[0]);
  if (!parsed.success) return err({ code: 'invalid-argument', detail: describeIssues(parsed.error.issues) });
  return ok(parsed.data);
}

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A plain Uint8Array over exactly the file's bytes. Node may hand out a Buffer that is a view into a
 * larger shared pool, and serialising such a view could carry the rest of the pool along; only that
 * case is copied, a whole-buffer view is re-wrapped without copying (files can be large).
 */
export function ownBytes(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  if (whole) return new Uint8Array(bytes.buffer, 0, bytes.byteLength);
  // Not `bytes.slice()`: Buffer#slice returns another view, not a copy.
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

/**
 * Reads a file the user pointed at (a dialog answer or a double-clicked bundle), refusing anything
 * that is not a regular file or is larger than MAX_FILE_BYTES before loading it into memory.
 */
export async function readLimitedFile(fs: FsLike, filePath: string): Promise<IpcResult<OpenedFile>> {
  try {
    const info = await fs.stat(filePath);
    if (!info.isFile()) return err({ code: 'io-error', detail: 'not a regular file' });
    if (info.size > MAX_FILE_BYTES) return err({ code: 'too-large', detail: `${info.size} bytes` });
    const data = ownBytes(await fs.readFile(filePath));
    return ok({ fileName: path.basename(filePath), data });
  } catch (error) {
    return err({ code: 'io-error', detail: errorDetail(error) });
  }
}

/**
 * Options of `webContents.printToPDF`. The print style sheet sets `@page { size: A4; margin: 0 }` and
 * the sheet (`.a4-page`) carries its own padding as the page margins, so the page size comes from
 * the CSS and Chromium adds no margin of its own (its default would be about 1 cm on every side and
 * would shrink the form).
 */
export const PDF_OPTIONS = {
  pageSize: 'A4',
  preferCSSPageSize: true,
  printBackground: true,
  margins: { top: 0, bottom: 0, left: 0, right: 0 },
} as const satisfies PrintToPDFOptions;

function withPdfExtension(name: string): string {
  return name.toLowerCase().endsWith('.pdf') ? name : `${name}.pdf`;
}

/**
 * The handlers keyed by channel, sharing the "last used folder" memory. Exposed separately from
 * registration so tests can call them directly.
 */
export function createIpcHandlers(deps: HandlerDeps): Record<IpcChannel, IpcHandler> {
  let lastFolder: string | undefined = deps.initialFolder;
  const rememberFolder = (filePath: string): void => {
    lastFolder = path.dirname(filePath);
    deps.onFolderUsed?.(lastFolder);
  };

  const defaultPathFor = (fileName: string): string => (lastFolder === undefined ? fileName : path.join(lastFolder, fileName));

  /** Asks where to save, then writes. Shared by saveFile and printToPdf. */
  const saveWithDialog = async (
    suggestedName: string,
    filters: SaveDialogOptions['filters'],
    data: Uint8Array,
  ): Promise<IpcResult<SavedFile>> => {
    let choice: SaveDialogReturnValue;
    try {
      choice = await deps.dialog.showSaveDialog({
        defaultPath: defaultPathFor(suggestedName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      });
    } catch (error) {
      return err({ code: 'io-error', detail: errorDetail(error) });
    }
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') return err({ code: 'cancelled' });
    const filePath = choice.filePath;
    try {
      await deps.fs.writeFile(filePath, data);
    } catch (error) {
      return err({ code: 'io-error', detail: errorDetail(error) });
    }
    rememberFolder(filePath);
    return ok({ fileName: path.basename(filePath) });
  };

  const saveFile: IpcHandler = async (event, ...args) => {
    if (!deps.isTrustedSender(event)) return err(forbidden);
    const request = parseRequest(saveFileRequest, args);
    if (!request.ok) return request;
    const { suggestedName, filters, data } = request.value;
    return saveWithDialog(suggestedName, filters, data);
  };

  const openFile: IpcHandler = async (event, ...args): Promise<IpcResult<OpenedFile>> => {
    if (!deps.isTrustedSender(event)) return err(forbidden);
    const request = parseRequest(openFileRequest, args);
    if (!request.ok) return request;
    let choice: OpenDialogReturnValue;
    try {
      choice = await deps.dialog.showOpenDialog({
        ...(lastFolder === undefined ? {} : { defaultPath: lastFolder }),
        filters: request.value.filters,
        properties: ['openFile'],
      });
    } catch (error) {
      return err({ code: 'io-error', detail: errorDetail(error) });
    }
    const filePath = choice.filePaths[0];
    if (choice.canceled || filePath === undefined) return err({ code: 'cancelled' });
    const file = await readLimitedFile(deps.fs, filePath);
    if (file.ok) rememberFolder(filePath);
    return file;
  };

  const printToPdf: IpcHandler = async (event, ...args) => {
    if (!deps.isTrustedSender(event)) return err(forbidden);
    const request = parseRequest(printToPdfRequest, args);
    if (!request.ok) return request;
    let pdf: Uint8Array;
    try {
      pdf = await event.sender.printToPDF(PDF_OPTIONS);
    } catch (error) {
      return err({ code: 'io-error', detail: errorDetail(error) });
    }
    return saveWithDialog(withPdfExtension(request.value.suggestedName), [{ name: 'PDF', extensions: ['pdf'] }], pdf);
  };

  const appInfo = immediateHandler((event, args): IpcResult<AppInfo> => {
    if (!deps.isTrustedSender(event)) return err(forbidden);
    if (args.length !== 0) return err({ code: 'invalid-argument', detail: 'appInfo takes no arguments' });
    const info: AppInfo = { name: deps.app.getName(), version: deps.app.getVersion(), platform: 'electron' };
    if (deps.versions.electron !== undefined) info.electronVersion = deps.versions.electron;
    if (deps.versions.chrome !== undefined) info.chromeVersion = deps.versions.chrome;
    return ok(info);
  });

  const setMenuLanguage = immediateHandler((event, args): IpcResult<null> => {
    if (!deps.isTrustedSender(event)) return err(forbidden);
    const request = parseRequest(uiLanguage, args);
    if (!request.ok) return request;
    try {
      deps.setMenuLanguage(request.value);
    } catch (error) {
      return err({ code: 'io-error', detail: errorDetail(error) });
    }
    return ok(null);
  });

  return {
    [IPC_CHANNELS.saveFile]: saveFile,
    [IPC_CHANNELS.openFile]: openFile,
    [IPC_CHANNELS.printToPdf]: printToPdf,
    [IPC_CHANNELS.appInfo]: appInfo,
    [IPC_CHANNELS.setMenuLanguage]: setMenuLanguage,
    ...createBackupHandlers({
      isTrustedSender: deps.isTrustedSender,
      parseRequest,
      readLimitedFile: (filePath) => readLimitedFile(deps.fs, filePath),
      backup: deps.backup,
    }),
    ...createAuditHeadHandlers({ isTrustedSender: deps.isTrustedSender, parseRequest, auditHead: deps.auditHead }),
  };
}

/** Registers one `ipcMain.handle` per channel of the contract; returns the registered channels. */
export function registerIpcHandlers(deps: HandlerDeps): IpcChannel[] {
  const handlers = createIpcHandlers(deps);
  const channels = Object.values(IPC_CHANNELS);
  for (const channel of channels) deps.ipcMain.handle(channel, handlers[channel]);
  return channels;
}
