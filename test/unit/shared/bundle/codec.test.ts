import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson, crc32, toBase64, utf8 } from '@shared/bundle/bytes';
import {
  bundleCodec,
  decodeBundle as productionDecodeBundle,
  encodeBundle as productionEncodeBundle,
  type DecodeBundleOptions,
  type EncodeBundleOptions,
} from '@shared/bundle/codec';
import { fingerprint, generateOfficeKeys, type OfficeKeys } from '@shared/bundle/crypto';
import { coreTables } from '@shared/bundle/tables';
import {
  hex256,
  makeCase,
  makeIin,
  makePerson,
  OFFICE_A,
  OFFICE_B,
  scenario,
  testTables,
  type Scenario,
} from '../../../support/bundle/fixtures';
import { entryText, pack, replaceEntry, resign, unpack, zerosDeflate, type PlainEntry } from '../../../support/bundle/hostile';
import type { BundleError, BundleErrorCode, DecodedBundle } from '@shared/bundle/types';
import type { RawZipEntry } from '@shared/bundle/zip';
import type { Result } from '@shared/result';

const TEST_ITERATIONS = 1_000;
/** The codec with a test KDF floor (the production functions keep 600,000). */
const { encodeBundle, decodeBundle } = bundleCodec({ minPbkdf2Iterations: TEST_ITERATIONS });
const PASS = 'Қамқор-2026 Байқоңыр құпия'; // й decomposes under NFD

let keysA: OfficeKeys;
let keysB: OfficeKeys;
let mallory: OfficeKeys;
let s: Scenario;
/** The scenario's plain bundle from office A, and the same encrypted (cheap test KDF). */
let plain: Uint8Array;
let encrypted: Uint8Array;

async function encode(options: Partial<EncodeBundleOptions> = {}, input = s.input): Promise<Uint8Array> {
  const r = await encodeBundle(input, { signingKey: keysA, tables: testTables, ...options });
  if (!r.ok) throw new Error(`encode failed: ${r.error.code} ${r.error.detail ?? ''}`);
  return r.value;
}

function decode(bytes: Uint8Array, options: Partial<DecodeBundleOptions> = {}): Promise<Result<DecodedBundle, BundleError>> {
  return decodeBundle(bytes, { tables: testTables, ...options });
}

async function expectRefused(bytes: Uint8Array, code: BundleErrorCode, options: Partial<DecodeBundleOptions> = {}): Promise<BundleError> {
  const r = await decode(bytes, options);
  if (r.ok) throw new Error(`expected ${code}, the bundle was accepted`);
  expect(r.error.code, r.error.detail).toBe(code);
  return r.error;
}

async function decoded(bytes: Uint8Array, options: Partial<DecodeBundleOptions> = {}): Promise<DecodedBundle> {
  const r = await decode(bytes, options);
  if (!r.ok) throw new Error(`decode failed: ${r.error.code} ${r.error.detail ?? ''} ${r.error.entry ?? ''}`);
  return r.value;
}

beforeAll(async () => {
  [keysA, keysB, mallory] = await Promise.all([generateOfficeKeys(), generateOfficeKeys(), generateOfficeKeys()]);
  s = await scenario();
  plain = await encode();
  encrypted = await encode({ passphrase: PASS, pbkdf2Iterations: TEST_ITERATIONS });
});

