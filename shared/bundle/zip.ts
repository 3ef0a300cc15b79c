/**
 * A small, strict ZIP reader and writer for bundles. fflate does the DEFLATE work; the container is
 * handled here so that the reader can refuse what fflate's unzip would silently accept: duplicate
 * names (fflate returns an object, the last one wins), unsafe paths, entries that overlap (the classic
 * zip bomb), and entries that inflate beyond their declared size (inflation is streamed in small
 * chunks and stopped as soon as the declared size is exceeded, so a bomb never allocates more than a
 * few megabytes past the limits).
 *
 * Supported: methods 0 (stored) and 8 (deflate), UTF-8 names, no ZIP64, no encryption, one disk.
 */
import { deflateSync, Inflate } from 'fflate';
import { crc32 } from './bytes';
import { DEFAULT_LIMITS, type BundleError, type BundleLimits } from './types';
import { err, ok, type Result } from '../result';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;
const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const EOCD_SIZE = 22;

export const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

/** One entry as written: `compressed` is what goes in the file, the rest is what the headers say. */
export interface RawZipEntry {
  name: string;
  method: 0 | 8;
  compressed: Uint8Array;
  crc: number;
  uncompressedSize: number;
}

export interface ZipInputEntry {
  name: string;
  data: Uint8Array;
}

/** MS-DOS time and date of a UTC moment (the resolution is two seconds; 1980-2107). */
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}

const SAMPLE = 64 * 1024;

/**
 * Deflates (level 6) unless that does not make the entry smaller, then stores. Large entries are
 * first tried on a 64 kB sample, so scans and photos (already compressed) are not deflated in vain.
 * An entry that would deflate beyond the default ratio limit (e.g. a file of zeros) is stored too.
 */
export function compressEntry(entry: ZipInputEntry): RawZipEntry {
  const crc = crc32(entry.data);
  const store: RawZipEntry = { name: entry.name, method: 0, compressed: entry.data, crc, uncompressedSize: entry.data.length };
  if (entry.data.length > 4 * SAMPLE && deflateSync(entry.data.subarray(0, SAMPLE), { level: 1 }).length > SAMPLE * 0.97) {
    return store;
  }
  const deflated = deflateSync(entry.data, { level: 6 });
  // Never write what a receiver with the default limits would refuse as a zip bomb.
  const tooDense =
    entry.data.length > DEFAULT_LIMITS.ratioCheckMinBytes && entry.data.length > DEFAULT_LIMITS.maxCompressionRatio * deflated.length;
  return deflated.length < entry.data.length && !tooDense
    ? { name: entry.name, method: 8, compressed: deflated, crc, uncompressedSize: entry.data.length }
    : store;
}

/** Writes raw entries as a ZIP file exactly as given (tests use it to craft hostile files). */
export function writeZip(entries: readonly RawZipEntry[], modified: Date): Uint8Array<ArrayBuffer> {
  if (entries.length > 0xfffe) throw new RangeError('too many ZIP entries');
  const { time, date } = dosDateTime(modified);
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  let size = EOCD_SIZE;
  entries.forEach((e, i) => {
    size += LOCAL_HEADER + CENTRAL_HEADER + 2 * (names[i]?.length ?? 0) + e.compressed.length;
  });
  if (size > 0xffffffff) throw new RangeError('ZIP larger than 4 GiB');
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  entries.forEach((e, i) => {
    const name = names[i] ?? new Uint8Array(0);
    offsets.push(p);
    view.setUint32(p, SIG_LOCAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, FLAG_UTF8, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, time, true);
    view.setUint16(p + 12, date, true);
    view.setUint32(p + 14, e.crc >>> 0, true);
    view.setUint32(p + 18, e.compressed.length, true);
    view.setUint32(p + 22, e.uncompressedSize, true);
    view.setUint16(p + 26, name.length, true);
    view.setUint16(p + 28, 0, true);
    out.set(name, p + LOCAL_HEADER);
    out.set(e.compressed, p + LOCAL_HEADER + name.length);
    p += LOCAL_HEADER + name.length + e.compressed.length;
  });
  const cdStart = p;
  entries.forEach((e, i) => {
    const name = names[i] ?? new Uint8Array(0);
    view.setUint32(p, SIG_CENTRAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, FLAG_UTF8, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, time, true);
    view.setUint16(p + 14, date, true);
    view.setUint32(p + 16, e.crc >>> 0, true);
    view.setUint32(p + 20, e.compressed.length, true);
    view.setUint32(p + 24, e.uncompressedSize, true);
    view.setUint16(p + 28, name.length, true);
    // extra length, comment length, disk number, internal and external attributes: all zero
    view.setUint32(p + 42, offsets[i] ?? 0, true);
    out.set(name, p + CENTRAL_HEADER);
    p += CENTRAL_HEADER + name.length;
  });
  view.setUint32(p, SIG_EOCD, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - cdStart, true);
  view.setUint32(p + 16, cdStart, true);
  return out;
}

