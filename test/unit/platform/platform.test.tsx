// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupOnQuitRequest, MenuCommand, OpenedFile, QamqorBridge } from '@shared/ipc';
import { ok } from '@shared/result';
import { browserPlatform } from '../../../renderer/src/platform/browserPlatform';
import { electronPlatform } from '../../../renderer/src/platform/electronPlatform';
import type { Platform } from '../../../renderer/src/platform/platform';
import { useMenuCommand, usePlatformIntegration } from '../../../renderer/src/platform/usePlatformIntegration';

afterEach(cleanup);

/** A bridge whose subscriptions can be fired from the test, like the preload's. */
function fakeBridge() {
  const fileHandlers = new Set<(file: OpenedFile) => void>();
  const commandHandlers = new Set<(command: MenuCommand) => void>();
  const quitHandlers = new Set<(request: BackupOnQuitRequest) => void>();
  const bridge: QamqorBridge = {
    saveFile: vi.fn(() => Promise.resolve(ok({ fileName: 'a.csv' }))),
    openFile: vi.fn(() => Promise.resolve(ok({ fileName: 'a.qamqor', data: new Uint8Array() }))),
    printToPdf: vi.fn(() => Promise.resolve(ok({ fileName: 'a.pdf' }))),
    appInfo: vi.fn(() => Promise.resolve(ok({ name: 'Qamqor', version: '0.1.0', platform: 'electron' as const }))),
    setMenuLanguage: vi.fn(() => Promise.resolve(ok(null))),
    onFileOpened: vi.fn((handler: (file: OpenedFile) => void) => {
      fileHandlers.add(handler);
      return () => fileHandlers.delete(handler);
    }),
    onMenuCommand: vi.fn((handler: (command: MenuCommand) => void) => {
      commandHandlers.add(handler);
      return () => commandHandlers.delete(handler);
    }),
    writeBackup: vi.fn(() =>
      Promise.resolve(ok({ fileName: BACKUP_NAME, size: 3, folder: '/home/user/.config/Qamqor/backups', deleted: [] })),
    ),
    listBackups: vi.fn(() => Promise.resolve(ok({ folder: '/home/user/.config/Qamqor/backups', files: [] }))),
    readBackup: vi.fn(() => Promise.resolve(ok({ fileName: BACKUP_NAME, data: new Uint8Array([1]) }))),
    backupDone: vi.fn(() => Promise.resolve(ok(null))),
    writeAuditHead: vi.fn(() => Promise.resolve(ok(null))),
    readAuditHead: vi.fn(() => Promise.resolve(ok(null))),
    onBackupOnQuit: vi.fn((handler: (request: BackupOnQuitRequest) => void) => {
      quitHandlers.add(handler);
      return () => quitHandlers.delete(handler);
    }),
  };
  return {
    bridge,
    fileHandlers,
    commandHandlers,
    quitHandlers,
    openFile: (file: OpenedFile) => fileHandlers.forEach((handler) => handler(file)),
    command: (command: MenuCommand) => commandHandlers.forEach((handler) => handler(command)),
  };
}

const BUNDLE: OpenedFile = { fileName: 'Арал.qamqor', data: new Uint8Array([0x50, 0x4b]) };
const BACKUP_NAME = 'qamqor-backup-20261120-060000Z-KZL05.qamqor';
const REQUEST_ID = '6f1c2a4e-0000-4000-8000-000000000009';

describe('electronPlatform', () => {
  it('forwards the new calls and subscriptions to the bridge', async () => {
    const fake = fakeBridge();
    const platform = electronPlatform(fake.bridge);
    expect(await platform.setMenuLanguage('ru')).toEqual({ ok: true, value: null });
    expect(fake.bridge.setMenuLanguage).toHaveBeenCalledWith('ru');
    const files = vi.fn();
    const commands = vi.fn();
    const offFiles = platform.onFileOpened(files);
    const offCommands = platform.onMenuCommand(commands);
    fake.openFile(BUNDLE);
    fake.command('backup');
    expect(files).toHaveBeenCalledExactlyOnceWith(BUNDLE);
    expect(commands).toHaveBeenCalledExactlyOnceWith('backup');
    offFiles();
    offCommands();
    expect(fake.fileHandlers.size + fake.commandHandlers.size).toBe(0);
  });
});

