import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QamqorDb } from '../../../renderer/src/db/database';
import {
  appendAudit,
  auditHead,
  auditOfficers,
  auditTable,
  getAuditEntry,
  listAudit,
  recordAuditEvent,
  recordHistory,
  verifyAuditTrail,
  type AuditTrailRow,
} from '../../../renderer/src/db/repositories/audit';
import { addPerson, updatePerson } from '../../../renderer/src/db/repositories/persons';
import { AUDIT_FORMAT, GENESIS_DIGEST, nextPrevDigest, sealEntry } from '@shared/audit';
import { signByHand } from './signing';
import { ALIYA, BORIS, freshDb, testContext } from '../db/testContext';

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

async function rows(): Promise<AuditTrailRow[]> {
  return auditTable(db).orderBy(':id').toArray();
}

async function person(ctx = testContext()) {
  const r = await addPerson(db, ctx, ALIYA);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('appendAudit', () => {
  it('chains the entries of real writes: create keeps the record, update keeps only what changed', async () => {
    const ctx = testContext();
    const p = await person(ctx);
    const u = await updatePerson(db, ctx, p.id, { ...ALIYA, phone: '+7 702 000 00 00', address: 'Арал қ., Бейбітшілік к-сі, 3' });
    if (!u.ok) throw new Error('update');
    const [created, updated] = await rows();
    expect(created).toMatchObject({
      seq: 1,
      format: AUDIT_FORMAT,
      action: 'create',
      table: 'persons',
      recordId: p.id,
      officer: 'Жанар Омарова',
      prevDigest: GENESIS_DIGEST,
    });
    expect(created?.after).toMatchObject({ iin: ALIYA.iin, lastName: 'Сейтқали' });
    expect(created?.officeId).toBe(ctx.actor.officeId);
    expect(updated).toMatchObject({ seq: 2, action: 'update', prevDigest: created?.digest });
    expect(updated?.before).toBeUndefined();
    expect(updated?.after).toBeUndefined();
    const changed = (updated?.changes ?? []).map((c) => c.path.join('.'));
    expect(changed).toEqual(['address', 'phone', 'updatedAt', `version.${ctx.actor.officeId}`]);
    expect(updated?.changes?.find((c) => c.path[0] === 'phone')).toEqual({
      path: ['phone'],
      before: '+77012345678',
      after: '+77020000000',
    });
    expect(await verifyAuditTrail(db)).toMatchObject({
      read: 2,
      verified: 2,
      legacy: null,
      break: null,
      head: { seq: 2, digest: updated?.digest },
    });
    expect(await auditHead(db)).toEqual({ seq: 2, digest: updated?.digest });
  });

  it('never copies attachment bytes into the trail', async () => {
    const ctx = testContext();
    const blob = new Blob([new Uint8Array(50_000)], { type: 'image/jpeg' });
    await db.transaction('rw', db.documents, db.auditLog, async () => {
      await db.documents.add({ id: 'd1', fileName: 'scan.jpg', blob });
      await appendAudit(db, ctx, {
        action: 'create',
        table: 'documents',
        recordId: 'd1',
        after: { id: 'd1', fileName: 'scan.jpg', blob, thumbnail: new Uint8Array(900) },
      });
    });
    const [entry] = await rows();
    expect(entry?.after).toEqual({
      id: 'd1',
      fileName: 'scan.jpg',
      blob: { $omitted: 'blob', size: 50_000, mimeType: 'image/jpeg' },
      thumbnail: { $omitted: 'bytes', size: 900 },
    });
    expect((await verifyAuditTrail(db)).break).toBeNull();
  });

  it('a transaction that throws after appending leaves neither the record nor the entry, and the chain goes on without a gap', async () => {
    const ctx = testContext();
    await person(ctx);
    await expect(
      db.transaction('rw', db.persons, db.auditLog, async () => {
        await db.persons.add({ ...(await db.persons.toCollection().first())!, id: 'x', iin: BORIS.iin });
        await appendAudit(db, ctx, { action: 'create', table: 'persons', recordId: 'x', after: { id: 'x' } });
        throw new Error('validation failed late');
      }),
    ).rejects.toThrow('validation failed late');
    expect(await db.persons.get('x')).toBeUndefined();
    expect(await rows()).toHaveLength(1);
    // The aborted transaction gave its seq back: the next entry is 2, not 3, and the chain is intact.
    await recordAuditEvent(db, ctx, { action: 'print', table: 'persons', recordId: 'p', after: { form: 'card' } });
    expect((await rows()).map((r) => r.seq)).toEqual([1, 2]);
    expect((await verifyAuditTrail(db)).break).toBeNull();
  });

  it('concurrent writes from two windows (two connections) still form one valid chain', async () => {
    const name = db.name;
    const other = new QamqorDb(name);
    await other.open();
    opened.push(other);
    const a = testContext('Жанар Омарова');
    const b = testContext('Борис Ким');
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 40; i++) {
      const [conn, ctx] = i % 2 ? [other, b] : [db, a];
      writes.push(recordAuditEvent(conn, ctx, { action: 'print', table: 'persons', recordId: `r${i}`, after: { copy: i } }));
      writes.push(
        conn.transaction('rw', conn.persons, conn.auditLog, async () => {
          await conn.persons.put({ ...(await conn.persons.get('none')), id: `p${i}`, iin: String(100000000000 + i) } as never);
          await appendAudit(conn, ctx, { action: 'create', table: 'persons', recordId: `p${i}`, after: { id: `p${i}` } });
        }),
      );
    }
    await Promise.all(writes);
    const all = await rows();
    expect(all).toHaveLength(80);
    expect(all.map((r) => r.seq)).toEqual(Array.from({ length: 80 }, (_, i) => i + 1));
    expect(new Set(all.map((r) => r.officer))).toEqual(new Set(['Жанар Омарова', 'Борис Ким']));
    for (let i = 1; i < all.length; i++) expect(all[i]?.prevDigest).toBe(all[i - 1]?.digest);
    expect(await verifyAuditTrail(other)).toMatchObject({ verified: 80, break: null });
  });

  it('appended outside any transaction, it opens its own and still chains', async () => {
    const ctx = testContext();
    await Promise.all(
      [0, 1, 2, 3].map((i) => appendAudit(db, ctx, { action: 'export', table: 'complaints', recordId: `e${i}`, after: { rows: i } })),
    );
    expect((await verifyAuditTrail(db)).verified).toBe(4);
  });
});

