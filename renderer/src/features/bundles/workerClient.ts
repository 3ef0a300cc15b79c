/**
 * Runs bundle jobs in a Web Worker, one worker per job (terminated when done, so a cancelled import
 * stops at once). When the host cannot start the worker (no Worker, or it fails to load: a policy
 * or an unusual file:// setup) the job runs in the page instead, slower to the eye but the same code.
 */
import type { BundleEncodeError, BundleError, DecodedBundle, ProgressCallback } from '@shared/bundle';
import type { Result } from '@shared/result';
import type { QamqorDb } from '../../db/database';
import type { Exporter } from './exportBundle';
import { encodeHere, runExport } from './exportJob';
import { runDecode, runEncode, type DecodeRequest, type EncodeRequest } from './jobs';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

let nextId = 1;

/** A request before it gets its id (omitted from each member of the union, not from their common keys only). */
type JobRequest<R = WorkerRequest> = R extends WorkerRequest ? Omit<R, 'id'> : never;

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/** Where the last job ran, for diagnostics and the end-to-end test. */
export let lastJobRanIn: 'worker' | 'page' | null = null;

function run<T>(
  request: JobRequest,
  fallback: () => Promise<T>,
  onProgress: ProgressCallback,
  pick: (m: WorkerResponse) => T | undefined,
): Promise<T> {
  const worker = startWorker();
  if (!worker) {
    lastJobRanIn = 'page';
    return fallback();
  }
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    let started = false;
    const finish = () => worker.terminate();
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      started = true;
      if (message.kind === 'progress') return onProgress(message.done, message.total);
      finish();
      if (message.kind === 'crashed') return reject(new Error(message.message));
      const value = pick(message);
      if (value === undefined) reject(new Error(`unexpected worker message ${message.kind}`));
      else {
        lastJobRanIn = 'worker';
        resolve(value);
      }
    });
    worker.addEventListener('error', (event) => {
      finish();
      event.preventDefault();
      if (started) reject(new Error(event.message || 'bundle worker failed'));
      else {
        // The worker never ran: do the job here.
        lastJobRanIn = 'page';
        fallback().then(resolve, reject);
      }
    });
    worker.postMessage({ ...request, id });
  });
}

export function decodeInWorker(request: DecodeRequest, onProgress: ProgressCallback): Promise<Result<DecodedBundle, BundleError>> {
  return run(
    { kind: 'decode', ...request },
    () => runDecode(request, onProgress),
    onProgress,
    (m) => (m.kind === 'decoded' ? m.result : undefined),
  );
}

export function encodeInWorker(request: EncodeRequest, onProgress: ProgressCallback): Promise<Result<Uint8Array, BundleEncodeError>> {
  return run(
    { kind: 'encode', ...request },
    () => runEncode(request, onProgress),
    onProgress,
    (m) => (m.kind === 'encoded' ? m.result : undefined),
  );
}

/** Reads and packs a bundle in the worker (its own connection to `db`'s database); in the page when no worker starts. */
export function exportInWorker(db: QamqorDb): Exporter {
  return (job, onProgress) =>
    run(
      { kind: 'export', job },
      () => runExport(db, job, encodeHere, onProgress),
      onProgress,
      (m) => (m.kind === 'exported' ? m.result : undefined),
    );
}
