/**
 * Encoding and decoding of case bundles (docs/bundle-format.md). Pure: runs in a Web Worker, the
 * renderer or Node. Decoding verifies everything before returning anything: container, ZIP structure,
 * limits, manifest signature, every part's SHA-256, then validates every record with the caller's
 * table schemas. Structural problems refuse the whole file (`BundleError`); records that fail their
 * schema are returned in `rejected` with their reasons, for the preview to show.
 */
import { canonicalJson, sha256Hex, toBase64, utf8, equalBytes } from './bytes';
import {
  decryptContainer,
  encryptContainer,
  fingerprint,
  importSigningKey,
  isPrefixOfEncryptedMagic,
  looksEncrypted,
  signBytes,
  verifyBytes,
} from './crypto';
import { attachmentPath, MANIFEST_ENTRY, manifestSchema, recordsPath, SIGNATURE_ENTRY, TABLE_NAME } from './manifest';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  DEFAULT_LIMITS,
  DEFAULT_PBKDF2_ITERATIONS,
  MIN_PBKDF2_ITERATIONS,
  type BundleEncodeError,
  type BundleError,
  type BundleLimits,
  type BundleManifest,
  type BundleOffice,
  type BundlePart,
  type BundleTableSpec,
  type OfficeTableSpec,
  type DecodedBundle,
  type KnownOffice,
  type ProgressCallback,
  type RejectedRecord,
} from './types';
import {
  compressEntry,
  extractZipEntry,
  looksLikeZip,
  readZipDirectory,
  writeZip,
  ZIP_MAGIC,
  type RawZipEntry,
  type ZipEntry,
} from './zip';
import { decodeOfficeTable, encodeOfficeTables } from './officeParts';
import { parseJson, verifiedManifest } from './manifestCheck';
import { findForbiddenKey } from './portable';
import type { SignedAuditHead } from '../audit/anchor';
import type { RecordEnvelope } from '../records/envelope';
import { issueLines } from '../records/schemas';
import { err, ok, type Result } from '../result';

// ---------------------------------------------------------------------------------------------------
// Encoding

export interface BundleAttachmentInput {
  /** Lower-case hex SHA-256; checked when given, computed when not. */
  digest?: string;
  bytes: Uint8Array;
}

export interface EncodeBundleInput {
  /** UUID of this bundle (the receiver's import history is keyed by it). */
  bundleId: string;
  /** ISO UTC timestamp. */
  createdAt: string;
  office: BundleOffice;
  officer: string;
  appVersion: string;
  /** Records per table name. Tables are written in name order; records in the order given. */
  tables: Readonly<Record<string, readonly RecordEnvelope[]>>;
  /** Attachment bytes; identical bytes are stored once, under their SHA-256. */
  attachments: readonly BundleAttachmentInput[];
  /** A whole-office backup: the rows of the office tables (settings, accounts, audit trail…), as stored. */
  officeTables?: Readonly<Record<string, readonly unknown[]>>;
  /** The office's latest signed audit head (issue 19), carried in the signed manifest when given. */
  signedHead?: SignedAuditHead | null;
}

export interface EncodeBundleOptions {
  signingKey: { privateKeyPkcs8: Uint8Array; publicKey: Uint8Array };
  /** Encrypts the whole bundle when given (non-empty). */
  passphrase?: string;
  /** PBKDF2 iterations, default 600,000; fewer are refused (weak-kdf). */
  pbkdf2Iterations?: number;
  /**
   * The tables this office sends, with their schemas: every record is validated and ids must be
   * unique per table before anything is written. The app always passes them; only tests that craft
   * hostile bundles leave them out.
   */
  tables?: readonly BundleTableSpec[];
  /** Called with (0, total) first and after every part; total = parts + 1 (signing/encryption). */
  onProgress?: ProgressCallback;
}

const PROBE = utf8('qamqor-bundle key probe');

