/**
 * Entry of the main process: wires the app lifecycle to the window, security and IPC modules.
 */
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { createSenderGuard, registerIpcHandlers } from './handlers';
import { resolveAppLocation } from './paths';
import { installSessionSecurity, installWebContentsGuard } from './security';
import { createMainWindow, focusWindow } from './window';

const location = resolveAppLocation({
  appPath: app.getAppPath(),
  isPackaged: app.isPackaged,
  devServerUrl: process.env['VITE_DEV_SERVER_URL'],
});

// Checklist 4: sandbox every renderer, including any the app did not create itself. Must run before
// 'ready'.
app.enableSandbox();

// One instance per user session: two instances would fight over the same IndexedDB.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  const openMainWindow = (): void => {
    const window = createMainWindow(location);
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null;
    });
    mainWindow = window;
  };

  installWebContentsGuard(app, location.origin);

  app.on('second-instance', () => {
    focusWindow(mainWindow);
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app
    .whenReady()
    .then(() => {
      installSessionSecurity(session.defaultSession, location.origin);

      // Dialogs are modal to the app window; the sender check guarantees the request came from it.
      const parentWindow = (): BrowserWindow | null =>
        mainWindow !== null && !mainWindow.isDestroyed() ? mainWindow : null;
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
        fs: { readFile, writeFile, stat },
        isTrustedSender: createSenderGuard(() => parentWindow()?.webContents ?? null, location.origin),
        app,
        versions: process.versions,
        initialFolder: app.getPath('documents'),
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
