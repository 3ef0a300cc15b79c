/** Messages between the bundles page and its Web Worker (bundle.worker.ts). */
import type { BundleEncodeError, BundleError, DecodedBundle, EncodeBundleInput, KnownOffice, OfficeKeys } from '@shared/bundle';
import type { Result } from '@shared/result';
import type { ExportError, ExportJob, ExportedParts } from './exportJob';

export type WorkerRequest =
  | { id: number; kind: 'decode'; bytes: Uint8Array; passphrase?: string; knownOffices: KnownOffice[] }
  | { id: number; kind: 'encode'; input: EncodeBundleInput; signingKey: OfficeKeys; passphrase?: string }
  /** Read the records from IndexedDB here (the worker's own connection) and pack them. */
  | { id: number; kind: 'export'; job: ExportJob };

export type WorkerResponse =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'decoded'; result: Result<DecodedBundle, BundleError> }
  | { id: number; kind: 'encoded'; result: Result<Uint8Array, BundleEncodeError> }
  | { id: number; kind: 'exported'; result: Result<ExportedParts, ExportError> }
  /** Something threw inside the worker (a bug, not a bad file). */
  | { id: number; kind: 'crashed'; message: string };
