import { browserPlatform } from './browserPlatform';
import { electronPlatform } from './electronPlatform';
import type { Platform } from './platform';

export type {
  BackupDoneOutcome,
  BackupFileInfo,
  BackupListing,
  BackupOnQuitRequest,
  MenuCommand,
  OpenedFile,
  Platform,
  UiLanguage,
  Unsubscribe,
  WrittenBackup,
} from './platform';
export { useMenuCommand, usePlatformIntegration, type PlatformHandlers } from './usePlatformIntegration';

/** Chosen once at start: the preload's bridge when present, the browser otherwise. */
export function detectPlatform(): Platform {
  return window.qamqor ? electronPlatform(window.qamqor) : browserPlatform(__APP_VERSION__);
}
