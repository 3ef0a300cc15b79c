import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../shared/ipc';
import { fakeEvent, FakeSession, FakeWebContents, type FakeBrowserWindowInstance } from './fake-electron';

const electron = await vi.hoisted(async () => {
  const { createElectronFake } = await import('./fake-electron');
  return createElectronFake();
});
vi.mock('electron', () => electron.module);

const APP_PAGE = 'file:///opt/qamqor/dist/renderer/index.html';

/** main.ts acts when it is imported, like the real entry; each test imports a fresh copy. */
async function startMain(): Promise<void> {
  vi.resetModules();
  await import('./main');
  // Let app.whenReady().then(...) run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

function onlyWindow(): FakeBrowserWindowInstance {
  expect(electron.windows).toHaveLength(1);
  const [window] = electron.windows;
  if (window === undefined) throw new Error('no window');
  return window;
}

function invoke(channel: string, event: unknown, ...args: unknown[]): Promise<unknown> {
  const handler = electron.ipcHandlers.get(channel);
  if (handler === undefined) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler(event, ...args));
}

function eventFrom(window: FakeBrowserWindowInstance, url = APP_PAGE): unknown {
  return { sender: window.webContents, senderFrame: { url, parent: null } };
}

beforeEach(() => {
  electron.reset();
  vi.stubEnv('VITE_DEV_SERVER_URL', '');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('single instance', () => {
  it('quits without creating a window or handlers when the lock is not obtained', async () => {
    electron.app.gotLock = false;
    await startMain();
    expect(electron.app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.windows).toHaveLength(0);
    expect(electron.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('focuses the existing window when a second instance starts', async () => {
    await startMain();
    const window = onlyWindow();
    window.minimized = true;
    electron.app.emit('second-instance', fakeEvent(), ['qamqor'], '/home/user');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(electron.windows).toHaveLength(1);
    expect(electron.app.quit).not.toHaveBeenCalled();
  });
});

describe('startup', () => {
  it('sandboxes all renderers, then creates one window loading the built renderer', async () => {
    await startMain();
    expect(electron.app.enableSandbox).toHaveBeenCalledTimes(1);
    const window = onlyWindow();
    expect(window.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: path.join('/opt/qamqor', 'dist-electron', 'preload.cjs'),
    });
    expect(window.loadFile).toHaveBeenCalledWith(path.join('/opt/qamqor', 'dist', 'renderer', 'index.html'));
  });

  it('loads the dev server when VITE_DEV_SERVER_URL is set', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://localhost:5173');
    await startMain();
    expect(onlyWindow().loadURL).toHaveBeenCalledWith('http://localhost:5173/');
  });

  it('ignores VITE_DEV_SERVER_URL in a packaged app', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://localhost:5173');
    electron.app.isPackaged = true;
    await startMain();
    const window = onlyWindow();
    expect(window.loadURL).not.toHaveBeenCalled();
    expect(window.loadFile).toHaveBeenCalled();
  });

  it('secures the default session', async () => {
    await startMain();
    const session = electron.defaultSession;
    expect(session.respond({ url: APP_PAGE }).responseHeaders?.['Content-Security-Policy']?.[0]).toContain(
      "script-src 'self'",
    );
    const callback = vi.fn();
    session.permissionRequestHandler?.(null, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler?.(null, 'notifications', 'file://', {})).toBe(false);
  });

  it('registers a handler for every IPC channel', async () => {
    await startMain();
    expect([...electron.ipcHandlers.keys()].sort()).toEqual(Object.values(IPC_CHANNELS).sort());
  });
});

describe('web-contents-created guard', () => {
  it('hardens contents the app did not create itself', async () => {
    await startMain();
    const stray = new FakeWebContents(new FakeSession());
    electron.app.emit('web-contents-created', fakeEvent(), stray);

    const navigation = fakeEvent('https://evil.example/');
    stray.emit('will-navigate', navigation, navigation.url);
    expect(navigation.preventDefault).toHaveBeenCalled();

    const redirect = fakeEvent('https://evil.example/');
    stray.emit('will-redirect', redirect, redirect.url);
    expect(redirect.preventDefault).toHaveBeenCalled();

    const webview = fakeEvent();
    stray.emit('will-attach-webview', webview, {}, {});
    expect(webview.preventDefault).toHaveBeenCalled();

    expect(stray.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('IPC wiring', () => {
  it('answers appInfo for the app window', async () => {
    await startMain();
    const result = await invoke(IPC_CHANNELS.appInfo, eventFrom(onlyWindow()));
    expect(result).toMatchObject({ ok: true, value: { name: 'Qamqor', version: '0.1.0', platform: 'electron' } });
  });

  it('refuses a page the app window was navigated to, and other contents', async () => {
    await startMain();
    const window = onlyWindow();
    expect(await invoke(IPC_CHANNELS.appInfo, eventFrom(window, 'https://evil.example/'))).toEqual({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    const other = new FakeWebContents(new FakeSession());
    expect(await invoke(IPC_CHANNELS.appInfo, { sender: other, senderFrame: { url: APP_PAGE, parent: null } })).toEqual({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('refuses everyone once the window is closed', async () => {
    await startMain();
    const window = onlyWindow();
    window.emit('closed');
    expect(await invoke(IPC_CHANNELS.appInfo, eventFrom(window))).toEqual({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it('saves through a dialog modal to the app window onto the real disk', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qamqor-main-'));
    try {
      await startMain();
      const window = onlyWindow();
      const target = path.join(dir, 'export.json');
      electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      const data = new TextEncoder().encode('{"ok":true}');
      const result = await invoke(IPC_CHANNELS.saveFile, eventFrom(window), {
        suggestedName: 'export.json',
        filters: [{ name: 'JSON', extensions: ['json'] }],
        data,
      });
      expect(result).toEqual({ ok: true, value: { fileName: 'export.json' } });
      expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
        window,
        expect.objectContaining({ defaultPath: path.join('/home/user/Documents', 'export.json') }),
      );
      expect(await readFile(target, 'utf8')).toBe('{"ok":true}');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('lifecycle', () => {
  it('quits when the last window closes (outside macOS)', async () => {
    await startMain();
    electron.app.emit('window-all-closed');
    if (process.platform === 'darwin') expect(electron.app.quit).not.toHaveBeenCalled();
    else expect(electron.app.quit).toHaveBeenCalledTimes(1);
  });

  it('reopens a window on activate only when none is open', async () => {
    await startMain();
    const first = onlyWindow();
    electron.app.emit('activate');
    expect(electron.windows).toHaveLength(1);
    first.emit('closed');
    electron.app.emit('activate');
    expect(electron.windows).toHaveLength(2);
  });
});
