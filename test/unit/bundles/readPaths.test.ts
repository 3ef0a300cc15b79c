/**
 * Issue 14 B5/B8: a large selection is read with one whole-table read per table and filtered in
 * memory, a small one through the indexes (`anyOf`). Both ways must give the same bundle content,
 * record for record and in the same order, with the same files, and so the same packed bytes.
 */
import { describe, expect, it } from 'vitest';
import { collectBundleContent, encodeHere, type BundleSelection } from '../../../renderer/src/features/bundles/exportJob';
import { ensureOfficeKeys } from '../../../renderer/src/features/bundles/repository';
import { OFFICE_A, openOffice, seedCaseload } from './fixtures';

describe('reading a selection by its indexes or by whole tables', { timeout: 60_000 }, () => {
  it('gives the same records, order, files and bytes for every kind of selection', async () => {
    const a = await openOffice(OFFICE_A);
    const data = await seedCaseload(a);
    const caseIds = data.cases.map((c) => c.id);
    const selections: BundleSelection[] = [
      { kind: 'cases', caseIds },
      { kind: 'cases', caseIds: caseIds.slice(0, Math.ceil(caseIds.length / 2)) },
      { kind: 'cases', caseIds: [data.richCaseId] },
      { kind: 'since', since: '2026-06-01T00:00:00.000Z' },
      { kind: 'everything' },
    ];
    const keys = await ensureOfficeKeys(a.db);
    for (const selection of selections) {
      const byIndex = await collectBundleContent(a.db, selection, { wholeTableShare: Infinity });
      const byTable = await collectBundleContent(a.db, selection, { wholeTableShare: 0 });
      expect(Object.keys(byIndex.tables).length).toBeGreaterThan(0);
      expect(byTable).toEqual(byIndex);
      const pack = (content: typeof byIndex) =>
        encodeHere(
          {
            bundleId: '0b9a4c1e-7d2f-4f6a-9c3e-1a2b3c4d5e6f',
            createdAt: '2026-11-20T06:00:00.000Z',
            office: { id: OFFICE_A.officeId, code: OFFICE_A.officeCode, name: OFFICE_A.officeName },
            officer: OFFICE_A.officerName,
            appVersion: 'test',
            tables: content.tables,
            attachments: content.attachments,
          },
          { signingKey: keys },
          () => undefined,
        );
      const [one, two] = [await pack(byIndex), await pack(byTable)];
      if (!one.ok || !two.ok) throw new Error('pack failed');
      expect(two.value).toEqual(one.value);
    }
    // The default reads the whole caseload by whole tables and still matches.
    expect(await collectBundleContent(a.db, { kind: 'cases', caseIds })).toEqual(
      await collectBundleContent(a.db, { kind: 'cases', caseIds }, { wholeTableShare: Infinity }),
    );
  });
});