describe('electronPlatform backups', () => {
  it('writes, lists and reads kept backups and answers quit requests through the bridge', async () => {
    const fake = fakeBridge();
    const platform = electronPlatform(fake.bridge);
    expect(platform.backupTarget).toBe('folder');
    const data = new Uint8Array([1, 2, 3]);
    expect(await platform.writeBackup({ fileName: BACKUP_NAME, data, keep: 10 })).toMatchObject({
      ok: true,
      value: { fileName: BACKUP_NAME },
    });
    expect(fake.bridge.writeBackup).toHaveBeenCalledExactlyOnceWith({ fileName: BACKUP_NAME, data, keep: 10 });
    expect(await platform.listBackups()).toMatchObject({ ok: true, value: { files: [] } });
    expect(await platform.readBackup({ fileName: BACKUP_NAME })).toMatchObject({ ok: true, value: { fileName: BACKUP_NAME } });
    expect(fake.bridge.readBackup).toHaveBeenCalledExactlyOnceWith({ fileName: BACKUP_NAME });

    const requests = vi.fn();
    const off = platform.onBackupOnQuit(requests);
    fake.quitHandlers.forEach((handler) => handler({ requestId: REQUEST_ID }));
    expect(requests).toHaveBeenCalledExactlyOnceWith({ requestId: REQUEST_ID });
    await platform.backupDone({ requestId: REQUEST_ID, outcome: 'done' });
    expect(fake.bridge.backupDone).toHaveBeenCalledExactlyOnceWith({ requestId: REQUEST_ID, outcome: 'done' });
    off();
    expect(fake.quitHandlers.size).toBe(0);
  });
});

const HEAD = {
  format: 'qamqor-audit-head' as const,
  version: 1 as const,
  kind: 'run' as const,
  fromSeq: 5,
  fromPrevDigest: 'c'.repeat(64),
  seq: 7,
  digest: 'd'.repeat(64),
  signedAt: '2026-12-05T08:00:00.000Z',
  publicKey: 'AAAA',
  signature: 'AAAA',
};

describe('the audit head outside IndexedDB', () => {
  it('electron: writes and reads the head through the bridge', async () => {
    const fake = fakeBridge();
    const platform = electronPlatform(fake.bridge);
    expect(await platform.writeAuditHead(HEAD)).toEqual({ ok: true, value: null });
    expect(fake.bridge.writeAuditHead).toHaveBeenCalledExactlyOnceWith({ head: HEAD });
    expect(await platform.readAuditHead()).toEqual({ ok: true, value: null });
    expect(fake.bridge.readAuditHead).toHaveBeenCalledTimes(1);
  });

  it('browser: keeps the head in localStorage, reads it back checked, and reports a stored value that is not a head', async () => {
    window.localStorage.clear();
    const platform = browserPlatform('0.1.0');
    expect(await platform.readAuditHead()).toEqual({ ok: true, value: null });
    expect(await platform.writeAuditHead(HEAD)).toEqual({ ok: true, value: null });
    expect(await platform.readAuditHead()).toEqual({ ok: true, value: HEAD });
    window.localStorage.setItem('qamqor.auditHead', JSON.stringify({ ...HEAD, seq: 'seven' }));
    expect(await platform.readAuditHead()).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    window.localStorage.setItem('qamqor.auditHead', '{not json');
    expect(await platform.readAuditHead()).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    window.localStorage.clear();
  });
});

