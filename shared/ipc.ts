/**
 * The typed contract between the renderer and the Electron main process.
 * The preload exposes exactly these calls as `window.qamqor`; the main process validates every
 * payload against the schemas below before it acts, because a compromised renderer must not be able
 * to make the main process write arbitrary paths or read arbitrary files.
 */
import { z } from 'zod';
import { isBackupFileName } from './backup/naming';
import { MAX_KEEP, MIN_KEEP } from './backup/retention';
import type { Result } from './result';

export const IPC_CHANNELS = {
  saveFile: 'qamqor:save-file',
  openFile: 'qamqor:open-file',
  printToPdf: 'qamqor:print-to-pdf',
  appInfo: 'qamqor:app-info',
  setMenuLanguage: 'qamqor:set-menu-language',
  /** Backups (issue 8): write one into `<userData>/backups`, list them, read one, answer a quit request. */
  backupWrite: 'qamqor:backup-write',
  backupList: 'qamqor:backup-list',
  backupRead: 'qamqor:backup-read',
  backupDone: 'qamqor:backup-done',
  /**
   * The signed head of the audit chain kept outside IndexedDB (issue 19): `<userData>/audit-head.json`,
   * written atomically after every signed run, read back at start to show a cut or rewritten trail.
   */
  auditWriteHead: 'audit:writeHead',
  auditReadHead: 'audit:readHead',
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
  /**
   * The app is about to quit: make a backup now, then answer with `backupDone` and the same
   * `requestId` (payload: `BackupOnQuitRequest`). The main process quits after the answer or after
   * `BACKUP_ON_QUIT_TIMEOUT_MS`; the preload answers 'skipped' itself when no page code listens.
   */
  backupOnQuit: 'qamqor:backup-on-quit',
} as const;

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

/** Ids of quit-time backup requests: random UUIDs made by the main process. */
const REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u;

/** Guards the payload of `IPC_EVENTS.backupOnQuit` in the preload (again without zod). */
export function isBackupOnQuitRequest(value: unknown): value is BackupOnQuitRequest {
  if (typeof value !== 'object' || value === null) return false;
  const { requestId } = value as { requestId?: unknown };
  return typeof requestId === 'string' && REQUEST_ID.test(requestId);
}

/** Guards the payload of `IPC_EVENTS.fileOpened` in the preload (again without zod). */
export function isOpenedFile(value: unknown): value is OpenedFile {
  if (typeof value !== 'object' || value === null) return false;
  const { fileName, data } = value as { fileName?: unknown; data?: unknown };
  return typeof fileName === 'string' && fileName.length > 0 && data instanceof Uint8Array;
}

/** A file name the user is offered in a save dialog: no folders, no control characters (C0, DEL, C1). */
const suggestedName = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^\\/:*?"<>|\p{Cc}]+$/u, 'a plain file name without folders');

/** File-type filters for native dialogs: extensions without the dot. */
const fileFilter = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(z.string().regex(/^[a-z0-9]{1,10}$/u))
    .min(1)
    .max(10),
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

/**
 * A backup file is named by the backup scheme only (shared/backup/naming.ts): the renderer never
 * names a path, and the main process joins the name to its own backup folder.
 */
const backupFileName = z.string().max(200).refine(isBackupFileName, 'a backup file name (qamqor-backup-YYYYMMDD-HHMMSSZ-CODE.qamqor)');

export const backupWriteRequest = z.strictObject({
  fileName: backupFileName,
  data: z.instanceof(Uint8Array).refine((d) => d.byteLength > 0 && d.byteLength <= MAX_FILE_BYTES, 'empty or too large'),
  /** Keep the newest N backups (this one included) and delete older ones; null deletes nothing. */
  keep: z.number().int().min(MIN_KEEP).max(MAX_KEEP).nullable(),
});
export type BackupWriteRequest = z.infer<typeof backupWriteRequest>;

export const backupReadRequest = z.strictObject({ fileName: backupFileName });
export type BackupReadRequest = z.infer<typeof backupReadRequest>;

export const BACKUP_DONE_OUTCOMES = ['done', 'skipped', 'failed'] as const;
export type BackupDoneOutcome = (typeof BACKUP_DONE_OUTCOMES)[number];

