import { beforeEach, describe, expect, it } from 'vitest';
import { BUNDLE_TABLE_NAMES, withoutBlob } from '@shared/bundle/specs';
import { buildBundle, collectBundleContent, exportEverything } from '../../../renderer/src/features/bundles/exportBundle';
import { applyImport, prepareImport } from '../../../renderer/src/features/bundles/importBundle';
import { listImportHistory } from '../../../renderer/src/features/bundles/repository';
import { decodeFor, dumpDb, mustDecode, OFFICE_A, OFFICE_B, openOffice, seedCaseload, type Caseload, type Office } from './fixtures';

let a: Office;
let b: Office;
let data: Caseload;

beforeEach(async () => {
  a = await openOffice(OFFICE_A);
  b = await openOffice(OFFICE_B);
  data = await seedCaseload(a);
});

async function rowsOf(office: Office, table: string): Promise<Record<string, unknown>[]> {
  const rows = (await office.db.table(table).toArray()) as Record<string, unknown>[];
  return Promise.all(
    rows.map(async (r) => (r['blob'] instanceof Blob ? { ...withoutBlob(r), bytes: new Uint8Array(await r['blob'].arrayBuffer()) } : r)),
  );
}

describe('bundle round trip, office A → office B', { timeout: 60_000 }, () => {
  it('a case travels with its person, every record of the case and of the person, and every file byte for byte', async () => {
    const kase = data.cases.find((c) => c.id === data.richCaseId);
    if (!kase) throw new Error('no case');
    const built = await buildBundle(a.db, { kind: 'cases', caseIds: [kase.id] }, { office: OFFICE_A, now: '2026-11-20T06:00:00.000Z' });
    if (!built.ok) throw new Error(JSON.stringify(built.error));
    expect(built.value.suggestedName).toMatch(new RegExp(`^${kase.caseNumber}-2026112\\d-\\d{4}\\.qamqor$`, 'u'));
    expect(built.value.caseNumbers).toEqual([kase.caseNumber]);

    // What the bundle should hold: the case, its person, every record of the case, the person-level ones, their files.
    const expected = (table: string, rows: readonly { id: string; caseId?: string | null; personId?: string }[]) =>
      rows
        .filter((r) => r.caseId === kase.id || (r.caseId === null && r.personId === kase.personId))
        .map((r) => r.id)
        .sort();
    const decoded = mustDecode(await decodeFor(b, built.value.bytes));
    expect(decoded.rejected).toEqual([]);
    const ids = (table: string) => (decoded.tables[table] ?? []).map((r) => r.id).sort();
    expect(ids('persons')).toEqual([kase.personId]);
    expect(ids('cases')).toEqual([kase.id]);
    for (const table of [
      'applications',
      'hearings',
      'hearingMinutes',
      'intakes',
      'rehabProgrammes',
      'wheelchairChecks',
      'complaints',
    ] as const) {
      expect(ids(table), table).toEqual(expected(table, data[table]));
    }
    expect(ids('wheelchairOrders')).toEqual(expected('wheelchairOrders', data.wheelchairOrders));
    const owners = new Set(
      Object.values(decoded.tables)
        .flat()
        .map((r) => r.id),
    );
    expect(ids('documents')).toEqual(
      data.documents
        .filter((d) => d.caseId === kase.id || owners.has(d.ownerId))
        .map((d) => d.id)
        .sort(),
    );
    expect(ids('documents').length).toBeGreaterThan(2);
    // The shared scan travels once.
    expect(decoded.attachments.size).toBe(new Set(data.documents.filter((d) => ids('documents').includes(d.id)).map((d) => d.digest)).size);

    const session = await prepareImport(b.db, 'case.qamqor', decoded);
    expect(session.preview.rejected).toEqual([]);
    expect(session.preview.counts.new).toBe(Object.values(decoded.tables).reduce((n, r) => n + r.length, 0));
    expect(session.preview.canApply).toBe(true);
    const applied = await applyImport(b.db, b.ctx, session);
    expect(applied).toMatchObject({ ok: true, value: { kind: 'applied', conflicts: 0 } });

    for (const table of BUNDLE_TABLE_NAMES) {
      const wanted = (await rowsOf(a, table)).filter((r) => (decoded.tables[table] ?? []).some((d) => d.id === r['id']));
      expect(await rowsOf(b, table), table).toEqual(wanted);
    }
    const docs = await rowsOf(b, 'documents');
    for (const d of docs) expect((d['bytes'] as Uint8Array).byteLength).toBe(d['size']);

    const history = await listImportHistory(b.db);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      bundleId: built.value.bundleId,
      office: { id: OFFICE_A.officeId, code: 'ARAL01', known: false },
      officer: OFFICE_A.officerName,
      importedBy: OFFICE_B.officerName,
      counts: { new: session.preview.counts.new, conflict: 0 },
    });
    const audit = (await b.db.auditLog.toArray()) as unknown as { action: string; table: string }[];
    expect(audit.filter((e) => e.action === 'import' && e.table === 'importHistory')).toHaveLength(1);
    expect(audit.filter((e) => e.action === 'import').length).toBe(session.preview.counts.new + 1);
  });

  it('importing the same bundle again writes nothing and says so', async () => {
    const built = await buildBundle(a.db, { kind: 'cases', caseIds: [data.richCaseId] }, { office: OFFICE_A });
    if (!built.ok) throw new Error('build');
    const first = await prepareImport(b.db, 'x.qamqor', mustDecode(await decodeFor(b, built.value.bytes)));
    expect((await applyImport(b.db, b.ctx, first)).ok).toBe(true);

    const before = await dumpDb(b.db);
    const again = await prepareImport(b.db, 'x.qamqor', mustDecode(await decodeFor(b, built.value.bytes)));
    expect(again.preview.changesNothing).toBe(true);
    expect(again.preview.canApply).toBe(false);
    expect(again.preview.counts.unchanged).toBe(first.preview.counts.new);
    expect(again.previousImports).toHaveLength(1);
    expect(await applyImport(b.db, b.ctx, again)).toEqual({ ok: true, value: { kind: 'nothing' } });
    expect(await dumpDb(b.db)).toEqual(before);
  });

  it('several cases in one bundle; an encrypted bundle needs its passphrase', async () => {
    const two = data.cases.slice(0, 2).map((c) => c.id);
    const built = await buildBundle(
      a.db,
      { kind: 'cases', caseIds: two },
      { office: OFFICE_A, passphrase: 'Арал теңізі қайта толады 2026' },
    );
    if (!built.ok) throw new Error('build');
    expect(built.value.encrypted).toBe(true);
    expect(built.value.suggestedName).toMatch(/^ARAL01-cases-2-\d{8}-\d{4}\.qamqor$/u);
    expect(await decodeFor(b, built.value.bytes)).toMatchObject({ ok: false, error: { code: 'passphrase-required' } });
    expect(await decodeFor(b, built.value.bytes, { passphrase: 'басқа' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    const decoded = mustDecode(await decodeFor(b, built.value.bytes, { passphrase: 'Арал теңізі қайта толады 2026' }));
    expect(decoded.encrypted).toBe(true);
    expect((decoded.tables['cases'] ?? []).map((c) => c.id).sort()).toEqual([...two].sort());
  });

  it('everything changed since a date comes with the parents it needs', async () => {
    // Only one hearing changed after the date; its application, case and person come along.
    const hearing = data.hearings[0];
    if (!hearing) throw new Error('no hearing');
    const changed = {
      ...hearing,
      place: 'Арал қ., Абай к-сі, 5, 14-кабинет',
      updatedAt: '2026-12-01T09:00:00.000Z',
      version: { [OFFICE_A.officeId]: 2 },
    };
    await a.db.table('hearings').put(changed);
    const content = await collectBundleContent(a.db, { kind: 'since', since: '2026-11-30T19:00:00.000Z' });
    const app = data.applications.find((x) => x.id === hearing.applicationId);
    const kase = data.cases.find((c) => c.id === hearing.caseId);
    expect((content.tables['hearings'] ?? []).map((r) => r.id)).toEqual([hearing.id]);
    expect((content.tables['applications'] ?? []).map((r) => r.id)).toEqual([app?.id]);
    expect((content.tables['cases'] ?? []).map((r) => r.id)).toEqual([kase?.id]);
    expect((content.tables['persons'] ?? []).map((r) => r.id)).toEqual([kase?.personId]);
    expect(content.tables['complaints']).toBeUndefined();
  });

  it('exportEverything carries every record and file of the office (a backup)', async () => {
    const built = await exportEverything(a.db, { office: OFFICE_A });
    if (!built.ok) throw new Error('build');
    const decoded = mustDecode(await decodeFor(b, built.value.bytes));
    for (const table of BUNDLE_TABLE_NAMES) expect((decoded.tables[table] ?? []).length, table).toBe(await a.db.table(table).count());
    const session = await prepareImport(b.db, 'all.qamqor', decoded);
    expect(session.preview.rejected).toEqual([]);
    const progress: { done: number; total: number }[] = [];
    const applied = await applyImport(b.db, b.ctx, session, { onProgress: (p) => progress.push(p) });
    if (!applied.ok || applied.value.kind !== 'applied') throw new Error(JSON.stringify(applied));
    for (const table of BUNDLE_TABLE_NAMES) expect(await rowsOf(b, table), table).toEqual(await rowsOf(a, table));
    // Progress of the writes: from 0, rising, ending at every record written.
    expect(progress[0]).toEqual({ done: 0, total: applied.value.written });
    expect(progress.at(-1)).toEqual({ done: applied.value.written, total: applied.value.written });
    expect(progress.every((p, i) => i === 0 || p.done > (progress[i - 1]?.done ?? 0))).toBe(true);
  });

  it('an empty selection makes no bundle', async () => {
    expect(await buildBundle(a.db, { kind: 'cases', caseIds: ['00000000-0000-4000-8000-999999999999'] }, { office: OFFICE_A })).toEqual({
      ok: false,
      error: { code: 'empty' },
    });
  });
});
