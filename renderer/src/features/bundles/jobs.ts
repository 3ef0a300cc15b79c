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
import type { Result } from '@shared/result';
import type { WorkerRequest } from './workerProtocol';

export type DecodeRequest = Omit<Extract<WorkerRequest, { kind: 'decode' }>, 'id' | 'kind'>;
export type EncodeRequest = Omit<Extract<WorkerRequest, { kind: 'encode' }>, 'id' | 'kind'>;

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