describe('round trip office A → office B', () => {
  async function expectEverythingKept(bundle: DecodedBundle): Promise<void> {
    expect(bundle.rejected).toEqual([]);
    expect(bundle.tables).toEqual({ persons: s.persons, cases: s.cases, documents: s.documents });
    expect(bundle.attachments.size).toBe(3);
    for (const file of s.files) {
      const got = bundle.attachments.get(await hex256(file));
      expect(got).toBeDefined();
      // byte for byte
      expect(got && Array.from(got)).toEqual(Array.from(file));
    }
    // every document finds its attachment
    for (const d of s.documents) expect(bundle.attachments.has(d.digest)).toBe(true);
    expect(bundle.manifest).toMatchObject({
      format: 'qamqor-bundle',
      formatVersion: 1,
      bundleId: s.input.bundleId,
      createdAt: s.input.createdAt,
      appVersion: '0.1.0',
      officer: 'Жанар Омарова',
      office: { id: OFFICE_A.id, code: 'ARAL01', name: OFFICE_A.name },
      counts: { records: { persons: 3, cases: 4, documents: 4 }, attachments: 3 },
    });
  }

  it('a plain bundle keeps every record and every attachment byte for byte; the shared scan is stored once', async () => {
    const bundle = await decoded(plain, {
      knownOffices: [{ publicKey: keysA.publicKey, officeId: OFFICE_A.id, name: 'Арал (тексерілген)' }],
    });
    await expectEverythingKept(bundle);
    expect(bundle.encrypted).toBe(false);
    expect(bundle.sender).toMatchObject({ known: true, officeName: 'Арал (тексерілген)', officeId: OFFICE_A.id, officeCode: 'ARAL01' });
    expect(bundle.sender.fingerprint).toBe(await fingerprint(keysA.publicKey));
    const names = unpack(plain).map((e) => e.name);
    expect(names.filter((n) => n.startsWith('attachments/'))).toHaveLength(3);
  });

  it('an encrypted bundle round-trips too and shows none of its content', async () => {
    const bundle = await decoded(encrypted, { passphrase: PASS });
    await expectEverythingKept(bundle);
    expect(bundle.encrypted).toBe(true);
    const text = new TextDecoder('latin1').decode(encrypted);
    expect(text.startsWith('QAMQOR\u001aE')).toBe(true);
    expect(text).not.toContain('manifest.json');
    expect(text).not.toContain(s.persons[0]?.iin ?? 'x');
  });

  it('the passphrase is normalised (NFC), so a decomposed letter (й) still opens it', async () => {
    const decomposed = PASS.normalize('NFD');
    expect(decomposed).not.toBe(PASS);
    expect((await decode(encrypted, { passphrase: decomposed })).ok).toBe(true);
  });

  it('uses the real 600,000-iteration PBKDF2 by default and the decoder accepts it without test options', async () => {
    const bytes = await encode({ passphrase: PASS });
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(12)).toBe(600_000);
    const r = await decodeBundle(bytes, { tables: testTables, passphrase: PASS });
    expect(r.ok && r.value.tables['persons']).toEqual(s.persons);
  });

  it('an unknown sender is shown with its fingerprint and the name it claims', async () => {
    const bundle = await decoded(plain, { knownOffices: [{ publicKey: keysB.publicKey, officeId: OFFICE_B.id, name: 'Қазалы' }] });
    expect(bundle.sender).toMatchObject({ known: false, officeName: OFFICE_A.name });
    expect(bundle.sender.fingerprint).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/u);
    expect(bundle.sender.fingerprint).not.toBe(await fingerprint(keysB.publicKey));
  });

  it('reports progress per part on both sides, ending at the total', async () => {
    const enc: [number, number][] = [];
    await encode({ onProgress: (d, t) => enc.push([d, t]) });
    const dec: [number, number][] = [];
    await decoded(plain, { onProgress: (d, t) => dec.push([d, t]) });
    // 3 record files + 3 attachments + the final step
    expect(enc[0]).toEqual([0, 7]);
    expect(enc.at(-1)).toEqual([7, 7]);
    expect(dec[0]).toEqual([0, 7]);
    expect(dec.at(-1)).toEqual([7, 7]);
    for (const list of [enc, dec]) for (let i = 1; i < list.length; i += 1) expect(list[i]?.[0]).toBeGreaterThan(list[i - 1]?.[0] ?? -1);
  });

  it('is an ordinary ZIP that other tools can list', () => {
    const files = unzipSync(plain);
    expect(Object.keys(files).sort()).toEqual(
      unpack(plain)
        .map((e) => e.name)
        .sort(),
    );
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json']))).toMatchObject({ format: 'qamqor-bundle' });
  });

  it('the encoder refuses invalid records when given the table schemas, a mismatched key pair and a wrong digest', async () => {
    const badCase = makeCase(9, s.persons[0]?.id ?? '', { registrationDate: '2026-02-30' });
    const invalid = await encodeBundle(
      { ...s.input, tables: { ...s.input.tables, cases: [...s.cases, badCase] } },
      { signingKey: keysA, tables: testTables },
    );
    expect(invalid).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const mixed = await encodeBundle(s.input, { signingKey: { privateKeyPkcs8: keysA.privateKeyPkcs8, publicKey: keysB.publicKey } });
    expect(mixed).toMatchObject({ ok: false, error: { code: 'bad-key' } });
    const digest = await encodeBundle(
      { ...s.input, attachments: [{ bytes: s.files[0] ?? new Uint8Array(), digest: '0'.repeat(64) }] },
      { signingKey: keysA },
    );
    expect(digest).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const weak = await productionEncodeBundle(s.input, { signingKey: keysA, passphrase: PASS, pbkdf2Iterations: 100_000 });
    expect(weak).toMatchObject({ ok: false, error: { code: 'weak-kdf' } });
  });
});

