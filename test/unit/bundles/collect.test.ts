import { beforeEach, describe, expect, it } from 'vitest';
import { QamqorDb } from '../../../renderer/src/db/database';
import { buildBundle, collectBundleContent, type BundleContent, type Exporter } from '../../../renderer/src/features/bundles/exportBundle';
import { encodeHere, runExport } from '../../../renderer/src/features/bundles/exportJob';
import { decodeFor, mustDecode, OFFICE_A, OFFICE_B, openOffice, seedCaseload, type Caseload, type Office } from './fixtures';

let a: Office;
let b: Office;
let data: Caseload;

beforeEach(async () => {
  a = await openOffice(OFFICE_A);
  b = await openOffice(OFFICE_B);
  data = await seedCaseload(a);
});

const idsOf = (content: BundleContent): Record<string, string[]> =>
  Object.fromEntries(Object.entries(content.tables).map(([table, rows]) => [table, rows.map((r) => r.id)]));

describe('reading a selection of cases (one query per table for all the cases)', () => {
  it('several cases at once hold exactly the union of what each case brings on its own, files included', async () => {
    const caseIds = data.cases.map((c) => c.id);
    expect(caseIds.length).toBeGreaterThan(2);
    const alone = await Promise.all(caseIds.map((id) => collectBundleContent(a.db, { kind: 'cases', caseIds: [id] })));
    const union: Record<string, Set<string>> = {};
    for (const content of alone)
      for (const [table, ids] of Object.entries(idsOf(content))) for (const id of ids) (union[table] ??= new Set()).add(id);
    const expected = Object.fromEntries(Object.entries(union).map(([t, ids]) => [t, [...ids].sort()]));

    const together = await collectBundleContent(a.db, { kind: 'cases', caseIds });
    expect(idsOf(together)).toEqual(expected);
    // One attachment per stored document; documents with the same bytes share a digest.
    const digests = (c: BundleContent) => [...new Set(c.attachments.map((x) => x.digest))].sort();
    expect(digests(together)).toEqual([...new Set(alone.flatMap(digests))].sort());
    expect(together.cases.map((c) => c.id).sort()).toEqual([...caseIds].sort());
  });

  it('unknown case ids are skipped, and an empty selection reads nothing', async () => {
    const one = data.richCaseId;
    const withUnknown = await collectBundleContent(a.db, { kind: 'cases', caseIds: ['no-such-case', one] });
    const alone = await collectBundleContent(a.db, { kind: 'cases', caseIds: [one] });
    expect(idsOf(withUnknown)).toEqual(idsOf(alone));
    const none = await collectBundleContent(a.db, { kind: 'cases', caseIds: ['no-such-case'] });
    expect(none.tables).toEqual({});
    expect(none.attachments).toEqual([]);
  });
});

describe('the export job on its own connection (what the bundle worker does)', () => {
  it('reads the database named in the job and packs the same records as the page would', async () => {
    const caseIds = data.cases.map((c) => c.id);
    const options = { office: OFFICE_A, now: '2026-11-20T06:00:00.000Z', bundleId: '0b9a4c1e-7d2f-4f6a-9c3e-1a2b3c4d5e6f' };
    const seen: string[] = [];
    const elsewhere: Exporter = async (job, onProgress) => {
      seen.push(job.dbName);
      const own = new QamqorDb(job.dbName);
      try {
        return await runExport(own, job, encodeHere, onProgress);
      } finally {
        own.close();
      }
    };
    const here = await buildBundle(a.db, { kind: 'cases', caseIds }, options);
    const there = await buildBundle(a.db, { kind: 'cases', caseIds }, { ...options, exporter: elsewhere });
    if (!here.ok || !there.ok) throw new Error(`export failed: ${JSON.stringify([here.ok || here.error, there.ok || there.error])}`);
    expect(seen).toEqual([a.db.name]);
    const { bytes: hereBytes, ...hereSummary } = here.value;
    const { bytes: thereBytes, ...thereSummary } = there.value;
    expect(thereSummary).toEqual(hereSummary);
    const tablesOf = async (bytes: Uint8Array) => mustDecode(await decodeFor(b, bytes)).tables;
    expect(await tablesOf(thereBytes)).toEqual(await tablesOf(hereBytes));
  });

  it('says "empty" when the selection holds nothing', async () => {
    const built = await buildBundle(a.db, { kind: 'cases', caseIds: ['no-such-case'] }, { office: OFFICE_A });
    expect(built).toEqual({ ok: false, error: { code: 'empty' } });
  });
});
