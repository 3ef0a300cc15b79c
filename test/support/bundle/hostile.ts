/**
 * Helpers for tests that craft damaged and hostile bundles: take a bundle apart, change it, put it
 * back together (optionally re-signing the manifest), and build DEFLATE streams that expand enormously.
 */
import { canonicalJson, toBase64, utf8 } from '@shared/bundle/bytes';
import { importSigningKey, signBytes } from '@shared/bundle/crypto';
import { DEFAULT_LIMITS } from '@shared/bundle/types';
import { compressEntry, extractZipEntry, readZipDirectory, writeZip, type RawZipEntry } from '@shared/bundle/zip';

export interface PlainEntry {
  name: string;
  data: Uint8Array;
}

/** The entries of a (plain) bundle, in file order. Throws when the file is not readable. */
export function unpack(zip: Uint8Array): PlainEntry[] {
  const dir = readZipDirectory(zip, DEFAULT_LIMITS);
  if (!dir.ok) throw new Error(`unpack: ${dir.error.code}`);
  return dir.value.map((e) => {
    const data = extractZipEntry(zip, e);
    if (!data.ok) throw new Error(`unpack ${e.name}: ${data.error.code}`);
    return { name: e.name, data: data.value };
  });
}

export function pack(entries: readonly (PlainEntry | RawZipEntry)[]): Uint8Array {
  return writeZip(
    entries.map((e) => ('compressed' in e ? e : compressEntry(e))),
    new Date('2026-03-01T00:00:00Z'),
  );
}

export function entryText(entries: readonly PlainEntry[], name: string): string {
  const e = entries.find((x) => x.name === name);
  if (!e) throw new Error(`no ${name}`);
  return new TextDecoder().decode(e.data);
}

export function replaceEntry(entries: readonly PlainEntry[], name: string, data: Uint8Array): PlainEntry[] {
  return entries.map((e) => (e.name === name ? { name, data } : e));
}

/** Rewrites manifest.json through `change` and signs it again with `privateKeyPkcs8`. */
export async function resign(
  entries: readonly PlainEntry[],
  privateKeyPkcs8: Uint8Array,
  change: (manifest: Record<string, unknown>) => Record<string, unknown>,
): Promise<PlainEntry[]> {
  const manifest = change(JSON.parse(entryText(entries, 'manifest.json')) as Record<string, unknown>);
  const bytes = utf8(canonicalJson(manifest));
  const key = await importSigningKey(privateKeyPkcs8);
  const signature = utf8(canonicalJson({ algorithm: 'Ed25519', signature: toBase64(await signBytes(key, bytes)) }));
  return replaceEntry(replaceEntry(entries, 'manifest.json', bytes), 'signature.json', signature);
}

/**
 * A raw DEFLATE stream (one fixed-Huffman block) that inflates to `size` zero bytes: a literal 0 and
 * then copies of 258 bytes at distance 1, 13 bits each. 200 MB cost about 1.3 MB and a few ms.
 */
export function zerosDeflate(size: number): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  const put = (value: number, n: number): void => {
    acc |= value << bits;
    bits += n;
    while (bits >= 8) {
      out.push(acc & 255);
      acc >>>= 8;
      bits -= 8;
    }
  };
  /** Huffman codes go most significant bit first. */
  const code = (value: number, n: number): void => {
    for (let i = n - 1; i >= 0; i -= 1) put((value >> i) & 1, 1);
  };
  put(1, 1); // BFINAL
  put(1, 2); // BTYPE = 01, fixed Huffman
  code(0x30, 8); // literal 0
  let left = size - 1;
  while (left >= 258) {
    code(0b11000101, 8); // length code 285 = 258
    code(0, 5); // distance code 0 = 1
    left -= 258;
  }
  for (; left > 0; left -= 1) code(0x30, 8);
  code(0, 7); // end of block (256)
  if (bits > 0) out.push(acc & 255);
  return Uint8Array.from(out);
}
