import { describe, expect, it } from 'vitest';
import {
  AUDIT_FORMAT,
  auditPayload,
  ChainVerifier,
  entryDigest,
  GENESIS_DIGEST,
  legacyDigest,
  nextPrevDigest,
  sealEntry,
  verifyChain,
  type AuditEntry,
} from '@shared/audit/chain';

type Row = Record<string, unknown>;

/** Builds a chain the way appendAudit does: seq from 1 (or after the legacy rows), each linked to the last. */
function buildChain(n: number, legacy: Row[] = []): Row[] {
  const rows: Row[] = [...legacy];
  for (let i = 0; i < n; i++) {
    const previous = rows[rows.length - 1];
    const seq = previous ? (previous.seq as number) + 1 : 1;
    const entry: AuditEntry = sealEntry({
      seq,
      format: AUDIT_FORMAT,
      at: `2026-01-05T09:00:${String(i % 60).padStart(2, '0')}.000Z`,
      officer: i % 2 ? 'Борис Ким' : 'Жанар Омарова',
      officeId: 'office-1',
      action: i === 0 ? 'create' : 'update',
      table: 'persons',
      recordId: `p${i % 3}`,
      ...(i === 0 ? auditPayload(undefined, { lastName: 'Ким', phone: '' }) : auditPayload({ phone: `${i}` }, { phone: `${i + 1}` })),
      prevDigest: nextPrevDigest(previous),
    });
    rows.push({ ...entry });
  }
  return rows;
}

const clone = (rows: Row[]): Row[] => JSON.parse(JSON.stringify(rows)) as Row[];

