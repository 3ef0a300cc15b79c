import { MAX_FILE_BYTES, signedAuditHeadSchema, type OpenFileRequest } from '@shared/ipc';
import { err, ok } from '@shared/result';
import type { Platform } from './platform';

/**
 * Where the browser build keeps the signed audit head (issue 19). A page can write no file of its own, so
 * the head goes to localStorage: a store apart from IndexedDB, which survives an edit of the database in
 * the developer tools and a restore into it, but not "clear site data" (that clears both). The head that
 * really leaves the machine in the browser build is the one inside every backup, bundle and exported trail.
 */
const AUDIT_HEAD_STORAGE_KEY = 'qamqor.auditHead';

function acceptAttribute(request: OpenFileRequest): string {
  return request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
}

/** Browser stand-ins for the native dialogs: a Blob download, an `<input type=file>`, `window.print()`. */
export function browserPlatform(appVersion: string): Platform {
  const platform: Platform = {
    kind: 'browser',
    saveFile(request) {
      const blob = new Blob([request.data]);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = request.suggestedName;
      a.style.display = 'none';
      document.body.append(a);
      a.click();
      a.remove();
      // Revoke after the click has been handled; revoking at once can cancel the download in Chromium.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return Promise.resolve(ok({ fileName: request.suggestedName }));
    },
    openFile(request) {
      return new Promise((resolve) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = acceptAttribute(request);
        input.style.display = 'none';
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(err({ code: 'cancelled' }));
        });
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) return resolve(err({ code: 'cancelled' }));
          if (file.size > MAX_FILE_BYTES) return resolve(err({ code: 'too-large' }));
          file
            .arrayBuffer()
            .then((buf) => resolve(ok({ fileName: file.name, data: new Uint8Array(buf) })))
            .catch((e: unknown) => resolve(err({ code: 'io-error', detail: String(e) })));
        });
        document.body.append(input);
        input.click();
      });
    },
    print() {
      window.print();
      return Promise.resolve(ok(null));
    },
    appInfo() {
      return Promise.resolve(ok({ name: 'Qamqor', version: appVersion, platform: 'browser' }));
    },
    // A browser tab has no native menu and is never handed a file by the operating system.
    setMenuLanguage() {
      return Promise.resolve(ok(null));
    },
    onFileOpened() {
      return () => undefined;
    },
    onMenuCommand() {
      return () => undefined;
    },
    // A page may not write where it likes, nor run anything when the tab closes: a backup is a
    // download the officer keeps, and nothing happens on quit.
    backupTarget: 'download',
    async writeBackup(request) {
      const saved = await platform.saveFile({
        suggestedName: request.fileName,
        filters: [{ name: 'Qamqor', extensions: ['qamqor'] }],
        data: request.data,
      });
      return saved.ok ? ok({ fileName: request.fileName, size: request.data.byteLength, folder: '', deleted: [] }) : saved;
    },
    // No backup folder: the list is empty, so a first start offers "restore from a file" only.
    listBackups() {
      return Promise.resolve(ok({ folder: '', files: [] }));
    },
    readBackup() {
      return Promise.resolve(err({ code: 'invalid-argument', detail: 'the browser keeps no backups; open the downloaded file' }));
    },
    onBackupOnQuit() {
      return () => undefined;
    },
    backupDone() {
      return Promise.resolve(ok(null));
    },
    writeAuditHead(head) {
      try {
        window.localStorage.setItem(AUDIT_HEAD_STORAGE_KEY, JSON.stringify(head));
        return Promise.resolve(ok(null));
      } catch (e: unknown) {
        const full = e instanceof DOMException && e.name === 'QuotaExceededError';
        return Promise.resolve(err({ code: full ? 'disk-full' : 'io-error', detail: String(e) }));
      }
    },
    readAuditHead() {
      let text: string | null;
      try {
        text = window.localStorage.getItem(AUDIT_HEAD_STORAGE_KEY);
      } catch (e: unknown) {
        return Promise.resolve(err({ code: 'io-error', detail: String(e) }));
      }
      if (text === null) return Promise.resolve(ok(null));
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        return Promise.resolve(err({ code: 'invalid-argument', detail: 'the stored audit head is not JSON' }));
      }
      const parsed = signedAuditHeadSchema.safeParse(json);
      return Promise.resolve(
        parsed.success ? ok(parsed.data) : err({ code: 'invalid-argument', detail: 'the stored audit head is not a signed head' }),
      );
    },
  };
  return platform;
}
