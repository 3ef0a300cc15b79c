import { describe, expect, it } from 'vitest';
import { APP_START_URL, isAppUrl, parseDevServerUrl, resolveAppLocation, type AppOrigin } from '../../../electron/paths';

const appOrigin: AppOrigin = { kind: 'app' };
const devOrigin: AppOrigin = { kind: 'dev', origin: 'http://localhost:5173' };

describe('resolveAppLocation', () => {
  it('points at the built files in production and loads them through app://qamqor/', () => {
    const location = resolveAppLocation({ appPath: '/opt/qamqor', isPackaged: true, devServerUrl: undefined });
    expect(location).toEqual({
      origin: appOrigin,
      preloadPath: '/opt/qamqor/dist-electron/preload.cjs',
      rendererDir: '/opt/qamqor/dist/renderer',
      startUrl: 'app://qamqor/index.html',
      devServerUrl: null,
      iconPath: '/opt/qamqor/resources/icons/png/256x256.png',
    });
    expect(APP_START_URL).toBe('app://qamqor/index.html');
  });

  it('uses the dev server when VITE_DEV_SERVER_URL is set and the app is not packaged', () => {
    const location = resolveAppLocation({ appPath: '/repo', isPackaged: false, devServerUrl: 'http://localhost:5173/' });
    expect(location.origin).toEqual(devOrigin);
    expect(location.devServerUrl).toBe('http://localhost:5173/');
    expect(location.startUrl).toBe('http://localhost:5173/');
    expect(location.preloadPath).toBe('/repo/dist-electron/preload.cjs');
  });

  it('ignores VITE_DEV_SERVER_URL in a packaged app', () => {
    const location = resolveAppLocation({ appPath: '/opt/qamqor', isPackaged: true, devServerUrl: 'http://localhost:5173' });
    expect(location.origin.kind).toBe('app');
    expect(location.devServerUrl).toBeNull();
    expect(location.startUrl).toBe(APP_START_URL);
  });

  it('keeps folders with spaces and Cyrillic names as plain paths; the page URL does not depend on them', () => {
    const location = resolveAppLocation({ appPath: '/home/Әсел/Qamqor app', isPackaged: true, devServerUrl: undefined });
    expect(location.rendererDir).toBe('/home/Әсел/Qamqor app/dist/renderer');
    expect(location.startUrl).toBe(APP_START_URL);
    expect(isAppUrl(location.startUrl, location.origin)).toBe(true);
  });
});

describe('parseDevServerUrl', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:5173/', 'https://[::1]:5173'])('accepts loopback %s', (raw) => {
    expect(parseDevServerUrl(raw)).not.toBeNull();
  });

  it.each([
    undefined,
    '',
    'not a url',
    'https://evil.example:5173',
    'http://localhost.evil.example:5173',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'http://user:pass@localhost:5173',
  ])('refuses %s', (raw) => {
    expect(parseDevServerUrl(raw)).toBeNull();
  });
});

describe('isAppUrl (production, app://qamqor)', () => {
  it.each([
    'app://qamqor/index.html',
    'app://qamqor/',
    'app://qamqor/index.html#/cases/42',
    'app://qamqor/index.html?lang=kk',
    'app://qamqor/assets/index-abc123.js',
    'APP://QAMQOR/index.html',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url, appOrigin)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'https://qamqor/index.html',
    'file:///etc/passwd',
    // The old file:// home of the renderer is no longer the app.
    'file:///opt/qamqor/dist/renderer/index.html',
    'app://evil/index.html',
    'app://qamqor.evil/index.html',
    'app://qamqor@evil/index.html',
    'app://user:pass@qamqor/index.html',
    'app://qamqor:8080/index.html',
    'appx://qamqor/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, appOrigin)).toBe(false);
  });
});

describe('isAppUrl (development, dev server)', () => {
  it.each(['http://localhost:5173/', 'http://localhost:5173/src/main.tsx', 'http://localhost:5173/#/cases'])('accepts %s', (url) => {
    expect(isAppUrl(url, devOrigin)).toBe(true);
  });

  it.each([
    'http://localhost:5174/',
    'https://localhost:5173/',
    'http://localhost:5173.evil.example/',
    'http://evil.example/?http://localhost:5173',
    'file:///opt/qamqor/dist/renderer/index.html',
    'app://qamqor/index.html',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, devOrigin)).toBe(false);
  });
});
