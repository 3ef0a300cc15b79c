/**
 * The signed audit head kept outside IndexedDB (issue 19 point 1; shared/audit/README.md "The head
 * file"): the desktop app's `<userData>/audit-head.json`, the browser build's localStorage copy.
 *
 * - At start (`startAuditHeadFile`, mounted once in the app shell) the stored head is read and the chain
 *   compared with it: a chain shorter than the head, or one whose entry at the head's seq carries another
 *   digest, is a **trail cut**, shown to the administrator on the audit screen (kk/ru). A stored head not
 *   signed by the office key is reported too.
 * - Then every signing batch of this window hands its newest head to the platform (writes one after the
 *   other, never an older head over a newer one). While a cut is shown the file is left as it is: it is
 *   the evidence, until an administrator accepts the current head (`acceptCurrentHead`, recorded in the
 *   trail with both heads).
 */
import { useEffect, useSyncExternalStore } from 'react';
import { judgeStoredHead, type SignedAuditHead, type StoredHeadVerdict } from '@shared/audit';
import { useServices } from '../../core/services';
import type { WriteContext } from '../../db/context';
import type { QamqorDb } from '../../db/database';
import {
  anchorFromSignedHead,
  auditTable,
  readSignedAuditHead,
  recordAuditEvent,
  setAuditHeadSink,
  type AuditAnchor,
} from '../../db/repositories/audit';
import type { Platform } from '../../platform';

/** What the start-up comparison found. */
export type HeadFileStatus =
  | { kind: 'checking' }
  /** Nothing stored yet (first start, or a new installation). */
  | { kind: 'none' }
  | { kind: 'holds'; head: SignedAuditHead; signed: boolean }
  | { kind: 'cut'; head: SignedAuditHead; verdict: Exclude<StoredHeadVerdict, { kind: 'holds' }>; signed: boolean }
  /** What is stored is not a head, or could not be read. */
  | { kind: 'unreadable'; detail: string };

/** Where the stored head is shown as the source of an anchor in the verify report. */
export const HEAD_FILE_SOURCE = 'audit-head.json';

interface HeadFileSnapshot {
  status: HeadFileStatus;
  /** The last failure to store a head (shown on the audit screen); null after a success. */
  writeFailure: string | null;
}

interface HeadFileState extends HeadFileSnapshot {
  /** Replaced on every change (useSyncExternalStore compares by identity). */
  snapshot: HeadFileSnapshot;
  listeners: Set<() => void>;
  /** Writes go one after the other. */
  queue: Promise<void>;
  lastWrittenSeq: number;
}

const states = new WeakMap<QamqorDb, HeadFileState>();

function stateOf(db: QamqorDb): HeadFileState {
  let s = states.get(db);
  if (!s) {
    const status: HeadFileStatus = { kind: 'checking' };
    s = {
      status,
      writeFailure: null,
      snapshot: { status, writeFailure: null },
      listeners: new Set(),
      queue: Promise.resolve(),
      lastWrittenSeq: 0,
    };
    states.set(db, s);
  }
  return s;
}

function update(db: QamqorDb, change: Partial<Pick<HeadFileState, 'status' | 'writeFailure'>>): void {
  const s = stateOf(db);
  Object.assign(s, change);
  s.snapshot = { status: s.status, writeFailure: s.writeFailure };
  for (const l of [...s.listeners]) l();
}

/** The start-up comparison and the last write failure, for the audit screen. */
export function useHeadFileStatus(): HeadFileSnapshot {
  const { db } = useServices();
  return useSyncExternalStore(
    (listener) => {
      const s = stateOf(db);
      s.listeners.add(listener);
      return () => {
        s.listeners.delete(listener);
      };
    },
    () => stateOf(db).snapshot,
  );
}

/** Mounted once in the app shell: checks the stored head, then keeps it up to date. */
export function useAuditHeadFile(): void {
  const { db, platform } = useServices();
  useEffect(() => startAuditHeadFile(db, platform), [db, platform]);
}

