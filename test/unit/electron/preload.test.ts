import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, IPC_EVENTS, MENU_COMMANDS, type MenuCommand, type OpenedFile, type QamqorBridge } from '@shared/ipc';

const electron = await vi.hoisted(async () => {
  const { createElectronFake } = await import('../../support/fake-electron');
  return createElectronFake();
});
vi.mock('electron', () => electron.module);

let exposedKey: unknown;
let bridge: QamqorBridge;

beforeAll(async () => {
  electron.reset();
  await import('../../../electron/preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  exposedKey = key;
  // Narrowed by the assertions in the tests below.
  bridge = api as QamqorBridge;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
  electron.ipcRenderer.invoke.mockImplementation((channel: unknown) => Promise.resolve({ ok: true, value: { answeredBy: channel } }));
});

describe('preload bridge', () => {
  it("is exposed once, as 'qamqor'", () => {
    expect(exposedKey).toBe('qamqor');
  });

  it('has exactly the QamqorBridge methods and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual([
      'appInfo',
      'backupDone',
      'listBackups',
      'onBackupOnQuit',
      'onFileOpened',
      'onMenuCommand',
      'openFile',
      'printToPdf',
      'readAuditHead',
      'readBackup',
      'saveFile',
      'setMenuLanguage',
      'writeAuditHead',
      'writeBackup',
    ]);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('does not leak ipcRenderer or a generic invoke', () => {
    const values: unknown[] = Object.values(bridge);
    expect(values).not.toContain(electron.ipcRenderer);
    expect(values).not.toContain(electron.ipcRenderer.invoke);
    expect(Object.keys(bridge)).not.toContain('invoke');
    expect(Object.keys(bridge)).not.toContain('ipcRenderer');
  });

  it('saveFile invokes the save channel with the request only', async () => {
    const request = { suggestedName: 'a.csv', filters: [], data: new Uint8Array([1]) };
    const result = await bridge.saveFile(request);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.saveFile, request);
    expect(result).toEqual({ ok: true, value: { answeredBy: IPC_CHANNELS.saveFile } });
  });

  it('openFile invokes the open channel with the request only', async () => {
    const request = { filters: [{ name: 'JSON', extensions: ['json'] }] };
    await bridge.openFile(request);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.openFile, request);
  });

  it('printToPdf invokes the print channel with the request only', async () => {
    await bridge.printToPdf({ suggestedName: 'act.pdf' });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.printToPdf, {
      suggestedName: 'act.pdf',
    });
  });

  it('appInfo invokes the info channel without arguments', async () => {
    const result = await bridge.appInfo();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.appInfo);
    expect(result).toEqual({ ok: true, value: { answeredBy: IPC_CHANNELS.appInfo } });
  });

  it('the audit head calls invoke their channels with the request only', async () => {
    const head = { head: { seq: 3 } } as unknown as Parameters<typeof bridge.writeAuditHead>[0];
    await bridge.writeAuditHead(head);
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.auditWriteHead, head);
    electron.ipcRenderer.invoke.mockClear();
    const read = await bridge.readAuditHead();
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.auditReadHead);
    expect(read).toEqual({ ok: true, value: { answeredBy: IPC_CHANNELS.auditReadHead } });
  });

  it('forwards no extra arguments a page might smuggle in', async () => {
    const call = bridge.printToPdf as (...args: unknown[]) => Promise<unknown>;
    await call({ suggestedName: 'x.pdf' }, '/etc/passwd');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.printToPdf, { suggestedName: 'x.pdf' });
  });
});

