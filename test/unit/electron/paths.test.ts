import { describe, expect, it } from 'vitest';
import { isAppUrl, parseDevServerUrl, resolveAppLocation, type AppOrigin } from '../../../electron/paths';

const fileOrigin: AppOrigin = { kind: 'file', rendererDirUrl: 'file:///opt/qamqor/dist/renderer/' };
const devOrigin: AppOrigin = { kind: 'dev', origin: 'http://localhost:5173' };

describe('resolveAppLocation', () => {
  it('points at the built files in production', () => {
    const location = resolveAppLocation({ appPath: '/opt/qamqor', isPackaged: true, devServerUrl: undefined });
    expect(location).toEqual({
      origin: fileOrigin,
      preloadPath: '/opt/qamqor/dist-electron/preload.cjs',
      indexHtmlPath: '/opt/qamqor/dist/renderer/index.html',
      devServerUrl: null,
      iconPath: '/opt/qamqor/resources/icons/png/256x256.png',
    });
  });

  it('uses the dev server when VITE_DEV_SERVER_URL is set and the app is not packaged', () => {
    const location = resolveAppLocation({ appPath: '/repo', isPackaged: false, devServerUrl: 'http://localhost:5173/' });
    expect(location.origin).toEqual(devOrigin);
    expect(location.devServerUrl).toBe('http://localhost:5173/');
    expect(location.preloadPath).toBe('/repo/dist-electron/preload.cjs');
  });

  it('ignores VITE_DEV_SERVER_URL in a packaged app', () => {
    const location = resolveAppLocation({ appPath: '/opt/qamqor', isPackaged: true, devServerUrl: 'http://localhost:5173' });
    expect(location.origin.kind).toBe('file');
    expect(location.devServerUrl).toBeNull();
  });

  it('percent-encodes folders with spaces and Cyrillic names in the file URL', () => {
    const location = resolveAppLocation({ appPath: '/home/Әсел/Qamqor app', isPackaged: true, devServerUrl: undefined });
    expect(location.origin).toEqual({
      kind: 'file',
      rendererDirUrl: 'file:///home/%D3%98%D1%81%D0%B5%D0%BB/Qamqor%20app/dist/renderer/',
    });
    expect(isAppUrl('file:///home/%D3%98%D1%81%D0%B5%D0%BB/Qamqor%20app/dist/renderer/index.html', location.origin)).toBe(true);
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

describe('isAppUrl (production, file://)', () => {
  it.each([
    'file:///opt/qamqor/dist/renderer/index.html',
    'file:///opt/qamqor/dist/renderer/index.html#/cases/42',
    'file:///opt/qamqor/dist/renderer/index.html?lang=kk',
    'file:///opt/qamqor/dist/renderer/assets/index-abc123.js',
  ])('accepts %s', (url) => {
    expect(isAppUrl(url, fileOrigin)).toBe(true);
  });

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'file:///opt/qamqor/dist/renderer/../../../etc/passwd',
    'file:///opt/qamqor/dist/renderer/%2e%2e/%2e%2e/secret.html',
    'file:///opt/qamqor/dist/renderer/..%2F..%2Fsecret.html',
    'file:///opt/qamqor/dist/renderer-evil/index.html',
    'file:///opt/qamqor/dist/renderer',
    'file://evil-host/opt/qamqor/dist/renderer/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, fileOrigin)).toBe(false);
  });

  it('compares Windows drive paths case-insensitively', () => {
    const windows: AppOrigin = { kind: 'file', rendererDirUrl: 'file:///C:/Program%20Files/Qamqor/dist/renderer/' };
    expect(isAppUrl('file:///c:/program%20files/qamqor/dist/renderer/index.html', windows)).toBe(true);
    expect(isAppUrl('file:///C:/Program%20Files/Qamqor/resources/x.html', windows)).toBe(false);
    expect(isAppUrl('file:///C:\\Program%20Files\\Qamqor\\dist\\renderer\\..\\..\\x.html', windows)).toBe(false);
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
  ])('refuses %s', (url) => {
    expect(isAppUrl(url, devOrigin)).toBe(false);
  });
});
