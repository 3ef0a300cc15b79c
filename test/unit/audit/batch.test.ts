import { afterEach, describe, expect, it } from 'vitest';
import type { QamqorDb } from '../../../renderer/src/db/database';
import {
  appendAudit,
  appendAuditBatch,
  auditTable,
  readSignedAuditHead,
  verifyAuditTrail,
  type AuditTrailRow,
} from '../../../renderer/src/db/repositories/audit';
import { freshDb, testContext } from '../db/testContext';

const opened: QamqorDb[] = [];

afterEach(() => {
  for (const d of opened.splice(0)) d.close();
});

async function open(): Promise<QamqorDb> {
  const db = freshDb();
  await db.open();
  opened.push(db);
  return db;
}

const inputs = Array.from({ length: 1200 }, (_, i) => ({
  action: 'create' as const,
  table: 'persons',
  recordId: `p-${i}`,
  after: { n: i },
}));

async function rows(db: QamqorDb): Promise<AuditTrailRow[]> {
  return auditTable(db).orderBy(':id').toArray();
}

describe('appendAuditBatch', () => {
  it('writes the same chain, digest for digest, as appending the entries one by one, and it verifies signed', async () => {
    const one = await open();
    const oneCtx = testContext();
    await appendAudit(one, oneCtx, { action: 'sign-in', table: 'session', recordId: 's', after: { signIn: true } });
    await one.transaction('rw', auditTable(one), async () => {
      for (const e of inputs) await appendAudit(one, oneCtx, e);
    });

    const batch = await open();
    const batchCtx = testContext();
    await appendAudit(batch, batchCtx, { action: 'sign-in', table: 'session', recordId: 's', after: { signIn: true } });
    await batch.transaction('rw', auditTable(batch), () => appendAuditBatch(batch, batchCtx, inputs));

    const a = await rows(one);
    const b = await rows(batch);
    expect(b).toHaveLength(inputs.length + 1);
    expect(b.map((r) => [r.seq, r.digest, r.prevDigest])).toEqual(a.map((r) => [r.seq, r.digest, r.prevDigest]));
    expect(await verifyAuditTrail(batch)).toMatchObject({ read: 1201, verified: 1201, break: null });
    expect(await readSignedAuditHead(batch)).toMatchObject({ seq: 1201, digest: b[1200]?.digest });
  });

  it('writes nothing when the caller’s transaction aborts', async () => {
    const db = await open();
    const ctx = testContext();
    await expect(
      db.transaction('rw', auditTable(db), async () => {
        await appendAuditBatch(db, ctx, inputs.slice(0, 10));
        throw new Error('import failed');
      }),
    ).rejects.toThrow('import failed');
    expect(await auditTable(db).count()).toBe(0);
    expect(await verifyAuditTrail(db)).toMatchObject({ break: null });
  });
});
