/**
 * Hardening that applies to every window and session, following Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security). Numbers in comments refer to its items.
 */
import type { App, Session, WebContents, WebPreferences } from 'electron';
import { contentSecurityPolicy } from '@shared/csp';
import { isAppUrl, type AppOrigin } from './paths';

/**
 * Checklist 2-4 and 6: no Node in the renderer, isolated preload world, OS sandbox, web security on.
 * The preload is the only bridge and it exposes a fixed set of calls and subscriptions (shared/ipc.ts).
 */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    // Checklist 8: never mix http content into the app.
    allowRunningInsecureContent: false,
    // Checklist 12: no <webview>; a webview would be a second, unhardened renderer.
    webviewTag: false,
    preload: preloadPath,
  };
}

/**
 * Checklist 7: a Content-Security-Policy, the header form of the one policy in shared/csp.ts (the meta
 * tag of the built index.html is its other form). In development the vite dev server origin and its
 * HMR websocket are the only additions; production allows nothing beyond the app's own files.
 */
export function buildCsp(origin: AppOrigin): string {
  return contentSecurityPolicy({ delivery: 'header', devServerOrigin: origin.kind === 'dev' ? origin.origin : undefined });
}

/**
 * Adds our policy to the response headers. A policy the server already sent is kept next to ours:
 * the browser enforces every policy, so keeping it can only make the result stricter.
 */
export function withCspHeader(
  headers: Readonly<Record<string, string | readonly string[]>> | undefined,
  csp: string,
): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const policies: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    const values = typeof value === 'string' ? [value] : [...value];
    if (name.toLowerCase() === 'content-security-policy') policies.push(...values);
    else result[name] = values;
  }
  result['Content-Security-Policy'] = [...policies, csp];
  return result;
}

/**
 * Session-wide rules: the CSP header on every response (checklist 7) and a refusal of every
 * permission request and check (checklist 5): the app needs no camera, location, notifications etc.
 */
export function installSessionSecurity(ses: Session, origin: AppOrigin): void {
  const csp = buildCsp(origin);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders, csp) });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => {
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
}

/**
 * Per-contents rules: checklist 13 (limit navigation to the app itself), 14 (no new windows; links are
 * never handed to shell.openExternal, checklist 15) and 12 (no webview attachment).
 */
export function hardenWebContents(contents: WebContents, origin: AppOrigin): void {
  const guardNavigation = (event: { readonly url: string; preventDefault(): void }): void => {
    if (!isAppUrl(event.url, origin)) event.preventDefault();
  };
  contents.on('will-navigate', guardNavigation);
  contents.on('will-redirect', guardNavigation);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
}

/**
 * Applies `hardenWebContents` to every contents the app ever creates (devtools, stray popups, anything
 * a library might open), not only to the main window (checklist 12-14).
 */
export function installWebContentsGuard(app: App, origin: AppOrigin): void {
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, origin);
  });
}
