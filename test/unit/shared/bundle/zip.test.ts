import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { crc32, utf8 } from '@shared/bundle/bytes';
import { noise } from '../../../support/bundle/fixtures';
import { zerosDeflate } from '../../../support/bundle/hostile';
import { DEFAULT_LIMITS } from '@shared/bundle/types';
import { compressEntry, extractZipEntry, readZipDirectory, unsafeName, writeZip } from '@shared/bundle/zip';

describe('zip', () => {
  it('writes ZIPs fflate reads, and reads ZIPs fflate writes', () => {
    const text = utf8('сәлем '.repeat(2000));
    const random = noise(5000, 3);
    const ours = writeZip([compressEntry({ name: 'a/text.txt', data: text }), compressEntry({ name: 'b.bin', data: random })], new Date());
    const read = unzipSync(ours);
    expect(Array.from(read['a/text.txt'] ?? [])).toEqual(Array.from(text));
    expect(Array.from(read['b.bin'] ?? [])).toEqual(Array.from(random));

    const theirs = zipSync({ 'x/y.txt': text, 'z.bin': [random, { level: 0 }] });
    const dir = readZipDirectory(theirs, DEFAULT_LIMITS);
    expect(dir.ok).toBe(true);
    if (!dir.ok) return;
    expect(dir.value.map((e) => [e.name, e.method])).toEqual([
      ['x/y.txt', 8],
      ['z.bin', 0],
    ]);
    const y = dir.value[0] && extractZipEntry(theirs, dir.value[0]);
    expect(y?.ok && Array.from(y.value)).toEqual(Array.from(text));
  });

  it('stores what deflate cannot shrink and deflates the rest', () => {
    expect(compressEntry({ name: 'r', data: noise(1000, 5) }).method).toBe(0);
    expect(compressEntry({ name: 't', data: utf8('a'.repeat(1000)) }).method).toBe(8);
    expect(compressEntry({ name: 'e', data: new Uint8Array(0) }).method).toBe(0);
  });

  it('crc32 matches the standard check value', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
  });

  it('the zeros stream of the bomb tests really inflates to zeros of the given size', () => {
    const size = 100_000;
    const stream = zerosDeflate(size);
    const zip = writeZip(
      [{ name: 'z', method: 8, compressed: stream, crc: crc32(new Uint8Array(size)), uncompressedSize: size }],
      new Date(),
    );
    const dir = readZipDirectory(zip, DEFAULT_LIMITS);
    if (!dir.ok || !dir.value[0]) throw new Error('unreadable');
    const out = extractZipEntry(zip, dir.value[0]);
    expect(out.ok && out.value.length).toBe(size);
    expect(out.ok && out.value.every((b) => b === 0)).toBe(true);
  });

  it('an entry that inflates to less than declared is corrupt', () => {
    const zip = writeZip([{ name: 'z', method: 8, compressed: zerosDeflate(1000), crc: 0, uncompressedSize: 2000 }], new Date());
    const dir = readZipDirectory(zip, DEFAULT_LIMITS);
    if (!dir.ok || !dir.value[0]) throw new Error('unreadable');
    expect(extractZipEntry(zip, dir.value[0])).toMatchObject({ ok: false, error: { code: 'corrupt' } });
  });

  it('accepts plain relative names and refuses unsafe ones', () => {
    for (const ok of ['manifest.json', 'records/persons.json', `attachments/${'a'.repeat(64)}`, 'dir/']) {
      expect(unsafeName(ok)).toBeUndefined();
    }
    for (const bad of [
      '',
      '../x',
      'a/../b',
      '..',
      '/abs',
      '\\\\server\\x',
      'a\\b',
      'C:x',
      'a/./b',
      './a',
      'a//b',
      'a\u0000b',
      'x'.repeat(256),
    ]) {
      expect(unsafeName(bad), bad).toBeDefined();
    }
  });
});

describe('compressEntry and the ratio limit', () => {
  it('stores a large, extremely compressible entry so that its own bundles never look like bombs', () => {
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const entry = compressEntry({ name: 'z', data: zeros });
    expect(entry.method).toBe(0);
    const dir = readZipDirectory(writeZip([entry], new Date()), DEFAULT_LIMITS);
    expect(dir.ok).toBe(true);
    const text = utf8(Array.from({ length: 60_000 }, (_, i) => `${i};${(i * 7919) % 100_000}`).join('\n'));
    expect(compressEntry({ name: 't', data: text }).method).toBe(8);
  });
});
