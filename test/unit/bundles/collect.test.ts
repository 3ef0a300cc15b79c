import { beforeEach, describe, expect, it } from 'vitest';
import { collectBundleContent, type BundleContent } from '../../../renderer/src/features/bundles/exportBundle';
import { OFFICE_A, openOffice, seedCaseload, type Caseload, type Office } from './fixtures';

let a: Office;
let data: Caseload;

beforeEach(async () => {
  a = await openOffice(OFFICE_A);
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
