import { describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8 } from '@shared/bundle/bytes';
import {
  decryptContainer,
  encryptContainer,
  fingerprint,
  generateOfficeKeys,
  importSigningKey,
  signBytes,
  verifyBytes,
} from '@shared/bundle/crypto';
import { DEFAULT_LIMITS } from '@shared/bundle/types';

describe('office keys (Ed25519 through WebCrypto)', () => {
  it('makes an extractable key pair: 32-byte raw public key and a PKCS#8 private key that signs', async () => {
    const keys = await generateOfficeKeys();
    expect(keys.publicKey).toHaveLength(32);
    expect(keys.privateKeyPkcs8).toHaveLength(48);
    const key = await importSigningKey(keys.privateKeyPkcs8);
    const signature = await signBytes(key, utf8('manifest'));
    expect(signature).toHaveLength(64);
    expect(await verifyBytes(keys.publicKey, signature, utf8('manifest'))).toBe(true);
    expect(await verifyBytes(keys.publicKey, signature, utf8('manifesT'))).toBe(false);
    const other = await generateOfficeKeys();
    expect(await verifyBytes(other.publicKey, signature, utf8('manifest'))).toBe(false);
    expect(await verifyBytes(new Uint8Array(31), signature, utf8('manifest'))).toBe(false);
  });

  it('fingerprint: SHA-256 of the raw key, first 16 bytes as 8 groups of 4 hex digits', async () => {
    // SHA-256 of 32 zero bytes = 66687aad f862bd77 6c8fc18b 8e9f8e20 08971485 …
    expect(await fingerprint(new Uint8Array(32))).toBe('6668 7AAD F862 BD77 6C8F C18B 8E9F 8E20');
    const a = await generateOfficeKeys();
    const b = await generateOfficeKeys();
    expect(await fingerprint(a.publicKey)).toBe(await fingerprint(a.publicKey.slice()));
    expect(await fingerprint(a.publicKey)).not.toBe(await fingerprint(b.publicKey));
  });
});

describe('base64', () => {
  it('round-trips every length and refuses non-canonical text', () => {
    for (let n = 0; n < 70; n += 1) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 255);
      const text = toBase64(bytes);
      expect(text).toBe(btoa(String.fromCharCode(...bytes)));
      expect(Array.from(fromBase64(text) ?? [])).toEqual(Array.from(bytes));
    }
    expect(fromBase64('AAE')).toBeUndefined();
    expect(fromBase64('AB==')).toBeUndefined(); // non-zero padding bits
    expect(fromBase64('A$==')).toBeUndefined();
  });
});

describe('encrypted container', () => {
  const limits = DEFAULT_LIMITS;
  it('round-trips with fresh salt and nonce each time', async () => {
    const inner = utf8('PK\u0003\u0004 inner zip bytes');
    const one = await encryptContainer(inner, 'пароль', 1000);
    const two = await encryptContainer(inner, 'пароль', 1000);
    expect(one.length).toBe(68 + inner.length + 16);
    expect(one.subarray(16, 44)).not.toEqual(two.subarray(16, 44));
    const opened = await decryptContainer(one, { passphrase: 'пароль', limits, minPbkdf2Iterations: 1000 });
    expect(opened.ok && new TextDecoder().decode(opened.value)).toBe('PK\u0003\u0004 inner zip bytes');
  });

  it('tells a wrong passphrase from damaged ciphertext', async () => {
    const sealed = await encryptContainer(utf8('secret'), 'right', 1000);
    const opts = { limits, minPbkdf2Iterations: 1000 };
    expect(await decryptContainer(sealed, { ...opts, passphrase: 'wrong' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    const damaged = sealed.slice();
    damaged[70] = (damaged[70] ?? 0) ^ 1;
    expect(await decryptContainer(damaged, { ...opts, passphrase: 'right' })).toMatchObject({ ok: false, error: { code: 'corrupt' } });
    const unknownCipher = sealed.slice();
    unknownCipher[11] = 2;
    expect(await decryptContainer(unknownCipher, { ...opts, passphrase: 'right' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-version' },
    });
    const trailing = new Uint8Array(sealed.length + 1);
    trailing.set(sealed);
    expect(await decryptContainer(trailing, { ...opts, passphrase: 'right' })).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });
});
