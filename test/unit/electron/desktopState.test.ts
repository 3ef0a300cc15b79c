import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createDesktopStateStore,
  isReachable,
  loadDesktopState,
  parseDesktopState,
  placeWindow,
  type Rectangle,
  type StateFs,
} from '../../../electron/desktopState';
import { WINDOW_DEFAULTS } from '../../../electron/window';

vi.mock('electron', () => ({}));

const FULL_HD: Rectangle = { x: 0, y: 0, width: 1920, height: 1040 };
const RIGHT_MONITOR: Rectangle = { x: 1920, y: 0, width: 1280, height: 984 };
const good = { bounds: { x: 100, y: 80, width: 1200, height: 760 }, maximized: false };

describe('parseDesktopState', () => {
  it('keeps a valid state', () => {
    const state = { window: good, lastFolder: '/media/usb/Qamqor', menuLanguage: 'ru' };
    expect(parseDesktopState({ version: 1, ...state })).toEqual(state);
    expect(parseDesktopState({ lastFolder: 'C:\\Users\\aliya\\Documents' })).toEqual({ lastFolder: 'C:\\Users\\aliya\\Documents' });
  });

  it('drops only the fields that are wrong', () => {
    expect(
      parseDesktopState({
        window: { bounds: { x: 'left', y: 0, width: 800, height: 600 }, maximized: false },
        lastFolder: '/home/aliya',
        menuLanguage: 'en',
      }),
    ).toEqual({ lastFolder: '/home/aliya' });
  });

  it.each([
    ['a negative width', { ...good, bounds: { ...good.bounds, width: -5 } }],
    ['a zero height', { ...good, bounds: { ...good.bounds, height: 0 } }],
    ['fractional pixels', { ...good, bounds: { ...good.bounds, x: 10.5 } }],
    ['absurd coordinates', { ...good, bounds: { ...good.bounds, y: 1e9 } }],
    ['a missing maximised flag', { bounds: good.bounds }],
    ['an infinite size', { ...good, bounds: { ...good.bounds, width: Number.POSITIVE_INFINITY } }],
  ])('refuses a window with %s', (_label, window) => {
    expect(parseDesktopState({ window })).toEqual({});
  });

  it.each([
    ['a relative folder', 'exports'],
    ['an empty folder', ''],
    ['a NUL byte', '/tmp/\u0000x'],
    ['a number', 42],
  ])('refuses %s as the last folder', (_label, lastFolder) => {
    expect(parseDesktopState({ lastFolder })).toEqual({});
  });

  it.each([null, 'text', 42, [good]])('treats %s as an empty state', (raw) => {
    expect(parseDesktopState(raw)).toEqual({});
  });
});

describe('isReachable', () => {
  it('accepts a window on a screen, and one partly off the right edge whose title bar can still be grabbed', () => {
    expect(isReachable(good.bounds, [FULL_HD])).toBe(true);
    expect(isReachable({ x: 1700, y: 100, width: 1200, height: 700 }, [FULL_HD])).toBe(true);
  });

  it('refuses a window left on a monitor that is no longer attached', () => {
    const onRight = { x: 2100, y: 50, width: 1000, height: 700 };
    expect(isReachable(onRight, [FULL_HD, RIGHT_MONITOR])).toBe(true);
    expect(isReachable(onRight, [FULL_HD])).toBe(false);
  });

  it('refuses a title bar above the screen or a sliver too narrow to grab', () => {
    expect(isReachable({ x: 100, y: -600, width: 1200, height: 700 }, [FULL_HD])).toBe(false);
    expect(isReachable({ x: 1880, y: 100, width: 1200, height: 700 }, [FULL_HD])).toBe(false);
    expect(isReachable(good.bounds, [])).toBe(false);
  });
});

describe('placeWindow', () => {
  it('reopens where the window was', () => {
    expect(placeWindow(good, [FULL_HD], WINDOW_DEFAULTS)).toEqual({ x: 100, y: 80, width: 1200, height: 760, maximized: false });
  });

  it('uses the default size at the default place when nothing was saved', () => {
    expect(placeWindow(undefined, [FULL_HD], WINDOW_DEFAULTS)).toEqual({ width: 1280, height: 800, maximized: false });
  });

  it('ignores an off-screen position but keeps the maximised wish', () => {
    const gone = { bounds: { x: 2100, y: 50, width: 1000, height: 700 }, maximized: true };
    expect(placeWindow(gone, [FULL_HD], WINDOW_DEFAULTS)).toEqual({ width: 1280, height: 800, maximized: true });
  });

  it('keeps the size between the minimum and the largest screen', () => {
    const tiny = { bounds: { x: 10, y: 10, width: 300, height: 200 }, maximized: false };
    expect(placeWindow(tiny, [FULL_HD], WINDOW_DEFAULTS)).toMatchObject({ width: 960, height: 600 });
    const huge = { bounds: { x: 0, y: 0, width: 5000, height: 3000 }, maximized: false };
    expect(placeWindow(huge, [FULL_HD, RIGHT_MONITOR], WINDOW_DEFAULTS)).toMatchObject({ width: 1920, height: 1040 });
  });
});

