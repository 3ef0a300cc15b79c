import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeEvent, FakeSession, FakeWebContents, type FakeBrowserWindowInstance } from '../../support/fake-electron';
import type { AppLocation } from '../../../electron/paths';
import { buildCsp, hardenWebContents, installSessionSecurity, withCspHeader } from '../../../electron/security';
import { createMainWindow, focusWindow } from '../../../electron/window';

const electron = await vi.hoisted(async () => {
  const { createElectronFake } = await import('../../support/fake-electron');
  return createElectronFake();
});
vi.mock('electron', () => electron.module);

const PRODUCTION_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; " +
  "worker-src 'self' blob:; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self' blob: data:";

const production: AppLocation = {
  origin: { kind: 'app' },
  preloadPath: '/opt/qamqor/dist-electron/preload.cjs',
  rendererDir: '/opt/qamqor/dist/renderer',
  startUrl: 'app://qamqor/index.html',
  devServerUrl: null,
  iconPath: '/opt/qamqor/resources/icons/png/256x256.png',
};

const development: AppLocation = {
  origin: { kind: 'dev', origin: 'http://localhost:5173' },
  preloadPath: '/repo/dist-electron/preload.cjs',
  rendererDir: '/repo/dist/renderer',
  startUrl: 'http://localhost:5173/',
  devServerUrl: 'http://localhost:5173/',
  iconPath: '/repo/resources/icons/png/256x256.png',
};

function openWindow(location: AppLocation = production): FakeBrowserWindowInstance {
  createMainWindow(location);
  expect(electron.windows).toHaveLength(1);
  const [window] = electron.windows;
  if (window === undefined) throw new Error('no window');
  return window;
}

beforeEach(() => {
  electron.reset();
});

