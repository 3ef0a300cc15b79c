/**
 * The main-process side of backups (issue 8): files in `<userData>/backups/`, outside IndexedDB,
 * because Electron updates and full disks have lost whole IndexedDB databases.
 *
 * - The renderer names a file only by the backup scheme (shared/backup/naming.ts), never a path; the
 *   folder is the main process's own.
 * - Before writing, the free space is checked (`statfs`): below size × 2 + 50 MiB the write is
 *   refused as 'disk-full', because a backup must never be the write that fills the disk the
 *   database lives on.
 * - The file is written as a hidden `.partial` file and renamed into place, so the folder never holds
 *   half a backup under a backup's name; then the oldest backups beyond the last N are deleted, by
 *   name order (names start with the UTC time).
 * - At quit, `createQuitBackupGuard` holds the first quit (or window close) until the renderer has made
 *   a backup and answered, or a time limit passed.
 *
 * Like handlers.ts, nothing here imports Electron at runtime: the file system, timers and the window
 * are injected, so the tests run without the binary.
 */
import path from 'node:path';
import type { ZodType } from 'zod';
// The backup modules one by one, not '@shared/backup': its index also brings the restore code and its WebCrypto types.
import { parseBackupFileName } from '@shared/backup/naming';
import { backupsToDelete } from '@shared/backup/retention';
import { hasRoomForBackup, requiredFreeBytes } from '@shared/backup/space';
import {
  BACKUP_ON_QUIT_TIMEOUT_MS,
  backupDoneRequest,
  backupReadRequest,
  backupWriteRequest,
  IPC_CHANNELS,
  type BackupDoneOutcome,
  type BackupFileInfo,
  type BackupListing,
  type IpcError,
  type IpcResult,
  type OpenedFile,
  type WrittenBackup,
} from '@shared/ipc';
import { err, ok } from '@shared/result';
import { immediateHandler, type InvokeEventLike, type IpcHandler } from './ipcTypes';

export const BACKUP_FOLDER_NAME = 'backups';

/** The channels this module answers. */
export type BackupChannel =
  typeof IPC_CHANNELS.backupWrite | typeof IPC_CHANNELS.backupList | typeof IPC_CHANNELS.backupRead | typeof IPC_CHANNELS.backupDone;

