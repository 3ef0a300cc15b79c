/**
 * The bundles Web Worker: decoding, encoding, the export's and backup's reading, and the import's and
 * restore's decoding, planning and applying (on the worker's own Dexie connection) run here, so the
 * window stays responsive while a large bundle is read, unzipped, hashed, verified, decrypted,
 * validated, planned and written (issue 14 B6). Loaded with
 * `new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' })` (workerClient.ts).
 */
import { QamqorDb } from '../../db/database';
import { isQuotaError } from '../../ui/errors';
import { encodeHere, runExport, type ExportJob } from './exportJob';
import { ImportHost, type JobPhase } from './importJob';
import { runDecode, runEncode } from './jobs';
import type { WorkerRequest, WorkerResponse } from './workerProtocol';

interface WorkerScope {
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

/** The result's byte buffers move to the page instead of being copied (each buffer once). */
function buffersOf(arrays: Iterable<Uint8Array>): Transferable[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}

/** The worker's own connection to the office database, closed after the job so it never blocks a schema upgrade. */
async function exportHere(job: ExportJob, progress: (done: number, total: number) => void) {
  const db = new QamqorDb(job.dbName);
  try {
    return await runExport(db, job, encodeHere, progress);
  } finally {
    db.close();
  }
}

/** The import or restore this worker holds between its preview and its apply (one per worker). */
let host: { dbName: string; db: QamqorDb; host: ImportHost } | null = null;

function hostFor(dbName: string): ImportHost {
  if (host?.dbName !== dbName) {
    host?.db.close();
    const db = new QamqorDb(dbName);
    host = { dbName, db, host: new ImportHost(db) };
  }
  return host.host;
}

async function handle(request: WorkerRequest): Promise<void> {
  const progress = (done: number, total: number) => scope.postMessage({ id: request.id, kind: 'progress', done, total });
  const phased = (phase: JobPhase, done: number, total: number) =>
    scope.postMessage({ id: request.id, kind: 'progress', phase, done, total });
  try {
    if (request.kind === 'session-open') {
      const result = await hostFor(request.job.dbName).open(request.job, phased);
      scope.postMessage({ id: request.id, kind: 'session-opened', result });
    } else if (request.kind === 'session-apply') {
      const result = host ? await host.host.apply(request.job, phased) : ({ ok: false, error: { code: 'stale' } } as const);
      scope.postMessage({ id: request.id, kind: 'session-applied', result });
    } else if (request.kind === 'decode') {
      const result = await runDecode(request, progress);
      scope.postMessage({ id: request.id, kind: 'decoded', result }, result.ok ? buffersOf(result.value.attachments.values()) : []);
    } else if (request.kind === 'export') {
      const result = await exportHere(request.job, progress);
      scope.postMessage({ id: request.id, kind: 'exported', result }, result.ok ? buffersOf([result.value.bytes]) : []);
    } else {
      const result = await runEncode(request, progress);
      scope.postMessage({ id: request.id, kind: 'encoded', result }, result.ok ? buffersOf([result.value]) : []);
    }
  } catch (e: unknown) {
    const message = e instanceof Error ? e.message : String(e);
    scope.postMessage({ id: request.id, kind: 'crashed', message, ...(isQuotaError(e) ? { quota: true as const } : {}) });
  }
}

scope.addEventListener('message', (event) => {
  void handle(event.data);
});
