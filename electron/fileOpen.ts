/**
 * Opening a `.qamqor` bundle by double-click. The installers register the extension (Windows: NSIS
 * writes `"Qamqor.exe" "%1"` under Software\Classes; Linux: the .desktop entry's `%U` with the
 * application/x-qamqor-bundle MIME type), so the path arrives on the command line: in `process.argv`
 * when the app starts, or in the argv of the `second-instance` event when it is already running.
 *
 * The file is read here (size-limited like a dialog answer) and its bytes are pushed to the renderer;
 * the renderer never learns the path and can never ask for another one.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUNDLE_EXTENSION, IPC_EVENTS, type IpcResult, type OpenedFile } from '@shared/ipc';

export interface ArgvContext {
  /** The directory the command was started in (relative arguments are resolved against it). */
  readonly cwd: string;
  /** Whose path rules apply; defaults to the running platform's. */
  readonly platform?: 'win32' | 'posix';
}

const SUFFIX = `.${BUNDLE_EXTENSION}`;

/** A Linux file manager may pass `%U` as file:// URLs; Windows and most Linux launchers pass paths. */
function argumentToPath(argument: string, platform: 'win32' | 'posix'): string | null {
  if (!/^file:/iu.test(argument)) return argument;
  try {
    return fileURLToPath(argument, { windows: platform === 'win32' });
  } catch {
    return null;
  }
}

/**
 * The first bundle named on a command line, as an absolute path, or null. `argv[0]` is the executable
 * and is skipped; so is every switch (Chromium adds its own, e.g. `--allow-file-access-from-files`
 * in the argv of `second-instance`, and the app may be started with `--user-data-dir=…`), the app
 * folder of an unpackaged start (`electron .`), and any file that is not a bundle. One bundle at a
 * time: the import preview shows one.
 */
export function bundlePathFromArgv(argv: readonly string[], context: ArgvContext): string | null {
  const platform = context.platform ?? (process.platform === 'win32' ? 'win32' : 'posix');
  const paths = platform === 'win32' ? path.win32 : path.posix;
  for (const argument of argv.slice(1)) {
    if (argument === '' || argument.startsWith('-')) continue;
    const candidate = argumentToPath(argument, platform);
    if (candidate === null || !candidate.toLowerCase().endsWith(SUFFIX)) continue;
    // ".qamqor" alone is a hidden file with no name, not a bundle.
    if (paths.basename(candidate).length <= SUFFIX.length) continue;
    return paths.resolve(context.cwd, candidate);
  }
  return null;
}

/** The parts of the app window the handoff needs. */
export interface HandoffTarget {
  isDestroyed(): boolean;
  readonly webContents: {
    isLoading(): boolean;
    once(event: 'did-finish-load', listener: () => void): unknown;
    send(channel: string, payload: OpenedFile): void;
  };
}

export interface FileHandoffDeps {
  /** Reads the file with the size limit (`readLimitedFile`). */
  readonly read: (filePath: string) => Promise<IpcResult<OpenedFile>>;
  readonly log: (message: string, detail?: unknown) => void;
}

export interface FileHandoff {
  /** Reads the bundle and delivers it as soon as a loaded window exists. */
  open(filePath: string): Promise<void>;
  /** The window to deliver to; files waiting for it are sent once its page has finished loading. */
  attach(target: HandoffTarget): void;
  /** Files read but not yet delivered (for tests and diagnostics). */
  pendingCount(): number;
}

/**
 * Queues opened bundles until the window's page has loaded: a message sent while the page is still
 * loading would reach no preload listener. The preload in turn keeps a file until the renderer
 * subscribes (the office setup screen may still be showing).
 */
export function createFileHandoff(deps: FileHandoffDeps): FileHandoff {
  const pending: OpenedFile[] = [];
  let target: HandoffTarget | null = null;
  let waiting: HandoffTarget | null = null;

  const flush = (): void => {
    const window = target;
    if (pending.length === 0 || window === null || window.isDestroyed()) return;
    if (window.webContents.isLoading()) {
      if (waiting === window) return;
      waiting = window;
      window.webContents.once('did-finish-load', () => {
        if (waiting === window) waiting = null;
        flush();
      });
      return;
    }
    for (const file of pending.splice(0)) window.webContents.send(IPC_EVENTS.fileOpened, file);
  };

  return {
    async open(filePath) {
      const file = await deps.read(filePath);
      if (!file.ok) {
        deps.log(`[qamqor] cannot open ${filePath}: ${file.error.code}`, file.error.detail);
        return;
      }
      pending.push(file.value);
      flush();
    },
    attach(window) {
      target = window;
      flush();
    },
    pendingCount: () => pending.length,
  };
}
