/**
 * Where the app's own code lives and which URLs count as "the app". Every trust decision in the main
 * process (navigation, IPC senders, CSP in development) goes through `isAppUrl`, so it is kept pure
 * and free of Electron imports to be testable on its own.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The app's own origin. In production the renderer is a set of files on disk, and a file:// URL has
 * the opaque origin "null", so "same origin" is expressed as "inside the built renderer folder".
 */
export type AppOrigin = { readonly kind: 'file'; readonly rendererDirUrl: string } | { readonly kind: 'dev'; readonly origin: string };

export interface AppLocation {
  readonly origin: AppOrigin;
  /** Absolute path of the bundled, sandbox-compatible preload (dist-electron/preload.cjs). */
  readonly preloadPath: string;
  /** Absolute path of the built renderer entry (dist/renderer/index.html). */
  readonly indexHtmlPath: string;
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
  const indexHtmlPath = path.join(rendererDir, 'index.html');
  const iconPath = path.join(input.appPath, 'resources', 'icons', 'png', '256x256.png');
  // A packaged build never talks to a dev server, whatever the environment says.
  const dev = input.isPackaged ? null : parseDevServerUrl(input.devServerUrl);
  if (dev !== null) {
    return { origin: { kind: 'dev', origin: dev.origin }, preloadPath, indexHtmlPath, devServerUrl: dev.href, iconPath };
  }
  const dirUrl = pathToFileURL(rendererDir + path.sep).href;
  return {
    origin: { kind: 'file', rendererDirUrl: dirUrl.endsWith('/') ? dirUrl : `${dirUrl}/` },
    preloadPath,
    indexHtmlPath,
    devServerUrl: null,
    iconPath,
  };
}

/** Windows paths are case-insensitive and Chromium may spell the drive letter differently. */
const WINDOWS_DRIVE_PATH = /^\/[a-z]:\//iu;
/** An encoded separator could smuggle "../" past the prefix check once something decodes it. */
const ENCODED_SEPARATOR = /%(?:2f|5c)/iu;

function canonicalPath(pathname: string, caseInsensitive: boolean): string {
  const upperEscapes = pathname.replace(/%[0-9a-f]{2}/giu, (escape) => escape.toUpperCase());
  return caseInsensitive ? upperEscapes.toLowerCase() : upperEscapes;
}

/**
 * True when `url` belongs to the app: same origin as the dev server, or a file inside the built
 * renderer folder. The WHATWG parser has already resolved "..", "%2e%2e" and backslashes by the time we
 * compare, so a prefix check on the pathname is sound once encoded separators are refused.
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
  const dir = new URL(appOrigin.rendererDirUrl);
  if (parsed.protocol !== 'file:' || parsed.host !== dir.host) return false;
  if (ENCODED_SEPARATOR.test(parsed.pathname)) return false;
  const caseInsensitive = WINDOWS_DRIVE_PATH.test(dir.pathname);
  return canonicalPath(parsed.pathname, caseInsensitive).startsWith(canonicalPath(dir.pathname, caseInsensitive));
}
