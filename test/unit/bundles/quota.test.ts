/**
 * Issue 19 point 5: a full disk while an import or a restore applies. The apply runs in the bundle
 * worker, which has no translations, so the failure comes back as a code (`quota`) the page says in
 * kk/ru (`errors.quota`), never as an empty text; IndexedDB aborts the whole transaction, so the
 * database is exactly as it was.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { buildBundle } from '../../../renderer/src/features/bundles/exportBundle';
import { ImportHost } from '../../../renderer/src/features/bundles/importJob';
import { dumpDb, OFFICE_A, OFFICE_B, openOffice, seedCaseload } from './fixtures';

type Write = (this: IDBObjectStore, ...args: unknown[]) => IDBRequest<IDBValidKey>;
const proto = globalThis.IDBObjectStore.prototype;
const original = { put: proto.put as Write, add: proto.add as Write };

/** From the first write to `store` on, every IndexedDB write fails with QuotaExceededError, as on a full disk. */
function fillDiskAt(store: string): void {
  let full = false;
  for (const method of ['put', 'add'] as const) {
    const write = original[method];
    proto[method] = function (this: IDBObjectStore, ...args: unknown[]): IDBRequest<IDBValidKey> {
      if (this.name === store) full = true;
      if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return write.apply(this, args);
    } as IDBObjectStore['put'];
  }
}

afterEach(() => {
  proto.put = original.put as IDBObjectStore['put'];
  proto.add = original.add as IDBObjectStore['add'];
});

async function opened() {
  const a = await openOffice(OFFICE_A);
  const b = await openOffice(OFFICE_B);
  await seedCaseload(a);
  const built = await buildBundle(a.db, { kind: 'everything' }, { office: a.profile });
  if (!built.ok) throw new Error(JSON.stringify(built.error));
  const host = new ImportHost(b.db);
  const summary = await host.open({ dbName: b.db.name, fileName: 'all.qamqor', bytes: built.value.bytes }, () => undefined);
  if (!summary.ok || !summary.value.canApply) throw new Error(JSON.stringify(summary));
  return { b, host };
}

describe('a full disk while a bundle applies', { timeout: 120_000 }, () => {
  it('an import answers with the quota code and writes nothing', async () => {
    const { b, host } = await opened();
    const before = await dumpDb(b.db);
    // Every record is put; the disk fills up as the import's history row is written.
    fillDiskAt('importHistory');
    const applied = await host.apply({ actor: b.ctx.actor, roles: b.ctx.roles, now: b.ctx.now() }, () => undefined);
    expect(applied).toEqual({ ok: false, error: { code: 'quota' } });
    expect(await dumpDb(b.db)).toEqual(before);
  });

  it('a restore answers with the quota code and writes nothing', async () => {
    const { b, host } = await opened();
    const before = await dumpDb(b.db);
    fillDiskAt('auditLog');
    const applied = await host.apply({ actor: b.ctx.actor, roles: b.ctx.roles, now: b.ctx.now(), restoreInto: OFFICE_B }, () => undefined);
    expect(applied).toEqual({ ok: false, error: { code: 'quota' } });
    expect(await dumpDb(b.db)).toEqual(before);
  });
});
