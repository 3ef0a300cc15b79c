import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { OpenDialogOptions, OpenDialogReturnValue, SaveDialogOptions, SaveDialogReturnValue } from 'electron';
import { IPC_CHANNELS, MAX_FILE_BYTES, saveFileRequest, type IpcChannel, type UiLanguage } from '@shared/ipc';
import {
  createIpcHandlers,
  createSenderGuard,
  isTrustedSenderEvent,
  parseRequest,
  PDF_OPTIONS,
  readLimitedFile,
  registerIpcHandlers,
  type FsLike,
  type HandlerDeps,
} from '../../../electron/handlers';
import type { InvokeEventLike, IpcHandler } from '../../../electron/ipcTypes';
import type { AppOrigin } from '../../../electron/paths';

// handlers.ts only uses Electron types; this guards against it ever reaching for the real module.
vi.mock('electron', () => {
  throw new Error('handlers.ts must not import electron at runtime');
});

const APP_CONTENTS_ID = 7;
const appOrigin: AppOrigin = { kind: 'app' };
const APP_PAGE = 'app://qamqor/index.html#/cases';
const PDF_BYTES = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d]);

interface Harness {
  readonly handlers: Record<IpcChannel, IpcHandler>;
  readonly showSaveDialog: Mock<(options: SaveDialogOptions) => Promise<SaveDialogReturnValue>>;
  readonly showOpenDialog: Mock<(options: OpenDialogOptions) => Promise<OpenDialogReturnValue>>;
  readonly writeFile: Mock<FsLike['writeFile']>;
  readonly readFile: Mock<FsLike['readFile']>;
  readonly stat: Mock<FsLike['stat']>;
  readonly setMenuLanguage: Mock<(lang: UiLanguage) => void>;
  readonly onFolderUsed: Mock<(folder: string) => void>;
  readonly deps: HandlerDeps;
}

function harness(overrides: Partial<HandlerDeps> = {}): Harness {
  const showSaveDialog = vi.fn((_options: SaveDialogOptions): Promise<SaveDialogReturnValue> =>
    Promise.resolve({ canceled: true, filePath: '' }),
  );
  const showOpenDialog = vi.fn((_options: OpenDialogOptions): Promise<OpenDialogReturnValue> =>
    Promise.resolve({ canceled: true, filePaths: [] }),
  );
  const writeFileMock = vi.fn((_filePath: string, _data: Uint8Array): Promise<void> => Promise.resolve(undefined));
  const readFileMock = vi.fn((_filePath: string): Promise<Uint8Array> => Promise.resolve(new Uint8Array()));
  const statMock = vi.fn((_filePath: string) => Promise.resolve({ size: 0, isFile: () => true }));
  const setMenuLanguage = vi.fn<(lang: UiLanguage) => void>();
  const onFolderUsed = vi.fn<(folder: string) => void>();
  const deps: HandlerDeps = {
    ipcMain: { handle: vi.fn() },
    dialog: { showSaveDialog, showOpenDialog },
    fs: { writeFile: writeFileMock, readFile: readFileMock, stat: statMock },
    isTrustedSender: createSenderGuard(() => ({ id: APP_CONTENTS_ID }), appOrigin),
    app: { getName: () => 'Qamqor', getVersion: () => '0.1.0' },
    versions: { electron: '45.4.1', chrome: '142.0.0.0' },
    initialFolder: '/home/user/Documents',
    setMenuLanguage,
    onFolderUsed,
    ...overrides,
  };
  return {
    handlers: createIpcHandlers(deps),
    showSaveDialog,
    showOpenDialog,
    writeFile: writeFileMock,
    readFile: readFileMock,
    stat: statMock,
    setMenuLanguage,
    onFolderUsed,
    deps,
  };
}

