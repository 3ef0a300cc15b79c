/**
 * The backup wiring of main.ts with the mocked electron module: the backup folder under userData,
 * the sender check on the real registration, and the quit flow (before-quit and the window's close)
 * with and without the renderer answering in time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backupFileName } from '@shared/backup';
import { BACKUP_ON_QUIT_TIMEOUT_MS, IPC_CHANNELS, IPC_EVENTS } from '@shared/ipc';
import { fakeEvent, type FakeBrowserWindowInstance } from '../../support/fake-electron';

const electron = await vi.hoisted(async () => {
  const { createElectronFake } = await import('../../support/fake-electron');
  return createElectronFake();
});
vi.mock('electron', () => electron.module);

const APP_PAGE = 'app://qamqor/index.html';
const NAME = backupFileName('KZL05', '2026-11-20T06:00:00Z');

let userData = '';

beforeEach(() => {
  electron.reset();
  userData = mkdtempSync(path.join(os.tmpdir(), 'qamqor-userdata-'));
  electron.app.paths = { userData, documents: '/home/user/Documents' };
  vi.stubEnv('VITE_DEV_SERVER_URL', '');
});

afterEach(() => {
  vi.useRealTimers();
  electron.app.emit('will-quit');
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

async function startMain(): Promise<FakeBrowserWindowInstance> {
  vi.resetModules();
  await import('../../../electron/main');
  await new Promise((resolve) => setTimeout(resolve, 0));
  expect(electron.windows).toHaveLength(1);
  const [window] = electron.windows;
  if (window === undefined) throw new Error('no window');
  window.webContents.finishLoad();
  return window;
}

function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = electron.ipcHandlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler(event, ...args));
}

const from = (window: FakeBrowserWindowInstance, url = APP_PAGE) => ({ sender: window.webContents, senderFrame: { url, parent: null } });

function quitRequests(window: FakeBrowserWindowInstance): { requestId: string }[] {
  return window.webContents.send.mock.calls
    .filter(([channel]) => channel === IPC_EVENTS.backupOnQuit)
    .map(([, payload]) => payload as { requestId: string });
}

describe('backup folder', () => {
  it('writes, lists and reads backups in <userData>/backups for the app page only', async () => {
    const window = await startMain();
    const data = new Uint8Array([0x51, 0x41, 0x4d, 0x51]);
    const written = await invoke(IPC_CHANNELS.backupWrite, from(window), { fileName: NAME, data, keep: 10 });
    const folder = path.join(userData, 'backups');
    expect(written).toEqual({ ok: true, value: { fileName: NAME, size: 4, folder, deleted: [] } });
    expect(new Uint8Array(await readFile(path.join(folder, NAME)))).toEqual(data);
    expect(await invoke(IPC_CHANNELS.backupList, from(window))).toMatchObject({
      ok: true,
      value: { folder, files: [{ fileName: NAME, size: 4 }] },
    });
    expect(await invoke(IPC_CHANNELS.backupRead, from(window), { fileName: NAME })).toEqual({ ok: true, value: { fileName: NAME, data } });

    const foreign = from(window, 'https://evil.example/');
    expect(
      await invoke(IPC_CHANNELS.backupWrite, foreign, { fileName: backupFileName('KZL05', '2026-11-21T06:00:00Z'), data, keep: 10 }),
    ).toEqual({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await invoke(IPC_CHANNELS.backupRead, foreign, { fileName: NAME })).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
    expect(await readdir(folder)).toEqual([NAME]);
  });
});

describe('backup on quit', () => {
  it('holds the first quit, asks the page for a backup and quits when it answers', async () => {
    const window = await startMain();
    const quit = fakeEvent();
    electron.app.emit('before-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalledTimes(1);
    const [request] = quitRequests(window);
    expect(request?.requestId).toMatch(/^[0-9a-f-]{36}$/u);
    expect(electron.app.quit).not.toHaveBeenCalled();

    // Another page cannot release it, nor can a made-up request id.
    expect(
      await invoke(IPC_CHANNELS.backupDone, from(window, 'https://evil.example/'), { requestId: request?.requestId, outcome: 'done' }),
    ).toEqual({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(
      await invoke(IPC_CHANNELS.backupDone, from(window), { requestId: '6f1c2a4e-0000-4000-8000-0000000000ff', outcome: 'done' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(electron.app.quit).not.toHaveBeenCalled();

    expect(await invoke(IPC_CHANNELS.backupDone, from(window), { requestId: request?.requestId, outcome: 'done' })).toEqual({
      ok: true,
      value: null,
    });
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    // The quit that follows is not held again.
    const again = fakeEvent();
    electron.app.emit('before-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
    expect(quitRequests(window)).toHaveLength(1);
  });

  it('quits after the time limit when the page does not answer', async () => {
    const window = await startMain();
    vi.useFakeTimers();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const quit = fakeEvent();
    electron.app.emit('before-quit', quit);
    expect(quit.preventDefault).toHaveBeenCalledTimes(1);
    expect(quitRequests(window)).toHaveLength(1);
    vi.advanceTimersByTime(BACKUP_ON_QUIT_TIMEOUT_MS - 1);
    expect(electron.app.quit).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    // A late answer is refused and changes nothing.
    const [request] = quitRequests(window);
    expect(await invoke(IPC_CHANNELS.backupDone, from(window), { requestId: request?.requestId, outcome: 'done' })).toMatchObject({
      ok: false,
    });
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('holds the window close (how Windows and Linux quit) and closes it again after the answer', async () => {
    const window = await startMain();
    const close = fakeEvent();
    window.emit('close', close);
    expect(close.preventDefault).toHaveBeenCalledTimes(1);
    const [request] = quitRequests(window);
    await invoke(IPC_CHANNELS.backupDone, from(window), { requestId: request?.requestId, outcome: 'skipped' });
    expect(window.close).toHaveBeenCalledTimes(1);
    // The second close (and the quit after the last window) go through.
    const second = fakeEvent();
    window.emit('close', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
    const quit = fakeEvent();
    electron.app.emit('before-quit', quit);
    expect(quit.preventDefault).not.toHaveBeenCalled();
    expect(quitRequests(window)).toHaveLength(1);
  });

  it('does not hold the quit while the page is still loading or after the window is gone', async () => {
    const window = await startMain();
    window.webContents.loading = true;
    const quit = fakeEvent();
    electron.app.emit('before-quit', quit);
    expect(quit.preventDefault).not.toHaveBeenCalled();
    expect(quitRequests(window)).toHaveLength(0);

    electron.reset();
    electron.app.paths = { userData, documents: '/home/user/Documents' };
    const second = await startMain();
    second.emit('closed');
    const later = fakeEvent();
    electron.app.emit('before-quit', later);
    expect(later.preventDefault).not.toHaveBeenCalled();
    expect(quitRequests(second)).toHaveLength(0);
  });
});
