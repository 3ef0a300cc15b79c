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
  setMenuLanguage: 'qamqor:set-menu-language',
} as const;

export type IpcChannel = (typeof IPC_CHANNELS)[keyof typeof IPC_CHANNELS];

/**
 * Messages the main process pushes to the renderer (`webContents.send`). The renderer never sends on
 * these; the preload turns each into a subscription and passes on only the validated payload, never
 * the IPC event (whose `sender` would be `ipcRenderer` itself).
 */
export const IPC_EVENTS = {
  /** A `.qamqor` bundle the user opened from the file manager (payload: `OpenedFile`). */
  fileOpened: 'qamqor:file-opened',
  /** An item of the application menu (payload: `MenuCommand`). */
  menuCommand: 'qamqor:menu-command',
} as const;

export type IpcEvent = (typeof IPC_EVENTS)[keyof typeof IPC_EVENTS];

/** The extension of case bundles (the file association registered by the installers). */
export const BUNDLE_EXTENSION = 'qamqor';

/** The languages of the UI, and therefore of the native application menu. */
export const UI_LANGUAGES = ['kk', 'ru'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];
export const uiLanguage = z.enum(UI_LANGUAGES);

/**
 * The items of the application menu, one command each. All but 'about' are sent to the renderer;
 * 'about' is answered by the main process itself with a native box (name and version).
 */
export const MENU_COMMANDS = ['import-bundle', 'export', 'backup', 'print', 'about', 'office-profile'] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];

/** Plain type guard (no zod): the preload uses it and must stay free of the schema library. */
export function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

/** Guards the payload of `IPC_EVENTS.fileOpened` in the preload (again without zod). */
export function isOpenedFile(value: unknown): value is OpenedFile {
  if (typeof value !== 'object' || value === null) return false;
  const { fileName, data } = value as { fileName?: unknown; data?: unknown };
  return typeof fileName === 'string' && fileName.length > 0 && data instanceof Uint8Array;
}

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

/** Removes a subscription made through the bridge. */
export type Unsubscribe = () => void;

/** The object the preload puts on `window.qamqor`. */
export interface QamqorBridge {
  saveFile(request: SaveFileRequest): Promise<IpcResult<SavedFile>>;
  openFile(request: OpenFileRequest): Promise<IpcResult<OpenedFile>>;
  printToPdf(request: PrintToPdfRequest): Promise<IpcResult<SavedFile>>;
  appInfo(): Promise<IpcResult<AppInfo>>;
  /** Rebuilds the native menu in the UI language (the main process keeps it for the next start). */
  setMenuLanguage(lang: UiLanguage): Promise<IpcResult<null>>;
  /**
   * Bundles opened from the file manager. A file that arrives before anyone subscribed (the app was
   * started by the double-click) is kept and handed to the first subscriber.
   */
  onFileOpened(handler: (file: OpenedFile) => void): Unsubscribe;
  /** Commands of the application menu; dropped while nobody listens. */
  onMenuCommand(handler: (command: MenuCommand) => void): Unsubscribe;
}
