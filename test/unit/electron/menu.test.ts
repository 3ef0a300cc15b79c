import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS, UI_LANGUAGES, type MenuCommand } from '@shared/ipc';
import { aboutBoxOptions, buildMenuTemplate, routeMenuCommand } from '../../../electron/menu';
import { MENU_LABELS } from '../../../electron/menuLabels';

// The template is plain data: building it must not need the Electron binary.
vi.mock('electron', () => {
  throw new Error('menu.ts must not import electron at runtime');
});

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => {
    const submenu = Array.isArray(item.submenu) ? flatten(item.submenu) : [];
    return [item, ...submenu];
  });
}

function byId(items: readonly MenuItemConstructorOptions[], id: string): MenuItemConstructorOptions {
  const item = flatten(items).find((candidate) => candidate.id === id);
  if (item === undefined) throw new Error(`no menu item ${id}`);
  return item;
}

/** Clicks like Electron does: (menuItem, window, event). */
function click(item: MenuItemConstructorOptions): void {
  const handler = item.click as ((...args: unknown[]) => void) | undefined;
  if (handler === undefined) throw new Error(`menu item ${String(item.id)} has no click`);
  handler({}, undefined, { triggeredByAccelerator: false });
}

describe('application menu', () => {
  it.each(UI_LANGUAGES)('in %s has File, Edit, View and Help with the labels of the catalog', (lang) => {
    const l = MENU_LABELS[lang];
    const template = buildMenuTemplate({ lang, version: '0.1.0', onCommand: vi.fn() });
    expect(template.map((menu) => menu.label)).toEqual([l.file, l.edit, l.view, l.help]);
    expect(byId(template, 'import-bundle').label).toBe(l.importBundle);
    expect(byId(template, 'export').label).toBe(l.export);
    expect(byId(template, 'backup').label).toBe(l.backup);
    expect(byId(template, 'print').label).toBe(l.print);
    expect(byId(template, 'about').label).toBe(l.about);
    expect(byId(template, 'office-profile').label).toBe(l.officeProfile);
    expect(byId(template, 'quit')).toMatchObject({ role: 'quit', label: l.quit });
  });

  it('puts the app commands under File and Help', () => {
    const template = buildMenuTemplate({ lang: 'kk', version: '0.1.0', onCommand: vi.fn() });
    const ids = (menu: string) =>
      flatten([byId(template, menu)])
        .slice(1)
        .map((item) => item.id)
        .filter(Boolean);
    expect(ids('file')).toEqual(['import-bundle', 'export', 'backup', 'print', 'quit']);
    expect(ids('help')).toEqual(['about', 'version', 'office-profile']);
  });

  it('shows the version in the Help menu as an informational line', () => {
    const kk = buildMenuTemplate({ lang: 'kk', version: '1.2.3', onCommand: vi.fn() });
    const ru = buildMenuTemplate({ lang: 'ru', version: '1.2.3', onCommand: vi.fn() });
    expect(byId(kk, 'version')).toMatchObject({ label: 'Нұсқа 1.2.3', enabled: false });
    expect(byId(ru, 'version')).toMatchObject({ label: 'Версия 1.2.3', enabled: false });
  });

  it.each(UI_LANGUAGES)('in %s: clicking each item hands over exactly its own command', (lang) => {
    const onCommand = vi.fn<(command: MenuCommand) => void>();
    const template = buildMenuTemplate({ lang, version: '0.1.0', onCommand });
    for (const command of MENU_COMMANDS) {
      onCommand.mockClear();
      click(byId(template, command));
      expect(onCommand).toHaveBeenCalledExactlyOnceWith(command);
    }
  });

  it('has an item for every command and no command item without one', () => {
    const template = buildMenuTemplate({ lang: 'ru', version: '0.1.0', onCommand: vi.fn() });
    const clickable = flatten(template)
      .filter((item) => item.click !== undefined)
      .map((item) => item.id);
    expect(clickable.sort()).toEqual([...MENU_COMMANDS].sort());
  });

  it('binds the usual shortcuts to opening a bundle and printing', () => {
    const template = buildMenuTemplate({ lang: 'kk', version: '0.1.0', onCommand: vi.fn() });
    expect(byId(template, 'import-bundle').accelerator).toBe('CmdOrCtrl+O');
    expect(byId(template, 'print').accelerator).toBe('CmdOrCtrl+P');
  });

  it('gives every standard (role) item a translated label', () => {
    for (const lang of UI_LANGUAGES) {
      const roles = flatten(buildMenuTemplate({ lang, version: '0.1.0', onCommand: vi.fn() })).filter((item) => item.role);
      expect(roles.length).toBeGreaterThan(5);
      for (const item of roles) expect(item.label?.trim()).toBeTruthy();
    }
  });

  it('offers the developer tools only when asked (unpackaged starts)', () => {
    const officer = buildMenuTemplate({ lang: 'kk', version: '0.1.0', onCommand: vi.fn() });
    expect(flatten(officer).some((item) => item.role === 'toggleDevTools')).toBe(false);
    const developer = buildMenuTemplate({ lang: 'ru', version: '0.1.0', onCommand: vi.fn(), devTools: true });
    expect(byId(developer, 'dev-tools')).toMatchObject({ role: 'toggleDevTools', label: 'Инструменты разработчика' });
  });
});

describe('menu label catalog', () => {
  it('is complete in both languages and Kazakh is not a copy of Russian', () => {
    const keys = Object.keys(MENU_LABELS.kk).sort();
    expect(Object.keys(MENU_LABELS.ru).sort()).toEqual(keys);
    for (const lang of UI_LANGUAGES) {
      for (const [key, value] of Object.entries(MENU_LABELS[lang]) as Array<[string, unknown]>) {
        const text: unknown = typeof value === 'function' ? (value as (v: string) => string)('9.9.9') : value;
        expect(typeof text, `${lang}.${key}`).toBe('string');
        expect(String(text).trim(), `${lang}.${key}`).not.toBe('');
      }
    }
    expect(MENU_LABELS.kk.importBundle).not.toBe(MENU_LABELS.ru.importBundle);
    expect(MENU_LABELS.kk.officeProfile).toBe('Кеңсе профилі');
    expect(MENU_LABELS.ru.officeProfile).toBe('Профиль отдела');
  });
});

describe('About box', () => {
  it('shows the name, the version and the runtime versions in the UI language', () => {
    const versions = { electron: '45.4.1', chrome: '142.0.7444.0', node: '22.20.0' };
    const kk = aboutBoxOptions('kk', { version: '0.1.0', versions });
    expect(kk).toMatchObject({ type: 'info', title: 'Қамқор туралы', message: 'Qamqor (Қамқор) 0.1.0', buttons: ['Жабу'] });
    expect(kk.detail).toContain('Electron 45.4.1, Chromium 142.0.7444.0, Node.js 22.20.0');
    expect(aboutBoxOptions('ru', { version: '0.1.0', versions })).toMatchObject({ title: 'О программе «Қамқор»', buttons: ['Закрыть'] });
  });
});

describe('routeMenuCommand', () => {
  it("answers 'about' natively and sends every other command to the renderer", () => {
    const send = vi.fn<(command: MenuCommand) => void>();
    const showAbout = vi.fn();
    for (const command of MENU_COMMANDS) routeMenuCommand(command, { send, showAbout });
    expect(showAbout).toHaveBeenCalledTimes(1);
    expect(send.mock.calls.map(([command]) => command)).toEqual(MENU_COMMANDS.filter((command) => command !== 'about'));
  });
});
