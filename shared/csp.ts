/**
 * The one Content-Security-Policy of the app (Electron security checklist 7). It reaches the page two
 * ways, and both are built here so they cannot drift apart:
 * - as a response header: the Electron main process sets it on every response of its `app://` protocol
 *   and of the session (electron/security.ts);
 * - as a `<meta http-equiv>` tag in the built index.html (renderer/vite.config.ts), for the browser
 *   build, which any static server may serve without our header.
 *
 * A meta tag cannot carry every directive: `frame-ancestors` (like `report-uri` and `sandbox`) is
 * ignored there and makes Chromium log a warning, so the meta policy is the header policy without the
 * header-only directives. test/unit/electron/csp.test.ts checks that the two agree.
 */

export type CspDelivery = 'header' | 'meta';

export interface CspDirective {
  readonly name: string;
  readonly sources: readonly string[];
  /** True for directives a `<meta>` policy may not carry (CSP3 §3.3: frame-ancestors, report-uri, sandbox). */
  readonly headerOnly: boolean;
}

/** The production policy: nothing beyond the app's own files, inline styles, and Blob/data URLs the app makes itself. */
export const CSP_DIRECTIVES: readonly CspDirective[] = [
  { name: 'default-src', sources: ["'self'"], headerOnly: false },
  { name: 'script-src', sources: ["'self'"], headerOnly: false },
  { name: 'object-src', sources: ["'none'"], headerOnly: false },
  { name: 'base-uri', sources: ["'none'"], headerOnly: false },
  { name: 'frame-ancestors', sources: ["'none'"], headerOnly: true },
  // The bundle worker is a module script of the app itself; blob: for libraries that start workers from code.
  { name: 'worker-src', sources: ["'self'", 'blob:'], headerOnly: false },
  { name: 'img-src', sources: ["'self'", 'data:', 'blob:'], headerOnly: false },
  { name: 'style-src', sources: ["'self'", "'unsafe-inline'"], headerOnly: false },
  // Attachments and bundles are handled as Blob/data URLs inside the app; no network origin is allowed.
  { name: 'connect-src', sources: ["'self'", 'blob:', 'data:'], headerOnly: false },
];

export interface CspOptions {
  readonly delivery: CspDelivery;
  /**
   * Development only: the vite dev server's origin (http://localhost:5173). Its scripts and its hot
   * reload websocket are then allowed as well.
   */
  readonly devServerOrigin?: string | undefined;
}

/** The directives for one delivery, in the order of CSP_DIRECTIVES, with the dev server added when given. */
export function cspDirectives(options: CspOptions): CspDirective[] {
  const dev = options.devServerOrigin;
  return CSP_DIRECTIVES.filter((directive) => options.delivery === 'header' || !directive.headerOnly).map((directive) => {
    if (dev === undefined) return directive;
    if (directive.name === 'script-src') return { ...directive, sources: [...directive.sources, dev] };
    if (directive.name === 'connect-src') return { ...directive, sources: [...directive.sources, dev, dev.replace(/^http/u, 'ws')] };
    return directive;
  });
}

/** The policy as the text of a header or a meta tag's `content`. */
export function contentSecurityPolicy(options: CspOptions): string {
  return cspDirectives(options)
    .map((directive) => `${directive.name} ${directive.sources.join(' ')}`)
    .join('; ');
}

/**
 * Reads a policy back into its directives (name → sources), for comparing two policies whatever
 * their spacing. A repeated directive keeps its first occurrence, as browsers do.
 */
export function parseCsp(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/u);
    if (name === undefined || name === '') continue;
    const key = name.toLowerCase();
    if (!directives.has(key)) directives.set(key, sources);
  }
  return directives;
}
