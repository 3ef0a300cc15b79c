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

  readonly printToPDF = vi.fn((_options: unknown) => Promise.resolve(new Uint8Array([0x25, 0x50, 0x44, 0x46])));
  /** What main pushed to the page with `webContents.send`. */
  readonly send = vi.fn<(channel: string, ...args: unknown[]) => void>();
  loading = false;
  readonly isLoading = vi.fn(() => this.loading);

  constructor(readonly session: FakeSession) {
    super();
  }

  /** Plays the end of a page load the way Chromium reports it. */
  finishLoad(): void {
    this.loading = false;
    this.emit('did-finish-load');
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
  /** Becomes true once `whenReady()` has resolved, i.e. after Electron's 'ready'. */
  readyResolved = false;
  readonly whenReady = vi.fn(() =>
    Promise.resolve().then(() => {
      this.readyResolved = true;
    }),
  );
  readonly getAppPath = vi.fn(() => this.appPath);
  readonly getName = vi.fn(() => 'Qamqor');
  readonly getVersion = vi.fn(() => '0.1.0');
  /** `app.getPath` answers per name; tests point 'userData' at a temporary folder. */
  paths: Record<string, string> = {};
  readonly getPath = vi.fn((name: string) => this.paths[name] ?? '/home/user/Documents');
  ready = true;
  readonly isReady = vi.fn(() => this.ready);
}

export type FakeProtocolHandler = (request: Request) => Response | Promise<Response>;

export interface FakeCustomScheme {
  readonly scheme: string;
  readonly privileges: Readonly<Record<string, boolean>>;
}

/**
 * Electron's `protocol` module: privileges may be granted once and only before 'ready' (Electron
 * throws otherwise); `handle` only after 'ready' and once per scheme. `fetch` plays a request of the
 * page against the registered handler, the way Chromium would route it.
 */
export class FakeProtocol {
  privileged: FakeCustomScheme[] = [];
  readonly handlers = new Map<string, FakeProtocolHandler>();

  constructor(private readonly app: FakeApp) {}

  readonly registerSchemesAsPrivileged = vi.fn((schemes: FakeCustomScheme[]): void => {
    if (this.app.readyResolved) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged = [...this.privileged, ...schemes];
  });

