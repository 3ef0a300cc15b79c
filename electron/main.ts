/**
 * Entry of the main process: wires the app lifecycle to the window, security, menu, file-open and
 * IPC modules.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, stat, statfs, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { IPC_EVENTS, type MenuCommand, type UiLanguage } from '@shared/ipc';
import { BACKUP_FOLDER_NAME, createQuitBackupGuard, type BackupFs } from './backup';
import { createDesktopStateStore, DESKTOP_STATE_FILE, loadDesktopState, placeWindow } from './desktopState';
import { bundlePathFromArgv, createFileHandoff } from './fileOpen';
import { createSenderGuard, readLimitedFile, registerIpcHandlers, type FsLike } from './handlers';
import { aboutBoxOptions, buildMenuTemplate, routeMenuCommand } from './menu';
import { resolveAppLocation } from './paths';
import { installAppProtocol, registerAppScheme } from './protocol';
import { buildCsp, installSessionSecurity, installWebContentsGuard } from './security';
import { createMainWindow, focusWindow, trackWindowState, WINDOW_DEFAULTS } from './window';

const location = resolveAppLocation({
  appPath: app.getAppPath(),
  isPackaged: app.isPackaged,
  devServerUrl: process.env['VITE_DEV_SERVER_URL'],
});

// Checklist 4: sandbox every renderer, including any the app did not create itself. Must run before
// 'ready'.
app.enableSandbox();

// Checklist 18: the renderer is served from app://qamqor/ (protocol.ts). The scheme's privileges can
// only be granted before 'ready'.
registerAppScheme(protocol);

// One instance per user session: two instances would fight over the same IndexedDB. A second start
// (e.g. a double-clicked bundle while the app runs) hands its command line to this instance through
// 'second-instance' and quits.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;
  const fs: FsLike = { readFile, writeFile, stat };
  const parentWindow = (): BrowserWindow | null => (mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null);

  const stateFile = path.join(app.getPath('userData'), DESKTOP_STATE_FILE);
  const store = createDesktopStateStore(loadDesktopState(stateFile, { readFileSync }), {
    filePath: stateFile,
    fs: { readFileSync, writeFileSync, renameSync, mkdirSync },
  });
  let menuLanguage: UiLanguage = store.current().menuLanguage ?? 'kk';

  // Backups outside IndexedDB (issue 8). The first quit, or the first close of the window (which is
  // how Windows and Linux quit), waits until the page has made a backup and answered `backupDone`.
  const backupFs: BackupFs = { mkdir, writeFile, rename, unlink, readdir, stat, statfs };
  const quitBackup = createQuitBackupGuard({
    send: (requestId) => {
      const window = parentWindow();
      if (window === null || window.webContents.isLoading()) return false;
      window.webContents.send(IPC_EVENTS.backupOnQuit, { requestId });
      return true;
    },
    newId: randomUUID,
    log: (message, detail) => console.warn(message, detail ?? ''),
  });
  app.on('before-quit', (event: { preventDefault(): void }) => {
    if (quitBackup.intercept(() => app.quit())) event.preventDefault();
  });

  const handoff = createFileHandoff({
    read: (filePath) => readLimitedFile(fs, filePath),
    log: (message, detail) => console.warn(message, detail ?? ''),
  });
  // A bundle double-clicked while the app was not running is on this start's own command line.
  const startBundle = bundlePathFromArgv(process.argv, { cwd: process.cwd() });
  if (startBundle !== null) void handoff.open(startBundle);

  const showAbout = (): void => {
    const options = aboutBoxOptions(menuLanguage, { version: app.getVersion(), versions: process.versions });
    const parent = parentWindow();
    const shown = parent === null ? dialog.showMessageBox(options) : dialog.showMessageBox(parent, options);
    shown.catch((error: unknown) => {
      console.error('[qamqor] about box failed', error);
    });
  };
  const onMenuCommand = (command: MenuCommand): void => {
    routeMenuCommand(command, {
      send: (routed) => parentWindow()?.webContents.send(IPC_EVENTS.menuCommand, routed),
      showAbout,
    });
  };
  const installMenu = (): void => {
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ lang: menuLanguage, version: app.getVersion(), onCommand: onMenuCommand, devTools: !app.isPackaged }),
      ),
    );
  };

  const openMainWindow = (): void => {
    const placement = placeWindow(
      store.current().window,
      screen.getAllDisplays().map((display) => display.workArea),
      WINDOW_DEFAULTS,
    );
    const window = createMainWindow(location, {
      placement,
      ...(process.platform === 'linux' ? { iconPath: location.iconPath } : {}),
    });
    trackWindowState(window, (state, closing) => {
      store.update({ window: state });
      if (closing) store.flush();
    });
    window.on('close', (event: { preventDefault(): void }) => {
      if (quitBackup.intercept(() => window.close())) event.preventDefault();
    });
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
    handoff.attach(window);
  };

  installWebContentsGuard(app, location.origin);

  app.on('second-instance', (_event: unknown, argv: string[], workingDirectory: string) => {
    if (mainWindow === null && app.isReady()) openMainWindow();
    focusWindow(mainWindow);
    const bundle = bundlePathFromArgv(argv, { cwd: workingDirectory });
    if (bundle !== null) void handoff.open(bundle);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', () => {
    store.flush();
  });

  app
    .whenReady()
    .then(() => {
      installSessionSecurity(session.defaultSession, location.origin);
      installAppProtocol(protocol, {
        rendererDir: location.rendererDir,
        fs: { readFile, stat },
        csp: buildCsp(location.origin),
        log: (message, detail) => console.warn(message, detail ?? ''),
      });
      installMenu();

      // Dialogs are modal to the app window; the sender check guarantees the request came from it.
      registerIpcHandlers({
        ipcMain,
        dialog: {
          showSaveDialog: (options) => {
            const parent = parentWindow();
            return parent === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(parent, options);
          },
          showOpenDialog: (options) => {
            const parent = parentWindow();
            return parent === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(parent, options);
          },
        },
        fs,
        isTrustedSender: createSenderGuard(() => parentWindow()?.webContents ?? null, location.origin),
        app,
        versions: process.versions,
        initialFolder: store.current().lastFolder ?? app.getPath('documents'),
        onFolderUsed: (folder) => {
          store.update({ lastFolder: folder });
        },
        setMenuLanguage: (lang) => {
          if (lang === menuLanguage) return;
          menuLanguage = lang;
          installMenu();
          store.update({ menuLanguage: lang });
        },
        backup: {
          folder: path.join(app.getPath('userData'), BACKUP_FOLDER_NAME),
          fs: backupFs,
          quit: quitBackup,
          log: (message, detail) => console.warn(message, detail ?? ''),
        },
        auditHead: {
          folder: app.getPath('userData'),
          fs: { mkdir, writeFile, rename, unlink, readFile },
          tempSuffix: randomUUID,
        },
      });

      openMainWindow();

      app.on('activate', () => {
        if (mainWindow === null) openMainWindow();
      });
    })
    .catch((error: unknown) => {
      console.error('[qamqor] failed to start', error);
      app.quit();
    });
}
