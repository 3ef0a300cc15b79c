import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import { backupFileName, FREE_SPACE_MARGIN_BYTES } from '@shared/backup';
import { IPC_CHANNELS } from '@shared/ipc';
import {
  createBackupHandlers,
  createQuitBackupGuard,
  type BackupChannel,
  type BackupDeps,
  type BackupFs,
  type QuitTimers,
} from '../../../electron/backup';
import { createSenderGuard, parseRequest, readLimitedFile } from '../../../electron/handlers';
import type { InvokeEventLike, IpcHandler } from '../../../electron/ipcTypes';
import type { AppOrigin } from '../../../electron/paths';

// backup.ts only uses Electron types, like handlers.ts.
vi.mock('electron', () => {
  throw new Error('backup.ts must not import electron at runtime');
});

const APP_CONTENTS_ID = 3;
const appOrigin: AppOrigin = { kind: 'app' };
const APP_PAGE = 'app://qamqor/index.html#/settings';
const REQUEST_ID = '6f1c2a4e-0000-4000-8000-0000000000aa';
const GiB = 1024 * 1024 * 1024;

const nameAt = (iso: string) => backupFileName('KZL05', iso);
const NAME = nameAt('2026-11-20T06:00:00Z');

function senderEvent(options: { url?: string; contentsId?: number } = {}): InvokeEventLike {
  return {
    sender: { id: options.contentsId ?? APP_CONTENTS_ID, printToPDF: vi.fn(() => Promise.resolve(new Uint8Array())) },
    senderFrame: { url: options.url ?? APP_PAGE, parent: null },
  };
}

let root = '';
let folder = '';
let freeBytes = 10 * GiB;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'qamqor-backups-'));
  folder = path.join(root, 'backups');
  freeBytes = 10 * GiB;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

interface Harness {
  handlers: Record<BackupChannel, IpcHandler>;
  fs: { [K in keyof BackupFs]: Mock<BackupFs[K]> };
  answer: ReturnType<typeof vi.fn>;
  log: ReturnType<typeof vi.fn>;
}

/** The real file system in a temporary folder, with the free space under the test's control. */
function harness(options: { backup?: boolean } = {}): Harness {
  const fs: Harness['fs'] = {
    mkdir: vi.fn<BackupFs['mkdir']>((p, o) => mkdir(p, o)),
    writeFile: vi.fn<BackupFs['writeFile']>((p, d) => writeFile(p, d)),
    rename: vi.fn<BackupFs['rename']>((a, b) => rename(a, b)),
    unlink: vi.fn<BackupFs['unlink']>((p) => unlink(p)),
    readdir: vi.fn<BackupFs['readdir']>((p) => readdir(p)),
    stat: vi.fn<BackupFs['stat']>((p) => stat(p)),
    statfs: vi.fn<BackupFs['statfs']>(() => Promise.resolve({ bavail: BigInt(Math.floor(freeBytes / 4096)), bsize: 4096 })),
  };
  const answer = vi.fn(() => true);
  const log = vi.fn();
  const deps: BackupDeps = { folder, fs, quit: { intercept: () => false, answer, state: () => 'idle' }, log };
  const handlers = createBackupHandlers({
    isTrustedSender: createSenderGuard(() => ({ id: APP_CONTENTS_ID }), appOrigin),
    parseRequest,
    readLimitedFile: (filePath) => readLimitedFile({ readFile: (p) => readFile(p), writeFile, stat }, filePath),
    ...(options.backup === false ? {} : { backup: deps }),
  });
  return { handlers, fs, answer, log };
}

const write = (h: Harness, request: unknown, event = senderEvent()) => h.handlers[IPC_CHANNELS.backupWrite](event, request);
const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);

async function filesInFolder(): Promise<string[]> {
  return (await readdir(folder)).sort();
}