function senderEvent(options: { url?: string; contentsId?: number; subframe?: boolean; noFrame?: boolean } = {}): InvokeEventLike {
  const top = { url: APP_PAGE, parent: null };
  const frame = options.subframe === true ? { url: options.url ?? APP_PAGE, parent: top } : { url: options.url ?? APP_PAGE, parent: null };
  return {
    sender: {
      id: options.contentsId ?? APP_CONTENTS_ID,
      printToPDF: vi.fn(() => Promise.resolve(PDF_BYTES)),
    },
    senderFrame: options.noFrame === true ? null : frame,
  };
}

const goodSave = () => ({
  suggestedName: 'report.csv',
  filters: [{ name: 'CSV', extensions: ['csv'] }],
  data: new Uint8Array([1, 2, 3]),
});

/** One well-formed argument list per channel. */
const goodArgs: Record<IpcChannel, unknown[]> = {
  [IPC_CHANNELS.saveFile]: [goodSave()],
  [IPC_CHANNELS.openFile]: [{ filters: [{ name: 'JSON', extensions: ['json'] }] }],
  [IPC_CHANNELS.printToPdf]: [{ suggestedName: 'act' }],
  [IPC_CHANNELS.appInfo]: [],
  [IPC_CHANNELS.setMenuLanguage]: ['ru'],
  [IPC_CHANNELS.backupWrite]: [{ fileName: 'qamqor-backup-20261120-060000Z-KZL05.qamqor', data: new Uint8Array([1]), keep: 10 }],
  [IPC_CHANNELS.backupList]: [],
  [IPC_CHANNELS.backupRead]: [{ fileName: 'qamqor-backup-20261120-060000Z-KZL05.qamqor' }],
  [IPC_CHANNELS.backupDone]: [{ requestId: '6f1c2a4e-0000-4000-8000-000000000001', outcome: 'done' }],
  [IPC_CHANNELS.auditWriteHead]: [
    {
      head: {
        format: 'qamqor-audit-head',
        version: 1,
        kind: 'run',
        fromSeq: 3,
        fromPrevDigest: 'a'.repeat(64),
        seq: 4,
        digest: 'b'.repeat(64),
        signedAt: '2026-12-05T08:00:00.000Z',
        publicKey: 'AAAA',
        signature: 'AAAA',
      },
    },
  ],
  [IPC_CHANNELS.auditReadHead]: [],
};

const channels = Object.values(IPC_CHANNELS);

describe('registerIpcHandlers', () => {
  it('registers one handler for each channel of the contract and nothing else', () => {
    const handle = vi.fn<(channel: string, listener: IpcHandler) => void>();
    const registered = registerIpcHandlers({ ...harness().deps, ipcMain: { handle } });
    expect(registered.sort()).toEqual([...channels].sort());
    expect(handle.mock.calls.map(([channel]) => channel).sort()).toEqual([...channels].sort());
    for (const [, listener] of handle.mock.calls) expect(typeof listener).toBe('function');
  });
});

