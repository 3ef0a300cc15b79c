/** Public types of the case-bundle codec (docs/bundle-format.md). */
import type { z } from 'zod';
import type { RecordEnvelope } from '../records/envelope';

export const BUNDLE_FORMAT = 'qamqor-bundle';
/**
 * The newest inner (ZIP + manifest) format version this release writes: 2 adds the office tables of a
 * whole-office backup (`table` parts). A bundle without them is still written as version 1, so older
 * releases keep reading case bundles; this release reads both.
 */
export const BUNDLE_FORMAT_VERSION = 2;
export const READABLE_FORMAT_VERSIONS: readonly number[] = [1, 2];
/** The only encrypted-container version this release reads and writes. */
export const CONTAINER_VERSION = 1;

export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** The floor for PBKDF2 iterations on both sides (tests use a lower one through `bundleCodec`, codec.ts). */
export const MIN_PBKDF2_ITERATIONS = 600_000;

/** A table the codec may carry: its name (also the Dexie table name) and the schema of its stored records. */
export interface BundleTableSpec {
  name: string;
  schema: z.ZodType<RecordEnvelope>;
}

export type BundleErrorCode =
  | 'not-a-bundle'
  | 'truncated'
  | 'corrupt'
  | 'unknown-version'
  | 'passphrase-required'
  | 'wrong-passphrase'
  | 'digest-mismatch'
  | 'bad-signature'
  | 'too-large'
  | 'zip-bomb'
  | 'unsafe-path'
  | 'duplicate-entry'
  | 'undeclared-entry'
  | 'missing-entry'
  | 'invalid-manifest'
  | 'weak-kdf';

/** Why a file was refused as a whole. `code` is for the renderer to translate; `detail` is English for logs. */
export interface BundleError {
  code: BundleErrorCode;
  detail?: string;
  /** The ZIP entry concerned, when there is one. */
  entry?: string;
}

export type BundleEncodeErrorCode = 'invalid-input' | 'bad-key' | 'weak-kdf' | 'too-large';
export interface BundleEncodeError {
  code: BundleEncodeErrorCode;
  detail?: string;
}

export interface BundleLimits {
  /** Size of the file as received (encrypted or not). */
  maxFileBytes: number;
  /** Number of ZIP entries. */
  maxEntries: number;
  /** Sum of the uncompressed sizes of all entries. */
  maxTotalUncompressedBytes: number;
  /** Uncompressed : compressed, per entry, for entries larger than `ratioCheckMinBytes`. */
  maxCompressionRatio: number;
  ratioCheckMinBytes: number;
  /** KDF iterations above this are refused (an attacker could otherwise stall the import). */
  maxPbkdf2Iterations: number;
  /** Declared size of manifest.json, checked before anything is inflated. */
  maxManifestBytes: number;
  /** Declared size of signature.json, checked before it is inflated. */
  maxSignatureBytes: number;
  /** Declared size of each JSON part (records, office tables), checked before it is inflated. */
  maxJsonPartBytes: number;
}

export const DEFAULT_LIMITS: Readonly<BundleLimits> = {
  maxFileBytes: 512 * 1024 * 1024,
  maxEntries: 20_000,
  maxTotalUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1024 * 1024,
  maxPbkdf2Iterations: 10_000_000,
  // 20,000 parts of about 200 bytes each: 4 MB; twice that leaves room.
  maxManifestBytes: 8 * 1024 * 1024,
  maxSignatureBytes: 4 * 1024,
  // The largest table of a 10,000-case office (wheelchair checks) is about 70 MB as JSON.
  maxJsonPartBytes: 256 * 1024 * 1024,
};

export interface BundleOffice {
  /** Office id (UUID made at setup, the key of the office in version vectors). */
  id: string;
  /** Office code, prefix of its register numbers. */
  code: string;
  name: string;
}

export interface RecordsPart {
  kind: 'records';
  path: string;
  table: string;
  count: number;
  size: number;
  sha256: string;
}
export interface AttachmentPart {
  kind: 'attachment';
  path: string;
  size: number;
  sha256: string;
}
/** Rows of an office table (settings, accounts, the audit trail…) in a whole-office backup (version 2). */
export interface TablePart {
  kind: 'table';
  path: string;
  table: string;
  count: number;
  size: number;
  sha256: string;
}
export type BundlePart = RecordsPart | AttachmentPart | TablePart;

/**
 * An office table a whole-office backup carries besides the records: its Dexie name and primary key.
 * Its rows are bounded JSON objects (portable.ts); the key field must be a string or an integer.
 */
export interface OfficeTableSpec {
  name: string;
  key: string;
  keyType: 'string' | 'integer';
}

/** manifest.json (format version 1). The signature covers its exact bytes. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: 1 | 2;
  bundleId: string;
  createdAt: string;
  appVersion: string;
  office: BundleOffice & { /** Ed25519 public key, raw 32 bytes, base64. */ publicKey: string };
  officer: string;
  counts: { records: Record<string, number>; attachments: number; tables?: Record<string, number> };
  parts: BundlePart[];
  /**
   * The sending office's latest signed audit head (issue 19), when it has one: a manifest field, so the
   * bundle signature covers it. Readers take it as an anchor of the sender's audit chain.
   */
  signedHead?: CarriedSignedHead;
}

/**
 * The sender's signed audit head as a bundle carries it (issue 19): structurally the same as
 * `SignedAuditHead` of shared/audit/anchor.ts (manifest.ts checks both directions at compile time). Not
 * imported here because anchor.ts → bundle/crypto.ts → types.ts would make a type cycle.
 */
export interface CarriedSignedHead {
  format: 'qamqor-audit-head';
  version: 1;
  kind: 'run' | 'baseline';
  fromSeq: number;
  fromPrevDigest: string;
  seq: number;
  digest: string;
  signedAt: string;
  publicKey: string;
  signature: string;
}

export interface KnownOffice {
  publicKey: Uint8Array;
  /** When set, a bundle claiming this office id but signed by another key is refused (bad-signature). */
  officeId?: string;
  name?: string;
}

export interface BundleSender {
  /** SHA-256 of the sender's public key, first 16 bytes as `AB12 CD34 …`. */
  fingerprint: string;
  /** The public key is in the receiver's list of known offices. */
  known: boolean;
  /** The name from the known-offices list when known, else the name the bundle claims. */
  officeName: string;
  officeId: string;
  officeCode: string;
  publicKey: Uint8Array;
}

export interface RejectedRecord {
  table: string;
  /** Position in the table's records array. */
  index: number;
  id?: string;
  /** `path: i18n key` lines, or a `bundle.*` key for bundle-level reasons. */
  errors: string[];
}

export interface DecodedBundle {
  manifest: BundleManifest;
  sender: BundleSender;
  encrypted: boolean;
  /** Valid records per table (only tables present in the bundle). */
  tables: Record<string, RecordEnvelope[]>;
  /** Attachment bytes by lower-case hex SHA-256. */
  attachments: Map<string, Uint8Array>;
  /** Records that failed validation: shown in the preview, never written. */
  rejected: RejectedRecord[];
  /** Rows of the office tables (a whole-office backup, version 2), in their stored form; empty otherwise. */
  officeTables: Record<string, Record<string, unknown>[]>;
  /** The sender's latest signed audit head as the signed manifest carries it (issue 19); null when absent. */
  signedHead: CarriedSignedHead | null;
}

export type ProgressCallback = (done: number, total: number) => void;
