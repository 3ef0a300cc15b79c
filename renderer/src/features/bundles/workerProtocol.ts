/** Messages between the bundles page and its Web Worker (bundle.worker.ts). */
import type { BundleEncodeError, BundleError, DecodedBundle, EncodeBundleInput, KnownOffice, OfficeKeys } from '@shared/bundle';
import type { Result } from '@shared/result';

export type WorkerRequest =
  | { id: number; kind: 'decode'; bytes: Uint8Array; passphrase?: string; knownOffices: KnownOffice[] }
  | { id: number; kind: 'encode'; input: EncodeBundleInput; signingKey: OfficeKeys; passphrase?: string };

export type WorkerResponse =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'decoded'; result: Result<DecodedBundle, BundleError> }
  | { id: number; kind: 'encoded'; result: Result<Uint8Array, BundleEncodeError> }
  /** Something threw inside the worker (a bug, not a bad file). */
  | { id: number; kind: 'crashed'; message: string };
