import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, IPC_EVENTS, MENU_COMMANDS } from '@shared/ipc';
import { DESKTOP_STATE_FILE } from '../../../electron/desktopState';
import { fakeEvent, FakeSession, FakeWebContents, type FakeBrowserWindowInstance } from '../../support/fake-electron';
import { MENU_LABELS } from '../../../electron/menuLabels';

const electron = await vi.hoisted(async () => {
  const { createElectronFake } = await import('../../support/fake-electron');
  return createElectronFake();
});
vi.mock('electron', () => electron.module);

const APP_PAGE = 'app://qamqor/index.html';

/** main.ts acts when it is imported, like the real entry; each test imports a fresh copy. */
async function startMain(): Promise<void> {
  vi.resetModules();
  await import('../../../electron/main');
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

/** A fresh userData folder per test: main keeps its desktop-state.json there. */
let userData = '';
const originalArgv = process.argv;

beforeEach(() => {
  electron.reset();
  userData = mkdtempSync(path.join(os.tmpdir(), 'qamqor-userdata-'));
  electron.app.paths = { userData, documents: '/home/user/Documents' };
  vi.stubEnv('VITE_DEV_SERVER_URL', '');
});

afterEach(() => {
  // Flushes a pending debounced save before the folder goes away.
  electron.app.emit('will-quit');
  process.argv = originalArgv;
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
});

/** Quits the running copy (saving its state) and starts a fresh one on the same userData. */
async function restartMain(): Promise<void> {
  electron.app.emit('will-quit');
  electron.reset();
  electron.app.paths = { userData, documents: '/home/user/Documents' };
  await startMain();
}

async function readState(): Promise<unknown> {
  return JSON.parse(await readFile(path.join(userData, DESKTOP_STATE_FILE), 'utf8'));
}

function menuItem(id: string): MenuItemConstructorOptions {
  const walk = (items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions | undefined => {
    for (const item of items) {
      if (item.id === id) return item;
      const inner = Array.isArray(item.submenu) ? walk(item.submenu) : undefined;
      if (inner !== undefined) return inner;
    }
    return undefined;
  };
  const template = electron.applicationMenu() as MenuItemConstructorOptions[] | null;
  const found = template === null ? undefined : walk(template);
  if (found === undefined) throw new Error(`no menu item ${id}`);
  return found;
}

function clickMenu(id: string): void {
  const handler = menuItem(id).click as ((...args: unknown[]) => void) | undefined;
  handler?.({}, undefined, {});
}

async function writeBundle(name: string, bytes: number[]): Promise<string> {
  const filePath = path.join(userData, name);
  await writeFile(filePath, new Uint8Array(bytes));
  return filePath;
}

function fileOpenedSends(window: FakeBrowserWindowInstance): unknown[] {
  return window.webContents.send.mock.calls.filter(([channel]) => channel === IPC_EVENTS.fileOpened).map(([, payload]) => payload);
}

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
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith(APP_PAGE);
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('grants app: its privileges before ready and serves the built renderer from it once ready', async () => {
    await startMain();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(electron.protocol.privilegesOf('app')).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    expect(electron.protocol.handle).toHaveBeenCalledTimes(1);
    const registered = electron.protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0] ?? Infinity;
    const ready = electron.app.whenReady.mock.invocationCallOrder[0] ?? -Infinity;
    const handled = electron.protocol.handle.mock.invocationCallOrder[0] ?? -Infinity;
    const loaded = onlyWindow().loadURL.mock.invocationCallOrder[0] ?? -Infinity;
    expect(registered).toBeLessThan(ready);
    expect(handled).toBeLessThan(loaded);
    // The handler reads from <appPath>/dist/renderer, which does not exist here: a clean 404 with the CSP.
    const missing = await electron.protocol.fetch('app://qamqor/index.html');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Content-Security-Policy')).toContain("script-src 'self'");
  });

  it('loads the dev server when VITE_DEV_SERVER_URL is set', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://localhost:5173');
    await startMain();
    expect(onlyWindow().loadURL).toHaveBeenCalledExactlyOnceWith('http://localhost:5173/');
  });

  it('ignores VITE_DEV_SERVER_URL in a packaged app', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://localhost:5173');
    electron.app.isPackaged = true;
    await startMain();
    expect(onlyWindow().loadURL).toHaveBeenCalledExactlyOnceWith(APP_PAGE);
  });

  it('secures the default session', async () => {
    await startMain();
    const session = electron.defaultSession;
    expect(session.respond({ url: APP_PAGE }).responseHeaders?.['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    const callback = vi.fn();
    session.permissionRequestHandler?.(null, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(session.permissionCheckHandler?.(null, 'notifications', 'app://qamqor', {})).toBe(false);
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

describe('double-clicked bundles', () => {
  it('opens a bundle named on the first start once the page has finished loading', async () => {
    const bundle = await writeBundle('Арал 2026.qamqor', [0x50, 0x4b, 3, 4]);
    process.argv = ['/opt/Qamqor/qamqor', '--no-sandbox', bundle];
    await startMain();
    const window = onlyWindow();
    await vi.waitFor(() => expect(window.webContents.listenerCount('did-finish-load')).toBeGreaterThan(0));
    expect(fileOpenedSends(window)).toEqual([]);
    window.webContents.finishLoad();
    expect(fileOpenedSends(window)).toEqual([{ fileName: 'Арал 2026.qamqor', data: new Uint8Array([0x50, 0x4b, 3, 4]) }]);
  });

  it('starts normally without a bundle on the command line', async () => {
    process.argv = ['/opt/Qamqor/qamqor', '--no-sandbox', '/home/user/notes.txt'];
    await startMain();
    const window = onlyWindow();
    window.webContents.finishLoad();
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('hands a bundle from a second instance to the running window and brings it forward', async () => {
    await startMain();
    const window = onlyWindow();
    window.webContents.finishLoad();
    window.minimized = true;
    const bundle = await writeBundle('kzl.qamqor', [1, 2, 3]);
    electron.app.emit(
      'second-instance',
      fakeEvent(),
      ['C:\\Qamqor\\Qamqor.exe', '--allow-file-access-from-files', path.basename(bundle)],
      userData,
    );
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    await vi.waitFor(() => expect(fileOpenedSends(window)).toEqual([{ fileName: 'kzl.qamqor', data: new Uint8Array([1, 2, 3]) }]));
    expect(electron.windows).toHaveLength(1);
  });

  it('opens a new window for a second instance when the window had been closed, and delivers there', async () => {
    await startMain();
    onlyWindow().emit('closed');
    const bundle = await writeBundle('later.qamqor', [9]);
    electron.app.emit('second-instance', fakeEvent(), ['qamqor', bundle], '/');
    expect(electron.windows).toHaveLength(2);
    const second = electron.windows[1];
    if (second === undefined) throw new Error('no second window');
    expect(second.show).toHaveBeenCalled();
    await vi.waitFor(() => expect(second.webContents.listenerCount('did-finish-load')).toBeGreaterThan(0));
    second.webContents.finishLoad();
    expect(fileOpenedSends(second)).toEqual([{ fileName: 'later.qamqor', data: new Uint8Array([9]) }]);
  });

  it('sends nothing for a second instance without a bundle or with a missing file', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    await startMain();
    const window = onlyWindow();
    window.webContents.finishLoad();
    electron.app.emit('second-instance', fakeEvent(), ['qamqor'], '/');
    electron.app.emit('second-instance', fakeEvent(), ['qamqor', path.join(userData, 'gone.qamqor')], '/');
    await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining('gone.qamqor'), expect.anything()));
    expect(window.webContents.send).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('application menu', () => {
  it('is installed in Kazakh on a first start', async () => {
    await startMain();
    expect(electron.menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(menuItem('file').label).toBe(MENU_LABELS.kk.file);
    expect(menuItem('import-bundle').label).toBe(MENU_LABELS.kk.importBundle);
  });

  it('sends each command to the app window through the typed channel', async () => {
    await startMain();
    const window = onlyWindow();
    for (const command of MENU_COMMANDS.filter((c) => c !== 'about')) clickMenu(command);
    expect(window.webContents.send.mock.calls).toEqual(
      MENU_COMMANDS.filter((c) => c !== 'about').map((command) => [IPC_EVENTS.menuCommand, command]),
    );
  });

  it('answers About with a native box over the window, in the menu language', async () => {
    await startMain();
    const window = onlyWindow();
    clickMenu('about');
    expect(electron.dialog.showMessageBox).toHaveBeenCalledExactlyOnceWith(
      window,
      expect.objectContaining({ title: MENU_LABELS.kk.aboutTitle, message: 'Qamqor (Қамқор) 0.1.0' }),
    );
    expect(window.webContents.send).not.toHaveBeenCalled();
  });

  it('switches to the language the renderer reports and keeps it for the next start', async () => {
    await startMain();
    const window = onlyWindow();
    expect(await invoke(IPC_CHANNELS.setMenuLanguage, eventFrom(window), 'ru')).toEqual({ ok: true, value: null });
    expect(menuItem('file').label).toBe(MENU_LABELS.ru.file);
    expect(menuItem('print').label).toBe(MENU_LABELS.ru.print);
    // The same language again does not rebuild the menu.
    await invoke(IPC_CHANNELS.setMenuLanguage, eventFrom(window), 'ru');
    expect(electron.menu.setApplicationMenu).toHaveBeenCalledTimes(2);
    await restartMain();
    expect(menuItem('help').label).toBe(MENU_LABELS.ru.help);
  });

  it('refuses a language change from a page that is not the app, or an unknown language', async () => {
    await startMain();
    const window = onlyWindow();
    expect(await invoke(IPC_CHANNELS.setMenuLanguage, eventFrom(window, 'https://evil.example/'), 'ru')).toEqual({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await invoke(IPC_CHANNELS.setMenuLanguage, eventFrom(window), 'en')).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(electron.menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(menuItem('file').label).toBe(MENU_LABELS.kk.file);
  });
});

describe('remembered window and folder', () => {
  it('saves the normal bounds when the window closes and reopens there', async () => {
    await startMain();
    const window = onlyWindow();
    window.bounds = { x: 200, y: 120, width: 1100, height: 700 };
    window.emit('move');
    window.emit('close');
    expect(await readState()).toMatchObject({ window: { bounds: { x: 200, y: 120, width: 1100, height: 700 }, maximized: false } });
    await restartMain();
    expect(onlyWindow().options).toMatchObject({ x: 200, y: 120, width: 1100, height: 700 });
  });

  it('reopens maximised when it was closed maximised', async () => {
    await writeFile(
      path.join(userData, DESKTOP_STATE_FILE),
      JSON.stringify({ version: 1, window: { bounds: { x: 50, y: 40, width: 1000, height: 700 }, maximized: true } }),
    );
    await startMain();
    const window = onlyWindow();
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalled();
    expect(window.show).toHaveBeenCalled();
  });

  it('ignores a saved position that is on no screen any more', async () => {
    await writeFile(
      path.join(userData, DESKTOP_STATE_FILE),
      JSON.stringify({ version: 1, window: { bounds: { x: 2400, y: 100, width: 1000, height: 700 }, maximized: false } }),
    );
    await startMain();
    const options = onlyWindow().options;
    expect(options).toMatchObject({ width: 1280, height: 800 });
    expect(options['x']).toBeUndefined();
    expect(options['y']).toBeUndefined();
  });

  it('starts with the defaults when the state file is damaged', async () => {
    await writeFile(path.join(userData, DESKTOP_STATE_FILE), '{"window": {"bounds": ');
    await startMain();
    expect(onlyWindow().options).toMatchObject({ width: 1280, height: 800 });
    expect(menuItem('file').label).toBe(MENU_LABELS.kk.file);
  });

  it("opens the next run's dialogs in the folder used last", async () => {
    await startMain();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: path.join(userData, 'act.pdf') });
    await invoke(IPC_CHANNELS.printToPdf, eventFrom(onlyWindow()), { suggestedName: 'act' });
    await restartMain();
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await invoke(IPC_CHANNELS.saveFile, eventFrom(onlyWindow()), {
      suggestedName: 'register.xlsx',
      filters: [],
      data: new Uint8Array([1]),
    });
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(
      onlyWindow(),
      expect.objectContaining({ defaultPath: path.join(userData, 'register.xlsx') }),
    );
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
