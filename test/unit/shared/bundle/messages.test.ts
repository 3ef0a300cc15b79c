/**
 * Issue 14 C12: a damaged file, a zip bomb or oversized file, and a damaged salt are each refused with
 * their own code, and each code has its own kk/ru message in both places the renderer shows them
 * (`bundles.errors.<code>` on the import page, `backup.decodeErrors.<code>` on restore).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { bundleCodec, type DecodeBundleOptions } from '@shared/bundle/codec';
import { generateOfficeKeys, HEADER_SIZE } from '@shared/bundle/crypto';
import type { BundleErrorCode } from '@shared/bundle/types';
import type { RawZipEntry } from '@shared/bundle/zip';
import { pack, unpack, zerosDeflate, type PlainEntry } from '../../../support/bundle/hostile';
import { scenario, testTables } from '../../../support/bundle/fixtures';
import backupKk from '../../../../renderer/src/features/backup/i18n/kk.json';
import backupRu from '../../../../renderer/src/features/backup/i18n/ru.json';
import bundlesKk from '../../../../renderer/src/features/bundles/i18n/kk.json';
import bundlesRu from '../../../../renderer/src/features/bundles/i18n/ru.json';

const TEST_ITERATIONS = 1_000;
const { encodeBundle, decodeBundle } = bundleCodec({ minPbkdf2Iterations: TEST_ITERATIONS });
const PASS = 'Арал-2026 құпия сөз';
/** The salt of the encrypted container: bytes 16-31 of its header (shared/bundle/crypto.ts). */
const SALT_OFFSET = 16;

let plain: Uint8Array;
let encrypted: Uint8Array;

beforeAll(async () => {
  const keys = await generateOfficeKeys();
  const s = await scenario();
  const make = async (passphrase?: string): Promise<Uint8Array> => {
    const r = await encodeBundle(s.input, { signingKey: keys, tables: testTables, passphrase, pbkdf2Iterations: TEST_ITERATIONS });
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  };
  plain = await make();
  encrypted = await make(PASS);
});

async function refusal(bytes: Uint8Array, options: Partial<DecodeBundleOptions> = {}): Promise<BundleErrorCode> {
  const r = await decodeBundle(bytes, { tables: testTables, ...options });
  if (r.ok) throw new Error('the file was accepted');
  return r.error.code;
}

/** Flips one bit in the middle of a stored ZIP entry's data (found by its name in the local header). */
function damageEntry(zip: Uint8Array, name: string): Uint8Array {
  const needle = new TextEncoder().encode(name);
  const at = zip.findIndex((_, i) => needle.every((b, j) => zip[i + j] === b));
  if (at < 0) throw new Error(`no ${name}`);
  const copy = zip.slice();
  const target = at + needle.length + 40;
  copy[target] = (copy[target] ?? 0) ^ 0x10;
  return copy;
}

describe('each kind of bad file has its own code', () => {
  it('a damaged part is "corrupt"', async () => {
    expect(await refusal(damageEntry(plain, 'records/persons.json'))).toBe('corrupt');
  });

  it('a zip bomb is "zip-bomb" and an oversized file is "too-large"', async () => {
    const size = 200 * 1024 * 1024;
    const entries: (PlainEntry | RawZipEntry)[] = [
      ...unpack(plain),
      { name: `attachments/${'0'.repeat(64)}`, method: 8, compressed: zerosDeflate(size), crc: 0, uncompressedSize: size },
    ];
    expect(await refusal(pack(entries))).toBe('zip-bomb');
    expect(await refusal(plain, { limits: { maxFileBytes: plain.length - 1 } })).toBe('too-large');
  });

  it('a damaged salt is "wrong-passphrase" even with the right passphrase, damaged ciphertext is "corrupt"', async () => {
    const salt = encrypted.slice();
    salt[SALT_OFFSET + 3] = (salt[SALT_OFFSET + 3] ?? 0) ^ 0x01;
    expect(await refusal(salt, { passphrase: PASS })).toBe('wrong-passphrase');
    const body = encrypted.slice();
    const inBody = HEADER_SIZE + 100;
    body[inBody] = (body[inBody] ?? 0) ^ 0x01;
    expect(await refusal(body, { passphrase: PASS })).toBe('corrupt');
  });
});

const CODES = ['corrupt', 'zip-bomb', 'too-large', 'wrong-passphrase'] as const satisfies readonly BundleErrorCode[];
const CATALOGS = [
  ['bundles kk', bundlesKk.errors, /бүлінген/u, /құпия сөз/iu],
  ['bundles ru', bundlesRu.errors, /повреждён/u, /пароль/iu],
  ['backup kk', backupKk.decodeErrors, /бүлінген/u, /құпия сөз/iu],
  ['backup ru', backupRu.decodeErrors, /повреждён/u, /пароль/iu],
] as const;

describe('each of those codes has its own message', () => {
  it.each(CATALOGS)('%s', (_name, messages, damaged, passphrase) => {
    const texts = CODES.map((code) => messages[code]);
    expect(new Set(texts).size).toBe(CODES.length);
    expect(messages.corrupt).toMatch(damaged);
    // A damaged salt cannot be told from a wrong passphrase: the message says both.
    expect(messages['wrong-passphrase']).toMatch(passphrase);
    expect(messages['wrong-passphrase']).toMatch(damaged);
  });
});
