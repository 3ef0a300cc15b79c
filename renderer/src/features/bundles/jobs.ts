/**
 * The heavy steps of a bundle (unzip, SHA-256 of every part, signature, PBKDF2 and AES-GCM, record
 * validation) as plain async functions. The worker runs them; the page falls back to running them
 * itself only when a worker cannot start (so a file is never refused because of the host).
 */
import {
  decodeBundle,
  encodeBundle,
  type BundleEncodeError,
  type BundleError,
  type DecodedBundle,
  type ProgressCallback,
} from '@shared/bundle';
import { OFFICE_TABLES } from '@shared/backup/officeTables';
import { bundleTables } from '@shared/bundle/specs';
import type { EncodeBundleInput, KnownOffice, OfficeKeys } from '@shared/bundle';
import type { Result } from '@shared/result';

export interface DecodeRequest {
  bytes: Uint8Array;
  passphrase?: string;
  knownOffices: KnownOffice[];
}
export interface EncodeRequest {
  input: EncodeBundleInput;
  signingKey: OfficeKeys;
  passphrase?: string;
}

export function runDecode(request: DecodeRequest, onProgress: ProgressCallback): Promise<Result<DecodedBundle, BundleError>> {
  return decodeBundle(request.bytes, {
    tables: bundleTables,
    officeTables: OFFICE_TABLES,
    knownOffices: request.knownOffices,
    onProgress,
    ...(request.passphrase !== undefined ? { passphrase: request.passphrase } : {}),
  });
}

export function runEncode(request: EncodeRequest, onProgress: ProgressCallback): Promise<Result<Uint8Array, BundleEncodeError>> {
  return encodeBundle(request.input, {
    signingKey: request.signingKey,
    tables: bundleTables,
    onProgress,
    ...(request.passphrase ? { passphrase: request.passphrase } : {}),
  });
}