/**
 * The KDF floor both sides enforce. Production uses MIN_PBKDF2_ITERATIONS through `encodeBundle` and
 * `decodeBundle`; only `bundleCodec` (not exported by index.ts, used by tests) takes another.
 */
interface KdfPolicy {
  minPbkdf2Iterations: number;
}
const PRODUCTION_KDF: KdfPolicy = { minPbkdf2Iterations: MIN_PBKDF2_ITERATIONS };

export function encodeBundle(
  input: EncodeBundleInput,
  options: EncodeBundleOptions,
): Promise<Result<Uint8Array<ArrayBuffer>, BundleEncodeError>> {
  return encodeWith(PRODUCTION_KDF, input, options);
}

export function decodeBundle(bytes: Uint8Array, options: DecodeBundleOptions): Promise<Result<DecodedBundle, BundleError>> {
  return decodeWith(PRODUCTION_KDF, bytes, options);
}

/** A codec with another KDF floor: for tests, which cannot wait for 600,000 iterations per bundle. */
export function bundleCodec(policy: KdfPolicy): { encodeBundle: typeof encodeBundle; decodeBundle: typeof decodeBundle } {
  return {
    encodeBundle: (input, options) => encodeWith(policy, input, options),
    decodeBundle: (bytes, options) => decodeWith(policy, bytes, options),
  };
}