export const backupDoneRequest = z.strictObject({
  requestId: z.string().regex(REQUEST_ID),
  outcome: z.enum(BACKUP_DONE_OUTCOMES),
});
export type BackupDoneRequest = z.infer<typeof backupDoneRequest>;

const HEX64 = /^[0-9a-f]{64}$/u;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/u;

/**
 * The signed audit head as the main process stores it (shared/audit/anchor.ts `SignedAuditHead`,
 * checked in both directions at compile time there). The main process checks only the shape: the
 * signature is the renderer's to verify against the office key, which the main process never holds.
 * Kept free of shared/audit at runtime (only its type), so the preload bundle stays small.
 */
export const signedAuditHeadSchema = z
  .strictObject({
    format: z.literal('qamqor-audit-head'),
    version: z.literal(1),
    kind: z.enum(['run', 'baseline']),
    fromSeq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    fromPrevDigest: z.string().max(200),
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    digest: z.string().regex(HEX64),
    signedAt: z.string().min(1).max(40),
    publicKey: z.string().max(200).regex(BASE64),
    signature: z.string().max(200).regex(BASE64),
  })
  .refine((h) => h.seq >= h.fromSeq, 'seq before fromSeq');
export type StoredAuditHead = z.infer<typeof signedAuditHeadSchema>;

/** `audit:writeHead`: replaces the stored head (write to a temporary file, then rename). */
export const auditWriteHeadRequest = z.strictObject({ head: signedAuditHeadSchema });
export type AuditWriteHeadRequest = z.infer<typeof auditWriteHeadRequest>;

/** The file name of the stored head in `<userData>`. */
export const AUDIT_HEAD_FILE = 'audit-head.json';

/** How long the main process waits for the renderer's backup before it quits anyway. */
export const BACKUP_ON_QUIT_TIMEOUT_MS = 60_000;

export interface BackupOnQuitRequest {
  requestId: string;
}

export interface WrittenBackup {
  fileName: string;
  size: number;
  /** The folder the file is in, for the officer to find it (shown, never sent back). */
  folder: string;
  /** Older backups deleted to keep the last N. */
  deleted: string[];
}

export interface BackupFileInfo {
  fileName: string;
  size: number;
  /** From the file name (UTC), not from the file system: copies keep their names, not their times. */
  createdAt: string;
  officeCode: string;
}

export interface BackupListing {
  folder: string;
  /** Newest first. */
  files: BackupFileInfo[];
}

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

export type IpcErrorCode = 'cancelled' | 'invalid-argument' | 'forbidden-sender' | 'too-large' | 'io-error' | 'disk-full';

export interface IpcError {
  code: IpcErrorCode;
  /** Technical detail for the log; the renderer shows a translated message chosen by `code`. */
  detail?: string;
  /** With 'disk-full': bytes free on the disk and bytes a write needed (shared/backup/space.ts). */
  space?: { free: number; required: number };
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
  /**
   * Writes a backup into the app's backup folder after checking the free space (refused with
   * 'disk-full' below the size × 2 + 50 MiB), then deletes the oldest beyond `keep`.
   */
  writeBackup(request: BackupWriteRequest): Promise<IpcResult<WrittenBackup>>;
  listBackups(): Promise<IpcResult<BackupListing>>;
  readBackup(request: BackupReadRequest): Promise<IpcResult<OpenedFile>>;
  /** The answer to a `backupOnQuit` request. */
  backupDone(request: BackupDoneRequest): Promise<IpcResult<null>>;
  /** Quit requests; while nobody listens, the preload answers 'skipped' at once. */
  onBackupOnQuit(handler: (request: BackupOnQuitRequest) => void): Unsubscribe;
  /** Stores the latest signed audit head in `<userData>/audit-head.json` (atomically). */
  writeAuditHead(request: AuditWriteHeadRequest): Promise<IpcResult<null>>;
  /** The stored head, validated; null when none was stored yet. A file that fails the check is 'invalid-argument'. */
  readAuditHead(): Promise<IpcResult<StoredAuditHead | null>>;
}
