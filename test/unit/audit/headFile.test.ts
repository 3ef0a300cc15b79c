import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { judgeStoredHead, signCheckpoint, type SignedAuditHead } from '@shared/audit';
import { generateOfficeKeys, importSigningKey } from '@shared/bundle/crypto';
import type { StoredAuditHead } from '@shared/ipc';
import { err, ok } from '@shared/result';
import { QamqorDb } from '../../../renderer/src/db/database';
import {
  auditTable,
  flushAuditSigning,
  readSignedAuditHead,
  recordAuditEvent,
  verifyAuditTrail,
} from '../../../renderer/src/db/repositories/audit';
import {
  acceptCurrentHead,
  checkStoredHead,
  headFileAnchor,
  startAuditHeadFile,
  type HeadFileStatus,
} from '../../../renderer/src/features/audit/headFile';
import type { Platform } from '../../../renderer/src/platform';
import { fakeDesktop } from '../backup/fakePlatform';
import { freshDb, testContext } from '../db/testContext';

let db: QamqorDb;
const stops: (() => void)[] = [];

beforeEach(async () => {
  db = freshDb();
  await db.open();
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  db.close();
});

/** A desktop whose head file is a variable, as the main process keeps it. */
function desktopWithHeadFile(initial: StoredAuditHead | null = null) {
  const file = { head: initial, writes: [] as StoredAuditHead[], unreadable: false };
  const platform: Platform = {
    ...fakeDesktop().platform,
    writeAuditHead: vi.fn((head: StoredAuditHead) => {
      file.writes.push(head);
      file.head = head;
      return Promise.resolve(ok(null));
    }),
    readAuditHead: vi.fn(() =>
      Promise.resolve(file.unreadable ? err({ code: 'invalid-argument' as const, detail: 'not a head' }) : ok(file.head)),
    ),
  };
  return { platform, file };
}

async function write(n: number): Promise<void> {
  const ctx = testContext();
  for (let i = 0; i < n; i++) {
    await recordAuditEvent(db, ctx, { action: 'print', table: 'complaints', recordId: `c${i}`, after: { n: i } });
    await flushAuditSigning(db);
  }
}

/** Lets the queued head writes (promise chains) run. */
async function settle(): Promise<void> {
  await flushAuditSigning(db);
  for (let i = 0; i < 10; i++) await new Promise((r) => setTimeout(r, 0));
}

async function start(platform: Platform): Promise<HeadFileStatus> {
  stops.push(startAuditHeadFile(db, platform));
  await settle();
  return checkStoredHead(db, platform);
}

describe('judgeStoredHead (pure)', () => {
  const head = { seq: 5, digest: 'a'.repeat(64) };
  it('holds when the entry at the head seq carries the head digest', () => {
    expect(judgeStoredHead(head, 9, 'a'.repeat(64))).toEqual({ kind: 'holds' });
  });
  it('is cut when the chain ends before the head, or is empty', () => {
    expect(judgeStoredHead(head, 4, undefined)).toEqual({ kind: 'cut', lastSeq: 4 });
    expect(judgeStoredHead(head, null, undefined)).toEqual({ kind: 'cut', lastSeq: null });
  });
  it('is not contained when the entry at the head seq is missing or differs', () => {
    expect(judgeStoredHead(head, 9, 'b'.repeat(64))).toEqual({ kind: 'not-contained' });
    expect(judgeStoredHead(head, 9, undefined)).toEqual({ kind: 'not-contained' });
  });
});

describe('the head kept outside IndexedDB', () => {
  it('first start: nothing stored; then the current head is stored and every signing batch replaces it', async () => {
    await write(2);
    const { platform, file } = desktopWithHeadFile();
    expect(await checkStoredHead(db, platform)).toEqual({ kind: 'none' });
    const status = await start(platform);
    expect(status).toMatchObject({ kind: 'holds', signed: true, head: { seq: 2 } });
    await write(3);
    await settle();
    expect(file.head?.seq).toBe(5);
    // One write per signing batch (the start's own write, then one per write above), never an older head over a newer one.
    expect(file.writes.map((h) => h.seq)).toEqual([2, 3, 4, 5]);
  });

  it('a trail cut off the end is reported, the file is kept as evidence, and an administrator may accept the current head', async () => {
    const { platform, file } = desktopWithHeadFile();
    await start(platform);
    await write(5);
    await settle();
    expect(file.head?.seq).toBe(5);
    stops.splice(0).forEach((stop) => stop());
    // Someone deletes the last two entries (and their checkpoints) in the developer tools.
    await auditTable(db).bulkDelete([4, 5]);
    const status = await start(platform);
    expect(status).toMatchObject({ kind: 'cut', verdict: { kind: 'cut', lastSeq: 3 }, signed: true, head: { seq: 5 } });
    // Later writes do not overwrite the evidence.
    await write(1);
    await settle();
    expect(file.head?.seq).toBe(5);
    // Verify reports it as broken too, with the file as the anchor.
    const anchor = headFileAnchor(status);
    expect(anchor).toEqual({ seq: 5, digest: file.head?.digest, source: 'audit-head.json' });
    const report = await verifyAuditTrail(db, { anchors: anchor ? [anchor] : [] });
    expect(report.break).toMatchObject({ kind: 'removed', missingFrom: 4, missingTo: 5 });

    await acceptCurrentHead(db, testContext(), platform);
    await settle();
    const current = await readSignedAuditHead(db);
    expect(file.head).toEqual(current);
    const acceptance = await auditTable(db).where('recordId').equals('audit-head.json').toArray();
    expect(acceptance).toHaveLength(1);
    expect(acceptance[0]?.after).toMatchObject({ acceptedHeadOver: { seq: 5 } });
    expect(await checkStoredHead(db, platform)).toMatchObject({ kind: 'holds' });
  });

  it('a rewritten entry at the head seq is reported as not contained', async () => {
    const { platform, file } = desktopWithHeadFile();
    await start(platform);
    await write(3);
    await settle();
    const stored = file.head as StoredAuditHead;
    await auditTable(db).update(stored.seq, { digest: 'f'.repeat(64) });
    expect(await checkStoredHead(db, platform)).toMatchObject({ kind: 'cut', verdict: { kind: 'not-contained' } });
  });

  it('a head signed by another key is reported as not the office’s and is no anchor', async () => {
    await write(2);
    const stranger = await generateOfficeKeys();
    const last = await auditTable(db).get(2);
    const forged: SignedAuditHead = await signCheckpoint(await importSigningKey(stranger.privateKeyPkcs8), stranger.publicKey, {
      kind: 'run',
      fromSeq: 1,
      fromPrevDigest: String((await auditTable(db).get(1))?.prevDigest),
      seq: 2,
      digest: String(last?.digest),
      signedAt: '2026-12-05T08:00:00.000Z',
    });
    const { platform } = desktopWithHeadFile(forged);
    const status = await checkStoredHead(db, platform);
    expect(status).toMatchObject({ kind: 'holds', signed: false });
    expect(headFileAnchor(status)).toBeNull();
  });

  it('a stored value that is not a head is reported and left alone', async () => {
    await write(1);
    const { platform, file } = desktopWithHeadFile();
    file.unreadable = true;
    const status = await start(platform);
    expect(status).toEqual({ kind: 'unreadable', detail: 'not a head' });
    expect(file.writes).toEqual([]);
  });
});
