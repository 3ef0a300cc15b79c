/**
 * app://qamqor/ (electron/protocol.ts): the scheme's privileges, and the handler serving dist/renderer
 * from a real temporary folder, with a file next to that folder that must never be reachable.
 */
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '@shared/csp';
import {
  APP_SCHEME_PRIVILEGES,
  createAppProtocolHandler,
  installAppProtocol,
  mimeTypeOf,
  registerAppScheme,
  resolveAppFile,
  type RendererFs,
} from '../../../electron/protocol';
import { createElectronFake } from '../../support/fake-electron';

// protocol.ts only uses injected objects; this guards against it ever reaching for the real module.
vi.mock('electron', () => {
  throw new Error('protocol.ts must not import electron at runtime');
});

const CSP = contentSecurityPolicy({ delivery: 'header' });
const SECRET = 'the password hashes of another program';

let base = '';
let rendererDir = '';
const fsReal: RendererFs = { readFile, stat };

beforeAll(async () => {
  base = await mkdtemp(path.join(os.tmpdir(), 'qamqor-protocol-'));
  rendererDir = path.join(base, 'renderer');
  await mkdir(path.join(rendererDir, 'assets'), { recursive: true });
  await writeFile(path.join(rendererDir, 'index.html'), '<!doctype html><title>Qamqor</title>');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.js'), 'console.log(1);');
  await writeFile(path.join(rendererDir, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(path.join(rendererDir, 'assets', 'Әріп.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(rendererDir, 'assets', 'data.bin'), new Uint8Array([0, 1, 2, 255]));
  // Next to the renderer folder, with a name that shares its prefix: outside all the same.
  await writeFile(path.join(base, 'secret.txt'), SECRET);
  await mkdir(path.join(base, 'renderer-evil'));
  await writeFile(path.join(base, 'renderer-evil', 'index.html'), SECRET);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

function handler(fs: RendererFs = fsReal, log?: (message: string, detail?: unknown) => void) {
  return createAppProtocolHandler({ rendererDir, fs, csp: CSP, log });
}

function get(url: string, init?: RequestInit): Promise<Response> {
  return handler()(new Request(url, init));
}

describe('registerAppScheme', () => {
  const electron = createElectronFake();
  beforeEach(() => {
    electron.reset();
  });

  it('makes app: a standard, secure scheme with the Fetch API, and not CORS-enabled', () => {
    registerAppScheme(electron.protocol);
    expect(electron.protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('corsEnabled');
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
  });

  it('fails like Electron once the app is ready (privileges are granted before ready only)', async () => {
    await electron.app.whenReady();
    expect(() => registerAppScheme(electron.protocol)).toThrow(/before app is ready/u);
  });

  it('installAppProtocol answers the page through protocol.handle', async () => {
    await electron.app.whenReady();
    installAppProtocol(electron.protocol, { rendererDir, fs: fsReal, csp: CSP });
    expect(electron.protocol.handle).toHaveBeenCalledExactlyOnceWith('app', expect.any(Function));
    const response = await electron.protocol.fetch('app://qamqor/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Qamqor</title>');
  });
});

describe('serving the built renderer', () => {
  it.each(['app://qamqor/', 'app://qamqor/index.html', 'app://qamqor/index.html#/cases/42', 'app://qamqor/index.html?lang=ru'])(
    'serves index.html for %s with its MIME type and the CSP',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('Content-Security-Policy')).toBe(CSP);
      expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(await response.text()).toBe('<!doctype html><title>Qamqor</title>');
    },
  );

  it.each([
    ['app://qamqor/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1);'],
    ['app://qamqor/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://qamqor/assets/%D3%98%D1%80%D1%96%D0%BF.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"/>'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await get(url);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe(type);
    expect(response.headers.get('Content-Security-Policy')).toBe(CSP);
    expect(await response.text()).toBe(body);
  });

  it('serves unknown types as opaque bytes, byte for byte', async () => {
    const response = await get('app://qamqor/assets/data.bin');
    expect(response.headers.get('Content-Type')).toBe('application/octet-stream');
    expect(response.headers.get('Content-Length')).toBe('4');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 1, 2, 255]));
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get('app://qamqor/index.html', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('refuses other methods with 405', async () => {
    const response = await get('app://qamqor/index.html', { method: 'POST', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('Allow')).toBe('GET, HEAD');
    expect(response.headers.get('Content-Security-Policy')).toBe(CSP);
  });

  it('answers 404 for a missing file and for a folder', async () => {
    for (const url of ['app://qamqor/missing.js', 'app://qamqor/assets']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('Content-Security-Policy')).toBe(CSP);
    }
  });

  it('answers 500 and logs when the disk fails, without the detail in the page', async () => {
    const log = vi.fn();
    const failing: RendererFs = {
      stat: () => Promise.resolve({ isFile: () => true }),
      readFile: () => Promise.reject(Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' })),
    };
    const response = await handler(failing, log)(new Request('app://qamqor/index.html'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('EIO');
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('nothing outside the renderer folder', () => {
  it.each([
    'app://qamqor/../secret.txt',
    'app://qamqor/%2e%2e/secret.txt',
    'app://qamqor/assets/../../secret.txt',
    'app://qamqor/..%2Fsecret.txt',
    'app://qamqor/..%2fsecret.txt',
    'app://qamqor/..%5Csecret.txt',
    'app://qamqor/..\\secret.txt',
    'app://qamqor/%252e%252e%252fsecret.txt',
    'app://qamqor/index.html%00.png',
    'app://qamqor/../renderer-evil/index.html',
    'app://qamqor//etc/passwd',
    'app://evil/index.html',
    'app://qamqor.evil/index.html',
    'app://qamqor:8080/index.html',
  ])('never serves a byte of another file for %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    const text = await response.text();
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('root:');
  });

  it('refuses encoded separators and hosts other than qamqor before touching the disk', () => {
    for (const url of [
      'app://qamqor/..%2Fsecret.txt',
      'app://qamqor/a%5Cb',
      'app://qamqor/a%00',
      'app://evil/index.html',
      // Chromium's Request refuses credentials in a URL; the resolver refuses them too.
      'app://qamqor@evil/index.html',
      'app://user:pass@qamqor/index.html',
      'https://qamqor/x',
    ]) {
      expect(resolveAppFile(url, rendererDir), url).toBeNull();
    }
  });

  it('resolves the app paths inside the folder', () => {
    expect(resolveAppFile('app://qamqor/', rendererDir)).toBe(path.join(rendererDir, 'index.html'));
    expect(resolveAppFile('app://qamqor/assets/index-abc.js', rendererDir)).toBe(path.join(rendererDir, 'assets', 'index-abc.js'));
    // The URL parser resolves "..": what remains of it stays inside.
    expect(resolveAppFile('app://qamqor/../secret.txt', rendererDir)).toBe(path.join(rendererDir, 'secret.txt'));
  });

  it('refuses drive letters, UNC and backslashes on Windows', () => {
    const dir = 'C:\\Program Files\\Qamqor\\resources\\app.asar\\dist\\renderer';
    expect(resolveAppFile('app://qamqor/assets/a.js', dir, path.win32)).toBe(`${dir}\\assets\\a.js`);
    for (const url of [
      'app://qamqor/C:/Windows/win.ini',
      'app://qamqor/c:%5CWindows%5Cwin.ini',
      'app://qamqor/..%5C..%5Cwin.ini',
      'app://qamqor/%5C%5Cserver%5Cshare%5Cx',
      'app://qamqor/index.html:stream',
    ]) {
      expect(resolveAppFile(url, dir, path.win32), url).toBeNull();
    }
  });
});

describe('mimeTypeOf', () => {
  it.each([
    ['a.html', 'text/html; charset=utf-8'],
    ['a.mjs', 'text/javascript; charset=utf-8'],
    ['a.JSON', 'application/json; charset=utf-8'],
    ['a.js.map', 'application/json; charset=utf-8'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.png', 'image/png'],
    ['a.ico', 'image/x-icon'],
    ['LICENSE', 'application/octet-stream'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeOf(file)).toBe(type);
  });
});
