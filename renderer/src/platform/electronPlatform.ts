import type { QamqorBridge } from '../../../shared/ipc';
import type { Platform } from './platform';

export function electronPlatform(bridge: QamqorBridge): Platform {
  return {
    kind: 'electron',
    saveFile: (request) => bridge.saveFile(request),
    openFile: (request) => bridge.openFile(request),
    print: (request) => bridge.printToPdf(request),
    appInfo: () => bridge.appInfo(),
    setMenuLanguage: (lang) => bridge.setMenuLanguage(lang),
    onFileOpened: (handler) => bridge.onFileOpened(handler),
    onMenuCommand: (handler) => bridge.onMenuCommand(handler),
  };
}