describe('preload bridge: language and main-process events', () => {
  const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0));
  const bundle = (name: string): OpenedFile => ({ fileName: name, data: new Uint8Array([0x50, 0x4b, 3, 4]) });

  it('setMenuLanguage invokes its channel with the language only', async () => {
    const call = bridge.setMenuLanguage as (...args: unknown[]) => Promise<unknown>;
    await call('ru', 'extra');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.setMenuLanguage, 'ru');
  });

  it('listens on exactly the main-process event channels of the contract', () => {
    expect(electron.ipcRenderer.on.mock.calls.map(([channel]) => channel).sort()).toEqual(Object.values(IPC_EVENTS).sort());
  });

  // Runs before any file subscription exists (tests in a file run in order, sharing the preload).
  it('keeps a bundle that arrives before anyone subscribed and hands it to the first subscriber only', async () => {
    electron.ipcRenderer.deliver(IPC_EVENTS.fileOpened, bundle('early.qamqor'));
    const first = vi.fn<(file: OpenedFile) => void>();
    const unsubscribe = bridge.onFileOpened(first);
    // Delivered after the subscribe call has returned.
    expect(first).not.toHaveBeenCalled();
    await nextTick();
    expect(first).toHaveBeenCalledExactlyOnceWith(bundle('early.qamqor'));
    const second = vi.fn<(file: OpenedFile) => void>();
    const unsubscribeSecond = bridge.onFileOpened(second);
    await nextTick();
    expect(second).not.toHaveBeenCalled();
    unsubscribe();
    unsubscribeSecond();
  });

  it('hands a waiting bundle to whoever still listens when the first subscriber left at once', async () => {
    electron.ipcRenderer.deliver(IPC_EVENTS.fileOpened, bundle('strict-mode.qamqor'));
    const discarded = vi.fn<(file: OpenedFile) => void>();
    bridge.onFileOpened(discarded)();
    const kept = vi.fn<(file: OpenedFile) => void>();
    const unsubscribe = bridge.onFileOpened(kept);
    await nextTick();
    expect(discarded).not.toHaveBeenCalled();
    expect(kept).toHaveBeenCalledExactlyOnceWith(bundle('strict-mode.qamqor'));
    unsubscribe();
  });

  it('passes the payload of a later bundle, never the IPC event, until unsubscribed', async () => {
    const handler = vi.fn<(...args: unknown[]) => void>();
    const unsubscribe = bridge.onFileOpened(handler);
    electron.ipcRenderer.deliver(IPC_EVENTS.fileOpened, bundle('later.qamqor'));
    expect(handler).toHaveBeenCalledExactlyOnceWith(bundle('later.qamqor'));
    const [file] = handler.mock.calls[0] ?? [];
    expect(Object.keys(file as object).sort()).toEqual(['data', 'fileName']);
    unsubscribe();
    electron.ipcRenderer.deliver(IPC_EVENTS.fileOpened, bundle('after.qamqor'));
    expect(handler).toHaveBeenCalledTimes(1);
    // Nobody listens now: the file waits for the next subscriber.
    const next = vi.fn();
    const unsubscribeNext = bridge.onFileOpened(next);
    await nextTick();
    expect(next).toHaveBeenCalledExactlyOnceWith(bundle('after.qamqor'));
    unsubscribeNext();
  });

  it('ignores a malformed file payload', async () => {
    const handler = vi.fn();
    const unsubscribe = bridge.onFileOpened(handler);
    await nextTick();
    for (const payload of [null, 'x.qamqor', { fileName: 'x.qamqor', data: [1, 2] }, { fileName: '', data: new Uint8Array() }]) {
      electron.ipcRenderer.deliver(IPC_EVENTS.fileOpened, payload);
    }
    expect(handler).not.toHaveBeenCalled();
    unsubscribe();
  });

  it('passes every menu command to every subscriber, and nothing once unsubscribed', () => {
    const a = vi.fn<(command: MenuCommand) => void>();
    const b = vi.fn<(command: MenuCommand) => void>();
    const offA = bridge.onMenuCommand(a);
    const offB = bridge.onMenuCommand(b);
    for (const command of MENU_COMMANDS) electron.ipcRenderer.deliver(IPC_EVENTS.menuCommand, command);
    expect(a.mock.calls).toEqual(MENU_COMMANDS.map((command) => [command]));
    expect(b.mock.calls).toEqual(MENU_COMMANDS.map((command) => [command]));
    offA();
    electron.ipcRenderer.deliver(IPC_EVENTS.menuCommand, 'print');
    expect(a).toHaveBeenCalledTimes(MENU_COMMANDS.length);
    expect(b).toHaveBeenCalledTimes(MENU_COMMANDS.length + 1);
    offB();
  });

  it('drops unknown menu commands and commands nobody listens to', () => {
    const handler = vi.fn();
    const off = bridge.onMenuCommand(handler);
    for (const payload of ['delete-everything', '', null, { command: 'print' }]) {
      electron.ipcRenderer.deliver(IPC_EVENTS.menuCommand, payload);
    }
    expect(handler).not.toHaveBeenCalled();
    off();
    electron.ipcRenderer.deliver(IPC_EVENTS.menuCommand, 'print');
    const late = vi.fn();
    const offLate = bridge.onMenuCommand(late);
    expect(late).not.toHaveBeenCalled();
    offLate();
  });

  it('keeps calling the other subscribers when one throws', () => {
    const failing = vi.fn(() => {
      throw new Error('page bug');
    });
    const healthy = vi.fn();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const offFailing = bridge.onMenuCommand(failing);
    const offHealthy = bridge.onMenuCommand(healthy);
    electron.ipcRenderer.deliver(IPC_EVENTS.menuCommand, 'export');
    expect(healthy).toHaveBeenCalledExactlyOnceWith('export');
    expect(error).toHaveBeenCalled();
    error.mockRestore();
    offFailing();
    offHealthy();
  });

  it('refuses a subscription that is not a function', () => {
    expect(() => bridge.onMenuCommand('alert(1)' as unknown as (command: MenuCommand) => void)).toThrow(TypeError);
    expect(() => bridge.onFileOpened(null as unknown as (file: OpenedFile) => void)).toThrow(TypeError);
  });
});