describe('createMainWindow', () => {
  it('creates one window with exactly the hardened webPreferences', () => {
    const window = openWindow();
    expect(window.options.webPreferences).toStrictEqual({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/opt/qamqor/dist-electron/preload.cjs',
    });
    expect(window.options['show']).toBe(false);
  });

  it('loads the built index.html through app://qamqor/ in production, never from a file:// URL', () => {
    const window = openWindow();
    expect(window.loadURL).toHaveBeenCalledExactlyOnceWith('app://qamqor/index.html');
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('loads the dev server in development', () => {
    const window = openWindow(development);
    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173/');
    expect(window.loadFile).not.toHaveBeenCalled();
  });

  it('shows the window once it is ready', () => {
    const window = openWindow();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('installs the CSP before loading anything', () => {
    const window = openWindow();
    const cspInstalled = window.webContents.session.webRequest.onHeadersReceived.mock.invocationCallOrder[0];
    const loadStarted = window.loadURL.mock.invocationCallOrder[0];
    expect(cspInstalled).toBeDefined();
    expect(loadStarted).toBeDefined();
    expect(cspInstalled ?? Infinity).toBeLessThan(loadStarted ?? -Infinity);
  });
});

describe('Content-Security-Policy', () => {
  it('adds the production policy to every response', () => {
    const window = openWindow();
    const response = window.webContents.session.respond({
      url: 'app://qamqor/index.html',
      responseHeaders: { 'Content-Type': ['text/html'] },
    });
    expect(response.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': [PRODUCTION_CSP],
    });
    expect(response.responseHeaders?.['Content-Security-Policy']?.[0]).toContain("script-src 'self'");
    expect(response.cancel).toBeUndefined();
  });

  it('applies to responses that arrive without headers', () => {
    const window = openWindow();
    const response = window.webContents.session.respond({ url: 'app://qamqor/assets/a.js' });
    expect(response.responseHeaders).toEqual({ 'Content-Security-Policy': [PRODUCTION_CSP] });
  });

  it('keeps a policy the server already sent, so ours can only tighten it', () => {
    expect(withCspHeader({ 'content-security-policy': ["default-src 'none'"], 'X-A': 'b' }, PRODUCTION_CSP)).toEqual({
      'X-A': ['b'],
      'Content-Security-Policy': ["default-src 'none'", PRODUCTION_CSP],
    });
  });

  it('has no unsafe script sources in production', () => {
    const csp = buildCsp(production.origin);
    expect(csp).toBe(PRODUCTION_CSP);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/u);
  });

  it('adds only the dev server origin and its HMR websocket in development', () => {
    const csp = buildCsp(development.origin);
    expect(csp).toContain("script-src 'self' http://localhost:5173;");
    expect(csp).toContain("connect-src 'self' blob: data: http://localhost:5173 ws://localhost:5173");
    expect(csp).not.toContain('unsafe-eval');
    const window = openWindow(development);
    const response = window.webContents.session.respond({ url: 'http://localhost:5173/' });
    expect(response.responseHeaders?.['Content-Security-Policy']).toEqual([csp]);
  });
});

describe('navigation and new windows', () => {
  it('prevents will-navigate to an external URL', () => {
    const window = openWindow();
    const event = fakeEvent('https://evil.example/phish');
    window.webContents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('prevents will-navigate to a local file outside the app', () => {
    const window = openWindow();
    const event = fakeEvent('file:///etc/passwd');
    window.webContents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('prevents will-navigate to the built renderer by file://: only app://qamqor is the app', () => {
    const window = openWindow();
    const event = fakeEvent('file:///opt/qamqor/dist/renderer/index.html#/persons');
    window.webContents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('prevents will-navigate to another host of the app scheme', () => {
    const window = openWindow();
    const event = fakeEvent('app://evil/index.html');
    window.webContents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
  });

  it('allows will-navigate within the app', () => {
    const window = openWindow();
    const event = fakeEvent('app://qamqor/index.html#/persons');
    window.webContents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).not.toHaveBeenCalled();
  });

  it('in development allows the dev server and nothing else', () => {
    const window = openWindow(development);
    const inside = fakeEvent('http://localhost:5173/');
    const outside = fakeEvent('http://localhost:8080/');
    window.webContents.emit('will-navigate', inside, inside.url);
    window.webContents.emit('will-navigate', outside, outside.url);
    expect(inside.preventDefault).not.toHaveBeenCalled();
    expect(outside.preventDefault).toHaveBeenCalled();
  });

  it('prevents will-redirect to an external URL but not within the app', () => {
    const window = openWindow();
    const external = fakeEvent('https://evil.example/');
    const internal = fakeEvent('app://qamqor/index.html');
    window.webContents.emit('will-redirect', external, external.url);
    window.webContents.emit('will-redirect', internal, internal.url);
    expect(external.preventDefault).toHaveBeenCalled();
    expect(internal.preventDefault).not.toHaveBeenCalled();
  });

  it('denies every window.open and never hands the URL to the shell', () => {
    const window = openWindow();
    const handler = window.webContents.windowOpenHandler;
    expect(handler).not.toBeNull();
    for (const url of ['https://egov.kz/', 'app://qamqor/index.html', 'mailto:a@b.kz']) {
      expect(handler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('refuses to attach a webview', () => {
    const window = openWindow();
    const event = fakeEvent();
    window.webContents.emit('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it('answers every permission request with false', () => {
    const window = openWindow();
    const handler = window.webContents.session.permissionRequestHandler;
    expect(handler).not.toBeNull();
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read']) {
      const callback = vi.fn();
      handler?.(window.webContents, permission, callback, {});
      expect(callback).toHaveBeenCalledExactlyOnceWith(false);
    }
  });

  it('answers every permission check with false', () => {
    const window = openWindow();
    const handler = window.webContents.session.permissionCheckHandler;
    expect(handler).not.toBeNull();
    for (const permission of ['media', 'geolocation', 'notifications', 'hid', 'serial']) {
      expect(handler?.(window.webContents, permission, 'app://qamqor', {})).toBe(false);
    }
  });
});

describe('hardening helpers on their own', () => {
  it('hardenWebContents guards any contents', () => {
    const contents = new FakeWebContents(new FakeSession());
    // The fakes implement the subset of WebContents these functions use.
    hardenWebContents(contents as unknown as Electron.WebContents, production.origin);
    const event = fakeEvent('https://evil.example/');
    contents.emit('will-navigate', event, event.url);
    expect(event.preventDefault).toHaveBeenCalled();
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });

  it('installSessionSecurity works on a fresh session', () => {
    const session = new FakeSession();
    installSessionSecurity(session as unknown as Electron.Session, production.origin);
    expect(session.respond({ url: 'app://qamqor/x' }).responseHeaders?.['Content-Security-Policy']).toEqual([PRODUCTION_CSP]);
    expect(session.permissionCheckHandler?.(null, 'media', 'app://qamqor', {})).toBe(false);
  });
});

describe('focusWindow', () => {
  it('restores a minimised window and focuses it', () => {
    const window = openWindow();
    window.minimized = true;
    // The fake stands in for the real BrowserWindow class mocked above.
    focusWindow(window as unknown as Electron.BrowserWindow);
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('ignores a missing or destroyed window', () => {
    expect(() => focusWindow(null)).not.toThrow();
    const window = openWindow();
    window.destroyed = true;
    focusWindow(window as unknown as Electron.BrowserWindow);
    expect(window.focus).not.toHaveBeenCalled();
  });
});