/** An entry as found in the central directory, after every structural check. */
export interface ZipEntry {
  name: string;
  method: 0 | 8;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  /** Offset of the entry's data (after its local header). */
  dataOffset: number;
}

/**
 * Why a name cannot be accepted, or undefined when it is a plain relative path. Directory entries
 * (trailing '/') pass here; the manifest check refuses them as undeclared.
 */
export function unsafeName(name: string): string | undefined {
  if (name.length === 0) return 'empty name';
  if (name.length > 255) return 'name longer than 255 characters';
  if (name.includes('\\')) return 'backslash in name';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/u.test(name)) return 'control character in name';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/u.test(name)) return 'drive letter';
  const segments = (name.endsWith('/') ? name.slice(0, -1) : name).split('/');
  if (segments.some((s) => s === '..')) return "'..' segment";
  if (segments.some((s) => s === '.' || s === '')) return 'empty or "." segment';
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function looksLikeZip(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC);
}

/**
 * Reads and checks the central directory against the local headers and the limits. Nothing is
 * inflated here: sizes are the declared ones, checked again while inflating.
 */
export function readZipDirectory(bytes: Uint8Array, limits: BundleLimits): Result<ZipEntry[], BundleError> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A file that starts like a ZIP but has no end-of-central-directory record was cut short.
  let eocd = -1;
  const lowest = Math.max(0, bytes.length - EOCD_SIZE - 0xffff);
  for (let i = bytes.length - EOCD_SIZE; i >= lowest; i -= 1) {
    if (view.getUint32(i, true) === SIG_EOCD && i + EOCD_SIZE + view.getUint16(i + 20, true) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return err({ code: 'truncated', detail: 'no end of central directory: the file was cut short' });

  const disk = view.getUint16(eocd + 4, true);
  const cdDisk = view.getUint16(eocd + 6, true);
  const onDisk = view.getUint16(eocd + 8, true);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count) return err({ code: 'corrupt', detail: 'multi-disk ZIP' });
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    return err({ code: 'corrupt', detail: 'ZIP64 is not used by bundles' });
  }
  if (count > limits.maxEntries) {
    return err({ code: 'too-large', detail: `${count} entries, at most ${limits.maxEntries} allowed` });
  }
  if (cdOffset + cdSize > eocd) return err({ code: 'corrupt', detail: 'central directory outside the file' });

  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let totalUncompressed = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i += 1) {
    if (p + CENTRAL_HEADER > cdOffset + cdSize || view.getUint32(p, true) !== SIG_CENTRAL) {
      return err({ code: 'corrupt', detail: `central directory entry ${i} is damaged` });
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const crc = view.getUint32(p + 16, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localOffset = view.getUint32(p + 42, true);
    const next = p + CENTRAL_HEADER + nameLength + extraLength + commentLength;
    if (next > cdOffset + cdSize) return err({ code: 'corrupt', detail: `central directory entry ${i} is damaged` });
    const nameBytes = bytes.subarray(p + CENTRAL_HEADER, p + CENTRAL_HEADER + nameLength);
    let name: string;
    try {
      name = decoder.decode(nameBytes);
    } catch {
      return err({ code: 'unsafe-path', detail: `entry ${i} has a name that is not UTF-8` });
    }
    const unsafe = unsafeName(name);
    if (unsafe !== undefined) return err({ code: 'unsafe-path', detail: unsafe, entry: name });
    // Names that differ only in letter case would overwrite each other on case-insensitive disks.
    const key = name.toLowerCase();
    if (seen.has(key)) return err({ code: 'duplicate-entry', detail: 'the same name appears twice', entry: name });
    seen.add(key);
    if (flags & FLAG_ENCRYPTED) return err({ code: 'corrupt', detail: 'ZIP-level encryption is not used by bundles', entry: name });
    if (method !== 0 && method !== 8) return err({ code: 'corrupt', detail: `compression method ${method}`, entry: name });
    if (method === 0 && compressedSize !== uncompressedSize) {
      return err({ code: 'corrupt', detail: 'stored entry with different sizes', entry: name });
    }
    totalUncompressed += uncompressedSize;
    if (totalUncompressed > limits.maxTotalUncompressedBytes) {
      return err({
        code: 'too-large',
        detail: `more than ${limits.maxTotalUncompressedBytes} bytes uncompressed`,
        entry: name,
      });
    }
    if (uncompressedSize > limits.ratioCheckMinBytes && uncompressedSize > limits.maxCompressionRatio * Math.max(compressedSize, 1)) {
      return err({
        code: 'zip-bomb',
        detail: `compression ratio ${Math.round(uncompressedSize / Math.max(compressedSize, 1))}:1 above ${limits.maxCompressionRatio}:1`,
        entry: name,
      });
    }

    // The local header must agree with the central directory.
    if (localOffset + LOCAL_HEADER > cdOffset || view.getUint32(localOffset, true) !== SIG_LOCAL) {
      return err({ code: 'corrupt', detail: 'local header missing or damaged', entry: name });
    }
    const localNameLength = view.getUint16(localOffset + 26, true);
    const localExtraLength = view.getUint16(localOffset + 28, true);
    const localName = bytes.subarray(localOffset + LOCAL_HEADER, localOffset + LOCAL_HEADER + localNameLength);
    if (localNameLength !== nameLength || !localName.every((b, j) => b === nameBytes[j])) {
      return err({ code: 'corrupt', detail: 'local header name differs from the central directory', entry: name });
    }
    const dataOffset = localOffset + LOCAL_HEADER + localNameLength + localExtraLength;
    if (dataOffset + compressedSize > cdOffset) {
      return err({ code: 'corrupt', detail: 'entry data runs into the central directory', entry: name });
    }
    entries.push({ name, method, crc, compressedSize, uncompressedSize, dataOffset });
    p = next;
  }

  // Overlapping entries let a small file inflate to many times its size: refuse any overlap.
  const byOffset = [...entries].sort((a, b) => a.dataOffset - b.dataOffset);
  for (let i = 1; i < byOffset.length; i += 1) {
    const prev = byOffset[i - 1];
    const cur = byOffset[i];
    if (prev && cur && cur.dataOffset - LOCAL_HEADER < prev.dataOffset + prev.compressedSize) {
      return err({ code: 'zip-bomb', detail: 'entries overlap', entry: cur.name });
    }
  }
  return ok(entries);
}

/** Largest DEFLATE expansion (258 bytes from about two bits): sizes input chunks while inflating. */
const MAX_DEFLATE_RATIO = 1032;
const MIN_CHUNK = 4096;
const MAX_CHUNK = 1 << 20;

/**
 * Inflates one entry into a buffer of its declared size. Input is fed in chunks small enough that one
 * chunk cannot expand to much more than what is still allowed, and inflation stops as soon as the
 * output passes the declared size. The CRC-32 is checked.
 */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry): Result<Uint8Array<ArrayBuffer>, BundleError> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let out: Uint8Array<ArrayBuffer>;
  if (entry.method === 0) {
    out = data.slice();
  } else {
    out = new Uint8Array(entry.uncompressedSize);
    let written = 0;
    let overflow = false;
    let ended = false;
    const inflater = new Inflate((chunk, final) => {
      if (written + chunk.length > out.length) {
        overflow = true;
        return;
      }
      out.set(chunk, written);
      written += chunk.length;
      if (final) ended = true;
    });
    try {
      let p = 0;
      while (!overflow && (p < data.length || p === 0)) {
        const allowed = out.length - written;
        const size = Math.min(MAX_CHUNK, Math.max(MIN_CHUNK, Math.floor(allowed / MAX_DEFLATE_RATIO)));
        const end = Math.min(data.length, p + size);
        inflater.push(data.subarray(p, end), end >= data.length);
        p = end;
        if (end >= data.length) break;
      }
    } catch (e) {
      return err({ code: 'corrupt', detail: `deflate data damaged (${e instanceof Error ? e.message : 'error'})`, entry: entry.name });
    }
    if (overflow) {
      return err({ code: 'zip-bomb', detail: `inflates beyond its declared ${entry.uncompressedSize} bytes`, entry: entry.name });
    }
    if (!ended || written !== out.length) {
      return err({ code: 'corrupt', detail: `inflated to ${written} bytes, ${entry.uncompressedSize} declared`, entry: entry.name });
    }
  }
  if (crc32(out) !== entry.crc) return err({ code: 'corrupt', detail: 'CRC-32 mismatch', entry: entry.name });
  return ok(out);
}