describe('verifyAuditTrail', () => {
  async function trail(n: number) {
    const ctx = testContext();
    for (let i = 0; i < n; i++)
      await recordAuditEvent(db, ctx, { action: 'print', table: 'persons', recordId: `p${i % 4}`, after: { n: i } });
  }

  it('finds an entry altered in the database, and names it', async () => {
    await trail(12);
    const row = await getAuditEntry(db, 7);
    await auditTable(db).put({ ...(row as AuditTrailRow), officer: 'Someone else' });
    expect((await verifyAuditTrail(db, { pageSize: 5 })).break).toEqual({ kind: 'edited', seq: 7, reason: 'digest-mismatch' });
  });

  it('finds a removed entry, a removed last entry followed by a new one, and an inserted one', async () => {
    await trail(10);
    await auditTable(db).delete(4);
    expect((await verifyAuditTrail(db)).break).toEqual({ kind: 'removed', seq: 5, afterSeq: 3, missingFrom: 4, missingTo: 4 });

    db = freshDb();
    opened.push(db);
    await trail(5);
    await auditTable(db).delete(5);
    // The key generator does not hand 5 out again, so cutting the tail and writing on leaves a gap.
    await recordAuditEvent(db, testContext(), { action: 'print', table: 'persons', recordId: 'p', after: {} });
    expect((await verifyAuditTrail(db)).break).toEqual({ kind: 'removed', seq: 6, afterSeq: 4, missingFrom: 5, missingTo: 5 });

    db = freshDb();
    opened.push(db);
    await trail(5);
    const copy = (await getAuditEntry(db, 2)) as AuditTrailRow;
    await auditTable(db).add({ ...copy, seq: 2.5 });
    expect((await verifyAuditTrail(db)).break).toMatchObject({ kind: 'edited', seq: 2.5 });
  });

  it('reports progress page by page and never reads the whole trail at once', async () => {
    const ctx = testContext();
    // Built with the pure functions and bulk-added, as appendAudit would have written them.
    const batch: AuditTrailRow[] = [];
    let previous: AuditTrailRow | undefined;
    for (let seq = 1; seq <= 5_000; seq++) {
      const e = sealEntry({
        seq,
        format: AUDIT_FORMAT,
        at: ctx.now(),
        officer: 'Жанар Омарова',
        officeId: ctx.actor.officeId,
        action: 'update',
        table: 'persons',
        recordId: `p${seq % 100}`,
        changes: [{ path: ['phone'], before: `${seq}`, after: `${seq + 1}` }],
        prevDigest: nextPrevDigest(previous as Readonly<Record<string, unknown>> | undefined),
      });
      batch.push(e);
      previous = e;
    }
    await auditTable(db).bulkAdd(batch);
    // Rows added behind the app's back are vouched for by nothing until the office signs them.
    expect((await verifyAuditTrail(db)).break).toEqual({ kind: 'unsigned', seq: 1 });
    await signByHand(db, batch[0] as AuditTrailRow, batch[batch.length - 1] as AuditTrailRow);
    const progress: [number, number][] = [];
    const report = await verifyAuditTrail(db, { pageSize: 1000, onProgress: (r, t) => progress.push([r, t]) });
    expect(report).toMatchObject({ read: 5000, verified: 5000, break: null, head: { seq: 5000 } });
    expect(progress).toEqual([
      [0, 5000],
      [1000, 5000],
      [2000, 5000],
      [3000, 5000],
      [4000, 5000],
      [5000, 5000],
    ]);

    const controller = new AbortController();
    controller.abort();
    await expect(verifyAuditTrail(db, { signal: controller.signal })).rejects.toThrow();
  });

  it('a trail begun before the chain existed reports its legacy entries as not verifiable, then verifies the rest', async () => {
    // Rows as the first release wrote them (no digest, no prevDigest).
    await db.table('auditLog').bulkAdd([
      {
        at: '2026-01-05T09:00:00.000Z',
        officer: 'Жанар Омарова',
        action: 'create',
        recordId: 'p1',
        table: 'persons',
        after: { lastName: 'Ким' },
      },
      {
        at: '2026-01-05T09:05:00.000Z',
        officer: 'Жанар Омарова',
        action: 'update',
        recordId: 'p1',
        table: 'persons',
        before: { phone: '' },
        after: { phone: '1' },
      },
    ]);
    expect(await verifyAuditTrail(db)).toMatchObject({ verified: 0, legacy: { count: 2, firstSeq: 1, lastSeq: 2 }, break: null });
    const p = await person();
    expect(await verifyAuditTrail(db)).toMatchObject({ read: 3, verified: 1, legacy: { count: 2 }, break: null, head: { seq: 3 } });
    expect(await recordHistory(db, 'persons', p.id)).toHaveLength(1);
  });
});

