/**
 * The bundles Web Worker: decoding, encoding and the export's reading run here so the window stays
 * responsive while a large bundle is read, unzipped, hashed, verified, decrypted and validated. Loaded with
 * `new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module' })` (workerClient.ts).
 */
import { QamqorDb } from '../../db/database';
import { encodeHere, runExport, type ExportJob } from './exportJob';
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

async function handle(request: WorkerRequest): Promise<void> {
  const progress = (done: number, total: number) => scope.postMessage({ id: request.id, kind: 'progress', done, total });
  try {
    if (request.kind === 'decode') {
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
    scope.postMessage({ id: request.id, kind: 'crashed', message: e instanceof Error ? e.message : String(e) });
  }
}

scope.addEventListener('message', (event) => {
  void handle(event.data);
});
