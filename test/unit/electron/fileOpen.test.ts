import { describe, expect, it, vi } from 'vitest';
import { IPC_EVENTS, type IpcResult, type OpenedFile } from '@shared/ipc';
import { err, ok } from '@shared/result';
import { FakeEmitter } from '../../support/fake-electron';
import { bundlePathFromArgv, createFileHandoff, type HandoffTarget } from '../../../electron/fileOpen';

// fileOpen.ts only uses Electron types.
vi.mock('electron', () => {
  throw new Error('fileOpen.ts must not import electron at runtime');
});

const WIN = { cwd: 'C:\\Users\\aliya', platform: 'win32' } as const;
const LINUX = { cwd: '/home/aliya', platform: 'posix' } as const;

describe('bundlePathFromArgv on Windows', () => {
  it('finds the file NSIS passes as "%1" to the installed executable', () => {
    const argv = ['C:\\Users\\aliya\\AppData\\Local\\Programs\\Qamqor\\Qamqor.exe', 'D:\\Пакеттер\\Арал 2026.qamqor'];
    expect(bundlePathFromArgv(argv, WIN)).toBe('D:\\Пакеттер\\Арал 2026.qamqor');
  });

  it('skips the switches Chromium inserts into a second instance argv', () => {
    const argv = [
      'C:\\Program Files\\Qamqor\\Qamqor.exe',
      '--allow-file-access-from-files',
      '--original-process-start-time=13370000000000000',
      '--secure-schemes=app',
      'E:\\bundle.QAMQOR',
    ];
    expect(bundlePathFromArgv(argv, WIN)).toBe('E:\\bundle.QAMQOR');
  });

  it('resolves a relative name against the working directory of the started instance', () => {
    expect(bundlePathFromArgv(['Qamqor.exe', 'incoming\\kzl.qamqor'], WIN)).toBe('C:\\Users\\aliya\\incoming\\kzl.qamqor');
  });

  it('accepts a UNC path of a shared folder', () => {
    expect(bundlePathFromArgv(['Qamqor.exe', '\\\\oblast-srv\\share\\kzl.qamqor'], WIN)).toBe('\\\\oblast-srv\\share\\kzl.qamqor');
  });

  it('ignores other files and a bare executable start', () => {
    expect(bundlePathFromArgv(['Qamqor.exe'], WIN)).toBeNull();
    expect(bundlePathFromArgv(['Qamqor.exe', 'C:\\docs\\report.pdf', 'C:\\docs\\bundle.qamqor.zip'], WIN)).toBeNull();
  });
});

describe('bundlePathFromArgv on Linux', () => {
  it('finds the path the .desktop entry passes', () => {
    expect(bundlePathFromArgv(['/opt/Qamqor/qamqor', '/media/aliya/USB/Арал.qamqor'], LINUX)).toBe('/media/aliya/USB/Арал.qamqor');
  });

  it('turns a file:// URL (the %U form) into a path', () => {
    const argv = ['/tmp/.mount_Qamqor/qamqor', '--no-sandbox', 'file:///home/aliya/%D0%9F%D0%B0%D0%BA%D0%B5%D1%82/kzl%202026.qamqor'];
    expect(bundlePathFromArgv(argv, LINUX)).toBe('/home/aliya/Пакет/kzl 2026.qamqor');
  });

  it('skips the unpackaged app folder, flags with values, and files of other types', () => {
    const argv = [
      '/repo/node_modules/electron/dist/electron',
      '.',
      '--user-data-dir=/tmp/profile.qamqor',
      '-v',
      '/home/aliya/notes.txt',
      'Downloads/kzl.qamqor',
      '/home/aliya/second.qamqor',
    ];
    expect(bundlePathFromArgv(argv, LINUX)).toBe('/home/aliya/Downloads/kzl.qamqor');
  });

  it('never takes argv[0], even if the executable were named like a bundle', () => {
    expect(bundlePathFromArgv(['/opt/x.qamqor'], LINUX)).toBeNull();
  });

  it('ignores a hidden ".qamqor" without a name, empty arguments and a broken file URL', () => {
    expect(bundlePathFromArgv(['qamqor', '/home/aliya/.qamqor', '', 'file://remote-host/x.qamqor'], LINUX)).toBeNull();
  });
});