describe('backup file names from the renderer', () => {
  it.each([
    ['a relative path', '../../.bashrc'],
    ['a path to a backup name', '../qamqor-backup-20261120-060000Z-KZL05.qamqor'],
    ['an absolute path', '/etc/qamqor-backup-20261120-060000Z-KZL05.qamqor'],
    ['a Windows path', 'C:\\Windows\\qamqor-backup-20261120-060000Z-KZL05.qamqor'],
    ['another extension', 'qamqor-backup-20261120-060000Z-KZL05.exe'],
    ['a hidden partial file', `.${NAME}.partial`],
    ['an odd date', 'qamqor-backup-20261320-060000Z-KZL05.qamqor'],
    ['a free-form name', 'backup.qamqor'],
    ['a non-string', 42],
  ])('refuses %s without touching the disk', async (_label, fileName) => {
    const h = harness();
    for (const channel of [IPC_CHANNELS.backupWrite, IPC_CHANNELS.backupRead] as const) {
      const request = channel === IPC_CHANNELS.backupWrite ? { fileName, data: bytes(3), keep: 10 } : { fileName };
      const result = await h.handlers[channel](senderEvent(), request);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    for (const call of Object.values(h.fs)) expect(call).not.toHaveBeenCalled();
  });

  it.each([
    ['no argument', []],
    ['an extra argument', [{ fileName: NAME, data: bytes(1), keep: 10 }, '/tmp']],
    ['an unknown field', [{ fileName: NAME, data: bytes(1), keep: 10, folder: '/tmp' }]],
    ['data as an array', [{ fileName: NAME, data: [1, 2], keep: 10 }]],
    ['empty data', [{ fileName: NAME, data: new Uint8Array(0), keep: 10 }]],
    ['keep 0', [{ fileName: NAME, data: bytes(1), keep: 0 }]],
    ['keep 1000', [{ fileName: NAME, data: bytes(1), keep: 1000 }]],
    ['keep missing', [{ fileName: NAME, data: bytes(1) }]],
  ])('refuses a write with %s', async (_label, args) => {
    const h = harness();
    const result = await h.handlers[IPC_CHANNELS.backupWrite](senderEvent(), ...args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(h.fs.writeFile).not.toHaveBeenCalled();
  });

  it('refuses a request id or an outcome outside the contract', async () => {
    const h = harness();
    for (const request of [{ requestId: 'x', outcome: 'done' }, { requestId: REQUEST_ID, outcome: 'maybe' }, { requestId: REQUEST_ID }]) {
      expect(await h.handlers[IPC_CHANNELS.backupDone](senderEvent(), request)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
    }
    expect(h.answer).not.toHaveBeenCalled();
  });
});

describe('sender check', () => {
  it.each([
    ['a remote page', senderEvent({ url: 'https://evil.example/' })],
    ['another webContents', senderEvent({ contentsId: 99 })],
    ['a file outside the renderer', senderEvent({ url: 'file:///tmp/evil.html' })],
  ])('refuses %s on every backup channel before anything else', async (_label, event) => {
    const h = harness();
    const calls: [BackupChannel, unknown[]][] = [
      [IPC_CHANNELS.backupWrite, [{ fileName: NAME, data: bytes(3), keep: 10 }]],
      [IPC_CHANNELS.backupList, []],
      [IPC_CHANNELS.backupRead, [{ fileName: NAME }]],
      [IPC_CHANNELS.backupDone, [{ requestId: REQUEST_ID, outcome: 'done' }]],
    ];
    for (const [channel, args] of calls)
      expect(await h.handlers[channel](event, ...args)).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
    for (const call of Object.values(h.fs)) expect(call).not.toHaveBeenCalled();
    expect(h.answer).not.toHaveBeenCalled();
  });

  it('answers io-error where the host has no backup folder', async () => {
    const h = harness({ backup: false });
    expect(await h.handlers[IPC_CHANNELS.backupList](senderEvent())).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });
});

describe('writing a backup', () => {
  it('writes the bytes under the given name in the backup folder, creating it, and leaves no partial file', async () => {
    const h = harness();
    const data = bytes(1000, 3);
    const result = await write(h, { fileName: NAME, data, keep: 10 });
    expect(result).toEqual({ ok: true, value: { fileName: NAME, size: 1000, folder, deleted: [] } });
    expect(new Uint8Array(await readFile(path.join(folder, NAME)))).toEqual(data);
    expect(await filesInFolder()).toEqual([NAME]);
  });

  it('refuses with disk-full when free space is below size × 2 + 50 MiB, writing nothing', async () => {
    const h = harness();
    const size = 10 * 1024 * 1024;
    freeBytes = 2 * size + FREE_SPACE_MARGIN_BYTES - 4096;
    const result = await write(h, { fileName: NAME, data: bytes(size), keep: 10 });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'disk-full', space: { free: freeBytes, required: 2 * size + FREE_SPACE_MARGIN_BYTES } },
    });
    expect(h.fs.statfs).toHaveBeenCalledWith(folder);
    expect(h.fs.writeFile).not.toHaveBeenCalled();
    expect(await filesInFolder()).toEqual([]);

    freeBytes = 2 * size + FREE_SPACE_MARGIN_BYTES;
    expect(await write(h, { fileName: NAME, data: bytes(size), keep: 10 })).toMatchObject({ ok: true });
  });

  it('reports a disk that fills up during the write as disk-full and removes the partial file', async () => {
    const h = harness();
    h.fs.writeFile.mockImplementationOnce(async (p: string, d: Uint8Array) => {
      await writeFile(p, d.subarray(0, 10));
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
    });
    expect(await write(h, { fileName: NAME, data: bytes(100), keep: 10 })).toMatchObject({ ok: false, error: { code: 'disk-full' } });
    expect(await filesInFolder()).toEqual([]);
  });

  it('removes partial files left by an earlier write that was cut off', async () => {
    const h = harness();
    await mkdir(folder, { recursive: true });
    const stale = `.${nameAt('2026-11-19T06:00:00Z')}.partial`;
    await writeFile(path.join(folder, stale), bytes(3));
    await writeFile(path.join(folder, '.hidden-notes'), 'keep');
    expect(await write(h, { fileName: NAME, data: bytes(8), keep: 10 })).toMatchObject({ ok: true });
    expect(await filesInFolder()).toEqual(['.hidden-notes', NAME]);
  });

  it('never replaces an existing backup', async () => {
    const h = harness();
    await write(h, { fileName: NAME, data: bytes(5, 1), keep: 10 });
    expect(await write(h, { fileName: NAME, data: bytes(5, 2), keep: 10 })).toMatchObject({ ok: false, error: { code: 'io-error' } });
    expect(new Uint8Array(await readFile(path.join(folder, NAME)))).toEqual(bytes(5, 1));
  });

  it('keeps the last N by name order, deleting the oldest, and leaves other files alone', async () => {
    const h = harness();
    await mkdir(folder, { recursive: true });
    const older = Array.from({ length: 12 }, (_, i) => nameAt(`2026-11-${String(i + 1).padStart(2, '0')}T06:00:00Z`));
    // File times say nothing: the oldest names get the newest times.
    for (const [i, name] of older.entries()) {
      await writeFile(path.join(folder, name), bytes(4));
      const t = new Date(Date.UTC(2027, 0, 30 - i));
      await utimes(path.join(folder, name), t, t);
    }
    await writeFile(path.join(folder, 'notes.txt'), 'administrator notes');
    await writeFile(path.join(folder, 'KZL05-all-20261101-0600.qamqor'), bytes(4));

    const result = await write(h, { fileName: NAME, data: bytes(8), keep: 10 });
    expect(result).toMatchObject({ ok: true, value: { deleted: older.slice(0, 3) } });
    expect(await filesInFolder()).toEqual(['KZL05-all-20261101-0600.qamqor', 'notes.txt', ...older.slice(3), NAME].sort());
  });

  it('deletes nothing when asked to keep everything (fewer records than the last backup)', async () => {
    const h = harness();
    await mkdir(folder, { recursive: true });
    const older = Array.from({ length: 4 }, (_, i) => nameAt(`2026-11-0${i + 1}T06:00:00Z`));
    for (const name of older) await writeFile(path.join(folder, name), bytes(4));
    expect(await write(h, { fileName: NAME, data: bytes(8), keep: null })).toMatchObject({ ok: true, value: { deleted: [] } });
    expect(await filesInFolder()).toEqual([...older, NAME]);
  });

  it('keeps the new backup when the clock was set back and its name sorts first', async () => {
    const h = harness();
    await mkdir(folder, { recursive: true });
    const later = [nameAt('2027-01-01T06:00:00Z'), nameAt('2027-01-02T06:00:00Z')];
    for (const name of later) await writeFile(path.join(folder, name), bytes(4));
    const result = await write(h, { fileName: NAME, data: bytes(8), keep: 2 });
    expect(result).toMatchObject({ ok: true, value: { deleted: [later[0]] } });
    expect(await filesInFolder()).toEqual([NAME, later[1]].sort());
  });

  it('still reports the backup written when an old one cannot be deleted', async () => {
    const h = harness();
    await mkdir(folder, { recursive: true });
    const old = nameAt('2026-01-01T06:00:00Z');
    await writeFile(path.join(folder, old), bytes(4));
    h.fs.unlink.mockRejectedValueOnce(Object.assign(new Error('EPERM'), { code: 'EPERM' }));
    expect(await write(h, { fileName: NAME, data: bytes(8), keep: 1 })).toMatchObject({ ok: true, value: { fileName: NAME, deleted: [] } });
    expect(h.log).toHaveBeenCalled();
  });
});