async function encodeWith(
  policy: KdfPolicy,
  input: EncodeBundleInput,
  options: EncodeBundleOptions,
): Promise<Result<Uint8Array<ArrayBuffer>, BundleEncodeError>> {
  // Key pair: the private key must sign what the public key verifies.
  let signingKey: CryptoKey;
  try {
    signingKey = await importSigningKey(options.signingKey.privateKeyPkcs8);
  } catch {
    return err({ code: 'bad-key', detail: 'the private key is not an Ed25519 PKCS#8 key' });
  }
  const publicKey = options.signingKey.publicKey;
  if (!(await verifyBytes(publicKey, await signBytes(signingKey, PROBE), PROBE))) {
    return err({ code: 'bad-key', detail: 'the public key does not belong to the private key' });
  }

  const iterations = options.pbkdf2Iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (options.passphrase !== undefined) {
    if (options.passphrase === '') return err({ code: 'invalid-input', detail: 'empty passphrase' });
    if (!(iterations >= policy.minPbkdf2Iterations)) {
      return err({ code: 'weak-kdf', detail: `at least ${policy.minPbkdf2Iterations} PBKDF2 iterations required` });
    }
    if (!Number.isInteger(iterations) || iterations < 1 || iterations > 0xffffffff) {
      return err({ code: 'invalid-input', detail: 'PBKDF2 iterations must be a positive 32-bit integer' });
    }
  }

  const specs = new Map((options.tables ?? []).map((t) => [t.name, t]));
  const files: { path: string; data: Uint8Array }[] = [];
  const parts: BundlePart[] = [];
  const counts: Record<string, number> = {};
  for (const table of Object.keys(input.tables).sort()) {
    if (!TABLE_NAME.test(table)) return err({ code: 'invalid-input', detail: `table name '${table}'` });
    const records = input.tables[table] ?? [];
    const spec = specs.get(table);
    if (options.tables !== undefined) {
      if (!spec) return err({ code: 'invalid-input', detail: `no schema for table '${table}'` });
      const ids = new Set<string>();
      for (const [index, record] of records.entries()) {
        const checked = spec.schema.safeParse(record);
        if (!checked.success) {
          return err({ code: 'invalid-input', detail: `${table}[${index}]: ${issueLines(checked.error).join('; ')}` });
        }
        if (ids.has(checked.data.id)) return err({ code: 'invalid-input', detail: `${table}[${index}]: id ${checked.data.id} twice` });
        ids.add(checked.data.id);
      }
    }
    let json: string;
    try {
      json = canonicalJson(records);
    } catch (e) {
      return err({ code: 'invalid-input', detail: `${table}: ${e instanceof Error ? e.message : 'not JSON'}` });
    }
    const data = utf8(json);
    const path = recordsPath(table);
    files.push({ path, data });
    parts.push({ kind: 'records', path, table, count: records.length, size: data.length, sha256: await sha256Hex(data) });
    counts[table] = records.length;
  }

  let tableCounts: Record<string, number> | undefined;
  if (input.officeTables !== undefined) {
    const office = encodeOfficeTables(input.officeTables);
    if (!office.ok) return office;
    tableCounts = {};
    for (const f of office.value) {
      files.push({ path: f.path, data: f.data });
      parts.push({ kind: 'table', path: f.path, table: f.table, count: f.count, size: f.data.length, sha256: await sha256Hex(f.data) });
      tableCounts[f.table] = f.count;
    }
  }

  const attachments = new Map<string, Uint8Array>();
  for (const [index, a] of input.attachments.entries()) {
    const digest = await sha256Hex(a.bytes);
    if (a.digest !== undefined && a.digest !== digest) {
      return err({ code: 'invalid-input', detail: `attachment ${index}: digest ${a.digest} does not match its bytes (${digest})` });
    }
    attachments.set(digest, a.bytes);
  }
  for (const digest of [...attachments.keys()].sort()) {
    const data = attachments.get(digest) ?? new Uint8Array(0);
    const path = attachmentPath(digest);
    files.push({ path, data });
    parts.push({ kind: 'attachment', path, size: data.length, sha256: digest });
  }

  const manifest: BundleManifest = {
    format: BUNDLE_FORMAT,
    formatVersion: tableCounts === undefined ? 1 : BUNDLE_FORMAT_VERSION,
    bundleId: input.bundleId,
    createdAt: input.createdAt,
    appVersion: input.appVersion,
    office: { ...input.office, publicKey: toBase64(publicKey) },
    officer: input.officer,
    counts: { records: counts, attachments: attachments.size, ...(tableCounts ? { tables: tableCounts } : {}) },
    parts,
    ...(input.signedHead ? { signedHead: input.signedHead } : {}),
  };
  const checkedManifest = manifestSchema.safeParse(manifest);
  if (!checkedManifest.success) {
    return err({ code: 'invalid-input', detail: `manifest: ${issueLines(checkedManifest.error).join('; ')}` });
  }
  const manifestBytes = utf8(canonicalJson(manifest));
  const signature = await signBytes(signingKey, manifestBytes);
  const signatureBytes = utf8(canonicalJson({ algorithm: 'Ed25519', signature: toBase64(signature) }));

  const total = files.length + 1;
  options.onProgress?.(0, total);
  const entries: RawZipEntry[] = [
    compressEntry({ name: MANIFEST_ENTRY, data: manifestBytes }),
    compressEntry({ name: SIGNATURE_ENTRY, data: signatureBytes }),
  ];
  for (const [i, f] of files.entries()) {
    entries.push(compressEntry({ name: f.path, data: f.data }));
    options.onProgress?.(i + 1, total);
  }
  let zip: Uint8Array<ArrayBuffer>;
  try {
    zip = writeZip(entries, new Date(input.createdAt));
  } catch (e) {
    return err({ code: 'too-large', detail: e instanceof Error ? e.message : 'ZIP too large' });
  }
  const out = options.passphrase === undefined ? zip : await encryptContainer(zip, options.passphrase, iterations);
  options.onProgress?.(total, total);
  return ok(out);
}

// ---------------------------------------------------------------------------------------------------
// Decoding

export interface DecodeBundleOptions {
  /** Tables this release can store, with the schemas their records must satisfy. */
  tables: readonly BundleTableSpec[];
  /** The office tables this release restores from a whole-office backup (other table parts refuse the file). */
  officeTables?: readonly OfficeTableSpec[];
  passphrase?: string;
  knownOffices?: readonly KnownOffice[];
  limits?: Partial<BundleLimits>;
  /** Called with (0, total) once the manifest is verified and after every part; total = parts + 1. */
  onProgress?: ProgressCallback;
}