describe('sender check', () => {
  const foreign: Array<[string, InvokeEventLike]> = [
    ['a remote page in the app window', senderEvent({ url: 'https://evil.example/' })],
    ['a subframe of the app page', senderEvent({ subframe: true })],
    ['a remote subframe', senderEvent({ subframe: true, url: 'https://evil.example/frame' })],
    ['another webContents', senderEvent({ contentsId: 99 })],
    ['a destroyed or navigated-away frame', senderEvent({ noFrame: true })],
    ['a local file outside the renderer folder', senderEvent({ url: 'file:///tmp/evil.html' })],
  ];

  describe.each(channels)('%s', (channel) => {
    it.each(foreign)('refuses %s without touching dialogs or files', async (_label, event) => {
      const h = harness();
      const result = await h.handlers[channel](event, ...goodArgs[channel]);
      expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
      expect(h.showSaveDialog).not.toHaveBeenCalled();
      expect(h.showOpenDialog).not.toHaveBeenCalled();
      expect(h.writeFile).not.toHaveBeenCalled();
      expect(h.readFile).not.toHaveBeenCalled();
      expect(h.stat).not.toHaveBeenCalled();
      expect(event.sender.printToPDF).not.toHaveBeenCalled();
      expect(h.setMenuLanguage).not.toHaveBeenCalled();
    });
  });

  it('refuses everything while the app window does not exist', async () => {
    const h = harness({ isTrustedSender: createSenderGuard(() => null, appOrigin) });
    const result = await h.handlers[IPC_CHANNELS.appInfo](senderEvent());
    expect(result).toEqual({ ok: false, error: { code: 'forbidden-sender' } });
  });

  it('accepts only the main frame of the app contents on the app page', () => {
    expect(isTrustedSenderEvent(senderEvent(), APP_CONTENTS_ID, appOrigin)).toBe(true);
    expect(isTrustedSenderEvent(senderEvent({ subframe: true }), APP_CONTENTS_ID, appOrigin)).toBe(false);
    expect(isTrustedSenderEvent(senderEvent(), null, appOrigin)).toBe(false);
    const dev: AppOrigin = { kind: 'dev', origin: 'http://localhost:5173' };
    expect(isTrustedSenderEvent(senderEvent({ url: 'http://localhost:5173/' }), APP_CONTENTS_ID, dev)).toBe(true);
    expect(isTrustedSenderEvent(senderEvent({ url: 'http://localhost:5174/' }), APP_CONTENTS_ID, dev)).toBe(false);
  });
});