describe('listing and reading backups', () => {
  it('lists only backups, newest first, with the time from the name; an absent folder is an empty list', async () => {
    const h = harness();
    expect(await h.handlers[IPC_CHANNELS.backupList](senderEvent())).toEqual({ ok: true, value: { folder, files: [] } });
    await mkdir(folder, { recursive: true });
    const a = nameAt('2026-11-01T06:00:00Z');
    const b = nameAt('2026-11-02T07:30:00Z');
    await writeFile(path.join(folder, a), bytes(3));
    await writeFile(path.join(folder, b), bytes(5));
    await writeFile(path.join(folder, 'other.qamqor'), bytes(1));
    await mkdir(path.join(folder, nameAt('2026-11-03T06:00:00Z')));
    expect(await h.handlers[IPC_CHANNELS.backupList](senderEvent())).toEqual({
      ok: true,
      value: {
        folder,
        files: [
          { fileName: b, size: 5, createdAt: '2026-11-02T07:30:00.000Z', officeCode: 'KZL05' },
          { fileName: a, size: 3, createdAt: '2026-11-01T06:00:00.000Z', officeCode: 'KZL05' },
        ],
      },
    });
    expect(await h.handlers[IPC_CHANNELS.backupList](senderEvent(), 'x')).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
  });

  it('reads one backup by name from the folder only', async () => {
    const h = harness();
    await mkdir(folder, { recursive: true });
    await writeFile(path.join(folder, NAME), bytes(6, 9));
    const read = await h.handlers[IPC_CHANNELS.backupRead](senderEvent(), { fileName: NAME });
    expect(read).toEqual({ ok: true, value: { fileName: NAME, data: bytes(6, 9) } });
    const missing = await h.handlers[IPC_CHANNELS.backupRead](senderEvent(), { fileName: nameAt('2020-01-01T00:00:00Z') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'io-error' } });
  });
});

