/** Public types of the case-bundle codec (docs/bundle-format.md). */
import type { z } from 'zod';
import type { RecordEnvelope } from '../records/envelope';

export const BUNDLE_FORMAT = 'qamqor-bundle';
/** The only inner (ZIP + manifest) format version this release reads and writes. */
export const BUNDLE_FORMAT_VERSION = 1;
/** The only encrypted-container version this release reads and writes. */
export const CONTAINER_VERSION = 1;

export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** The floor for PBKDF2 iterations on both sides; only the explicit `unsafeTest…` options go lower. */
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
}

export const DEFAULT_LIMITS: Readonly<BundleLimits> = {
  maxFileBytes: 512 * 1024 * 1024,
  maxEntries: 20_000,
  maxTotalUncompressedBytes: 1024 * 1024 * 1024,
  maxCompressionRatio: 100,
  ratioCheckMinBytes: 1024 * 1024,
  maxPbkdf2Iterations: 10_000_000,
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
export type BundlePart = RecordsPart | AttachmentPart;

/** manifest.json (format version 1). The signature covers its exact bytes. */
export interface BundleManifest {
  format: typeof BUNDLE_FORMAT;
  formatVersion: typeof BUNDLE_FORMAT_VERSION;
  bundleId: string;
  createdAt: string;
  appVersion: string;
  office: BundleOffice & { /** Ed25519 public key, raw 32 bytes, base64. */ publicKey: string };
  officer: string;
  counts: { records: Record<string, number>; attachments: number };
  parts: BundlePart[];
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
}

export type ProgressCallback = (done: number, total: number) => void;