describe('argument validation', () => {
  const invalid: Array<[IpcChannel, string, unknown[]]> = [
    [IPC_CHANNELS.saveFile, 'a path instead of a file name', [{ ...goodSave(), suggestedName: '../../etc/passwd' }]],
    [IPC_CHANNELS.saveFile, 'a Windows path', [{ ...goodSave(), suggestedName: 'C:\\Windows\\win.ini' }]],
    [IPC_CHANNELS.saveFile, 'an empty name', [{ ...goodSave(), suggestedName: '' }]],
    [IPC_CHANNELS.saveFile, 'data that is a plain array', [{ ...goodSave(), data: [1, 2, 3] }]],
    [IPC_CHANNELS.saveFile, 'data that is a string', [{ ...goodSave(), data: 'AQID' }]],
    [IPC_CHANNELS.saveFile, 'a filter extension with a dot', [{ ...goodSave(), filters: [{ name: 'x', extensions: ['.exe'] }] }]],
    [IPC_CHANNELS.saveFile, 'no argument', []],
    [IPC_CHANNELS.saveFile, 'an extra argument', [goodSave(), '/etc/passwd']],
    [IPC_CHANNELS.saveFile, 'null', [null]],
    [IPC_CHANNELS.openFile, 'filters missing', [{}]],
    [IPC_CHANNELS.openFile, 'a wildcard extension', [{ filters: [{ name: 'all', extensions: ['*'] }] }]],
    [IPC_CHANNELS.printToPdf, 'a path instead of a file name', [{ suggestedName: '/tmp/x.pdf' }]],
    [IPC_CHANNELS.printToPdf, 'a control character', [{ suggestedName: 'a\u0000b.pdf' }]],
    [IPC_CHANNELS.appInfo, 'an unexpected argument', [{}]],
    [IPC_CHANNELS.setMenuLanguage, 'an unknown language', ['en']],
    [IPC_CHANNELS.setMenuLanguage, 'a language in upper case', ['KK']],
    [IPC_CHANNELS.setMenuLanguage, 'a language wrapped in an object', [{ lang: 'kk' }]],
    [IPC_CHANNELS.setMenuLanguage, 'no argument', []],
    [IPC_CHANNELS.setMenuLanguage, 'an extra argument', ['kk', 'ru']],
  ];

  it.each(invalid)('%s refuses %s', async (channel, _label, args) => {
    const h = harness();
    const event = senderEvent();
    const result = await h.handlers[channel](event, ...args);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-argument');
    expect(result.error.detail).toEqual(expect.any(String));
    expect(h.showSaveDialog).not.toHaveBeenCalled();
    expect(h.showOpenDialog).not.toHaveBeenCalled();
    expect(h.writeFile).not.toHaveBeenCalled();
    expect(h.readFile).not.toHaveBeenCalled();
    expect(event.sender.printToPDF).not.toHaveBeenCalled();
    expect(h.setMenuLanguage).not.toHaveBeenCalled();
  });

  it('parseRequest names the offending field', () => {
    const result = parseRequest(saveFileRequest, [{ ...goodSave(), suggestedName: '../../etc/passwd' }]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-argument');
    expect(result.error.detail).toContain('suggestedName');
  });

  it('parseRequest returns the parsed request', () => {
    const request = goodSave();
    expect(parseRequest(saveFileRequest, [request])).toEqual({ ok: true, value: request });
  });
});

describe('saveFile', () => {
  it('writes the bytes to the path the user chose and returns the file name', async () => {
    const h = harness();
    h.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/data/exports/report-2025.csv' });
    const request = goodSave();
    const result = await h.handlers[IPC_CHANNELS.saveFile](senderEvent(), request);
    expect(result).toEqual({ ok: true, value: { fileName: 'report-2025.csv' } });
    expect(h.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({ defaultPath: path.join('/home/user/Documents', 'report.csv'), filters: request.filters }),
    );
    expect(h.writeFile).toHaveBeenCalledTimes(1);
    expect(h.writeFile).toHaveBeenCalledWith('/data/exports/report-2025.csv', request.data);
  });

  it('remembers the last folder for the next dialog', async () => {
    const h = harness();
    h.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/data/exports/first.csv' });
    await h.handlers[IPC_CHANNELS.saveFile](senderEvent(), goodSave());
    await h.handlers[IPC_CHANNELS.saveFile](senderEvent(), { ...goodSave(), suggestedName: 'second.csv' });
    expect(h.showSaveDialog).toHaveBeenLastCalledWith(expect.objectContaining({ defaultPath: path.join('/data/exports', 'second.csv') }));
  });

  it('reports the folder it used so it can be persisted, and the open dialog starts there too', async () => {
    const h = harness();
    h.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/data/exports/first.csv' });
    await h.handlers[IPC_CHANNELS.saveFile](senderEvent(), goodSave());
    expect(h.onFolderUsed).toHaveBeenCalledExactlyOnceWith('/data/exports');
    await h.handlers[IPC_CHANNELS.openFile](senderEvent(), { filters: [] });
    expect(h.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: '/data/exports' }));
  });

  it('does not report a folder when the user cancels or the write fails', async () => {
    const h = harness();
    h.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await h.handlers[IPC_CHANNELS.saveFile](senderEvent(), goodSave());
    h.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/readonly/x.csv' });
    h.writeFile.mockRejectedValueOnce(new Error('EACCES'));
    await h.handlers[IPC_CHANNELS.saveFile](senderEvent(), goodSave());
    expect(h.onFolderUsed).not.toHaveBeenCalled();
  });

  it('starts in a remembered folder from the previous run', async () => {
    const h = harness({ initialFolder: '/media/usb/Qamqor' });
    await h.handlers[IPC_CHANNELS.saveFile](senderEvent(), goodSave());
    expect(h.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ defaultPath: path.join('/media/usb/Qamqor', 'report.csv') }));
  });

  it('returns cancelled and writes nothing when the user cancels', async () => {
    const h = harness();
    h.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const result = await h.handlers[IPC_CHANNELS.saveFile](senderEvent(), goodSave());
    expect(result).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(h.writeFile).not.toHaveBeenCalled();
  });

  it('reports a failed write as io-error instead of throwing', async () => {
    const h = harness();
    h.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/readonly/report.csv' });
    h.writeFile.mockRejectedValueOnce(new Error('EACCES: permission denied'));
    const result = await h.handlers[IPC_CHANNELS.saveFile](senderEvent(), goodSave());
    expect(result).toEqual({ ok: false, error: { code: 'io-error', detail: 'EACCES: permission denied' } });
  });

  describe('with the real file system', () => {
    let dir = '';
    beforeEach(async () => {
      dir = await mkdtemp(path.join(os.tmpdir(), 'qamqor-save-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('the chosen file contains exactly the bytes sent', async () => {
      const target = path.join(dir, 'Өтініштер.csv');
      const h = harness({ fs: { writeFile, readFile, stat } });
      h.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
      const data = new TextEncoder().encode('ЖСН;Аты\n870101300123;Әсел\n');
      const result = await h.handlers[IPC_CHANNELS.saveFile](senderEvent(), { ...goodSave(), data });
      expect(result).toEqual({ ok: true, value: { fileName: 'Өтініштер.csv' } });
      expect(new Uint8Array(await readFile(target))).toEqual(data);
    });
  });
});

