/**
 * Issue 14 B7: an export (or a backup, which is the same job) can be cancelled while it reads and
 * packs; a cancelled job answers 'cancelled', packs nothing, and leaves no file and no audit entry.
 */
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../../renderer/src/features/bundles/exportBundle';
import { runExport, type Encoder } from '../../../renderer/src/features/bundles/exportJob';
import { ensureOfficeKeys } from '../../../renderer/src/features/bundles/repository';
import { exportInWorker } from '../../../renderer/src/features/bundles/workerClient';
import { dumpDb, OFFICE_A, openOffice, seedCaseload } from './fixtures';

describe('cancelling an export', { timeout: 60_000 }, () => {
  it('while it reads: nothing is packed, the job says cancelled', async () => {
    const a = await openOffice(OFFICE_A);
    const data = await seedCaseload(a);
    const controller = new AbortController();
    let packed = 0;
    const encoder: Encoder = () => {
      packed += 1;
      return Promise.resolve({ ok: true, value: new Uint8Array(1) });
    };
    const job = {
      dbName: a.db.name,
      selection: { kind: 'cases' as const, caseIds: data.cases.map((c) => c.id) },
      wholeOffice: false,
      header: {
        bundleId: '0b9a4c1e-7d2f-4f6a-9c3e-1a2b3c4d5e6f',
        createdAt: '2026-11-20T06:00:00.000Z',
        office: { id: OFFICE_A.officeId, code: OFFICE_A.officeCode, name: OFFICE_A.officeName },
        officer: OFFICE_A.officerName,
        appVersion: 'test',
      },
      signingKey: await ensureOfficeKeys(a.db),
    };
    // The officer presses Cancel as soon as the reading starts.
    const result = await runExport(a.db, job, encoder, () => controller.abort(), controller.signal);
    expect(result).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(packed).toBe(0);
  });

  it('through the exporter the pages use: no bundle, no audit entry, the database unchanged', async () => {
    const a = await openOffice(OFFICE_A);
    const data = await seedCaseload(a);
    const before = await dumpDb(a.db);
    const controller = new AbortController();
    const built = await buildBundle(
      a.db,
      { kind: 'cases', caseIds: data.cases.map((c) => c.id) },
      {
        office: OFFICE_A,
        exporter: exportInWorker(a.db, controller.signal),
        // Cancelled once packing has begun (the codec's first step).
        onProgress: (_done, total) => {
          if (total > 1) controller.abort();
        },
      },
    );
    expect(built).toEqual({ ok: false, error: { code: 'cancelled' } });
    expect(await dumpDb(a.db)).toEqual(before);
  });
});