describe('records that fail validation are returned as rejected, with reasons', () => {
  it('wrong types, impossible dates, invalid IINs, unknown tables and repeated ids', async () => {
    const good = makePerson(10, makeIin('700101', 3));
    const wrongTypes = { ...makePerson(11, makeIin('710202', 3)), lastName: 42, version: { [OFFICE_A.id]: '1' } };
    const badIin = makePerson(12, makeIin('720303', 4));
    const badIinRecord = { ...badIin, iin: `${badIin.iin.slice(0, 11)}${(Number(badIin.iin.charAt(11)) + 1) % 10}` };
    const impossible = makeCase(10, good.id, { registrationDate: '2026-02-30' });
    const goodCase = makeCase(11, good.id);
    // The app never sends such records (its encoder validates); a hostile or buggy sender might.
    const bytes = await encode(
      { tables: undefined },
      {
        ...s.input,
        tables: {
          persons: [good, wrongTypes, badIinRecord, good] as unknown as typeof s.persons,
          cases: [impossible, goodCase],
          complaints: [{ ...goodCase, id: '55555555-0000-4000-8000-000000000001' }],
        },
        attachments: [],
      },
    );
    const bundle = await decoded(bytes);
    expect(bundle.tables).toEqual({ persons: [good], cases: [goodCase], complaints: [] });
    const byKey = Object.fromEntries(bundle.rejected.map((r) => [`${r.table}[${r.index}]`, r]));
    expect(Object.keys(byKey).sort()).toEqual(['cases[0]', 'complaints[0]', 'persons[1]', 'persons[2]', 'persons[3]']);
    expect(byKey['persons[1]']?.id).toBe(wrongTypes.id);
    expect(byKey['persons[1]']?.errors.sort()).toEqual([
      'lastName: validation.zod.invalid_type',
      `version.${OFFICE_A.id}: validation.zod.invalid_type`,
    ]);
    expect(byKey['persons[2]']?.errors).toEqual(['iin: validation.iin.checksum']);
    expect(byKey['persons[3]']?.errors).toEqual(['bundle.duplicateId']);
    expect(byKey['cases[0]']?.errors).toEqual(['registrationDate: validation.date']);
    expect(byKey['complaints[0]']?.errors).toEqual(['bundle.unknownTable']);
  });

  it('records that are not even objects are rejected without an id', async () => {
    const bytes = await encode(
      { tables: undefined },
      { ...s.input, tables: { persons: [null, 'x'] as unknown as typeof s.persons }, attachments: [] },
    );
    const bundle = await decoded(bytes);
    expect(bundle.tables['persons']).toEqual([]);
    expect(bundle.rejected).toEqual([
      { table: 'persons', index: 0, errors: [': validation.zod.invalid_type'] },
      { table: 'persons', index: 1, errors: [': validation.zod.invalid_type'] },
    ]);
  });
});

