/**
 * The application menu, in the language the renderer last reported. Each app item names one
 * `MenuCommand`; clicking it hands the command to `onCommand`, which main.ts routes to the renderer
 * over `IPC_EVENTS.menuCommand` (or, for 'about', to a native box). Standard editing and zoom items use
 * Electron's roles with translated labels.
 *
 * No runtime Electron import: the template is plain data, testable without the binary.
 */
import type { MenuItemConstructorOptions, MessageBoxOptions } from 'electron';
import type { MenuCommand, UiLanguage } from '@shared/ipc';
import { MENU_LABELS } from './menuLabels';

export interface MenuContext {
  readonly lang: UiLanguage;
  /** The app version, shown in the Help menu. */
  readonly version: string;
  /** Offer the developer tools (unpackaged starts only: officers never need them). */
  readonly devTools?: boolean;
  readonly onCommand: (command: MenuCommand) => void;
}

function commandItem(
  command: MenuCommand,
  label: string,
  onCommand: (command: MenuCommand) => void,
  accelerator?: string,
): MenuItemConstructorOptions {
  return {
    id: command,
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => {
      onCommand(command);
    },
  };
}

export function buildMenuTemplate({ lang, version, onCommand, devTools = false }: MenuContext): MenuItemConstructorOptions[] {
  const l = MENU_LABELS[lang];
  return [
    {
      id: 'file',
      label: l.file,
      submenu: [
        commandItem('import-bundle', l.importBundle, onCommand, 'CmdOrCtrl+O'),
        commandItem('export', l.export, onCommand),
        commandItem('backup', l.backup, onCommand),
        { type: 'separator' },
        commandItem('print', l.print, onCommand, 'CmdOrCtrl+P'),
        { type: 'separator' },
        { id: 'quit', role: 'quit', label: l.quit },
      ],
    },
    {
      id: 'edit',
      label: l.edit,
      submenu: [
        { role: 'undo', label: l.undo },
        { role: 'redo', label: l.redo },
        { type: 'separator' },
        { role: 'cut', label: l.cut },
        { role: 'copy', label: l.copy },
        { role: 'paste', label: l.paste },
        { role: 'selectAll', label: l.selectAll },
      ],
    },
    {
      id: 'view',
      label: l.view,
      submenu: [
        { role: 'zoomIn', label: l.zoomIn },
        { role: 'zoomOut', label: l.zoomOut },
        { role: 'resetZoom', label: l.resetZoom },
        { type: 'separator' },
        { role: 'togglefullscreen', label: l.fullScreen },
        ...(devTools ? ([{ type: 'separator' }, { id: 'dev-tools', role: 'toggleDevTools', label: l.devTools }] as const) : []),
      ],
    },
    {
      id: 'help',
      label: l.help,
      submenu: [
        commandItem('about', l.about, onCommand),
        // Informational line: the version at a glance, without opening anything.
        { id: 'version', label: l.version(version), enabled: false },
        { type: 'separator' },
        commandItem('office-profile', l.officeProfile, onCommand),
      ],
    },
  ];
}

export interface AboutInfo {
  readonly version: string;
  readonly versions: { readonly electron?: string | undefined; readonly chrome?: string | undefined; readonly node?: string | undefined };
}

/** The native About box: name, version, and the runtime versions support staff ask for. */
export function aboutBoxOptions(lang: UiLanguage, info: AboutInfo): MessageBoxOptions {
  const l = MENU_LABELS[lang];
  const runtime = [
    info.versions.electron === undefined ? null : `Electron ${info.versions.electron}`,
    info.versions.chrome === undefined ? null : `Chromium ${info.versions.chrome}`,
    info.versions.node === undefined ? null : `Node.js ${info.versions.node}`,
  ].filter((part): part is string => part !== null);
  return {
    type: 'info',
    title: l.aboutTitle,
    message: `Qamqor (Қамқор) ${info.version}`,
    detail: [l.aboutDescription, runtime.join(', ')].filter((line) => line !== '').join('\n\n'),
    buttons: [l.close],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
}

export interface CommandRouting {
  /** Sends a command to the renderer. */
  readonly send: (command: MenuCommand) => void;
  /** Shows the native About box. */
  readonly showAbout: () => void;
}

/** 'about' is answered natively; every other command is the renderer's to carry out. */
export function routeMenuCommand(command: MenuCommand, routing: CommandRouting): void {
  if (command === 'about') routing.showAbout();
  else routing.send(command);
}
