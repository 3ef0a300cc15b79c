import type { QamqorBridge } from '@shared/ipc';
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
    backupTarget: 'folder',
    writeBackup: (request) => bridge.writeBackup(request),
    listBackups: () => bridge.listBackups(),
    readBackup: (request) => bridge.readBackup(request),
    onBackupOnQuit: (handler) => bridge.onBackupOnQuit(handler),
    backupDone: (request) => bridge.backupDone(request),
    writeAuditHead: (head) => bridge.writeAuditHead({ head }),
    readAuditHead: () => bridge.readAuditHead(),
  };
}