/** Compares the chain with the stored head (reads only). */
export async function checkStoredHead(db: QamqorDb, platform: Platform): Promise<HeadFileStatus> {
  const stored = await platform.readAuditHead();
  if (!stored.ok) return { kind: 'unreadable', detail: stored.error.detail ?? stored.error.code };
  const head = stored.value;
  if (head === null) return { kind: 'none' };
  const table = auditTable(db);
  const last = await table.orderBy(':id').last();
  const atHead = await table.get(head.seq);
  const verdict = judgeStoredHead(head, typeof last?.seq === 'number' ? last.seq : null, atHead?.digest);
  const signed = (await anchorFromSignedHead(db, head, HEAD_FILE_SOURCE)) !== null;
  return verdict.kind === 'holds' ? { kind: 'holds', head, signed } : { kind: 'cut', head, verdict, signed };
}

/** Stores `head` after the writes already queued, unless a newer one was stored (failures are kept for the screen). */
function storeHead(db: QamqorDb, platform: Platform, head: SignedAuditHead): Promise<void> {
  const s = stateOf(db);
  s.queue = s.queue.then(async () => {
    if (head.seq < s.lastWrittenSeq) return;
    const r = await platform
      .writeAuditHead(head)
      .catch((e: unknown) => ({ ok: false as const, error: { code: 'io-error' as const, detail: String(e) } }));
    if (r.ok) {
      s.lastWrittenSeq = head.seq;
      update(db, { writeFailure: null });
    } else update(db, { writeFailure: r.error.code === 'disk-full' ? 'disk-full' : (r.error.detail ?? r.error.code) });
  });
  return s.queue;
}

/** True while the stored head must be kept as evidence (a cut, or something not a head). */
function keepsEvidence(status: HeadFileStatus): boolean {
  return status.kind === 'cut' || status.kind === 'unreadable';
}

/**
 * Checks the stored head, then keeps it up to date after every signing batch (unless a cut is shown).
 * Returns the function that stops it (the shell's effect cleanup).
 */
export function startAuditHeadFile(db: QamqorDb, platform: Platform): () => void {
  let stopped = false;
  const run = async () => {
    const status = await checkStoredHead(db, platform);
    if (stopped) return;
    update(db, { status });
    setAuditHeadSink(db, (head) => {
      if (!keepsEvidence(stateOf(db).status)) void storeHead(db, platform, head);
    });
    if (keepsEvidence(status)) return;
    // The database may be ahead of the file (a crash between a signature and its file write).
    const current = await readSignedAuditHead(db);
    if (!stopped && current) await storeHead(db, platform, current);
  };
  run().catch((e: unknown) => update(db, { status: { kind: 'unreadable', detail: e instanceof Error ? e.message : String(e) } }));
  return () => {
    stopped = true;
    setAuditHeadSink(db, null);
  };
}

/**
 * An administrator's answer to a cut: the current signed head replaces the stored one, and the trail
 * records both (the old head stays readable in that entry).
 */
export async function acceptCurrentHead(db: QamqorDb, ctx: WriteContext, platform: Platform): Promise<void> {
  const previous = stateOf(db).status;
  await recordAuditEvent(db, ctx, {
    action: 'settings',
    table: 'auditLog',
    recordId: HEAD_FILE_SOURCE,
    after: { acceptedHeadOver: previous.kind === 'cut' || previous.kind === 'holds' ? previous.head : previous.kind },
  });
  const current = await readSignedAuditHead(db);
  if (!current) return;
  stateOf(db).lastWrittenSeq = 0;
  update(db, { status: { kind: 'holds', head: current, signed: true } });
  await storeHead(db, platform, current);
}

/** The stored head as an anchor for "verify" when the office key signed it. */
export function headFileAnchor(status: HeadFileStatus): AuditAnchor | null {
  if ((status.kind === 'holds' || status.kind === 'cut') && status.signed)
    return { seq: status.head.seq, digest: status.head.digest, source: HEAD_FILE_SOURCE };
  return null;
}