describe('bad files are refused as a whole with a code', () => {
  it('truncated: a plain bundle cut at many points', async () => {
    const n = plain.length;
    for (const cut of [0, 1, 3, 4, 10, 100, Math.floor(n / 3), Math.floor(n / 2), n - 100, n - 22, n - 1]) {
      await expectRefused(plain.slice(0, cut), 'truncated');
    }
  });

  it('truncated: an encrypted bundle cut in its header and in its ciphertext', async () => {
    const n = encrypted.length;
    for (const cut of [5, 9, 40, 67, 68, 200, Math.floor(n / 2), n - 1]) {
      await expectRefused(encrypted.slice(0, cut), 'truncated', { passphrase: PASS });
    }
  });

  it('corrupt: one byte changed in the middle (plain and encrypted)', async () => {
    // The middle of the plain bundle is inside the 150 kB scan.
    const p = plain.slice();
    const mid = Math.floor(p.length / 2);
    p[mid] = (p[mid] ?? 0) ^ 0x5a;
    const e = await expectRefused(p, 'corrupt');
    expect(e.entry).toMatch(/^attachments\//u);
    const c = encrypted.slice();
    const cm = Math.floor(c.length / 2);
    c[cm] = (c[cm] ?? 0) ^ 0x01;
    await expectRefused(c, 'corrupt', { passphrase: PASS });
  });

  it('digest-mismatch: a record changed inside the ZIP with the manifest untouched', async () => {
    const entries = unpack(plain);
    const persons = entryText(entries, 'records/persons.json');
    const tampered = persons.replace('"Сейтқали1"', '"Сейтқали9"');
    expect(tampered).not.toBe(persons);
    expect(utf8(tampered).length).toBe(utf8(persons).length);
    const e = await expectRefused(pack(replaceEntry(entries, 'records/persons.json', utf8(tampered))), 'digest-mismatch');
    expect(e.entry).toBe('records/persons.json');
  });

  it('digest-mismatch: an attachment swapped', async () => {
    const entries = unpack(plain);
    const name = entries.find((e) => e.name.startsWith('attachments/'))?.name ?? '';
    await expectRefused(pack(replaceEntry(entries, name, utf8('something else'))), 'digest-mismatch');
  });

  it('bad-signature: the manifest changed (office name, then a count), signature kept', async () => {
    const entries = unpack(plain);
    const manifest = entryText(entries, 'manifest.json');
    for (const changed of [manifest.replace(OFFICE_A.name, 'Басқа аудан'), manifest.replace('"persons":3', '"persons":2')]) {
      expect(changed).not.toBe(manifest);
      await expectRefused(pack(replaceEntry(entries, 'manifest.json', utf8(changed))), 'bad-signature');
    }
  });

  it('bad-signature: signed by a key other than the one the manifest carries', async () => {
    const entries = unpack(plain);
    const resigned = await resign(entries, mallory.privateKeyPkcs8, (m) => m);
    await expectRefused(pack(resigned), 'bad-signature');
  });

  it('another key claiming a known office is refused; claiming an unknown office it is shown as unknown', async () => {
    // Mallory puts her own key in the manifest and signs: the signature is valid for her key.
    const forged = pack(
      await resign(unpack(plain), mallory.privateKeyPkcs8, (m) => ({
        ...m,
        office: { ...(m['office'] as object), publicKey: toBase64(mallory.publicKey) },
      })),
    );
    const known = [{ publicKey: keysA.publicKey, officeId: OFFICE_A.id, name: 'Арал' }];
    const e = await expectRefused(forged, 'bad-signature', { knownOffices: known });
    expect(e.detail).toContain('office-key-mismatch');
    const shown = await decoded(forged, { knownOffices: [{ publicKey: keysB.publicKey, officeId: OFFICE_B.id }] });
    expect(shown.sender.known).toBe(false);
    expect(shown.sender.fingerprint).toBe(await fingerprint(mallory.publicKey));
    expect(shown.sender.fingerprint).not.toBe(await fingerprint(keysA.publicKey));
  });

  it('missing-entry: no signature, or a listed part removed', async () => {
    const entries = unpack(plain);
    await expectRefused(pack(entries.filter((e) => e.name !== 'signature.json')), 'missing-entry');
    const att = entries.find((e) => e.name.startsWith('attachments/'))?.name;
    const err = await expectRefused(pack(entries.filter((e) => e.name !== att)), 'missing-entry');
    expect(err.entry).toBe(att);
  });

  it('passphrase-required and wrong-passphrase', async () => {
    await expectRefused(encrypted, 'passphrase-required');
    await expectRefused(encrypted, 'wrong-passphrase', { passphrase: 'қате' });
  });

  it('weak-kdf: the decoder refuses fewer than 600,000 iterations unless a test explicitly allows it, and an attacker cannot lower it', async () => {
    expect(await productionDecodeBundle(encrypted, { tables: testTables, passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'weak-kdf' },
    });
    const lowered = encrypted.slice();
    new DataView(lowered.buffer).setUint32(12, 1);
    await expectRefused(lowered, 'weak-kdf', { passphrase: PASS });
    const huge = encrypted.slice();
    new DataView(huge.buffer).setUint32(12, 0xffffffff);
    await expectRefused(huge, 'weak-kdf', { passphrase: PASS });
  });

  it('the header is authenticated: a changed nonce fails GCM with the right passphrase (corrupt)', async () => {
    const changed = encrypted.slice();
    changed[40] = (changed[40] ?? 0) ^ 1;
    await expectRefused(changed, 'corrupt', { passphrase: PASS });
  });

  it('unknown-version: a newer inner format (signed or not) and a newer encrypted container', async () => {
    const entries = unpack(plain);
    await expectRefused(pack(await resign(entries, keysA.privateKeyPkcs8, (m) => ({ ...m, formatVersion: 3 }))), 'unknown-version');
    const unsigned = entryText(entries, 'manifest.json').replace('"formatVersion":1', '"formatVersion":3');
    await expectRefused(pack(replaceEntry(entries, 'manifest.json', utf8(unsigned))), 'unknown-version');
    const newer = encrypted.slice();
    new DataView(newer.buffer).setUint16(8, 2);
    await expectRefused(newer, 'unknown-version', { passphrase: PASS });
  });

  it('not-a-bundle: other files, other ZIPs, other formats', async () => {
    await expectRefused(utf8('%PDF-1.7\n...'), 'not-a-bundle');
    await expectRefused(utf8('QAMQOR but not really'), 'not-a-bundle');
    await expectRefused(pack([{ name: 'report.docx.xml', data: utf8('<w/>') }]), 'not-a-bundle');
    const entries = unpack(plain);
    const other = entryText(entries, 'manifest.json').replace('"qamqor-bundle"', '"other-app"');
    await expectRefused(pack(replaceEntry(entries, 'manifest.json', utf8(other))), 'not-a-bundle');
  });

  it('too-large: file size, number of entries, total uncompressed size', async () => {
    await expectRefused(plain, 'too-large', { limits: { maxFileBytes: plain.length - 1 } });
    await expectRefused(plain, 'too-large', { limits: { maxEntries: 4 } });
    await expectRefused(plain, 'too-large', { limits: { maxTotalUncompressedBytes: 100_000 } });
    expect((await decode(plain, { limits: { maxFileBytes: plain.length } })).ok).toBe(true);
  });

  it('zip-bomb: 200 MB of zeros declared honestly is refused from the central directory, without inflating', async () => {
    const size = 200 * 1024 * 1024;
    const deflated = zerosDeflate(size);
    expect(deflated.length).toBeLessThan(1_400_000);
    const entries: (PlainEntry | RawZipEntry)[] = [
      ...unpack(plain),
      { name: `attachments/${'0'.repeat(64)}`, method: 8, compressed: deflated, crc: 0, uncompressedSize: size },
    ];
    const t = Date.now();
    await expectRefused(pack(entries), 'zip-bomb');
    expect(Date.now() - t).toBeLessThan(1000);
  });

  it('zip-bomb: an entry that lies about its size is stopped a few MB past what it declared', async () => {
    const bomb = zerosDeflate(200 * 1024 * 1024);
    // As manifest.json itself (read before the signature is checked)…
    const t = Date.now();
    const asManifest = pack([
      { name: 'manifest.json', method: 8, compressed: bomb, crc: 0, uncompressedSize: 5_000 },
      ...unpack(plain).filter((e) => e.name !== 'manifest.json'),
    ]);
    const e1 = await expectRefused(asManifest, 'zip-bomb');
    expect(e1.entry).toBe('manifest.json');
    // …and as a part listed in a validly signed manifest.
    const small = new Uint8Array(1_000);
    const digest = await hex256(small);
    const signed = await resign(unpack(plain), keysA.privateKeyPkcs8, (m) => ({
      ...m,
      counts: { ...(m['counts'] as object), attachments: 4 },
      parts: [...(m['parts'] as object[]), { kind: 'attachment', path: `attachments/${digest}`, size: 1_000, sha256: digest }],
    }));
    const asPart = pack([
      ...signed,
      { name: `attachments/${digest}`, method: 8, compressed: bomb, crc: crc32(small), uncompressedSize: 1_000 },
    ]);
    const e2 = await expectRefused(asPart, 'zip-bomb');
    expect(e2.entry).toBe(`attachments/${digest}`);
    expect(Date.now() - t).toBeLessThan(2000);
  });

  it('zip-bomb: overlapping entries (one entry hidden inside another one’s data)', async () => {
    // Entry "a" is stored and its data is the whole of entry "b" (local header + data): the central
    // directory lists both, so "b" is read twice from the same bytes.
    const enc = new TextEncoder();
    const inner = pack([{ name: 'b', data: new Uint8Array(10) }]);
    const innerLocal = inner.subarray(0, 30 + 1 + 10);
    const outer = pack([{ name: 'a', method: 0, compressed: innerLocal, crc: crc32(innerLocal), uncompressedSize: innerLocal.length }]);
    const outerEntries = outer.subarray(0, 30 + 1 + innerLocal.length);
    const cd = (name: string, offset: number, size: number, crc: number): Uint8Array => {
      const b = new Uint8Array(46 + name.length);
      const v = new DataView(b.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint32(16, crc, true);
      v.setUint32(20, size, true);
      v.setUint32(24, size, true);
      v.setUint16(28, name.length, true);
      v.setUint32(42, offset, true);
      b.set(enc.encode(name), 46);
      return b;
    };
    const cdA = cd('a', 0, innerLocal.length, crc32(innerLocal));
    const cdB = cd('b', 31, 10, crc32(new Uint8Array(10)));
    const eocd = new Uint8Array(22);
    const ev = new DataView(eocd.buffer);
    ev.setUint32(0, 0x06054b50, true);
    ev.setUint16(8, 2, true);
    ev.setUint16(10, 2, true);
    ev.setUint32(12, cdA.length + cdB.length, true);
    ev.setUint32(16, outerEntries.length, true);
    const file = new Uint8Array(outerEntries.length + cdA.length + cdB.length + 22);
    file.set(outerEntries, 0);
    file.set(cdA, outerEntries.length);
    file.set(cdB, outerEntries.length + cdA.length);
    file.set(eocd, outerEntries.length + cdA.length + cdB.length);
    await expectRefused(file, 'zip-bomb');
  });

  it('unsafe-path: ../, absolute paths, backslashes, drive letters and dot segments', async () => {
    const entries = unpack(plain);
    for (const name of [
      '../evil.json',
      'records/../../evil.json',
      '/etc/passwd',
      'records\\persons.json',
      'C:/x.json',
      'records/./x.json',
      'a//b',
    ]) {
      const e = await expectRefused(pack([...entries, { name, data: utf8('{}') }]), 'unsafe-path');
      expect(e.entry).toBe(name);
    }
  });

  it('duplicate-entry: the same name twice, or twice up to letter case', async () => {
    const entries = unpack(plain);
    const persons = entries.find((e) => e.name === 'records/persons.json');
    if (!persons) throw new Error('no persons');
    await expectRefused(pack([...entries, { name: persons.name, data: utf8('[]') }]), 'duplicate-entry');
    await expectRefused(pack([...entries, { name: 'RECORDS/PERSONS.JSON', data: utf8('[]') }]), 'duplicate-entry');
  });

  it('undeclared-entry: a file the manifest does not list', async () => {
    const e = await expectRefused(pack([...unpack(plain), { name: 'records/extra.json', data: utf8('[]') }]), 'undeclared-entry');
    expect(e.entry).toBe('records/extra.json');
  });

  it('invalid-manifest: counts that disagree with the parts (signed), and a records file shorter than its count', async () => {
    const entries = unpack(plain);
    const wrongCount = await resign(entries, keysA.privateKeyPkcs8, (m) => ({ ...m, counts: { records: { persons: 3 }, attachments: 3 } }));
    await expectRefused(pack(wrongCount), 'invalid-manifest');
    // A records file with two persons where the (re-signed) manifest says three.
    const two = utf8(canonicalJson(s.persons.slice(0, 2)));
    const digest = await hex256(two);
    const shorter = await resign(replaceEntry(entries, 'records/persons.json', two), keysA.privateKeyPkcs8, (m) => ({
      ...m,
      parts: (m['parts'] as { path: string }[]).map((p) =>
        p.path === 'records/persons.json' ? { ...p, size: two.length, sha256: digest } : p,
      ),
    }));
    await expectRefused(pack(shorter), 'invalid-manifest');
  });

  it('nothing but an error comes back for any refused file (no partial result)', async () => {
    const r = await decode(plain.slice(0, 1000));
    expect(r).toMatchObject({ ok: false, error: { code: 'truncated' } });
    expect(Object.keys(r)).toEqual(['ok', 'error']);
  });
});

describe('coreTables', () => {
  it('lists persons and cases with their stored-record schemas', () => {
    expect(coreTables.map((t) => t.name)).toEqual(['persons', 'cases']);
  });
});
