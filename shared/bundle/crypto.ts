/**
 * Office signing keys (Ed25519) and the passphrase-encrypted container (PBKDF2-SHA-256 → HKDF →
 * AES-256-GCM), all through WebCrypto. Layout and rationale: docs/bundle-format.md.
 */
import { concatBytes, equalBytes, plainBytes, sha256, toHex, utf8 } from './bytes';
import { CONTAINER_VERSION, MIN_PBKDF2_ITERATIONS, type BundleError, type BundleLimits } from './types';
import { err, ok, type Result } from '../result';

const ED25519 = { name: 'Ed25519' } as const;

export interface OfficeKeys {
  /** Raw public key, 32 bytes. */
  publicKey: Uint8Array<ArrayBuffer>;
  /** PKCS#8 private key, to be stored by the app and given back to encodeBundle. */
  privateKeyPkcs8: Uint8Array<ArrayBuffer>;
}

/** A new office signing key pair (made once at office setup). */
export async function generateOfficeKeys(): Promise<OfficeKeys> {
  const pair = await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify']);
  return {
    publicKey: new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey)),
    privateKeyPkcs8: new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey)),
  };
}

/** The private key as a non-extractable CryptoKey for signing. Rejects (throws) on malformed PKCS#8. */
export function importSigningKey(privateKeyPkcs8: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('pkcs8', plainBytes(privateKeyPkcs8), ED25519, false, ['sign']);
}

export function importVerifyKey(publicKeyRaw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', plainBytes(publicKeyRaw), ED25519, false, ['verify']);
}

/** SHA-256 of the raw public key, first 16 bytes in upper-case hex groups: `AB12 CD34 …` (8 groups). */
export async function fingerprint(publicKeyRaw: Uint8Array): Promise<string> {
  const hex = toHex((await sha256(publicKeyRaw)).subarray(0, 16)).toUpperCase();
  return (hex.match(/.{4}/gu) ?? []).join(' ');
}

export async function signBytes(key: CryptoKey, data: Uint8Array): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(await crypto.subtle.sign(ED25519, key, plainBytes(data)));
}

/** False for a bad signature and for a key or signature that is not even well formed. */
export async function verifyBytes(publicKeyRaw: Uint8Array, signature: Uint8Array, data: Uint8Array): Promise<boolean> {
  if (publicKeyRaw.length !== 32 || signature.length !== 64) return false;
  try {
    const key = await importVerifyKey(publicKeyRaw);
    return await crypto.subtle.verify(ED25519, key, plainBytes(signature), plainBytes(data));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------
// Encrypted container

/** "QAMQOR", 0x1A (stops `type` on DOS-like consoles), "E" for encrypted. */
export const ENCRYPTED_MAGIC = [0x51, 0x41, 0x4d, 0x51, 0x4f, 0x52, 0x1a, 0x45] as const;
export const KDF_PBKDF2_SHA256 = 1;
export const CIPHER_AES_256_GCM = 1;
export const HEADER_SIZE = 68;
const GCM_TAG = 16;
const INFO_KEY = utf8('qamqor-bundle v1 aes-256-gcm key');
const INFO_CHECK = utf8('qamqor-bundle v1 passphrase check');

export function looksEncrypted(bytes: Uint8Array): boolean {
  return ENCRYPTED_MAGIC.every((b, i) => bytes[i] === b);
}

/** True when the (short) file is the beginning of the encrypted magic: a file cut within its first bytes. */
export function isPrefixOfEncryptedMagic(bytes: Uint8Array): boolean {
  return bytes.length < ENCRYPTED_MAGIC.length && [...bytes].every((b, i) => ENCRYPTED_MAGIC[i] === b);
}

interface DerivedKeys {
  aesKey: CryptoKey;
  check: Uint8Array;
}

/**
 * PBKDF2 gives one 32-byte master secret (one PBKDF2 block: deriving more would cost the defender
 * twice what it costs an attacker); HKDF splits it into the AES key and a 16-byte passphrase check.
 * The passphrase is normalised to NFC so the same Kazakh letters typed on different keyboards match.
 */
async function deriveKeys(passphrase: string, salt: Uint8Array, iterations: number): Promise<DerivedKeys> {
  const pass = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveBits']);
  const master = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: plainBytes(salt), iterations }, pass, 256);
  const hkdf = await crypto.subtle.importKey('raw', master, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const check = new Uint8Array(
    await crypto.subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt: plainBytes(salt), info: INFO_CHECK }, hkdf, 128),
  );
  const aesKey = await crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: plainBytes(salt), info: INFO_KEY },
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { aesKey, check };
}

