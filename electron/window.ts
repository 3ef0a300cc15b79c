/** The app's single window. */
import { BrowserWindow } from 'electron';
import type { AppLocation } from './paths';
import { hardenWebContents, installSessionSecurity, secureWebPreferences } from './security';

export function createMainWindow(location: AppLocation): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Qamqor',
    // Shown on ready-to-show so the user never sees an unstyled flash.
    show: false,
    webPreferences: secureWebPreferences(location.preloadPath),
  });
  // Installed before the first load so the very first response already carries the CSP. The
  // 'web-contents-created' guard covers this contents too; hardening here as well keeps the window
  // safe even if it were ever created without that guard.
  installSessionSecurity(window.webContents.session, location.origin);
  hardenWebContents(window.webContents, location.origin);

  window.once('ready-to-show', () => {
    window.show();
  });

  const loading =
    location.devServerUrl !== null ? window.loadURL(location.devServerUrl) : window.loadFile(location.indexHtmlPath);
  loading.catch((error: unknown) => {
    console.error('[qamqor] failed to load the renderer', error);
  });
  return window;
}

/** 'second-instance': bring the existing window forward instead of opening another one. */
export function focusWindow(window: BrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