describe('backupDone', () => {
  it('passes the answer to the quit guard, and refuses an answer nobody waits for', async () => {
    const h = harness();
    expect(await h.handlers[IPC_CHANNELS.backupDone](senderEvent(), { requestId: REQUEST_ID, outcome: 'done' })).toEqual({
      ok: true,
      value: null,
    });
    expect(h.answer).toHaveBeenCalledExactlyOnceWith(REQUEST_ID, 'done');
    h.answer.mockReturnValueOnce(false);
    expect(await h.handlers[IPC_CHANNELS.backupDone](senderEvent(), { requestId: REQUEST_ID, outcome: 'done' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
});

describe('quit guard', () => {
  function timers() {
    const pending = new Map<number, { callback: () => void; ms: number }>();
    let next = 1;
    const t: QuitTimers & { fire(): void; pending: typeof pending } = {
      setTimeout: (callback, ms) => {
        pending.set(next, { callback, ms });
        return next++;
      },
      clearTimeout: (handle) => {
        pending.delete(handle as number);
      },
      fire: () => {
        for (const [id, { callback }] of [...pending]) {
          pending.delete(id);
          callback();
        }
      },
      pending,
    };
    return t;
  }

  it('holds the first quit, asks once, and lets the quit go on when the renderer answers', () => {
    const send = vi.fn(() => true);
    const t = timers();
    const guard = createQuitBackupGuard({ send, newId: () => REQUEST_ID, timers: t });
    const quit = vi.fn();
    expect(guard.intercept(quit)).toBe(true);
    expect(send).toHaveBeenCalledExactlyOnceWith(REQUEST_ID);
    expect(guard.state()).toBe('waiting');
    expect([...t.pending.values()].map((p) => p.ms)).toEqual([60_000]);
    // A second quit while waiting is held too, without a second request.
    expect(guard.intercept(vi.fn())).toBe(true);
    expect(send).toHaveBeenCalledTimes(1);
    expect(guard.answer('6f1c2a4e-0000-4000-8000-0000000000bb', 'done')).toBe(false);
    expect(quit).not.toHaveBeenCalled();
    expect(guard.answer(REQUEST_ID, 'done')).toBe(true);
    expect(quit).toHaveBeenCalledTimes(1);
    expect(t.pending.size).toBe(0);
    // Released: the next quit goes through, and a late answer changes nothing.
    expect(guard.intercept(vi.fn())).toBe(false);
    expect(guard.answer(REQUEST_ID, 'done')).toBe(false);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('quits after the time limit when the renderer does not answer', () => {
    const t = timers();
    const log = vi.fn();
    const guard = createQuitBackupGuard({ send: () => true, newId: () => REQUEST_ID, timers: t, timeoutMs: 60_000, log });
    const quit = vi.fn();
    expect(guard.intercept(quit)).toBe(true);
    t.fire();
    expect(quit).toHaveBeenCalledTimes(1);
    expect(guard.state()).toBe('released');
    expect(log).toHaveBeenCalled();
    expect(guard.answer(REQUEST_ID, 'done')).toBe(false);
    expect(quit).toHaveBeenCalledTimes(1);
  });

  it('does not hold the quit when no page can answer', () => {
    const guard = createQuitBackupGuard({ send: () => false, newId: () => REQUEST_ID, timers: timers() });
    expect(guard.intercept(vi.fn())).toBe(false);
    expect(guard.state()).toBe('released');
    const throwing = createQuitBackupGuard({
      send: () => {
        throw new Error('destroyed');
      },
      newId: () => REQUEST_ID,
      timers: timers(),
    });
    expect(throwing.intercept(vi.fn())).toBe(false);
  });

  it('quits also when the backup failed or was skipped', () => {
    for (const outcome of ['failed', 'skipped'] as const) {
      const guard = createQuitBackupGuard({ send: () => true, newId: () => REQUEST_ID, timers: timers() });
      const quit = vi.fn();
      guard.intercept(quit);
      expect(guard.answer(REQUEST_ID, outcome)).toBe(true);
      expect(quit).toHaveBeenCalledTimes(1);
    }
  });
});