describe('preload bridge: backups', () => {
  const NAME = 'qamqor-backup-20261120-060000Z-KZL05.qamqor';
  const REQUEST_ID = '6f1c2a4e-0000-4000-8000-00000000000a';

  it('writeBackup, listBackups, readBackup and backupDone invoke their channels with the request only', async () => {
    const data = new Uint8Array([1, 2, 3]);
    const write = bridge.writeBackup as (...args: unknown[]) => Promise<unknown>;
    await write({ fileName: NAME, data, keep: 10 }, '/etc/passwd');
    await (bridge.listBackups as (...args: unknown[]) => Promise<unknown>)('/etc');
    await bridge.readBackup({ fileName: NAME });
    await bridge.backupDone({ requestId: REQUEST_ID, outcome: 'done' });
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      [IPC_CHANNELS.backupWrite, { fileName: NAME, data, keep: 10 }],
      [IPC_CHANNELS.backupList],
      [IPC_CHANNELS.backupRead, { fileName: NAME }],
      [IPC_CHANNELS.backupDone, { requestId: REQUEST_ID, outcome: 'done' }],
    ]);
  });

  it('answers a quit request itself with skipped while no page code listens', () => {
    electron.ipcRenderer.deliver(IPC_EVENTS.backupOnQuit, { requestId: REQUEST_ID });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.backupDone, {
      requestId: REQUEST_ID,
      outcome: 'skipped',
    });
  });

  it('hands a quit request to the subscriber (payload only) and lets it answer', () => {
    const handler = vi.fn<(...args: unknown[]) => void>();
    const off = bridge.onBackupOnQuit(handler);
    electron.ipcRenderer.deliver(IPC_EVENTS.backupOnQuit, { requestId: REQUEST_ID, extra: 'dropped' });
    expect(handler).toHaveBeenCalledExactlyOnceWith({ requestId: REQUEST_ID });
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
    off();
  });

  it('ignores a malformed quit request', () => {
    const handler = vi.fn();
    const off = bridge.onBackupOnQuit(handler);
    for (const payload of [null, REQUEST_ID, { requestId: 'not-a-uuid' }, { requestId: 5 }])
      electron.ipcRenderer.deliver(IPC_EVENTS.backupOnQuit, payload);
    off();
    for (const payload of [null, { requestId: '../x' }]) electron.ipcRenderer.deliver(IPC_EVENTS.backupOnQuit, payload);
    expect(handler).not.toHaveBeenCalled();
    expect(electron.ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});