/** The parts of `fs.promises` the backup handlers use. */
export interface BackupFs {
  mkdir(dirPath: string, options: { recursive: true }): Promise<unknown>;
  writeFile(filePath: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  readdir(dirPath: string): Promise<string[]>;
  stat(filePath: string): Promise<{ readonly size: number; isFile(): boolean }>;
  /** Node's `fs.promises.statfs`: free blocks for unprivileged users × block size. */
  statfs(dirPath: string): Promise<{ readonly bavail: number | bigint; readonly bsize: number | bigint }>;
}

export interface BackupDeps {
  /** `<userData>/backups`, absolute. */
  readonly folder: string;
  readonly fs: BackupFs;
  readonly quit: QuitBackupGuard;
  readonly log?: ((message: string, detail?: unknown) => void) | undefined;
}

/** What handlers.ts lends this module (backup.ts never imports handlers.ts: no import cycle). */
export interface BackupHandlerContext {
  readonly isTrustedSender: (event: InvokeEventLike) => boolean;
  readonly parseRequest: <T>(schema: ZodType<T>, args: readonly unknown[]) => IpcResult<T>;
  /** Reads a regular file of at most MAX_FILE_BYTES (handlers.ts `readLimitedFile`). */
  readonly readLimitedFile: (filePath: string) => Promise<IpcResult<OpenedFile>>;
  /** Absent where the host has no backup folder (tests of other channels): every call is refused. */
  readonly backup?: BackupDeps | undefined;
}

const forbidden: IpcError = { code: 'forbidden-sender' };
const unavailable: IpcError = { code: 'io-error', detail: 'backups are not available here' };

function errorDetail(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

const isMissing = (error: unknown) => errorCode(error) === 'ENOENT';

/** The temporary name a backup is written under before it is renamed into place. */
const partialName = (fileName: string) => `.${fileName}.partial`;
const PARTIAL = /^\.qamqor-backup-[0-9A-Za-z-]+\.qamqor\.partial$/u;
/** ENOSPC: no space left; EDQUOT: the user's disk quota is used up. Both are "the disk is full" to an officer. */
const isFull = (error: unknown) => errorCode(error) === 'ENOSPC' || errorCode(error) === 'EDQUOT';

async function listBackupFiles(deps: BackupDeps): Promise<BackupFileInfo[]> {
  let names: string[];
  try {
    names = await deps.fs.readdir(deps.folder);
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
  const files: BackupFileInfo[] = [];
  for (const fileName of names) {
    const parsed = parseBackupFileName(fileName);
    if (parsed === null) continue;
    try {
      const info = await deps.fs.stat(path.join(deps.folder, fileName));
      if (info.isFile()) files.push({ fileName, size: info.size, createdAt: parsed.createdAt, officeCode: parsed.officeCode });
    } catch (error) {
      // Deleted between readdir and stat: simply not listed.
      if (!isMissing(error)) throw error;
    }
  }
  return files.sort((a, b) => (a.fileName < b.fileName ? 1 : a.fileName > b.fileName ? -1 : 0));
}

export async function writeBackupFile(
  deps: BackupDeps,
  fileName: string,
  data: Uint8Array,
  keep: number | null,
): Promise<IpcResult<WrittenBackup>> {
  const target = path.join(deps.folder, fileName);
  const partial = path.join(deps.folder, partialName(fileName));
  try {
    await deps.fs.mkdir(deps.folder, { recursive: true });
    const space = await deps.fs.statfs(deps.folder);
    const free = Number(space.bavail) * Number(space.bsize);
    if (!hasRoomForBackup(data.byteLength, free)) {
      return err({
        code: 'disk-full',
        detail: `free ${free} bytes, needed ${requiredFreeBytes(data.byteLength)}`,
        space: { free, required: requiredFreeBytes(data.byteLength) },
      });
    }
    // Never replace an existing backup: two backups in one second would otherwise lose the first.
    const exists = await deps.fs.stat(target).then(
      () => true,
      (error: unknown) => {
        if (isMissing(error)) return false;
        throw error;
      },
    );
    if (exists) return err({ code: 'io-error', detail: 'a backup with this name exists' });
  } catch (error) {
    return err({ code: 'io-error', detail: errorDetail(error) });
  }

  try {
    await deps.fs.writeFile(partial, data);
    await deps.fs.rename(partial, target);
  } catch (error) {
    await deps.fs.unlink(partial).catch(() => undefined);
    if (isFull(error)) return err({ code: 'disk-full', detail: errorDetail(error) });
    return err({ code: 'io-error', detail: errorDetail(error) });
  }

  // Partial files left by a write that was cut off (power cut, crash) only take space.
  try {
    for (const name of await deps.fs.readdir(deps.folder)) {
      if (PARTIAL.test(name)) await deps.fs.unlink(path.join(deps.folder, name)).catch(() => undefined);
    }
  } catch (error) {
    deps.log?.('[qamqor] could not tidy the backup folder', errorDetail(error));
  }

  const deleted: string[] = [];
  if (keep !== null) {
    try {
      const names = (await listBackupFiles(deps)).map((f) => f.fileName);
      for (const old of backupsToDelete(names, keep, fileName)) {
        try {
          await deps.fs.unlink(path.join(deps.folder, old));
          deleted.push(old);
        } catch (error) {
          // The new backup is written; an old one that cannot be deleted only costs space.
          deps.log?.('[qamqor] could not delete an old backup', { file: old, error: errorDetail(error) });
        }
      }
    } catch (error) {
      deps.log?.('[qamqor] could not list the backups to keep the last N', errorDetail(error));
    }
  }
  return ok({ fileName, size: data.byteLength, folder: deps.folder, deleted });
}

/** The handlers of the backup channels, each with the sender check first and the argument check second. */
export function createBackupHandlers(context: BackupHandlerContext): Record<BackupChannel, IpcHandler> {
  const { isTrustedSender, parseRequest } = context;

  const backupWrite: IpcHandler = async (event, ...args): Promise<IpcResult<WrittenBackup>> => {
    if (!isTrustedSender(event)) return err(forbidden);
    const request = parseRequest(backupWriteRequest, args);
    if (!request.ok) return request;
    const deps = context.backup;
    if (deps === undefined) return err(unavailable);
    return writeBackupFile(deps, request.value.fileName, request.value.data, request.value.keep);
  };

  const backupList: IpcHandler = async (event, ...args): Promise<IpcResult<BackupListing>> => {
    if (!isTrustedSender(event)) return err(forbidden);
    if (args.length !== 0) return err({ code: 'invalid-argument', detail: 'listBackups takes no arguments' });
    const deps = context.backup;
    if (deps === undefined) return err(unavailable);
    try {
      return ok({ folder: deps.folder, files: await listBackupFiles(deps) });
    } catch (error) {
      return err({ code: 'io-error', detail: errorDetail(error) });
    }
  };

  const backupRead: IpcHandler = async (event, ...args): Promise<IpcResult<OpenedFile>> => {
    if (!isTrustedSender(event)) return err(forbidden);
    const request = parseRequest(backupReadRequest, args);
    if (!request.ok) return request;
    const deps = context.backup;
    if (deps === undefined) return err(unavailable);
    return context.readLimitedFile(path.join(deps.folder, request.value.fileName));
  };

  const backupDone = immediateHandler((event, args): IpcResult<null> => {
    if (!isTrustedSender(event)) return err(forbidden);
    const request = parseRequest(backupDoneRequest, args);
    if (!request.ok) return request;
    const deps = context.backup;
    if (deps === undefined) return err(unavailable);
    if (!deps.quit.answer(request.value.requestId, request.value.outcome)) {
      return err({ code: 'invalid-argument', detail: 'no quit is waiting for this request' });
    }
    return ok(null);
  });

  return {
    [IPC_CHANNELS.backupWrite]: backupWrite,
    [IPC_CHANNELS.backupList]: backupList,
    [IPC_CHANNELS.backupRead]: backupRead,
    [IPC_CHANNELS.backupDone]: backupDone,
  };
}

// ---------------------------------------------------------------------------------------------------
// Backup on quit

export interface QuitTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface QuitBackupOptions {
  /** Sends the `backupOnQuit` request to the app window; false when no page can answer (no window, still loading). */
  readonly send: (requestId: string) => boolean;
  readonly newId: () => string;
  readonly timers?: QuitTimers | undefined;
  readonly timeoutMs?: number | undefined;
  readonly log?: ((message: string, detail?: unknown) => void) | undefined;
}

export type QuitBackupState = 'idle' | 'waiting' | 'released';

export interface QuitBackupGuard {
  /**
   * Call from `before-quit` and from the window's `close`. True: the caller must `preventDefault()`;
   * `proceed` (quit again, close again) runs once the renderer answered or the time limit passed.
   * Only the first quit is held: afterwards, and when no page can answer, it returns false.
   */
  intercept(proceed: () => void): boolean;
  /** The renderer's `backupDone`. False for an unknown, finished or late request. */
  answer(requestId: string, outcome: BackupDoneOutcome): boolean;
  state(): QuitBackupState;
}

const defaultTimers: QuitTimers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createQuitBackupGuard(options: QuitBackupOptions): QuitBackupGuard {
  const timers = options.timers ?? defaultTimers;
  const timeoutMs = options.timeoutMs ?? BACKUP_ON_QUIT_TIMEOUT_MS;
  let state: QuitBackupState = 'idle';
  let requestId: string | null = null;
  let proceed: (() => void) | null = null;
  let timer: unknown = null;

  const release = (): void => {
    state = 'released';
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    requestId = null;
    const next = proceed;
    proceed = null;
    next?.();
  };

  return {
    intercept(next) {
      if (state === 'released') return false;
      if (state === 'waiting') return true;
      const id = options.newId();
      let sent = false;
      try {
        sent = options.send(id);
      } catch (error) {
        options.log?.('[qamqor] could not ask for a backup on quit', errorDetail(error));
      }
      if (!sent) {
        state = 'released';
        return false;
      }
      state = 'waiting';
      requestId = id;
      proceed = next;
      timer = timers.setTimeout(() => {
        timer = null;
        options.log?.('[qamqor] no backup answer before the time limit; quitting', { timeoutMs });
        release();
      }, timeoutMs);
      return true;
    },
    answer(id, outcome) {
      if (state !== 'waiting' || id !== requestId) return false;
      if (outcome === 'failed') options.log?.('[qamqor] the backup on quit failed; quitting');
      release();
      return true;
    },
    state: () => state,
  };
}
