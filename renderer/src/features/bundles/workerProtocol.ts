/** Messages between the bundles page and its Web Worker (bundle.worker.ts). */
import type { BundleEncodeError, BundleError, DecodedBundle } from '@shared/bundle';
import type { Result } from '@shared/result';
import type { ExportError, ExportJob, ExportedParts } from './exportJob';
import type { Applied, ApplyJob, ImportSummary, JobPhase, OpenJob } from './importJob';
import type { DecodeRequest, EncodeRequest } from './jobs';
import type { RestoreError } from './restoreApply';

export type WorkerRequest =
  | ({ id: number; kind: 'decode' } & DecodeRequest)
  | ({ id: number; kind: 'encode' } & EncodeRequest)
  /** Read the records from IndexedDB here (the worker's own connection) and pack them. */
  | { id: number; kind: 'export'; job: ExportJob }
  /** Decode and plan an import or a restore here and keep the session; the page gets a summary. */
  | { id: number; kind: 'session-open'; job: OpenJob }
  /** Apply the session kept by the last 'session-open'. */
  | { id: number; kind: 'session-apply'; job: ApplyJob };

export type WorkerResponse =
  | { id: number; kind: 'progress'; done: number; total: number; phase?: JobPhase }
  | { id: number; kind: 'decoded'; result: Result<DecodedBundle, BundleError> }
  | { id: number; kind: 'encoded'; result: Result<Uint8Array, BundleEncodeError> }
  | { id: number; kind: 'exported'; result: Result<ExportedParts, ExportError> }
  | { id: number; kind: 'session-opened'; result: Result<ImportSummary, BundleError> }
  | { id: number; kind: 'session-applied'; result: Result<Applied, RestoreError> }
  /**
   * Something threw inside the worker (a bug, not a bad file). `quota`: it was a full disk, which the
   * page says in kk/ru (the worker has no translations; issue 19 point 5).
   */
  | { id: number; kind: 'crashed'; message: string; quota?: true };