  readonly handle = vi.fn((scheme: string, handler: FakeProtocolHandler): void => {
    if (!this.app.readyResolved) throw new Error('protocol.handle may only be used after app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  });

  /** The privileges granted to `scheme`, or undefined when it was never registered. */
  privilegesOf(scheme: string): Readonly<Record<string, boolean>> | undefined {
    return this.privileged.find((entry) => entry.scheme === scheme)?.privileges;
  }

  /** A request for `url` as the page would make it, answered by the handler of its scheme. */
  fetch(url: string, init?: RequestInit): Promise<Response> {
    const scheme = url.slice(0, Math.max(0, url.indexOf(':'))).toLowerCase();
    const handler = this.handlers.get(scheme);
    if (handler === undefined) return Promise.reject(new Error(`no handler for the ${scheme} scheme`));
    return Promise.resolve(handler(new Request(url, init)));
  }

  reset(): void {
    this.privileged = [];
    this.handlers.clear();
    this.registerSchemesAsPrivileged.mockClear();
    this.handle.mockClear();
  }
}

export interface FakeRectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What `Menu.buildFromTemplate` returned: the template itself, to be inspected and clicked. */
export interface FakeMenu {
  readonly template: unknown[];
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
  readonly dialog: {
    readonly showSaveDialog: AsyncMock;
    readonly showOpenDialog: AsyncMock;
    readonly showMessageBox: AsyncMock;
  };
  readonly menu: {
    readonly buildFromTemplate: Mock<(template: unknown[]) => FakeMenu>;
    readonly setApplicationMenu: Mock<(menu: FakeMenu | null) => void>;
  };
  /** The work areas `screen.getAllDisplays()` reports (one 1920x1040 screen by default). */
  displays: FakeRectangle[];
  /** The template of the menu last passed to `Menu.setApplicationMenu`. */
  applicationMenu(): unknown[] | null;
  readonly contextBridge: { readonly exposeInMainWorld: Mock<(key: string, api: unknown) => void> };
  readonly ipcRenderer: {
    readonly invoke: AsyncMock;
    readonly on: Mock<(channel: string, listener: Listener) => void>;
    /** Delivers a main-process message to the preload's listeners, as `webContents.send` would. */
    deliver(channel: string, payload: unknown): void;
  };
  readonly shell: { readonly openExternal: AsyncMock };
  readonly protocol: FakeProtocol;
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
  readonly maximize: Mock<() => void>;
  /** `BrowserWindow.close()`: recorded only (the test emits 'close' itself when it wants one). */
  readonly close: Mock<() => void>;
  minimized: boolean;
  destroyed: boolean;
  maximized: boolean;
  /** Normal (not maximised) bounds, as `getNormalBounds` reports them. */
  bounds: FakeRectangle;
  isMinimized(): boolean;
  isDestroyed(): boolean;
  isMaximized(): boolean;
  getNormalBounds(): FakeRectangle;
}

const DEFAULT_DISPLAYS: readonly FakeRectangle[] = [{ x: 0, y: 0, width: 1920, height: 1040 }];

export function createElectronFake(): ElectronFake {
  const app = new FakeApp();
  let defaultSession = new FakeSession();
  const windows: FakeBrowserWindowInstance[] = [];
  const ipcHandlers = new Map<string, FakeInvokeHandler>();

  class FakeBrowserWindow extends FakeEmitter implements FakeBrowserWindowInstance {
    readonly webContents: FakeWebContents;
    // A page load starts with the call and ends when the test calls `webContents.finishLoad()`.
    readonly loadFile = vi.fn((_filePath: string): Promise<void> => {
      this.webContents.loading = true;
      return Promise.resolve();
    });
    readonly loadURL = vi.fn((_url: string): Promise<void> => {
      this.webContents.loading = true;
      return Promise.resolve();
    });
    readonly show = vi.fn<() => void>();
    readonly focus = vi.fn<() => void>();
    readonly restore = vi.fn((): void => {
      this.minimized = false;
    });
    readonly close = vi.fn<() => void>();
    readonly maximize = vi.fn((): void => {
      this.maximized = true;
      this.emit('maximize');
    });
    minimized = false;
    destroyed = false;
    maximized = false;
    bounds: FakeRectangle;

    constructor(readonly options: FakeWindowOptions) {
      super();
      this.webContents = new FakeWebContents(defaultSession);
      const number = (key: string, fallback: number): number => {
        const value = options[key];
        return typeof value === 'number' ? value : fallback;
      };
      const width = number('width', 800);
      const height = number('height', 600);
      // Electron centres a window created without a position.
      this.bounds = {
        x: number('x', Math.round((1920 - width) / 2)),
        y: number('y', Math.round((1040 - height) / 2)),
        width,
        height,
      };
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

    isMaximized(): boolean {
      return this.maximized;
    }

    getNormalBounds(): FakeRectangle {
      return { ...this.bounds };
    }
  }

  const ipcMain = {
    handle: vi.fn((channel: string, handler: FakeInvokeHandler) => {
      ipcHandlers.set(channel, handler);
    }),
  };
  const dialog = {
    showSaveDialog: vi.fn<(...args: unknown[]) => Promise<unknown>>(),
    showOpenDialog: vi.fn<(...args: unknown[]) => Promise<unknown>>(),
    showMessageBox: vi.fn<(...args: unknown[]) => Promise<unknown>>(() => Promise.resolve({ response: 0, checkboxChecked: false })),
  };
  let applicationMenu: FakeMenu | null = null;
  const menu = {
    buildFromTemplate: vi.fn((template: unknown[]): FakeMenu => ({ template })),
    setApplicationMenu: vi.fn((built: FakeMenu | null): void => {
      applicationMenu = built;
    }),
  };
  let displays: FakeRectangle[] = DEFAULT_DISPLAYS.map((area) => ({ ...area }));
  const screen = {
    getAllDisplays: vi.fn(() => displays.map((workArea, id) => ({ id, workArea, bounds: workArea }))),
  };
  const contextBridge = { exposeInMainWorld: vi.fn<(key: string, api: unknown) => void>() };
  const rendererChannels = new FakeEmitter();
  const ipcRenderer = {
    invoke: vi.fn<(...args: unknown[]) => Promise<unknown>>(),
    on: vi.fn((channel: string, listener: Listener): void => {
      rendererChannels.on(channel, listener);
    }),
    deliver(channel: string, payload: unknown): void {
      // The real listener gets an IpcRendererEvent first; its `sender` is ipcRenderer itself.
      rendererChannels.emit(channel, { sender: ipcRenderer }, payload);
    },
  };
  const shell = { openExternal: vi.fn<(...args: unknown[]) => Promise<unknown>>(() => Promise.resolve(undefined)) };
  const protocol = new FakeProtocol(app);
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
    protocol,
    Menu: menu,
    screen,
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
    menu,
    get displays() {
      return displays;
    },
    set displays(areas: FakeRectangle[]) {
      displays = areas;
    },
    applicationMenu: () => applicationMenu?.template ?? null,
    contextBridge,
    ipcRenderer,
    shell,
    protocol,
    reset() {
      windows.length = 0;
      ipcHandlers.clear();
      app.removeAllListeners();
      app.gotLock = true;
      app.isPackaged = false;
      app.appPath = '/opt/qamqor';
      app.paths = {};
      app.ready = true;
      app.readyResolved = false;
      protocol.reset();
      defaultSession = new FakeSession();
      applicationMenu = null;
      rendererChannels.removeAllListeners();
      displays = DEFAULT_DISPLAYS.map((area) => ({ ...area }));
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
        dialog.showMessageBox,
        menu.buildFromTemplate,
        menu.setApplicationMenu,
        screen.getAllDisplays,
        contextBridge.exposeInMainWorld,
        ipcRenderer.invoke,
        ipcRenderer.on,
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
