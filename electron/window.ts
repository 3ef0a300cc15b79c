/** The app's single window. */
import { BrowserWindow } from 'electron';
import type { WindowPlacement, WindowState } from './desktopState';
import type { AppLocation } from './paths';
import { hardenWebContents, installSessionSecurity, secureWebPreferences } from './security';

export const WINDOW_DEFAULTS = { width: 1280, height: 800, minWidth: 960, minHeight: 600 } as const;

export interface MainWindowOptions {
  /** Where to open (from the remembered state); the defaults when absent. */
  readonly placement?: WindowPlacement;
  /**
   * The window icon. Windows takes it from the executable; Linux window managers need it set on the
   * window (otherwise the taskbar shows a generic icon).
   */
  readonly iconPath?: string;
}

export function createMainWindow(location: AppLocation, options: MainWindowOptions = {}): BrowserWindow {
  const placement = options.placement;
  const window = new BrowserWindow({
    width: placement?.width ?? WINDOW_DEFAULTS.width,
    height: placement?.height ?? WINDOW_DEFAULTS.height,
    ...(placement?.x === undefined || placement.y === undefined ? {} : { x: placement.x, y: placement.y }),
    minWidth: WINDOW_DEFAULTS.minWidth,
    minHeight: WINDOW_DEFAULTS.minHeight,
    title: 'Qamqor',
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
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
    if (placement?.maximized === true) window.maximize();
    window.show();
  });

  // app://qamqor/index.html (electron/protocol.ts serves it), never a file:// URL; the dev server in development.
  const loading = window.loadURL(location.startUrl);
  loading.catch((error: unknown) => {
    console.error('[qamqor] failed to load the renderer', error);
  });
  return window;
}

/** The parts of a BrowserWindow whose geometry is remembered. */
export interface TrackedWindow {
  on(event: 'resize' | 'move' | 'maximize' | 'unmaximize' | 'close', listener: () => void): unknown;
  isDestroyed(): boolean;
  isMaximized(): boolean;
  isMinimized(): boolean;
  getNormalBounds(): { x: number; y: number; width: number; height: number };
}

/**
 * Reports the window's normal bounds and maximised flag whenever they change, and once more on
 * 'close' (the caller then saves at once instead of after the debounce). A minimised window is not
 * reported: its position means nothing to the next start.
 */
export function trackWindowState(window: TrackedWindow, onChange: (state: WindowState, closing: boolean) => void): void {
  const report = (closing: boolean): void => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const { x, y, width, height } = window.getNormalBounds();
    // Fractional DIPs can appear with display scaling; the state file stores whole pixels.
    const bounds = { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
    onChange({ bounds, maximized: window.isMaximized() }, closing);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event, () => report(false));
  window.on('close', () => report(true));
}

/** 'second-instance': bring the existing window forward instead of opening another one. */
export function focusWindow(window: BrowserWindow | null): void {
  if (window === null || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
