/**
 * What the desktop shell remembers between runs, in one small JSON file in `userData`: the window's
 * size and position, the folder native dialogs last used, and the menu language. The file is written
 * by this app only, but it is still validated field by field on load: a damaged or hand-edited file
 * must never stop the app from starting, it only loses the field that is wrong.
 */
import path from 'node:path';
import { z } from 'zod';
import { uiLanguage, type UiLanguage } from '@shared/ipc';

export const DESKTOP_STATE_FILE = 'desktop-state.json';

export interface Rectangle {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface WindowState {
  /** The normal (not maximised) bounds, so un-maximising after a restart returns to them. */
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

export interface DesktopState {
  readonly window?: WindowState;
  readonly lastFolder?: string;
  readonly menuLanguage?: UiLanguage;
}

/** Far beyond any real screen; rejects garbage without rejecting large multi-monitor desktops. */
const COORDINATE_LIMIT = 100_000;

const rectangle = z.object({
  x: z.number().int().min(-COORDINATE_LIMIT).max(COORDINATE_LIMIT),
  y: z.number().int().min(-COORDINATE_LIMIT).max(COORDINATE_LIMIT),
  width: z.number().int().min(1).max(COORDINATE_LIMIT),
  height: z.number().int().min(1).max(COORDINATE_LIMIT),
});
const windowState = z.object({ bounds: rectangle, maximized: z.boolean() });
const lastFolder = z
  .string()
  .min(1)
  .max(4096)
  .refine((folder) => path.isAbsolute(folder) || path.win32.isAbsolute(folder), 'an absolute folder')
  .refine((folder) => !folder.includes('\u0000'), 'no NUL');

/** Keeps every field that is valid and drops the others. */
export function parseDesktopState(raw: unknown): DesktopState {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return {};
  const record = raw as Record<string, unknown>;
  const window = windowState.safeParse(record['window']);
  const folder = lastFolder.safeParse(record['lastFolder']);
  const language = uiLanguage.safeParse(record['menuLanguage']);
  return {
    ...(window.success ? { window: window.data } : {}),
    ...(folder.success ? { lastFolder: folder.data } : {}),
    ...(language.success ? { menuLanguage: language.data } : {}),
  };
}

function overlap(a: Rectangle, b: Rectangle): Rectangle | null {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.width, b.x + b.width);
  const bottom = Math.min(a.y + a.height, b.y + b.height);
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}

/** How much of the title bar must be on a screen for the user to be able to grab and move the window. */
const GRAB_WIDTH = 120;
const GRAB_HEIGHT = 32;

/**
 * True when the top strip of the window (its title bar) lies on one of the screens' work areas
 * enough to be grabbed. A window saved on a monitor that is no longer attached, or dragged almost
 * off-screen, fails this and opens at the default place instead.
 */
export function isReachable(bounds: Rectangle, workAreas: readonly Rectangle[]): boolean {
  const titleBar: Rectangle = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(bounds.height, GRAB_HEIGHT) };
  return workAreas.some((area) => {
    const visible = overlap(titleBar, area);
    return (
      visible !== null && visible.width >= Math.min(GRAB_WIDTH, bounds.width) && visible.height >= Math.min(GRAB_HEIGHT, titleBar.height)
    );
  });
}

export interface WindowPlacement {
  readonly width: number;
  readonly height: number;
  /** Absent: let the OS place the window (centred by Electron). */
  readonly x?: number;
  readonly y?: number;
  readonly maximized: boolean;
}

export interface PlacementDefaults {
  readonly width: number;
  readonly height: number;
  readonly minWidth: number;
  readonly minHeight: number;
}

/**
 * Where to open the window: the saved bounds if they are still on a screen, otherwise the default
 * size at the OS's default place. The saved size is kept within the minimum and the largest screen.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rectangle[], defaults: PlacementDefaults): WindowPlacement {
  if (saved === undefined || !isReachable(saved.bounds, workAreas)) {
    return { width: defaults.width, height: defaults.height, maximized: saved?.maximized ?? false };
  }
  const maxWidth = Math.max(defaults.minWidth, ...workAreas.map((area) => area.width));
  const maxHeight = Math.max(defaults.minHeight, ...workAreas.map((area) => area.height));
  return {
    x: saved.bounds.x,
    y: saved.bounds.y,
    width: Math.min(Math.max(saved.bounds.width, defaults.minWidth), maxWidth),
    height: Math.min(Math.max(saved.bounds.height, defaults.minHeight), maxHeight),
    maximized: saved.maximized,
  };
}

export interface StateFs {
  readFileSync(filePath: string, encoding: 'utf8'): string;
  mkdirSync(dirPath: string, options: { recursive: true }): unknown;
  writeFileSync(filePath: string, data: string, encoding: 'utf8'): void;
  renameSync(from: string, to: string): void;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface DesktopStateStore {
  /** The state as last updated. */
  current(): DesktopState;
  /** Merges a change (an invalid field of it is ignored) and schedules one save after the debounce delay. */
  update(change: Partial<DesktopState>): void;
  /** Writes now if a save is pending: on the window's 'close' and at quit, when the process may end next. */
  flush(): void;
}

export interface StoreOptions {
  readonly filePath: string;
  readonly fs: StateFs;
  readonly timers?: Timers;
  /** Moving or resizing fires dozens of events a second; one write after the user stops is enough. */
  readonly debounceMs?: number;
  readonly log?: (message: string, detail?: unknown) => void;
}

const defaultTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Loads the state file (never throws: a missing or damaged file is an empty state). Synchronous: it
 * is read once at start, is tiny, and the window cannot be placed before it is known.
 */
export function loadDesktopState(filePath: string, fs: Pick<StateFs, 'readFileSync'>): DesktopState {
  let text: string;
  try {
    text = fs.readFileSync(filePath, 'utf8');
  } catch {
    return {};
  }
  try {
    return parseDesktopState(JSON.parse(text));
  } catch {
    return {};
  }
}

/**
 * A debounced writer of the state. The file is a few hundred bytes, so it is written synchronously:
 * two writes can then never overtake each other, and the last one before quitting is certain to land.
 * It goes to a temporary file that replaces the real one, so a crash mid-write leaves the previous
 * state rather than half a JSON document.
 */
export function createDesktopStateStore(initial: DesktopState, options: StoreOptions): DesktopStateStore {
  const timers = options.timers ?? defaultTimers;
  const debounceMs = options.debounceMs ?? 500;
  const log = options.log ?? ((message: string, detail?: unknown) => console.warn(message, detail));
  const temporary = `${options.filePath}.tmp`;
  let state: DesktopState = parseDesktopState(initial);
  let timer: unknown = null;
  let dirty = false;

  const flush = (): void => {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (!dirty) return;
    dirty = false;
    try {
      options.fs.mkdirSync(path.dirname(options.filePath), { recursive: true });
      options.fs.writeFileSync(temporary, `${JSON.stringify({ version: 1, ...state }, null, 2)}\n`, 'utf8');
      options.fs.renameSync(temporary, options.filePath);
    } catch (error) {
      log('[qamqor] could not save the desktop state', error);
    }
  };

  return {
    current: () => state,
    update(change) {
      state = { ...state, ...parseDesktopState(change) };
      dirty = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = timers.setTimeout(() => {
        timer = null;
        flush();
      }, debounceMs);
    },
    flush,
  };
}