function writeUint64(view: DataView, offset: number, value: number): void {
  view.setUint32(offset, Math.floor(value / 0x1_0000_0000));
  view.setUint32(offset + 4, value >>> 0);
}
function readUint64(view: DataView, offset: number): number {
  return view.getUint32(offset) * 0x1_0000_0000 + view.getUint32(offset + 4);
}

/** Encrypts the inner ZIP: header (authenticated as GCM additional data) + ciphertext with tag. */
export async function encryptContainer(inner: Uint8Array, passphrase: string, iterations: number): Promise<Uint8Array<ArrayBuffer>> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const nonce = crypto.getRandomValues(new Uint8Array(12));
  const { aesKey, check } = await deriveKeys(passphrase, salt, iterations);
  const header = new Uint8Array(HEADER_SIZE);
  const view = new DataView(header.buffer);
  header.set(ENCRYPTED_MAGIC, 0);
  view.setUint16(8, CONTAINER_VERSION);
  view.setUint8(10, KDF_PBKDF2_SHA256);
  view.setUint8(11, CIPHER_AES_256_GCM);
  view.setUint32(12, iterations);
  header.set(salt, 16);
  header.set(nonce, 32);
  header.set(check, 44);
  writeUint64(view, 60, inner.length + GCM_TAG);
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce, additionalData: header, tagLength: 128 }, aesKey, plainBytes(inner)),
  );
  return concatBytes([header, ciphertext]);
}

export interface DecryptOptions {
  passphrase?: string;
  limits: BundleLimits;
  /** The floor: MIN_PBKDF2_ITERATIONS in the app (codec.ts); tests pass less through `bundleCodec`. */
  minPbkdf2Iterations?: number;
}

/**
 * Opens an encrypted container. The order of checks makes each failure say what it is: cut short,
 * unknown version, unacceptable KDF parameters, passphrase needed, wrong passphrase (the check value
 * disagrees) and, with the right passphrase, damaged or altered data (GCM authentication fails).
 */
export async function decryptContainer(bytes: Uint8Array, options: DecryptOptions): Promise<Result<Uint8Array<ArrayBuffer>, BundleError>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 10) return err({ code: 'truncated', detail: 'encrypted header cut short' });
  const version = view.getUint16(8);
  if (version !== CONTAINER_VERSION) {
    return err({ code: 'unknown-version', detail: `encrypted container version ${version}; this release reads ${CONTAINER_VERSION}` });
  }
  if (bytes.length < HEADER_SIZE) return err({ code: 'truncated', detail: 'encrypted header cut short' });
  const kdf = view.getUint8(10);
  const cipher = view.getUint8(11);
  if (kdf !== KDF_PBKDF2_SHA256 || cipher !== CIPHER_AES_256_GCM) {
    return err({ code: 'unknown-version', detail: `key derivation ${kdf} / cipher ${cipher}` });
  }
  const iterations = view.getUint32(12);
  const minimum = options.minPbkdf2Iterations ?? MIN_PBKDF2_ITERATIONS;
  if (iterations < minimum) {
    return err({ code: 'weak-kdf', detail: `${iterations} PBKDF2 iterations, at least ${minimum} required` });
  }
  if (iterations > options.limits.maxPbkdf2Iterations) {
    return err({ code: 'weak-kdf', detail: `${iterations} PBKDF2 iterations, at most ${options.limits.maxPbkdf2Iterations} accepted` });
  }
  const declared = readUint64(view, 60);
  const actual = bytes.length - HEADER_SIZE;
  if (actual < declared) return err({ code: 'truncated', detail: `${actual} of ${declared} encrypted bytes present` });
  if (actual > declared || declared < GCM_TAG) return err({ code: 'corrupt', detail: 'encrypted length does not match the header' });
  if (options.passphrase === undefined || options.passphrase === '') {
    return err({ code: 'passphrase-required', detail: 'the bundle is encrypted' });
  }

  const header = bytes.subarray(0, HEADER_SIZE);
  const { aesKey, check } = await deriveKeys(options.passphrase, bytes.subarray(16, 32), iterations);
  if (!equalBytes(check, bytes.subarray(44, 60))) return err({ code: 'wrong-passphrase' });
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: plainBytes(bytes.slice(32, 44)), additionalData: plainBytes(header.slice()), tagLength: 128 },
      aesKey,
      plainBytes(bytes.subarray(HEADER_SIZE)),
    );
    return ok(new Uint8Array(plain));
  } catch {
    return err({ code: 'corrupt', detail: 'encrypted data failed authentication: damaged or altered' });
  }
}
