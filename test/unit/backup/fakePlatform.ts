/** A desktop platform whose backup folder is a Map, with the free space and failures under the test's control. */
import { vi } from 'vitest';
import { backupsToDelete, hasRoomForBackup, parseBackupFileName, requiredFreeBytes } from '@shared/backup';
import type { BackupDoneRequest, BackupOnQuitRequest, BackupWriteRequest, IpcResult, WrittenBackup } from '@shared/ipc';
import { err, ok } from '@shared/result';
import type { Platform } from '../../../renderer/src/platform';

export const FOLDER = '/home/zhanar/.config/Qamqor/backups';

export interface FakeDesktop {
  platform: Platform;
  files: Map<string, Uint8Array>;
  freeBytes: number;
  writes: BackupWriteRequest[];
  /** What the page answered to quit requests. */
  answers: BackupDoneRequest[];
  /** Plays the main process asking for a backup before quitting. */
  askOnQuit(requestId: string): void;
}

export function fakeDesktop(target: Platform['backupTarget'] = 'folder'): FakeDesktop {
  const files = new Map<string, Uint8Array>();
  const quitHandlers = new Set<(request: BackupOnQuitRequest) => void>();
  const state: FakeDesktop = {
    platform: undefined as unknown as Platform,
    files,
    freeBytes: 10 * 1024 ** 3,
    writes: [],
    answers: [],
    askOnQuit: (requestId) => quitHandlers.forEach((handler) => handler({ requestId })),
  };
  const writeBackup = vi.fn((request: BackupWriteRequest): Promise<IpcResult<WrittenBackup>> => Promise.resolve(written(request)));
  function written(request: BackupWriteRequest): IpcResult<WrittenBackup> {
    state.writes.push(request);
    if (!hasRoomForBackup(request.data.byteLength, state.freeBytes)) {
      return err({ code: 'disk-full', space: { free: state.freeBytes, required: requiredFreeBytes(request.data.byteLength) } });
    }
    // Like the main process: an existing backup is never replaced.
    if (files.has(request.fileName)) return err({ code: 'io-error', detail: 'a backup with this name exists' });
    files.set(request.fileName, request.data);
    const deleted = request.keep === null ? [] : backupsToDelete([...files.keys()], request.keep, request.fileName);
    for (const name of deleted) files.delete(name);
    return ok({ fileName: request.fileName, size: request.data.byteLength, folder: target === 'folder' ? FOLDER : '', deleted });
  }
  state.platform = {
    kind: target === 'folder' ? 'electron' : 'browser',
    saveFile: vi.fn((r: Parameters<Platform['saveFile']>[0]) => Promise.resolve(ok({ fileName: r.suggestedName }))),
    openFile: vi.fn(() => Promise.resolve(err({ code: 'cancelled' as const }))),
    print: vi.fn(() => Promise.resolve(ok(null))),
    appInfo: vi.fn(() => Promise.resolve(ok({ name: 'Qamqor', version: 'test', platform: 'electron' as const }))),
    setMenuLanguage: vi.fn(() => Promise.resolve(ok(null))),
    onFileOpened: vi.fn(() => () => undefined),
    onMenuCommand: vi.fn(() => () => undefined),
    backupTarget: target,
    writeBackup,
    listBackups: vi.fn(() =>
      Promise.resolve(
        ok({
          folder: FOLDER,
          files: [...files.entries()]
            .sort(([a], [b]) => (a < b ? 1 : -1))
            .map(([fileName, data]) => ({
              fileName,
              size: data.byteLength,
              createdAt: parseBackupFileName(fileName)?.createdAt ?? '',
              officeCode: parseBackupFileName(fileName)?.officeCode ?? '',
            })),
        }),
      ),
    ),
    readBackup: vi.fn(({ fileName }: Parameters<Platform['readBackup']>[0]) => {
      const data = files.get(fileName);
      return Promise.resolve(data ? ok({ fileName, data }) : err({ code: 'io-error' as const }));
    }),
    onBackupOnQuit: vi.fn((handler: (request: BackupOnQuitRequest) => void) => {
      // The browser never asks; the desktop's main process does.
      if (target === 'download') return () => undefined;
      quitHandlers.add(handler);
      return () => {
        quitHandlers.delete(handler);
      };
    }),
    backupDone: vi.fn((request: BackupDoneRequest) => {
      state.answers.push(request);
      return Promise.resolve(ok(null));
    }),
    writeAuditHead: vi.fn(() => Promise.resolve(ok(null))),
    readAuditHead: vi.fn(() => Promise.resolve(ok(null))),
  };
  return state;
}
