/**
 * Serves the built renderer from `app://qamqor/` instead of file:// (Electron security checklist 18).
 * A file:// page has the opaque origin "null", may read other local files with extra privileges, and
 * makes "same origin" mean "somewhere on the disk"; a custom standard scheme gives the page one origin
 * of its own that serves nothing but the files of dist/renderer.
 *
 * - `registerAppScheme` must run before the app is ready: it makes `app:` a standard, secure scheme
 *   with the Fetch API (module scripts, the bundle worker, IndexedDB and `fetch` of the app's own files
 *   work as on https). It is NOT registered as CORS-enabled: no other origin may read these files.
 * - `createAppProtocolHandler` answers `protocol.handle`: GET and HEAD only, host `qamqor` only, a path
 *   that stays inside the renderer folder (no "..", no encoded separators, no drive letters), a regular
 *   file, the right MIME type, and the CSP header on every answer (the session's header hook does not
 *   see custom protocols).
 *
 * Like handlers.ts, nothing here imports Electron at runtime: the protocol module and the file system
 * are injected, so the tests run without the binary.
 */
import nodePath from 'node:path';
import { APP_HOST, APP_SCHEME } from './paths';

/** The privileges of `app:`; the names are those of Electron's `CustomScheme.privileges`. */
export const APP_SCHEME_PRIVILEGES = { standard: true, secure: true, supportFetchAPI: true } as const;

export interface CustomSchemeLike {
  readonly scheme: string;
  readonly privileges: typeof APP_SCHEME_PRIVILEGES;
}

/** The parts of Electron's `protocol` module used here. */
export interface ProtocolLike {
  registerSchemesAsPrivileged(schemes: CustomSchemeLike[]): void;
  handle(scheme: string, handler: (request: Request) => Promise<Response>): void;
}

/** The parts of `fs.promises` the handler uses (Electron's fs also reads inside app.asar). */
export interface RendererFs {
  readFile(filePath: string): Promise<Uint8Array>;
  stat(filePath: string): Promise<{ isFile(): boolean }>;
}

/** The path flavour of the platform; tests pass `path.win32` to check Windows paths on Linux. */
export type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'extname' | 'sep'>;

export interface AppProtocolDeps {
  /** Absolute path of dist/renderer. */
  readonly rendererDir: string;
  readonly fs: RendererFs;
  /** The policy for the response header (shared/csp.ts through electron/security.ts). */
  readonly csp: string;
  readonly path?: PathApi | undefined;
  readonly log?: ((message: string, detail?: unknown) => void) | undefined;
}

/** Call once, before `app` is ready. */
export function registerAppScheme(protocol: Pick<ProtocolLike, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
}

/** MIME types of what vite puts into dist/renderer; anything else is served as opaque bytes. */
const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
  '.bcmap': 'application/octet-stream',
};

export function mimeTypeOf(filePath: string, pathApi: PathApi = nodePath): string {
  return MIME_TYPES[pathApi.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Encoded "/", "\" and NUL: decoding them after the URL parser has resolved ".." would smuggle a separator in. */
const ENCODED_FORBIDDEN = /%(?:2f|5c|00)/iu;
/** A path segment that could leave the folder or name a drive or an alternate data stream on Windows. */
const FORBIDDEN_SEGMENT = /^\.{1,2}$|[:\\\0]/u;

/**
 * The file under `rendererDir` an `app://qamqor/...` URL names, or null when the URL is not the app's
 * or would leave the folder. "/" is index.html. The WHATWG parser has already resolved "..", "%2e%2e"
 * and friends; what remains is refused rather than trusted.
 */
export function resolveAppFile(url: string, rendererDir: string, pathApi: PathApi = nodePath): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname.toLowerCase() !== APP_HOST) return null;
  if (parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return null;
  if (ENCODED_FORBIDDEN.test(parsed.pathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const segments = decoded === '/' || decoded === '' ? ['index.html'] : decoded.replace(/^\/+/u, '').split('/');
  if (segments.some((segment) => segment === '' || FORBIDDEN_SEGMENT.test(segment))) return null;
  const root = pathApi.resolve(rendererDir);
  const full = pathApi.resolve(root, ...segments);
  const relative = pathApi.relative(root, full);
  if (relative === '' || relative.startsWith('..') || pathApi.isAbsolute(relative)) return null;
  return full;
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** The `protocol.handle` handler for `app:`. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  const pathApi = deps.path ?? nodePath;
  const baseHeaders = {
    'Content-Security-Policy': deps.csp,
    'X-Content-Type-Options': 'nosniff',
    // An update replaces the files under the same names (index.html): never answer from a stale cache.
    'Cache-Control': 'no-cache',
  };
  const plain = (status: number, text: string, extra: Record<string, string> = {}): Response =>
    new Response(text, { status, headers: { ...baseHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...extra } });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'method not allowed', { Allow: 'GET, HEAD' });
    const filePath = resolveAppFile(request.url, deps.rendererDir, pathApi);
    if (filePath === null) return plain(400, 'bad path');
    let data: Uint8Array;
    try {
      if (!(await deps.fs.stat(filePath)).isFile()) return plain(404, 'not found');
      data = await deps.fs.readFile(filePath);
    } catch (error) {
      const code = errorCode(error);
      if (code === 'ENOENT' || code === 'ENOTDIR') return plain(404, 'not found');
      deps.log?.('[qamqor] could not serve an app file', {
        url: request.url,
        error: error instanceof Error ? error.message : String(error),
      });
      return plain(500, 'read error');
    }
    const headers = { ...baseHeaders, 'Content-Type': mimeTypeOf(filePath, pathApi), 'Content-Length': String(data.byteLength) };
    // A copy over an ArrayBuffer of its own: a Buffer from fs may be a view into a larger pool.
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(data), { status: 200, headers });
  };
}

/** Call once the app is ready: serves `app://qamqor/` from the renderer folder. */
export function installAppProtocol(protocol: Pick<ProtocolLike, 'handle'>, deps: AppProtocolDeps): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(deps));
}