describe('reading the trail', () => {
  it('lists newest first a page at a time, filters by officer, action, table, record and date, and gives a record its history', async () => {
    const a = testContext('Жанар Омарова');
    // One clock for both officers, so times follow the order of writes.
    const b = { ...a, actor: { ...a.actor, officerName: 'Борис Ким' } };
    const p = await person(a);
    for (let i = 0; i < 7; i++) {
      const r = await updatePerson(db, i % 2 ? b : a, p.id, { ...ALIYA, phone: `+7 701 000 00 0${i}` });
      if (!r.ok) throw new Error('update');
    }
    await recordAuditEvent(db, b, { action: 'print', table: 'complaints', recordId: 'c1', after: { form: 'journal' } });

    const first = await listAudit(db, {}, { limit: 4 });
    expect(first.entries.map((e) => e.seq)).toEqual([9, 8, 7, 6]);
    const second = await listAudit(db, {}, { limit: 4, beforeSeq: first.nextBeforeSeq });
    expect(second.entries.map((e) => e.seq)).toEqual([5, 4, 3, 2]);
    const third = await listAudit(db, {}, { limit: 4, beforeSeq: second.nextBeforeSeq });
    expect(third).toEqual({ entries: [expect.objectContaining({ seq: 1 })], nextBeforeSeq: undefined });

    const byBoris = await listAudit(db, { officer: 'Борис Ким' }, { limit: 2 });
    expect(byBoris.entries.map((e) => e.seq)).toEqual([9, 7]);
    expect(
      (await listAudit(db, { officer: 'Борис Ким' }, { limit: 2, beforeSeq: byBoris.nextBeforeSeq })).entries.map((e) => e.seq),
    ).toEqual([5, 3]);
    expect((await listAudit(db, { action: 'create' })).entries.map((e) => e.seq)).toEqual([1]);
    expect((await listAudit(db, { table: 'complaints' })).entries.map((e) => e.recordId)).toEqual(['c1']);
    expect((await listAudit(db, { recordId: p.id, officer: 'Жанар Омарова' })).entries.map((e) => e.seq)).toEqual([8, 6, 4, 2, 1]);
    const at3 = (await getAuditEntry(db, 3))?.at ?? '';
    const at5 = (await getAuditEntry(db, 5))?.at ?? '';
    expect((await listAudit(db, { fromAt: at3, toAt: at5 })).entries.map((e) => e.seq)).toEqual([4, 3]);

    const history = await recordHistory(db, 'persons', p.id);
    expect(history.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(history[3]?.changes?.find((c) => c.path[0] === 'phone')).toEqual({
      path: ['phone'],
      before: '+77010000001',
      after: '+77010000002',
    });
    expect(await auditOfficers(db)).toEqual(['Борис Ким', 'Жанар Омарова']);
  });
});
