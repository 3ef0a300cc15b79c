/**
 * Where the app's own code lives and which URLs count as "the app". Every trust decision in the main
 * process (navigation, IPC senders, CSP in development) goes through `isAppUrl`, so it is kept pure
 * and free of Electron imports to be testable on its own.
 */
import path from 'node:path';

/**
 * The app's own scheme and host (Electron security checklist 18: prefer a custom protocol to file://).
 * The renderer is served from `app://qamqor/` by electron/protocol.ts, so the page has a real origin
 * of its own: 'self' in the CSP, IndexedDB and navigation checks all mean exactly the built renderer.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'qamqor';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** What the window loads in production. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** The app's own origin: the custom protocol in production, the vite dev server in development. */
export type AppOrigin = { readonly kind: 'app' } | { readonly kind: 'dev'; readonly origin: string };

export interface AppLocation {
  readonly origin: AppOrigin;
  /** Absolute path of the bundled, sandbox-compatible preload (dist-electron/preload.cjs). */
  readonly preloadPath: string;
  /** Absolute path of the built renderer folder (dist/renderer): the only files `app://qamqor/` serves. */
  readonly rendererDir: string;
  /** The page the window loads: `app://qamqor/index.html`, or the dev server in development. */
  readonly startUrl: string;
  /** Set only in development: the vite dev server the window loads instead of the files. */
  readonly devServerUrl: string | null;
  /** The window icon shipped with the app (resources/icons/png/256x256.png). */
  readonly iconPath: string;
}

export interface LocationInput {
  /** `app.getAppPath()`: the folder (or asar) holding package.json, dist/ and dist-electron/. */
  readonly appPath: string;
  readonly isPackaged: boolean;
  /** The raw `VITE_DEV_SERVER_URL` environment variable, if any. */
  readonly devServerUrl: string | undefined;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Accepts only an http(s) dev server on the loopback interface. Anything else is ignored, because the
 * page loaded from this URL gets the preload bridge (file dialogs): an environment variable must not be
 * able to hand that bridge to a remote site.
 */
export function parseDevServerUrl(raw: string | undefined): URL | null {
  if (raw === undefined || raw.trim() === '') return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

export function resolveAppLocation(input: LocationInput): AppLocation {
  const preloadPath = path.join(input.appPath, 'dist-electron', 'preload.cjs');
  const rendererDir = path.join(input.appPath, 'dist', 'renderer');
  const iconPath = path.join(input.appPath, 'resources', 'icons', 'png', '256x256.png');
  // A packaged build never talks to a dev server, whatever the environment says.
  const dev = input.isPackaged ? null : parseDevServerUrl(input.devServerUrl);
  if (dev !== null) {
    return { origin: { kind: 'dev', origin: dev.origin }, preloadPath, rendererDir, startUrl: dev.href, devServerUrl: dev.href, iconPath };
  }
  return { origin: { kind: 'app' }, preloadPath, rendererDir, startUrl: APP_START_URL, devServerUrl: null, iconPath };
}

/**
 * True when `url` belongs to the app: same origin as the dev server, or any URL of `app://qamqor`
 * (which serves nothing but the built renderer folder). User info, a port or another host are refused:
 * `app://qamqor@evil/` is the host "evil". Node's URL gives non-special schemes the origin "null", so
 * scheme and host are compared instead of `origin`.
 */
export function isAppUrl(url: string, appOrigin: AppOrigin): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (appOrigin.kind === 'dev') {
    return parsed.origin !== 'null' && parsed.origin === appOrigin.origin;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
