/**
 * One Content-Security-Policy (shared/csp.ts), two deliveries: the header of the Electron main process
 * (session hook and app:// protocol) and the meta tag of the built index.html (renderer/vite.config.ts).
 * They must say the same, except for the directives a meta tag cannot carry.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin, UserConfig } from 'vite';
import { describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy, CSP_DIRECTIVES, cspDirectives, parseCsp } from '@shared/csp';
import { createAppProtocolHandler } from '../../../electron/protocol';
import { buildCsp, installSessionSecurity } from '../../../electron/security';
import viteConfig from '../../../renderer/vite.config';
import { FakeSession } from '../../support/fake-electron';

vi.mock('electron', () => ({}));

const root = fileURLToPath(new URL('../../..', import.meta.url));
const HEADER_ONLY = CSP_DIRECTIVES.filter((directive) => directive.headerOnly).map((directive) => directive.name);

/** The policy the renderer build writes into index.html, asked of the vite plugin itself. */
async function metaPolicyFromVitePlugin(): Promise<string> {
  const config: UserConfig = viteConfig;
  const plugin = (config.plugins ?? [])
    .flat()
    .find((entry): entry is Plugin => typeof entry === 'object' && entry !== null && 'name' in entry && entry.name === 'qamqor-csp-meta');
  if (plugin === undefined) throw new Error('the qamqor-csp-meta plugin is missing from renderer/vite.config.ts');
  expect(plugin.apply).toBe('build');
  const hook = plugin.transformIndexHtml;
  const transform = typeof hook === 'function' ? hook : hook?.handler;
  if (transform === undefined) throw new Error('qamqor-csp-meta has no transformIndexHtml');
  const context = { path: '/index.html', filename: path.join(root, 'renderer', 'index.html') } as IndexHtmlTransformContext;
  const result = await transform.call({} as never, '<html><head></head></html>', context);
  const tags: HtmlTagDescriptor[] = Array.isArray(result) ? result : [];
  const metas = tags.filter((tag) => tag.tag === 'meta' && tag.attrs?.['http-equiv'] === 'Content-Security-Policy');
  expect(metas).toHaveLength(1);
  const content = metas[0]?.attrs?.['content'];
  if (typeof content !== 'string') throw new Error('the CSP meta tag has no content');
  return content;
}

/** The header policy without the directives a meta tag may not carry. */
function withoutHeaderOnly(policy: string): Map<string, string[]> {
  const directives = parseCsp(policy);
  for (const name of HEADER_ONLY) directives.delete(name);
  return directives;
}

describe('one Content-Security-Policy', () => {
  it('the header of the main process is the header form of shared/csp.ts', () => {
    expect(buildCsp({ kind: 'app' })).toBe(contentSecurityPolicy({ delivery: 'header' }));
  });

  it('the meta tag of the build agrees with the header, directive by directive, minus frame-ancestors', async () => {
    const meta = await metaPolicyFromVitePlugin();
    const header = buildCsp({ kind: 'app' });
    expect(parseCsp(meta)).toEqual(withoutHeaderOnly(header));
    expect(HEADER_ONLY).toEqual(['frame-ancestors']);
    expect(parseCsp(meta).has('frame-ancestors')).toBe(false);
    expect(parseCsp(header).get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('the session hook and the app:// protocol send the same header', async () => {
    const csp = buildCsp({ kind: 'app' });
    const session = new FakeSession();
    installSessionSecurity(session as unknown as Electron.Session, { kind: 'app' });
    expect(session.respond({ url: 'app://qamqor/index.html' }).responseHeaders?.['Content-Security-Policy']).toEqual([csp]);
    const serve = createAppProtocolHandler({
      rendererDir: path.join(root, 'renderer'),
      fs: { stat: () => Promise.resolve({ isFile: () => true }), readFile: () => Promise.resolve(new Uint8Array([60])) },
      csp,
    });
    expect((await serve(new Request('app://qamqor/index.html'))).headers.get('Content-Security-Policy')).toBe(csp);
  });

  it('allows no unsafe script source, no remote origin and no plugins in production', () => {
    const policy = parseCsp(contentSecurityPolicy({ delivery: 'header' }));
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      for (const source of sources) expect(source, name).not.toMatch(/^(https?:|wss?:|\*)|unsafe-eval/u);
    }
  });

  it('in development adds only the dev server and its websocket', () => {
    const dev = parseCsp(contentSecurityPolicy({ delivery: 'header', devServerOrigin: 'http://localhost:5173' }));
    const production = parseCsp(contentSecurityPolicy({ delivery: 'header' }));
    expect(dev.get('script-src')).toEqual(["'self'", 'http://localhost:5173']);
    expect(dev.get('connect-src')).toEqual(["'self'", 'blob:', 'data:', 'http://localhost:5173', 'ws://localhost:5173']);
    for (const name of production.keys()) {
      if (name !== 'script-src' && name !== 'connect-src') expect(dev.get(name), name).toEqual(production.get(name));
    }
    expect(cspDirectives({ delivery: 'meta' }).map((directive) => directive.name)).not.toContain('frame-ancestors');
  });

  it('parseCsp reads a policy whatever its spacing and keeps the first of a repeated directive', () => {
    expect(parseCsp("  default-src 'self' ;script-src   'none';; default-src *")).toEqual(
      new Map([
        ['default-src', ["'self'"]],
        ['script-src', ["'none'"]],
      ]),
    );
  });

  // The built file, when there is one (npm run build / npm start): what the page really gets.
  const builtIndex = path.join(root, 'dist', 'renderer', 'index.html');
  const built = existsSync(builtIndex);
  if (!built) console.info(`[csp.test] ${builtIndex} is not built; the built meta tag is not compared (the plugin's output is).`);
  it.runIf(built)('the meta tag in dist/renderer/index.html agrees with the header', () => {
    const html = readFileSync(builtIndex, 'utf8');
    const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/u.exec(html);
    expect(match).not.toBeNull();
    const meta = (match?.[1] ?? '').replaceAll('&#39;', "'").replaceAll('&quot;', '"').replaceAll('&amp;', '&');
    expect(parseCsp(meta)).toEqual(withoutHeaderOnly(buildCsp({ kind: 'app' })));
  });
});