describe('the audit chain', () => {
  it('an untouched chain verifies, and the report names its head', () => {
    const rows = buildChain(20);
    const report = verifyChain(rows);
    expect(report).toEqual({ read: 20, verified: 20, legacy: null, head: { seq: 20, digest: rows[19]?.digest }, break: null });
    expect(rows[0]?.prevDigest).toBe(GENESIS_DIGEST);
    expect(rows[1]?.prevDigest).toBe(rows[0]?.digest);
    expect(verifyChain([])).toEqual({ read: 0, verified: 0, legacy: null, head: null, break: null });
  });

  it('the digest covers every field, seq and prevDigest included', () => {
    const [e] = buildChain(1) as [Row];
    expect(entryDigest(e)).toBe(e.digest);
    for (const field of Object.keys(e).filter((k) => k !== 'digest')) {
      expect(entryDigest({ ...e, [field]: field === 'seq' ? 2 : 'x' }), field).not.toBe(e.digest);
    }
    expect(entryDigest({ ...e, extra: 1 })).not.toBe(e.digest);
  });

  it('editing any field of any entry is reported as that entry, edited', () => {
    const rows = buildChain(8);
    for (let i = 0; i < rows.length; i++) {
      for (const field of Object.keys(rows[i] as Row)) {
        if (field === 'seq') continue; // the key itself: see the reorder test
        const tampered = clone(rows);
        const row = tampered[i] as Row;
        row[field] =
          field === 'changes' ? [{ path: ['phone'], before: '1', after: 'forged' }] : field === 'after' ? { lastName: 'Forged' } : 'forged';
        const report = verifyChain(tampered);
        expect(report.break, `${i}.${field}`).toMatchObject({ kind: 'edited', seq: i + 1 });
        expect(report.verified).toBe(i);
      }
    }
  });

  it('an edit deep inside the recorded changes, or an added field, is caught', () => {
    const rows = clone(buildChain(5));
    ((rows[2] as { changes: { after: string }[] }).changes[0] as { after: string }).after = '999';
    expect(verifyChain(rows).break).toEqual({ kind: 'edited', seq: 3, reason: 'digest-mismatch' });
    const added = clone(buildChain(5));
    (added[3] as Row).note = 'inserted remark';
    expect(verifyChain(added).break).toEqual({ kind: 'edited', seq: 4, reason: 'digest-mismatch' });
  });

  it('stripping an entry of its digest is an edit, not legacy', () => {
    const rows = clone(buildChain(5));
    delete (rows[2] as Row).digest;
    delete (rows[2] as Row).prevDigest;
    expect(verifyChain(rows).break).toEqual({ kind: 'edited', seq: 3, reason: 'digest-missing' });
    // Stripping the first entries to pass them off as legacy breaks the anchor of the next one.
    const first = clone(buildChain(5));
    delete (first[0] as Row).digest;
    delete (first[0] as Row).prevDigest;
    expect(verifyChain(first)).toMatchObject({ legacy: { count: 1 }, break: { kind: 'inserted', seq: 2, reason: 'prev-digest-mismatch' } });
  });

  it('deleting an entry is reported at the next one, with the missing numbers', () => {
    const rows = buildChain(10);
    expect(verifyChain(rows.filter((r) => r.seq !== 4)).break).toEqual({
      kind: 'removed',
      seq: 5,
      afterSeq: 3,
      missingFrom: 4,
      missingTo: 4,
    });
    expect(verifyChain(rows.filter((r) => (r.seq as number) < 3 || (r.seq as number) > 6)).break).toMatchObject({
      kind: 'removed',
      seq: 7,
      missingFrom: 3,
      missingTo: 6,
    });
    expect(verifyChain(rows.slice(1)).break).toEqual({ kind: 'removed', seq: 2, afterSeq: null, missingFrom: 1, missingTo: 1 });
  });

  it('deleting an entry and renumbering the rest (digests recomputed) breaks the link', () => {
    const rows = buildChain(6).filter((r) => r.seq !== 3);
    const renumbered = rows.map((r, i) => {
      const { digest: _d, ...rest } = { ...r, seq: i + 1 } as Row;
      return { ...rest, digest: entryDigest(rest) };
    });
    expect(verifyChain(renumbered).break).toEqual({ kind: 'inserted', seq: 3, afterSeq: 2, reason: 'prev-digest-mismatch' });
  });

  it('inserting an entry is caught: between two entries, or forged at the end', () => {
    const rows = buildChain(6);
    const forged: Row = { ...(rows[2] as Row), seq: 3.5, recordId: 'forged' };
    const { digest: _d, ...content } = forged;
    const between = [...rows.slice(0, 3), { ...content, digest: entryDigest(content) }, ...rows.slice(3)];
    expect(verifyChain(between).break).toEqual({ kind: 'inserted', seq: 3.5, afterSeq: 3, reason: 'seq-not-integer' });

    const tail: Row = { ...(rows[5] as Row), seq: 7, recordId: 'forged' };
    const { digest: _t, ...tailContent } = tail;
    const atEnd = [...rows, { ...tailContent, digest: entryDigest(tailContent) }];
    // Its prevDigest still points at entry 5, not 6.
    expect(verifyChain(atEnd).break).toEqual({ kind: 'inserted', seq: 7, afterSeq: 6, reason: 'prev-digest-mismatch' });
  });

  it('reordering two entries is caught at the first one moved', () => {
    const rows = buildChain(6);
    // Swapping contents under the same keys changes what is hashed at seq 3.
    const swapped = rows.map((r) => (r.seq === 3 ? { ...(rows[3] as Row), seq: 3 } : r.seq === 4 ? { ...(rows[2] as Row), seq: 4 } : r));
    expect(verifyChain(swapped).break).toEqual({ kind: 'edited', seq: 3, reason: 'digest-mismatch' });
    // Even with their own digests recomputed, the links give the move away.
    const resealed = swapped.map((r) => {
      if (r.seq !== 3 && r.seq !== 4) return r;
      const { digest: _d, ...rest } = r;
      return { ...rest, digest: entryDigest(rest) };
    });
    expect(verifyChain(resealed).break).toEqual({ kind: 'inserted', seq: 3, afterSeq: 2, reason: 'prev-digest-mismatch' });
  });

  it('a leading run of entries from before the chain is reported as legacy, not as a failure', () => {
    const legacy: Row[] = [
      {
        seq: 1,
        at: '2026-01-05T09:00:00.000Z',
        officer: 'Жанар Омарова',
        action: 'create',
        table: 'persons',
        recordId: 'p1',
        after: { lastName: 'Ким' },
      },
      {
        seq: 2,
        at: '2026-01-05T09:01:00.000Z',
        officer: 'Жанар Омарова',
        action: 'update',
        table: 'persons',
        recordId: 'p1',
        before: {},
        after: {},
      },
    ];
    const rows = buildChain(3, legacy);
    expect(rows[2]?.prevDigest).toBe(legacyDigest(legacy[1] as Row));
    expect(verifyChain(rows)).toMatchObject({
      read: 5,
      verified: 3,
      legacy: { count: 2, firstSeq: 1, lastSeq: 2 },
      head: { seq: 5 },
      break: null,
    });
    expect(verifyChain(legacy)).toMatchObject({ verified: 0, legacy: { count: 2 }, head: null, break: null });

    // The last legacy entry is anchored: changing it, or cutting it off, shows.
    const edited = clone(rows);
    (edited[1] as Row).officer = 'forged';
    expect(verifyChain(edited).break).toEqual({ kind: 'inserted', seq: 3, afterSeq: null, reason: 'prev-digest-mismatch' });
    expect(verifyChain(rows.slice(2)).break).toMatchObject({ kind: 'removed', seq: 3, missingFrom: 1, missingTo: 2 });
    // A legacy-looking entry after the chain started is not legacy.
    expect(verifyChain([...rows, { ...legacy[0], seq: 6 }]).break).toEqual({ kind: 'edited', seq: 6, reason: 'digest-missing' });
  });

  it('rows that are not entries, or hold values JSON cannot express, are reported, never thrown', () => {
    const rows = buildChain(3);
    expect(verifyChain([...rows, null]).break).toMatchObject({ kind: 'edited', reason: 'malformed' });
    const withDate = clone(rows);
    (withDate[1] as Row).at = new Date(0);
    expect(verifyChain(withDate).break).toEqual({ kind: 'edited', seq: 2, reason: 'malformed' });
  });

  it('page-by-page feeding gives the same answer and stops at the first break', () => {
    const rows = buildChain(50).filter((r) => r.seq !== 30);
    const v = new ChainVerifier();
    let stoppedAt = 0;
    for (const [i, r] of rows.entries()) {
      if (v.push(r)) {
        stoppedAt = i + 1;
        break;
      }
    }
    expect(stoppedAt).toBe(30);
    expect(v.isBroken).toBe(true);
    expect(v.push(rows[40])).toMatchObject({ kind: 'removed', seq: 31 });
    expect(v.report()).toMatchObject({ read: 30, verified: 29, head: { seq: 29 } });
  });
});

describe('auditPayload', () => {
  it('stores a diff for an update, a snapshot for a create, the last state for a removal', () => {
    expect(auditPayload({ a: 1, b: 2 }, { a: 1, b: 3 })).toEqual({ changes: [{ path: ['b'], before: 2, after: 3 }] });
    expect(auditPayload(undefined, { a: new Date('2026-01-01T00:00:00Z') })).toEqual({ after: { a: '2026-01-01T00:00:00.000Z' } });
    expect(auditPayload({ a: 1 }, undefined)).toEqual({ before: { a: 1 } });
    expect(auditPayload(undefined, undefined)).toEqual({});
  });
});
