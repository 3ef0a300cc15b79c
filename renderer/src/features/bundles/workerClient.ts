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
import { ImportHost, type Applied, type ApplyJob, type ImportSummary, type JobPhase, type OpenJob, type PhaseProgress } from './importJob';
import { runDecode, runEncode, type DecodeRequest, type EncodeRequest } from './jobs';
import type { RestoreError } from './restoreApply';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

let nextId = 1;

/**
 * The page's error for a worker that crashed: a full disk becomes a QuotaExceededError again, so the
 * page's `describeError` says `errors.quota` in kk/ru (the worker has no translations).
 */
function crashError(message: Extract<WorkerResponse, { kind: 'crashed' }>): Error {
  return message.quota ? new DOMException(message.message, 'QuotaExceededError') : new Error(message.message);
}

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
  signal?: AbortSignal,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(new JobCancelled());
  const worker = startWorker();
  if (!worker) {
    lastJobRanIn = 'page';
    return fallback();
  }
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    let started = false;
    const cancel = () => {
      worker.terminate();
      reject(new JobCancelled());
    };
    signal?.addEventListener('abort', cancel, { once: true });
    const finish = () => {
      signal?.removeEventListener('abort', cancel);
      worker.terminate();
    };
    worker.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      if (message.id !== id) return;
      started = true;
      if (message.kind === 'progress') return onProgress(message.done, message.total);
      finish();
      if (message.kind === 'crashed') return reject(crashError(message));
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

/**
 * Reads and packs a bundle in the worker (its own connection to `db`'s database); in the page when no
 * worker starts. `signal` cancels it while it reads or packs (issue 14 B7): the worker is ended and the
 * job answers 'cancelled'; nothing was written or saved.
 */
export function exportInWorker(db: QamqorDb, signal?: AbortSignal): Exporter {
  return (job, onProgress) =>
    run(
      { kind: 'export', job },
      () => runExport(db, job, encodeHere, onProgress, signal),
      onProgress,
      (m) => (m.kind === 'exported' ? m.result : undefined),
      signal,
    ).catch((e: unknown) => {
      if (e instanceof JobCancelled) return { ok: false, error: { code: 'cancelled' } } as const;
      throw e;
    });
}

/** The officer cancelled the job (the worker was ended); nothing was written. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
  }
}

/** An import or restore held in the bundle worker between its preview and its apply (issue 14 B6). */
export interface ImportSessionClient {
  /** Decodes and plans the file in the worker; the page gets the summary only. Nothing is written. */
  open(job: Omit<OpenJob, 'dbName'>, onProgress: PhaseProgress): Promise<Result<ImportSummary, BundleError>>;
  /** Applies the session the last `open` prepared, all or nothing. */
  apply(job: ApplyJob, onProgress: PhaseProgress): Promise<Result<Applied, RestoreError>>;
  /** Ends the worker: a decode or plan under way stops at once (rejecting with JobCancelled); nothing is written. */
  close(): void;
}

type Pending = {
  resolve: (m: WorkerResponse) => void;
  reject: (e: Error) => void;
  onProgress: PhaseProgress;
  phase: JobPhase;
  /** The same job on the page's connection, when the worker fails to load before answering anything. */
  fallback: () => Promise<WorkerResponse>;
};

/**
 * One worker for one file: `open` and `apply` are sent to the same worker, which keeps the decoded
 * bundle and its plan; the page keeps the summary. When no worker starts, an ImportHost on the page's
 * own connection does the same work here.
 */
export function importSession(db: QamqorDb): ImportSessionClient {
  let worker: Worker | null | undefined;
  let inPage: ImportHost | null = null;
  const pending = new Map<number, Pending>();
  let closed = false;
  let started = false;

  const here = (): ImportHost => (inPage ??= new ImportHost(db));
  const failAll = (e: Error) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  const ensureWorker = (): Worker | null => {
    if (worker !== undefined) return worker;
    worker = startWorker();
    worker?.addEventListener('message', (event: MessageEvent<WorkerResponse>) => {
      const message = event.data;
      const p = pending.get(message.id);
      if (!p) return;
      started = true;
      if (message.kind === 'progress') return p.onProgress(message.phase ?? p.phase, message.done, message.total);
      pending.delete(message.id);
      if (message.kind === 'crashed') p.reject(crashError(message));
      else p.resolve(message);
    });
    worker?.addEventListener('error', (event) => {
      event.preventDefault();
      if (started) return failAll(new Error(event.message || 'bundle worker failed'));
      // The worker never ran (a policy, an unusual file:// setup): the same jobs run here.
      worker = null;
      lastJobRanIn = 'page';
      for (const p of pending.values()) p.fallback().then(p.resolve, p.reject);
      pending.clear();
    });
    return worker;
  };
  const send = (
    request: JobRequest,
    onProgress: PhaseProgress,
    phase: JobPhase,
    fallback: Pending['fallback'],
  ): Promise<WorkerResponse> | null => {
    const w = ensureWorker();
    if (!w) return null;
    const id = nextId++;
    return new Promise<WorkerResponse>((resolve, reject) => {
      pending.set(id, { resolve, reject, onProgress, phase, fallback });
      w.postMessage({ ...request, id });
    });
  };
  const guard = <T>(run: () => Promise<T>): Promise<T> => (closed ? Promise.reject(new JobCancelled()) : run());

  return {
    open: (job, onProgress) =>
      guard(async () => {
        const full: OpenJob = { ...job, dbName: db.name };
        const sent = send({ kind: 'session-open', job: full }, onProgress, 'decode', async () => ({
          id: 0,
          kind: 'session-opened',
          result: await here().open(full, onProgress),
        }));
        if (!sent) {
          lastJobRanIn = 'page';
          return here().open(full, onProgress);
        }
        const m = await sent;
        if (m.kind !== 'session-opened') throw new Error(`unexpected worker message ${m.kind}`);
        if (worker) lastJobRanIn = 'worker';
        return m.result;
      }),
    apply: (job, onProgress) =>
      guard(async () => {
        if (inPage || worker === null) return here().apply(job, onProgress);
        const sent = send({ kind: 'session-apply', job }, onProgress, 'apply', async () => ({
          id: 0,
          kind: 'session-applied',
          result: await here().apply(job, onProgress),
        }));
        if (!sent) return here().apply(job, onProgress);
        const m = await sent;
        if (m.kind !== 'session-applied') throw new Error(`unexpected worker message ${m.kind}`);
        return m.result;
      }),
    close: () => {
      closed = true;
      worker?.terminate();
      failAll(new JobCancelled());
    },
  };
}
