import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryDigest, nextPrevDigest, type AuditEntry } from '@shared/audit';
import { QamqorDb } from '../../../renderer/src/db/database';
import {
  anchorFromSignedHead,
  appendAudit,
  auditTable,
  CHECKPOINT_PREFIX,
  flushAuditSigning,
  readSignedAuditHead,
  recordAuditEvent,
  verifyAuditTrail,
  type AuditTrailRow,
} from '../../../renderer/src/db/repositories/audit';
import { freshDb, testContext } from '../db/testContext';

let db: QamqorDb;
const opened: QamqorDb[] = [];

beforeEach(async () => {
  db = freshDb();
  await db.open();
  opened.push(db);
});

afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

/** n writes, each signed before the next (as officers' writes, seconds apart, are). */
async function trail(n: number): Promise<void> {
  const ctx = testContext();
  for (let i = 0; i < n; i++) {
    await recordAuditEvent(db, ctx, { action: 'print', table: 'complaints', recordId: `c${i}`, after: { n: i } });
    await flushAuditSigning(db);
  }
}

async function rows(): Promise<AuditEntry[]> {
  return (await auditTable(db).orderBy(':id').toArray()) as AuditEntry[];
}

function seal(e: Omit<AuditEntry, 'digest'>): AuditEntry {
  return { ...e, digest: entryDigest(e) };
}

describe('signed checkpoints in the app', () => {
  it('every committed write is signed; readSignedAuditHead gives the head; an aborted write signs nothing', async () => {
    await trail(3);
    const head = await readSignedAuditHead(db);
    const all = await rows();
    expect(head).toMatchObject({ format: 'qamqor-audit-head', seq: 3, digest: all[2]?.digest });
    expect(await db.settings.where('key').startsWith(CHECKPOINT_PREFIX).count()).toBe(3);

    await expect(
      db.transaction('rw', db.auditLog, async () => {
        await appendAudit(db, testContext(), { action: 'print', table: 'complaints', recordId: 'x' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect((await readSignedAuditHead(db))?.seq).toBe(3);
    expect(await verifyAuditTrail(db)).toMatchObject({ read: 3, verified: 3, break: null, signedHead: { seq: 3 } });
  });

  it('several entries of one transaction are one signed run', async () => {
    const ctx = testContext();
    await db.transaction('rw', db.auditLog, async () => {
      for (let i = 0; i < 4; i++) await appendAudit(db, ctx, { action: 'export', table: 'complaints', recordId: `e${i}` });
    });
    const head = await readSignedAuditHead(db);
    expect(head).toMatchObject({ fromSeq: 1, seq: 4, kind: 'run' });
    expect((await verifyAuditTrail(db)).break).toBeNull();
  });

  it('a forged tail, chained correctly but never signed, is broken at its first entry', async () => {
    await trail(4);
    const last = (await rows())[3] as AuditEntry;
    await auditTable(db).add(seal({ ...last, seq: 5, recordId: 'forged', prevDigest: last.digest }));
    expect((await verifyAuditTrail(db)).break).toEqual({ kind: 'unsigned', seq: 5 });
    // A later write by the app does not launder it: the app signs only the run it wrote.
    await trail(1);
    expect((await verifyAuditTrail(db)).break).toEqual({ kind: 'unsigned', seq: 5 });
  });

  it('a re-chained edit names the edited entry as the first that cannot be trusted', async () => {
    await trail(6);
    const all = await rows();
    let prev = all[2] as AuditEntry;
    for (const r of all.slice(3)) {
      const { digest: _d, ...rest } = r;
      const next = seal({
        ...rest,
        ...(r.seq === 4 ? { officer: 'Басқа адам' } : {}),
        prevDigest: nextPrevDigest(prev as unknown as Record<string, unknown>),
      });
      await auditTable(db).put(next);
      prev = next;
    }
    expect((await verifyAuditTrail(db)).break).toEqual({ kind: 'rewritten', seq: 4, checkpointSeq: 4, source: 'signed checkpoint' });
  });

  it('a truncated tail is broken, naming the missing entries', async () => {
    await trail(6);
    await auditTable(db).bulkDelete([5, 6]);
    expect((await verifyAuditTrail(db)).break).toEqual({ kind: 'truncated', seq: 5, missingTo: 6, source: 'signed checkpoint' });
  });

  it('stripped digests are broken', async () => {
    await trail(3);
    for (const r of await rows()) {
      const { digest: _d, prevDigest: _p, ...rest } = r;
      await auditTable(db).put(rest as AuditTrailRow);
    }
    expect((await verifyAuditTrail(db)).break).toEqual({ kind: 'edited', seq: 1, reason: 'digest-missing' });
  });

  it('a head kept outside the database catches a truncation whose checkpoints were removed too', async () => {
    await trail(5);
    const saved = JSON.parse(JSON.stringify(await readSignedAuditHead(db))) as unknown;
    const anchor = await anchorFromSignedHead(db, saved, 'file qamqor-audit-head.json');
    expect(anchor).toMatchObject({ seq: 5 });
    await auditTable(db).bulkDelete([4, 5]);
    await db.settings.bulkDelete([4, 5].map((s) => `${CHECKPOINT_PREFIX}${String(s).padStart(15, '0')}`));
    expect((await verifyAuditTrail(db)).break).toBeNull();
    expect((await verifyAuditTrail(db, { anchors: anchor ? [anchor] : [] })).break).toEqual({
      kind: 'truncated',
      seq: 4,
      missingTo: 5,
      source: 'file qamqor-audit-head.json',
    });
    // A head with a forged signature is not accepted as an anchor.
    expect(await anchorFromSignedHead(db, { ...(saved as object), seq: 9 }, 'file')).toBeNull();
  });
});