class FakeContents extends FakeEmitter {
  loading = true;
  readonly send = vi.fn<(channel: string, payload: OpenedFile) => void>();
  isLoading(): boolean {
    return this.loading;
  }
  finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load');
  }
}

function fakeWindow(): HandoffTarget & { webContents: FakeContents; destroyed: boolean } {
  const webContents = new FakeContents();
  return {
    webContents,
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
  };
}

const file = (name: string): OpenedFile => ({ fileName: name, data: new TextEncoder().encode(name) });

function handoff(results: Record<string, IpcResult<OpenedFile>> = {}) {
  const read = vi.fn((filePath: string) => Promise.resolve(results[filePath] ?? ok(file(filePath.split('/').pop() ?? ''))));
  const log = vi.fn();
  return { read, log, handoff: createFileHandoff({ read, log }) };
}

describe('createFileHandoff', () => {
  it('holds a file read at start until the window has finished loading, then sends it once', async () => {
    const h = handoff();
    await h.handoff.open('/media/usb/start.qamqor');
    expect(h.handoff.pendingCount()).toBe(1);
    const window = fakeWindow();
    h.handoff.attach(window);
    expect(window.webContents.send).not.toHaveBeenCalled();
    window.webContents.finishLoad();
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(IPC_EVENTS.fileOpened, file('start.qamqor'));
    expect(h.handoff.pendingCount()).toBe(0);
    // A reload later must not send it again.
    window.webContents.finishLoad();
    expect(window.webContents.send).toHaveBeenCalledTimes(1);
  });

  it('sends at once to a window that has loaded', async () => {
    const h = handoff();
    const window = fakeWindow();
    window.webContents.loading = false;
    h.handoff.attach(window);
    await h.handoff.open('/media/usb/running.qamqor');
    expect(window.webContents.send).toHaveBeenCalledExactlyOnceWith(IPC_EVENTS.fileOpened, file('running.qamqor'));
  });

  it('delivers several files in the order they were opened, waiting for the load only once', async () => {
    const h = handoff();
    const window = fakeWindow();
    h.handoff.attach(window);
    await h.handoff.open('/a/one.qamqor');
    await h.handoff.open('/a/two.qamqor');
    expect(window.webContents.listenerCount('did-finish-load')).toBe(1);
    window.webContents.finishLoad();
    expect(window.webContents.send.mock.calls.map(([, sent]) => sent.fileName)).toEqual(['one.qamqor', 'two.qamqor']);
  });

  it('keeps files for the next window when the current one was closed', async () => {
    const h = handoff();
    const closed = fakeWindow();
    closed.destroyed = true;
    h.handoff.attach(closed);
    await h.handoff.open('/a/kept.qamqor');
    expect(closed.webContents.send).not.toHaveBeenCalled();
    const next = fakeWindow();
    next.webContents.loading = false;
    h.handoff.attach(next);
    expect(next.webContents.send).toHaveBeenCalledExactlyOnceWith(IPC_EVENTS.fileOpened, file('kept.qamqor'));
  });

  it('logs a file it cannot read (too large, gone) and sends nothing', async () => {
    const h = handoff({
      '/a/huge.qamqor': err({ code: 'too-large', detail: '2000000000 bytes' }),
      '/a/gone.qamqor': err({ code: 'io-error', detail: 'ENOENT' }),
    });
    const window = fakeWindow();
    window.webContents.loading = false;
    h.handoff.attach(window);
    await h.handoff.open('/a/huge.qamqor');
    await h.handoff.open('/a/gone.qamqor');
    expect(window.webContents.send).not.toHaveBeenCalled();
    expect(h.log).toHaveBeenCalledTimes(2);
    expect(h.log.mock.calls[0]?.[0]).toContain('too-large');
  });
});