describe('openFile', () => {
  it('returns the bytes and the file name of the chosen file', async () => {
    const h = harness();
    const bytes = new Uint8Array([123, 125]);
    h.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb/bundle.json'] });
    h.stat.mockResolvedValueOnce({ size: 2, isFile: () => true });
    h.readFile.mockResolvedValueOnce(bytes);
    const result = await h.handlers[IPC_CHANNELS.openFile](senderEvent(), { filters: [{ name: 'JSON', extensions: ['json'] }] });
    expect(result).toEqual({ ok: true, value: { fileName: 'bundle.json', data: bytes } });
    expect(h.showOpenDialog).toHaveBeenCalledWith(
      expect.objectContaining({ properties: ['openFile'], filters: [{ name: 'JSON', extensions: ['json'] }] }),
    );
    expect(h.readFile).toHaveBeenCalledWith('/media/usb/bundle.json');
  });

  it('refuses a file larger than MAX_FILE_BYTES without reading it', async () => {
    const h = harness();
    h.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/media/usb/huge.json'] });
    h.stat.mockResolvedValueOnce({ size: MAX_FILE_BYTES + 1, isFile: () => true });
    const result = await h.handlers[IPC_CHANNELS.openFile](senderEvent(), { filters: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('too-large');
    expect(h.readFile).not.toHaveBeenCalled();
  });

  it('returns cancelled when the user cancels', async () => {
    const h = harness();
    h.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    const result = await h.handlers[IPC_CHANNELS.openFile](senderEvent(), { filters: [] });
    expect(result).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(h.stat).not.toHaveBeenCalled();
    expect(h.readFile).not.toHaveBeenCalled();
  });

  it('reports an unreadable file as io-error', async () => {
    const h = harness();
    h.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/gone.json'] });
    h.stat.mockRejectedValueOnce(new Error('ENOENT: no such file'));
    const result = await h.handlers[IPC_CHANNELS.openFile](senderEvent(), { filters: [] });
    expect(result).toEqual({ ok: false, error: { code: 'io-error', detail: 'ENOENT: no such file' } });
  });

  it('reads a real file as a plain Uint8Array', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'qamqor-open-'));
    try {
      const source = path.join(dir, 'bundle.json');
      await writeFile(source, '{"cases":[]}');
      const h = harness({ fs: { writeFile, readFile, stat } });
      h.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [source] });
      const result = await h.handlers[IPC_CHANNELS.openFile](senderEvent(), { filters: [] });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const value = result.value as { fileName: string; data: Uint8Array };
      expect(value.fileName).toBe('bundle.json');
      expect(Object.getPrototypeOf(value.data)).toBe(Uint8Array.prototype);
      expect(new TextDecoder().decode(value.data)).toBe('{"cases":[]}');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('printToPdf', () => {
  it('prints the sender page to A4 and saves it where the user chooses', async () => {
    const h = harness();
    const event = senderEvent();
    h.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/data/acts/act-17.pdf' });
    const result = await h.handlers[IPC_CHANNELS.printToPdf](event, { suggestedName: 'act-17' });
    expect(result).toEqual({ ok: true, value: { fileName: 'act-17.pdf' } });
    expect(event.sender.printToPDF).toHaveBeenCalledExactlyOnceWith(PDF_OPTIONS);
    expect(h.showSaveDialog).toHaveBeenCalledWith(
      expect.objectContaining({
        defaultPath: path.join('/home/user/Documents', 'act-17.pdf'),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      }),
    );
    expect(h.writeFile).toHaveBeenCalledWith('/data/acts/act-17.pdf', PDF_BYTES);
  });

  it('returns cancelled and writes nothing when the user cancels the save dialog', async () => {
    const h = harness();
    h.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const result = await h.handlers[IPC_CHANNELS.printToPdf](senderEvent(), { suggestedName: 'act.pdf' });
    expect(result).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(h.writeFile).not.toHaveBeenCalled();
  });

  it('reports a failed print as io-error', async () => {
    const h = harness();
    const event = senderEvent();
    vi.mocked(event.sender.printToPDF).mockRejectedValueOnce(new Error('render process gone'));
    const result = await h.handlers[IPC_CHANNELS.printToPdf](event, { suggestedName: 'act' });
    expect(result).toEqual({ ok: false, error: { code: 'io-error', detail: 'render process gone' } });
    expect(h.showSaveDialog).not.toHaveBeenCalled();
  });
});

describe('printToPdf page setup', () => {
  it('takes the A4 page and its zero margin from the print CSS and adds no margin of its own', () => {
    // styles.css: `@page { size: A4; margin: 0 }`; the .a4-page sheet pads itself (18/16/18/22 mm).
    expect(PDF_OPTIONS).toEqual({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
    });
  });
});

describe('readLimitedFile', () => {
  it('refuses a folder and a file over the limit without reading', async () => {
    const h = harness();
    h.stat.mockResolvedValueOnce({ size: 10, isFile: () => false });
    expect(await readLimitedFile(h.deps.fs, '/media/usb/dir.qamqor')).toEqual({
      ok: false,
      error: { code: 'io-error', detail: 'not a regular file' },
    });
    h.stat.mockResolvedValueOnce({ size: MAX_FILE_BYTES + 1, isFile: () => true });
    const large = await readLimitedFile(h.deps.fs, '/media/usb/big.qamqor');
    expect(large.ok ? null : large.error.code).toBe('too-large');
    expect(h.readFile).not.toHaveBeenCalled();
  });

  it('returns the base name and the bytes', async () => {
    const h = harness();
    h.stat.mockResolvedValueOnce({ size: 3, isFile: () => true });
    h.readFile.mockResolvedValueOnce(new Uint8Array([1, 2, 3]));
    expect(await readLimitedFile(h.deps.fs, '/media/usb/Арал-2026.qamqor')).toEqual({
      ok: true,
      value: { fileName: 'Арал-2026.qamqor', data: new Uint8Array([1, 2, 3]) },
    });
  });
});

describe('setMenuLanguage', () => {
  it.each(['kk', 'ru'] as const)('rebuilds the menu in %s', async (lang) => {
    const h = harness();
    const result = await h.handlers[IPC_CHANNELS.setMenuLanguage](senderEvent(), lang);
    expect(result).toEqual({ ok: true, value: null });
    expect(h.setMenuLanguage).toHaveBeenCalledExactlyOnceWith(lang);
  });

  it('reports a failure to rebuild the menu instead of throwing', async () => {
    const h = harness();
    h.setMenuLanguage.mockImplementationOnce(() => {
      throw new Error('menu gone');
    });
    expect(await h.handlers[IPC_CHANNELS.setMenuLanguage](senderEvent(), 'kk')).toEqual({
      ok: false,
      error: { code: 'io-error', detail: 'menu gone' },
    });
  });
});

describe('appInfo', () => {
  it('describes the Electron app', async () => {
    const h = harness();
    const result = await h.handlers[IPC_CHANNELS.appInfo](senderEvent());
    expect(result).toEqual({
      ok: true,
      value: { name: 'Qamqor', version: '0.1.0', platform: 'electron', electronVersion: '45.4.1', chromeVersion: '142.0.0.0' },
    });
  });
});
