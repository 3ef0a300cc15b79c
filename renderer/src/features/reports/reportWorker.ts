/**
 * Runs report jobs in one long-lived Web Worker (report.worker.ts), so a year of records is read and
 * counted without freezing the window (issue 17 point 7). When the host cannot start the worker (no
 * Worker, as in unit tests, or it fails to load) the job runs in the page instead: the same code, slower
 * to the eye.
 */
import type { QamqorDb } from '../../db/database';
import { runReportJob, type JobInput, type JobOutput, type ReportJobKind, type ReportWorkerResponse } from './reportJobs';

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
  /** Runs the job in the page (the worker failed before answering). */
  fallback(): void;
}

let worker: Worker | null = null;
let unavailable = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function startWorker(): Worker | null {
  if (worker) return worker;
  if (unavailable || typeof Worker === 'undefined') return null;
  try {
    worker = new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    unavailable = true;
    return null;
  }
  worker.addEventListener('message', (event: MessageEvent<ReportWorkerResponse>) => {
    const message = event.data;
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.kind === 'done') p.resolve(message.value);
    else p.reject(new Error(message.message));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    unavailable = true;
    worker?.terminate();
    worker = null;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) p.fallback();
  });
  return worker;
}

/** Runs a report job in the worker (or in the page when there is none). */
export function reportJob<K extends ReportJobKind>(db: QamqorDb, kind: K, input: JobInput<K>): Promise<JobOutput<K>> {
  const w = startWorker();
  if (!w) return runReportJob(db, kind, input);
  const id = nextId++;
  return new Promise<JobOutput<K>>((resolve, reject) => {
    pending.set(id, {
      // The worker ran the same job function on the same input: its answer has the job's output type.
      resolve: (value) => resolve(value as JobOutput<K>),
      reject,
      fallback: () => {
        runReportJob(db, kind, input).then(resolve, reject);
      },
    });
    w.postMessage({ id, kind, dbName: db.name, input });
  });
}
