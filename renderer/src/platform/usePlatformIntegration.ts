import { useEffect, useRef } from 'react';
import { UI_LANGUAGES } from '@shared/ipc';
import type { MenuCommand, OpenedFile, Platform, UiLanguage } from './platform';

export interface PlatformHandlers {
  /** Called for every command of the native menu ('about' never comes: Electron answers it itself). */
  onMenuCommand?: (command: MenuCommand) => void;
  /**
   * Called with each bundle opened from the file manager. Subscribe only where the bundle can be shown:
   * a file that arrives before anyone subscribed waits for the first subscriber.
   */
  onFileOpened?: (file: OpenedFile) => void;
}

function isUiLanguage(language: string): language is UiLanguage {
  return (UI_LANGUAGES as readonly string[]).includes(language);
}

/**
 * Mounted once in the app shell: keeps the native menu in the UI language and routes the menu's
 * commands and double-clicked bundles to the given handlers. The handlers may change on every render;
 * the subscriptions are made once per platform.
 */
export function usePlatformIntegration(platform: Platform, language: string, handlers: PlatformHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  const wantsFiles = handlers.onFileOpened !== undefined;

  useEffect(() => {
    if (!isUiLanguage(language)) return;
    platform.setMenuLanguage(language).then(
      (result) => {
        if (!result.ok) console.warn('[qamqor] menu language not set', result.error);
      },
      (error: unknown) => console.warn('[qamqor] menu language not set', error),
    );
  }, [platform, language]);

  useEffect(() => platform.onMenuCommand((command) => latest.current.onMenuCommand?.(command)), [platform]);

  useEffect(() => {
    if (!wantsFiles) return undefined;
    return platform.onFileOpened((file) => latest.current.onFileOpened?.(file));
  }, [platform, wantsFiles]);
}

/**
 * One menu command handled by a component while it is mounted, e.g. File → Print in the print
 * preview: `useMenuCommand(platform, 'print', () => void print())`.
 */
export function useMenuCommand(platform: Platform, command: MenuCommand, handler: () => void): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(
    () =>
      platform.onMenuCommand((received) => {
        if (received === command) latest.current();
      }),
    [platform, command],
  );
}
