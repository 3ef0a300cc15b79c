/**
 * Issue 14 C10-C11: keys that would change a prototype are refused by name (never stripped), and the
 * manifest is capped on its declared size before anything is inflated.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { decodeBundle, encodeBundle, generateOfficeKeys, type OfficeKeys } from '@shared/bundle';
import { sha256Hex, utf8 } from '@shared/bundle/bytes';
import { FORBIDDEN_KEYS, findForbiddenKey, fromPortable, portableObjectSchema, toPortable } from '@shared/bundle/portable';
import { DEFAULT_LIMITS } from '@shared/bundle/types';
import { OFFICE_TABLES } from '@shared/backup/officeTables';
import { entryText, pack, replaceEntry, resign, unpack } from '../../../support/bundle/hostile';
import { scenario, testTables, type Scenario } from '../../../support/bundle/fixtures';

let keys: OfficeKeys;
let s: Scenario;
let plain: Uint8Array;

beforeAll(async () => {
  keys = await generateOfficeKeys();
  s = await scenario();
  const r = await encodeBundle(s.input, { signingKey: keys, tables: testTables });
  if (!r.ok) throw new Error(r.error.code);
  plain = r.value;
});

/** The bundle with one records part replaced by `json` (sizes and digest updated, manifest re-signed). */
async function withRecordsText(table: string, json: string): Promise<Uint8Array> {
  const path = `records/${table}.json`;
  const data = utf8(json);
  const sha256 = await sha256Hex(data);
  const entries = replaceEntry(unpack(plain), path, data);
  return pack(
    await resign(entries, keys.privateKeyPkcs8, (m) => ({
      ...m,
      parts: (m['parts'] as { path: string }[]).map((p) => (p.path === path ? { ...p, size: data.length, sha256 } : p)),
    })),
  );
}

describe('forbidden keys', () => {
  for (const key of FORBIDDEN_KEYS) {
    it(`a "${key}" key inside a record is refused with the record and the field named`, async () => {
      const text = entryText(unpack(plain), 'records/persons.json');
      // Into the first person's version vector (a map): JSON.parse keeps it as an own key.
      const tampered = text.replace('"version":{', `"version":{${JSON.stringify(key)}:{"x":1},`);
      expect(tampered).not.toBe(text);
      const r = await decodeBundle(await withRecordsText('persons', tampered), { tables: testTables });
      if (!r.ok) throw new Error(r.error.code);
      const first = s.persons[0];
      expect(r.value.rejected).toEqual([{ table: 'persons', index: 0, id: first?.id, errors: [`version.${key}: bundle.forbiddenKey`] }]);
      expect(r.value.tables['persons']?.map((p) => p.id)).not.toContain(first?.id);
    });
  }

  it('the portable form refuses them on both sides and keeps bytes exact', () => {
    const row = JSON.parse('{"key":"a","value":{"list":[{"__proto__":{"admin":true}}]}}') as unknown;
    expect(findForbiddenKey(row)).toBe('value.list[0].__proto__');
    expect(portableObjectSchema.safeParse(row).success).toBe(false);
    const bytes = new Uint8Array([0, 1, 2, 255]);
    const stored = { key: 'officeSigningKeys', value: { publicKey: bytes, nested: [bytes] } };
    expect(fromPortable(toPortable(stored))).toEqual(stored);
    expect(() => toPortable({ value: new Date() })).toThrow(/not a plain object/u);
  });

  it('a damaged office-table row refuses the whole backup as damaged, naming table, row and field', async () => {
    const r = await encodeBundle(
      { ...s.input, officeTables: { settings: [{ key: 'a', value: 1 }] } },
      { signingKey: keys, tables: testTables },
    );
    if (!r.ok) throw new Error(r.error.code);
    const path = 'office/settings.json';
    const data = utf8('[{"key":"a","value":{"constructor":{"prototype":1}}}]');
    const sha256 = await sha256Hex(data);
    const bundle = pack(
      await resign(replaceEntry(unpack(r.value), path, data), keys.privateKeyPkcs8, (m) => ({
        ...m,
        parts: (m['parts'] as { path: string }[]).map((p) => (p.path === path ? { ...p, size: data.length, sha256 } : p)),
      })),
    );
    const decoded = await decodeBundle(bundle, { tables: testTables, officeTables: OFFICE_TABLES });
    expect(decoded).toMatchObject({ ok: false, error: { code: 'corrupt', entry: path } });
    expect(decoded.ok ? '' : decoded.error.detail).toBe('settings[0].value.constructor: forbidden key');
  });
});

describe('size caps before work', () => {
  it('refuses a highly compressible oversized manifest in well under a second, without inflating it', async () => {
    // 12 MB of JSON from a 4-letter alphabet: about 4:1, under the ratio limit, so only the cap stops it.
    const size = 12 * 1024 * 1024;
    const text = new Uint8Array(size);
    let x = 12345;
    for (let i = 0; i < size; i += 1) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      text[i] = 97 + ((x >> 16) % 4);
    }
    text.set(utf8('{"format":"qamqor-bundle","formatVersion":1,"pad":"'));
    text.set(utf8('"}'), size - 2);
    expect(size).toBeGreaterThan(DEFAULT_LIMITS.maxManifestBytes);
    const entries = unpack(plain).filter((e) => e.name !== 'manifest.json');
    const deflated = deflateSync(text, { level: 1 });
    expect(size / deflated.length).toBeLessThan(DEFAULT_LIMITS.maxCompressionRatio);
    const bundle = pack([{ name: 'manifest.json', data: text }, ...entries]);
    const memoryBefore = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    const r = await decodeBundle(bundle, { tables: testTables });
    const took = performance.now() - started;
    const grew = process.memoryUsage().arrayBuffers - memoryBefore;
    expect(r).toMatchObject({ ok: false, error: { code: 'too-large', entry: 'manifest.json' } });
    expect(took).toBeLessThan(250);
    // Nothing near the manifest's 12 MB was allocated to refuse it.
    expect(grew).toBeLessThan(4 * 1024 * 1024);
  });
});