describe('browserPlatform', () => {
  it('backs up as a download with the backup name and keeps no list', async () => {
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    const createUrl = vi.fn(() => 'blob:backup');
    const revokeUrl = vi.fn();
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: createUrl, revokeObjectURL: revokeUrl }));
    const platform = browserPlatform('0.1.0');
    expect(platform.backupTarget).toBe('download');
    const written = await platform.writeBackup({ fileName: BACKUP_NAME, data: new Uint8Array([1, 2, 3]), keep: 10 });
    expect(written).toEqual({ ok: true, value: { fileName: BACKUP_NAME, size: 3, folder: '', deleted: [] } });
    expect(clicks).toEqual([BACKUP_NAME]);
    expect(await platform.listBackups()).toEqual({ ok: true, value: { folder: '', files: [] } });
    expect(await platform.readBackup({ fileName: BACKUP_NAME })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(() => platform.onBackupOnQuit(vi.fn())()).not.toThrow();
    expect(await platform.backupDone({ requestId: REQUEST_ID, outcome: 'skipped' })).toEqual({ ok: true, value: null });
    click.mockRestore();
    vi.unstubAllGlobals();
  });

  it('has no menu and is never handed a file: the subscriptions are inert', async () => {
    const platform = browserPlatform('0.1.0');
    expect(await platform.setMenuLanguage('kk')).toEqual({ ok: true, value: null });
    const off = platform.onFileOpened(vi.fn());
    expect(typeof off).toBe('function');
    expect(() => off()).not.toThrow();
    expect(() => platform.onMenuCommand(vi.fn())()).not.toThrow();
  });

  it('prints through the browser print dialog', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    expect(await browserPlatform('0.1.0').print({ suggestedName: 'act.pdf' })).toEqual({ ok: true, value: null });
    expect(print).toHaveBeenCalledTimes(1);
    print.mockRestore();
  });
});

describe('usePlatformIntegration', () => {
  function mount(platform: Platform, language: string, handlers: Parameters<typeof usePlatformIntegration>[2]) {
    return renderHook(({ lang, h }) => usePlatformIntegration(platform, lang, h), { initialProps: { lang: language, h: handlers } });
  }

  it('tells the host the UI language now and whenever it changes, and ignores unknown ones', () => {
    const fake = fakeBridge();
    const hook = mount(electronPlatform(fake.bridge), 'kk', {});
    expect(fake.bridge.setMenuLanguage).toHaveBeenLastCalledWith('kk');
    hook.rerender({ lang: 'ru', h: {} });
    expect(fake.bridge.setMenuLanguage).toHaveBeenLastCalledWith('ru');
    hook.rerender({ lang: 'en-US', h: {} });
    expect(fake.bridge.setMenuLanguage).toHaveBeenCalledTimes(2);
  });

  it('routes menu commands and opened bundles to the latest handlers, subscribing once', () => {
    const fake = fakeBridge();
    const first = { onMenuCommand: vi.fn(), onFileOpened: vi.fn() };
    const hook = mount(electronPlatform(fake.bridge), 'kk', first);
    const latest = { onMenuCommand: vi.fn(), onFileOpened: vi.fn() };
    hook.rerender({ lang: 'kk', h: latest });
    fake.command('import-bundle');
    fake.openFile(BUNDLE);
    expect(first.onMenuCommand).not.toHaveBeenCalled();
    expect(latest.onMenuCommand).toHaveBeenCalledExactlyOnceWith('import-bundle');
    expect(latest.onFileOpened).toHaveBeenCalledExactlyOnceWith(BUNDLE);
    expect(fake.bridge.onMenuCommand).toHaveBeenCalledTimes(1);
    expect(fake.bridge.onFileOpened).toHaveBeenCalledTimes(1);
    hook.unmount();
    expect(fake.fileHandlers.size + fake.commandHandlers.size).toBe(0);
  });

  it('does not claim opened bundles when it has no handler for them', () => {
    const fake = fakeBridge();
    mount(electronPlatform(fake.bridge), 'kk', { onMenuCommand: vi.fn() });
    expect(fake.bridge.onFileOpened).not.toHaveBeenCalled();
  });
});

describe('useMenuCommand', () => {
  it('runs its handler for its own command only, while mounted', () => {
    const fake = fakeBridge();
    const print = vi.fn();
    const hook = renderHook(() => useMenuCommand(electronPlatform(fake.bridge), 'print', print));
    fake.command('export');
    fake.command('print');
    expect(print).toHaveBeenCalledTimes(1);
    hook.unmount();
    fake.command('print');
    expect(print).toHaveBeenCalledTimes(1);
  });
});