describe('loadDesktopState', () => {
  it('returns an empty state for a missing or damaged file', () => {
    const missing = {
      readFileSync: () => {
        throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      },
    };
    expect(loadDesktopState('/nope/desktop-state.json', missing)).toEqual({});
    expect(loadDesktopState('/x', { readFileSync: () => '{"window": {' })).toEqual({});
    expect(loadDesktopState('/x', { readFileSync: () => '{"menuLanguage":"ru","window":7}' })).toEqual({ menuLanguage: 'ru' });
  });
});

function memoryFs(): StateFs & { files: Map<string, string>; writes: string[] } {
  const files = new Map<string, string>();
  const writes: string[] = [];
  return {
    files,
    writes,
    readFileSync: (filePath) => {
      const text = files.get(filePath);
      if (text === undefined) throw new Error('ENOENT');
      return text;
    },
    mkdirSync: () => undefined,
    writeFileSync: (filePath, data) => {
      writes.push(filePath);
      files.set(filePath, data);
    },
    renameSync: (from, to) => {
      const text = files.get(from);
      if (text === undefined) throw new Error('ENOENT');
      files.delete(from);
      files.set(to, text);
    },
  };
}

describe('createDesktopStateStore', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves once after a burst of moves, with the last bounds', () => {
    const fs = memoryFs();
    const store = createDesktopStateStore({}, { filePath: '/state/desktop-state.json', fs, debounceMs: 500 });
    for (let x = 0; x < 40; x += 1) store.update({ window: { bounds: { ...good.bounds, x }, maximized: false } });
    vi.advanceTimersByTime(499);
    expect(fs.writes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fs.writes).toHaveLength(1);
    const saved: unknown = JSON.parse(fs.files.get('/state/desktop-state.json') ?? 'null');
    expect(saved).toEqual({ version: 1, window: { bounds: { ...good.bounds, x: 39 }, maximized: false } });
    // Written to a temporary file first, which then replaced the real one.
    expect(fs.writes[0]).not.toBe('/state/desktop-state.json');
    expect([...fs.files.keys()]).toEqual(['/state/desktop-state.json']);
  });

  it('merges changes and keeps what it loaded', () => {
    const fs = memoryFs();
    const store = createDesktopStateStore({ menuLanguage: 'ru', lastFolder: '/old' }, { filePath: '/s.json', fs });
    store.update({ lastFolder: '/media/usb' });
    store.flush();
    expect(JSON.parse(fs.files.get('/s.json') ?? '{}')).toEqual({ version: 1, menuLanguage: 'ru', lastFolder: '/media/usb' });
    expect(store.current()).toEqual({ menuLanguage: 'ru', lastFolder: '/media/usb' });
  });

  it('flush writes at once and cancels the pending timer; without changes it writes nothing', () => {
    const fs = memoryFs();
    const store = createDesktopStateStore({}, { filePath: '/s.json', fs });
    store.flush();
    expect(fs.writes).toEqual([]);
    store.update({ menuLanguage: 'kk' });
    store.flush();
    expect(fs.writes).toHaveLength(1);
    vi.advanceTimersByTime(10_000);
    expect(fs.writes).toHaveLength(1);
  });

  it('ignores a change that fails validation and keeps the previous value', () => {
    const fs = memoryFs();
    const store = createDesktopStateStore({ lastFolder: '/ok' }, { filePath: '/s.json', fs });
    store.update({ lastFolder: 'relative/folder' });
    expect(store.current()).toEqual({ lastFolder: '/ok' });
  });

  it('logs a failed write instead of throwing', () => {
    const fs = memoryFs();
    fs.writeFileSync = () => {
      throw new Error('EROFS');
    };
    const log = vi.fn();
    const store = createDesktopStateStore({}, { filePath: '/s.json', fs, log });
    store.update({ menuLanguage: 'ru' });
    expect(() => store.flush()).not.toThrow();
    expect(log).toHaveBeenCalledWith('[qamqor] could not save the desktop state', expect.any(Error));
  });
});

describe('desktop state on disk', () => {
  let dir = '';
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'qamqor-state-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('round-trips through the real file system and leaves no temporary file', () => {
    const filePath = path.join(dir, 'userData', 'desktop-state.json');
    const fs = { readFileSync, writeFileSync, renameSync, mkdirSync };
    const store = createDesktopStateStore({}, { filePath, fs });
    store.update({ window: good, lastFolder: dir, menuLanguage: 'ru' });
    store.flush();
    expect(readdirSync(path.dirname(filePath))).toEqual(['desktop-state.json']);
    expect(loadDesktopState(filePath, fs)).toEqual({ window: good, lastFolder: dir, menuLanguage: 'ru' });
  });
});
