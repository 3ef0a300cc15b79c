import { browserPlatform } from './browserPlatform';
import { electronPlatform } from './electronPlatform';
import type { Platform } from './platform';

// What features and the shell use; the request and event types stay with the interface (./platform).
export type { BackupFileInfo, Platform } from './platform';
export { useMenuCommand, usePlatformIntegration } from './usePlatformIntegration';

/** Chosen once at start: the preload's bridge when present, the browser otherwise. */
export function detectPlatform(): Platform {
  return window.qamqor ? electronPlatform(window.qamqor) : browserPlatform(__APP_VERSION__);
}
