import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS } from '../../renderer/src/i18n';

type Catalog = { [key: string]: string | Catalog };

function flatten(c: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(c)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.(ts|tsx)$/u.test(name) && !/\.test\./u.test(name) ? [p] : [];
  });
}

const kk = flatten(CATALOGS.kk);
const ru = flatten(CATALOGS.ru);

describe('message catalogs', () => {
  it('Kazakh and Russian have exactly the same keys', () => {
    expect([...kk.keys()].filter((k) => !ru.has(k))).toEqual([]);
    expect([...ru.keys()].filter((k) => !kk.has(k))).toEqual([]);
  });

  it('no message is empty', () => {
    expect([...kk, ...ru].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('every literal key used in the renderer and in shared validation messages exists', () => {
    const files = [...sourceFiles('renderer/src'), ...sourceFiles('shared')];
    const used = new Set<string>();
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/gu)) if (m[1]) used.add(m[1]);
      // zod messages in shared/ are i18n keys
      for (const m of text.matchAll(/'(validation\.[a-zA-Z0-9_.-]+)'/gu)) if (m[1]) used.add(m[1]);
    }
    const missing = [...used].filter((k) => !kk.has(k) && !k.endsWith('.'));
    expect(missing).toEqual([]);
    expect(used.size).toBeGreaterThan(50);
  });
});