function recordId(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id: unknown = (value as { id?: unknown }).id;
  return typeof id === 'string' ? id : undefined;
}

async function decodeWith(policy: KdfPolicy, bytes: Uint8Array, options: DecodeBundleOptions): Promise<Result<DecodedBundle, BundleError>> {
  try {
    return await decode(bytes, options, policy);
  } catch (e) {
    // Every expected failure is a value; anything thrown is a damaged file we did not foresee.
    return err({ code: 'corrupt', detail: e instanceof Error ? e.message : 'unreadable' });
  }
}

/** Step 7: every record validated (failures kept with their reasons, never dropped silently), office tables checked. */
function decodeParts(
  manifest: BundleManifest,
  contents: ReadonlyMap<string, Uint8Array>,
  options: DecodeBundleOptions,
): Result<Pick<DecodedBundle, 'tables' | 'rejected' | 'attachments' | 'officeTables'>, BundleError> {
  // 7. Records: every one validated; failures are kept with their reasons, never dropped silently.
  const specs = new Map(options.tables.map((t) => [t.name, t]));
  const tables: Record<string, RecordEnvelope[]> = {};
  const rejected: RejectedRecord[] = [];
  const attachments = new Map<string, Uint8Array>();
  const officeSpecs = new Map((options.officeTables ?? []).map((t) => [t.name, t]));
  const officeTables: Record<string, Record<string, unknown>[]> = {};
  for (const part of manifest.parts) {
    const data = contents.get(part.path) ?? new Uint8Array(0);
    if (part.kind === 'attachment') {
      attachments.set(part.sha256, data);
      continue;
    }
    if (part.kind === 'table') {
      const rows = decodeOfficeTable(part, data, officeSpecs.get(part.table));
      if (!rows.ok) return rows;
      officeTables[part.table] = rows.value;
      continue;
    }
    const json = parseJson(data);
    if (!json.ok || !Array.isArray(json.value)) {
      return err({ code: 'corrupt', detail: 'records file is not a JSON array', entry: part.path });
    }
    const items: unknown[] = json.value;
    if (items.length !== part.count) {
      return err({ code: 'invalid-manifest', detail: `${items.length} records, the manifest says ${part.count}`, entry: part.path });
    }
    const spec = specs.get(part.table);
    const valid: RecordEnvelope[] = [];
    const ids = new Set<string>();
    items.forEach((item, index) => {
      const id = recordId(item);
      const base = id === undefined ? { table: part.table, index } : { table: part.table, index, id };
      if (!spec) {
        rejected.push({ ...base, errors: ['bundle.unknownTable'] });
        return;
      }
      // A key that would change the prototype is refused by name, never dropped by the schema's copy.
      const forbidden = findForbiddenKey(item);
      if (forbidden !== undefined) {
        rejected.push({ ...base, errors: [`${forbidden}: bundle.forbiddenKey`] });
        return;
      }
      const result = spec.schema.safeParse(item);
      if (!result.success) {
        rejected.push({ ...base, errors: issueLines(result.error) });
        return;
      }
      if (ids.has(result.data.id)) {
        rejected.push({ ...base, errors: ['bundle.duplicateId'] });
        return;
      }
      ids.add(result.data.id);
      valid.push(result.data);
    });
    tables[part.table] = valid;
  }
  return ok({ tables, rejected, attachments, officeTables });
}

