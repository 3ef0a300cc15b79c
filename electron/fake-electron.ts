/**
 * Test double of the parts of the 'electron' module the main process and the preload use. The real
 * binary is not available in unit tests; these fakes record what the code under test asked for so the
 * tests can assert on the security-relevant calls.
 *
 * Test-only: imported from *.test.ts through `vi.mock('electron', ...)`, never from app code.
 */
import { vi, type Mock } from 'vitest';

export type Listener = (...args: unknown[]) => unknown;

export class FakeEmitter {
  private readonly listeners = new Map<string, Listener[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  once(event: string, listener: Listener): this {
    const wrapped: Listener = (...args) => {
      this.off(event, wrapped);
      return listener(...args);
    };
    return this.on(event, wrapped);
  }

  off(event: string, listener: Listener): this {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((candidate) => candidate !== listener),
    );
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) listener(...args);
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  removeAllListeners(): void {
    this.listeners.clear();
  }
}

/** An Electron-style event with the navigation URL and a recordable preventDefault. */
export interface FakeEvent {
  readonly url: string;
  readonly preventDefault: Mock<() => void>;
}

export function fakeEvent(url = ''): FakeEvent {
  return { url, preventDefault: vi.fn<() => void>() };
}

export interface HeadersDetails {
  readonly url: string;
  readonly responseHeaders?: Record<string, string[]>;
}
export interface HeadersResponse {
  readonly responseHeaders?: Record<string, string[]>;
  readonly cancel?: boolean;
}
export type HeadersListener = (details: HeadersDetails, callback: (response: HeadersResponse) => void) => void;
export type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: unknown,
) => void;
export type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;

export class FakeSession {
  headersListener: HeadersListener | null = null;
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;

  readonly webRequest = {
    onHeadersReceived: vi.fn((listener: HeadersListener) => {
      this.headersListener = listener;
    }),
  };

  readonly setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler) => {
    this.permissionRequestHandler = handler;
  });

  readonly setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler) => {
    this.permissionCheckHandler = handler;
  });

  /** Runs the installed onHeadersReceived listener the way Chromium would and returns its answer. */
  respond(details: HeadersDetails): HeadersResponse {
    const listener = this.headersListener;
    if (listener === null) throw new Error('no onHeadersReceived listener installed');
    let answer: HeadersResponse | null = null;
    listener(details, (response) => {
      answer = response;
    });
    if (answer === null) throw new Error('onHeadersReceived listener did not call back');
    return answer;
  }
}

export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
}

export type WindowOpenHandler = (details: { url: string }) => { action: string };

let nextContentsId = 1;

export class FakeWebContents extends FakeEmitter {
  readonly id = nextContentsId++;
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly mainFrame: FakeFrame = { url: '', parent: null };

  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });

  readonly printToPDF = vi.fn(async (_options: unknown) => new Uint8Array([0x25, 0x50, 0x44, 0x46]));

  constructor(readonly session: FakeSession) {
    super();
  }
}

export interface FakeWindowOptions {
  readonly webPreferences?: Record<string, unknown>;
  readonly [key: string]: unknown;
}

export class FakeApp extends FakeEmitter {
  gotLock = true;
  isPackaged = false;
  appPath = '/opt/qamqor';

  readonly requestSingleInstanceLock = vi.fn(() => this.gotLock);
  readonly quit = vi.fn<() => void>();
  readonly enableSandbox = vi.fn<() => void>();
  readonly whenReady = vi.fn(() => Promise.resolve());
  readonly getAppPath = vi.fn(() => this.appPath);
  readonly getName = vi.fn(() => 'Qamqor');
  readonly getVersion = vi.fn(() => '0.1.0');
  readonly getPath = vi.fn((_name: string) => '/home/user/Documents');
}

export type FakeInvokeHandler = (event: unknown, ...args: unknown[]) => unknown;

type AsyncMock = Mock<(...args: unknown[]) => Promise<unknown>>;

