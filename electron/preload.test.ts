import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type QamqorBridge } from '../shared/ipc';

const electron = await vi.hoisted(async () => {
  const { createElectronFake } = await import('./fake-electron');
  return createElectronFake();
});
vi.mock('electron', () => electron.module);

let exposedKey: unknown;
let bridge: QamqorBridge;

beforeAll(async () => {
  electron.reset();
  await import('./preload');
  expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = electron.contextBridge.exposeInMainWorld.mock.calls[0] ?? [];
  exposedKey = key;
  // Narrowed by the assertions in the tests below.
  bridge = api as QamqorBridge;
});

beforeEach(() => {
  electron.ipcRenderer.invoke.mockReset();
  electron.ipcRenderer.invoke.mockImplementation(async (channel: unknown) => ({ ok: true, value: { answeredBy: channel } }));
});

describe('preload bridge', () => {
  it("is exposed once, as 'qamqor'", () => {
    expect(exposedKey).toBe('qamqor');
  });

  it('has exactly the four QamqorBridge methods and nothing else', () => {
    expect(Object.keys(bridge).sort()).toEqual(['appInfo', 'openFile', 'printToPdf', 'saveFile']);
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

  it('forwards no extra arguments a page might smuggle in', async () => {
    const call = bridge.printToPdf as (...args: unknown[]) => Promise<unknown>;
    await call({ suggestedName: 'x.pdf' }, '/etc/passwd');
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith(IPC_CHANNELS.printToPdf, { suggestedName: 'x.pdf' });
  });
});
