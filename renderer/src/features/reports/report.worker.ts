/**
 * The reports Web Worker (issue 17 point 7): opens the app's database by name and runs report jobs
 * (reportJobs.ts) off the window's thread. Loaded by reportWorker.ts with
 * `new Worker(new URL('./report.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { QamqorDb } from '../../db/database';
import { runReportJob, type ReportWorkerRequest, type ReportWorkerResponse } from './reportJobs';

interface WorkerScope {
  postMessage(message: ReportWorkerResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ReportWorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;
const databases = new Map<string, QamqorDb>();

function database(name: string): QamqorDb {
  let db = databases.get(name);
  if (!db) {
    db = new QamqorDb(name);
    databases.set(name, db);
  }
  return db;
}

async function handle(request: ReportWorkerRequest): Promise<void> {
  try {
    const value: unknown = await runReportJob(database(request.dbName), request.kind, request.input);
    scope.postMessage({ id: request.id, kind: 'done', value });
  } catch (e: unknown) {
    scope.postMessage({ id: request.id, kind: 'crashed', message: e instanceof Error ? e.message : String(e) });
  }
}

scope.addEventListener('message', (event) => {
  void handle(event.data);
});