export interface ElectronFake {
  readonly app: FakeApp;
  readonly defaultSession: FakeSession;
  readonly windows: FakeBrowserWindowInstance[];
  readonly ipcHandlers: Map<string, FakeInvokeHandler>;
  /** What `vi.mock('electron', ...)` returns. */
  readonly module: Record<string, unknown>;
  readonly ipcMain: { readonly handle: Mock<(channel: string, handler: FakeInvokeHandler) => void> };
  readonly dialog: { readonly showSaveDialog: AsyncMock; readonly showOpenDialog: AsyncMock };
  readonly contextBridge: { readonly exposeInMainWorld: Mock<(key: string, api: unknown) => void> };
  readonly ipcRenderer: { readonly invoke: AsyncMock };
  readonly shell: { readonly openExternal: AsyncMock };
  /** Forgets every window, handler, listener and recorded call; restores the default answers. */
  reset(): void;
}

export interface FakeBrowserWindowInstance extends FakeEmitter {
  readonly options: FakeWindowOptions;
  readonly webContents: FakeWebContents;
  readonly loadFile: Mock<(filePath: string) => Promise<void>>;
  readonly loadURL: Mock<(url: string) => Promise<void>>;
  readonly show: Mock<() => void>;
  readonly focus: Mock<() => void>;
  readonly restore: Mock<() => void>;
  minimized: boolean;
  destroyed: boolean;
  isMinimized(): boolean;
  isDestroyed(): boolean;
}

export function createElectronFake(): ElectronFake {
  const app = new FakeApp();
  let defaultSession = new FakeSession();
  const windows: FakeBrowserWindowInstance[] = [];
  const ipcHandlers = new Map<string, FakeInvokeHandler>();

  class FakeBrowserWindow extends FakeEmitter implements FakeBrowserWindowInstance {
    readonly webContents: FakeWebContents;
    readonly loadFile = vi.fn(async (_filePath: string): Promise<void> => undefined);
    readonly loadURL = vi.fn(async (_url: string): Promise<void> => undefined);
    readonly show = vi.fn<() => void>();
    readonly focus = vi.fn<() => void>();
    readonly restore = vi.fn((): void => {
      this.minimized = false;
    });
    minimized = false;
    destroyed = false;

    constructor(readonly options: FakeWindowOptions) {
      super();
      this.webContents = new FakeWebContents(defaultSession);
      windows.push(this);
      // Electron emits this for every new contents, including a window's own.
      app.emit('web-contents-created', fakeEvent(), this.webContents);
    }

    isMinimized(): boolean {
      return this.minimized;
    }

    isDestroyed(): boolean {
      return this.destroyed;
    }
  }

  const ipcMain = {
    handle: vi.fn((channel: string, handler: FakeInvokeHandler) => {
      ipcHandlers.set(channel, handler);
    }),
  };
  const dialog = { showSaveDialog: vi.fn<(...args: unknown[]) => Promise<unknown>>(), showOpenDialog: vi.fn<(...args: unknown[]) => Promise<unknown>>() };
  const contextBridge = { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() };
  const ipcRenderer = { invoke: vi.fn<(...args: unknown[]) => Promise<unknown>>() };
  const shell = { openExternal: vi.fn<(...args: unknown[]) => Promise<unknown>>(async () => undefined) };
  const session = {
    get defaultSession(): FakeSession {
      return defaultSession;
    },
  };

  const module: Record<string, unknown> = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session,
    ipcMain,
    dialog,
    contextBridge,
    ipcRenderer,
    shell,
  };

  return {
    app,
    get defaultSession() {
      return defaultSession;
    },
    windows,
    ipcHandlers,
    module: { ...module, default: module },
    ipcMain,
    dialog,
    contextBridge,
    ipcRenderer,
    shell,
    reset() {
      windows.length = 0;
      ipcHandlers.clear();
      app.removeAllListeners();
      app.gotLock = true;
      app.isPackaged = false;
      app.appPath = '/opt/qamqor';
      defaultSession = new FakeSession();
      for (const mock of [
        app.requestSingleInstanceLock,
        app.quit,
        app.enableSandbox,
        app.whenReady,
        app.getAppPath,
        app.getPath,
        ipcMain.handle,
        dialog.showSaveDialog,
        dialog.showOpenDialog,
        contextBridge.exposeInMainWorld,
        ipcRenderer.invoke,
        shell.openExternal,
      ]) {
        mock.mockClear();
      }
      dialog.showSaveDialog.mockReset();
      dialog.showOpenDialog.mockReset();
      ipcRenderer.invoke.mockReset();
    },
  };
}