async function decode(file: Uint8Array, options: DecodeBundleOptions, policy: KdfPolicy): Promise<Result<DecodedBundle, BundleError>> {
  const limits: BundleLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (file.length > limits.maxFileBytes) {
    return err({ code: 'too-large', detail: `${file.length} bytes, at most ${limits.maxFileBytes} accepted` });
  }

  // 1. Container: encrypted, plain ZIP, cut short, or something else.
  let zip: Uint8Array = file;
  const encrypted = looksEncrypted(file);
  if (encrypted) {
    const opened = await decryptContainer(file, {
      passphrase: options.passphrase,
      limits,
      minPbkdf2Iterations: policy.minPbkdf2Iterations,
    });
    if (!opened.ok) return opened;
    zip = opened.value;
    if (!looksLikeZip(zip)) return err({ code: 'corrupt', detail: 'decrypted content is not a ZIP' });
  } else if (!looksLikeZip(file)) {
    const cut = file.length < ZIP_MAGIC.length && [...file].every((b, i) => ZIP_MAGIC[i] === b);
    if (file.length === 0 || cut || isPrefixOfEncryptedMagic(file)) return err({ code: 'truncated', detail: `${file.length} bytes` });
    return err({ code: 'not-a-bundle', detail: 'neither a Qamqor encrypted bundle nor a ZIP' });
  }

  // 2. ZIP structure, names and declared sizes (nothing inflated yet).
  const directory = readZipDirectory(zip, limits);
  if (!directory.ok) return directory;
  const entries = new Map<string, ZipEntry>(directory.value.map((e) => [e.name, e]));

  // 3. Manifest: format and version first, then the signature over its exact bytes, then its schema.
  const verified = await verifiedManifest(zip, entries, limits);
  if (!verified.ok) return verified;
  const { manifest, publicKey } = verified.value;

  // 4. Sender: a known key, an unknown office, or a known office with another key (refused).
  const knownOffices = options.knownOffices ?? [];
  const knownEntry = knownOffices.find((k) => equalBytes(k.publicKey, publicKey));
  if (!knownEntry && knownOffices.some((k) => k.officeId === manifest.office.id)) {
    return err({
      code: 'bad-signature',
      detail: `signed by a key that is not the known key of office ${manifest.office.id} (office-key-mismatch)`,
    });
  }
  const sender = {
    fingerprint: await fingerprint(publicKey),
    known: knownEntry !== undefined,
    officeName: knownEntry?.name ?? manifest.office.name,
    officeId: manifest.office.id,
    officeCode: manifest.office.code,
    publicKey,
  };

  // 5. Entries and parts must match one to one.
  const declared = new Map(manifest.parts.map((p) => [p.path, p]));
  for (const name of entries.keys()) {
    if (name !== MANIFEST_ENTRY && name !== SIGNATURE_ENTRY && !declared.has(name)) {
      return err({ code: 'undeclared-entry', detail: 'the ZIP holds a file the manifest does not list', entry: name });
    }
  }
  for (const part of manifest.parts) {
    const entry = entries.get(part.path);
    if (!entry) return err({ code: 'missing-entry', detail: 'the manifest lists a file the ZIP does not hold', entry: part.path });
    if (part.kind !== 'attachment' && entry.uncompressedSize > limits.maxJsonPartBytes) {
      return err({ code: 'too-large', detail: `${entry.uncompressedSize} bytes of JSON`, entry: part.path });
    }
    if (entry.uncompressedSize !== part.size) {
      return err({ code: 'digest-mismatch', detail: `${entry.uncompressedSize} bytes, the manifest says ${part.size}`, entry: part.path });
    }
  }

  // 6. Every part, inflated under the limits and checked against its SHA-256.
  const total = manifest.parts.length + 1;
  options.onProgress?.(0, total);
  const contents = new Map<string, Uint8Array>();
  for (const [i, part] of manifest.parts.entries()) {
    const entry = entries.get(part.path);
    if (!entry) return err({ code: 'missing-entry', entry: part.path });
    const data = extractZipEntry(zip, entry);
    if (!data.ok) return data;
    if ((await sha256Hex(data.value)) !== part.sha256) {
      return err({ code: 'digest-mismatch', detail: 'the content differs from the signed manifest', entry: part.path });
    }
    contents.set(part.path, data.value);
    options.onProgress?.(i + 1, total);
  }

  // 7. Records and office tables.
  const decodedParts = decodeParts(manifest, contents, options);
  if (!decodedParts.ok) return decodedParts;
  options.onProgress?.(total, total);

  return ok({ manifest, sender, encrypted, ...decodedParts.value, signedHead: manifest.signedHead ?? null });
}
