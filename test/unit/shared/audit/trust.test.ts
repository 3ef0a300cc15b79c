import { beforeAll, describe, expect, it } from 'vitest';
import {
  AUDIT_FORMAT,
  nextPrevDigest,
  parseSignedHead,
  sealEntry,
  signCheckpoint,
  verifySignedHead,
  verifyTrust,
  type AuditEntry,
  type SignedAuditHead,
} from '@shared/audit';
import { generateOfficeKeys, importSigningKey, type OfficeKeys } from '@shared/bundle/crypto';

let keys: OfficeKeys;
let other: OfficeKeys;
beforeAll(async () => {
  keys = await generateOfficeKeys();
  other = await generateOfficeKeys();
});

function entry(seq: number, previous: AuditEntry | undefined, recordId = `r${seq}`): AuditEntry {
  return sealEntry({
    seq,
    format: AUDIT_FORMAT,
    at: `2026-03-01T09:00:${String(seq % 60).padStart(2, '0')}.000Z`,
    officer: 'Жанар Омарова',
    officeId: 'office',
    action: 'update',
    table: 'persons',
    recordId,
    changes: [{ path: ['phone'], before: `${seq}`, after: `${seq + 1}` }],
    prevDigest: nextPrevDigest(previous as Readonly<Record<string, unknown>> | undefined),
  });
}

/** Rechains rows from index `from` on, as someone who knows the algorithm (but not the key) would. */
function rechain(rows: AuditEntry[], from: number): AuditEntry[] {
  const out = rows.slice(0, from);
  for (const r of rows.slice(from)) {
    const { digest: _d, ...rest } = r;
    out.push(sealEntry({ ...rest, prevDigest: nextPrevDigest(out[out.length - 1] as Readonly<Record<string, unknown>> | undefined) }));
  }
  return out;
}

function trail(n: number): AuditEntry[] {
  const rows: AuditEntry[] = [];
  for (let seq = 1; seq <= n; seq++) rows.push(entry(seq, rows[rows.length - 1]));
  return rows;
}

/** One checkpoint per entry, as the app signs a run per transaction. */
async function checkpoints(rows: AuditEntry[], by: OfficeKeys = keys): Promise<SignedAuditHead[]> {
  const key = await importSigningKey(by.privateKeyPkcs8);
  return Promise.all(
    rows.map((r) =>
      signCheckpoint(key, by.publicKey, {
        kind: 'run',
        fromSeq: r.seq,
        fromPrevDigest: r.prevDigest,
        seq: r.seq,
        digest: r.digest,
        signedAt: r.at,
      }),
    ),
  );
}

describe('signed heads', () => {
  it('verify under the office key only, and survive a JSON round trip', async () => {
    const [head] = await checkpoints(trail(1));
    if (!head) throw new Error('no head');
    const parsed = parseSignedHead(JSON.parse(JSON.stringify(head)));
    expect(parsed).toEqual(head);
    expect(await verifySignedHead(head, keys.publicKey)).toBe(true);
    expect(await verifySignedHead(head, other.publicKey)).toBe(false);
    expect(await verifySignedHead({ ...head, seq: 2 }, keys.publicKey)).toBe(false);
    expect(await verifySignedHead({ ...head, digest: 'f'.repeat(64) }, keys.publicKey)).toBe(false);
    expect(parseSignedHead({ ...head, seq: 0 })).toBeNull();
    expect(parseSignedHead('head')).toBeNull();
  });
});

describe('verifyTrust: the four tamper cases', () => {
  it('an untouched, signed trail is intact and names its signed head', async () => {
    const rows = trail(6);
    const report = verifyTrust(rows, await checkpoints(rows));
    expect(report).toMatchObject({ read: 6, verified: 6, break: null, signedHead: { seq: 6, digest: rows[5]?.digest } });
  });

  it('a forged tail (correctly chained entries appended without the key) is broken at its first entry', async () => {
    const rows = trail(6);
    const cps = await checkpoints(rows);
    const forged = [...rows];
    forged.push(entry(7, forged[5], 'forged'));
    forged.push(entry(8, forged[6], 'forged'));
    expect(verifyTrust(forged, cps).break).toEqual({ kind: 'unsigned', seq: 7 });
  });

  it('a re-chained edit (entry 3 changed, every digest after it recomputed) names entry 3 as the first untrusted', async () => {
    const rows = trail(6);
    const cps = await checkpoints(rows);
    const edited = rows.map((r) => (r.seq === 3 ? { ...r, officer: 'Басқа адам' } : r));
    const rewritten = rechain(edited, 2);
    // The plain chain sees nothing wrong:
    expect(verifyTrust(rewritten, []).break).toEqual({ kind: 'unsigned', seq: 1 });
    expect(verifyTrust(rewritten, cps).break).toEqual({ kind: 'rewritten', seq: 3, checkpointSeq: 3, source: 'signed checkpoint' });
  });

  it('a truncated tail is broken, naming the missing entries', async () => {
    const rows = trail(6);
    const cps = await checkpoints(rows);
    expect(verifyTrust(rows.slice(0, 4), cps).break).toEqual({ kind: 'truncated', seq: 5, missingTo: 6, source: 'signed checkpoint' });
  });

  it('stripped digests are broken, not legacy, from the first stripped entry', async () => {
    const rows = trail(4);
    const cps = await checkpoints(rows);
    const stripped = rows.map(({ digest: _d, prevDigest: _p, ...rest }) => rest);
    expect(verifyTrust(stripped, cps).break).toEqual({ kind: 'edited', seq: 1, reason: 'digest-missing' });
    // Even with every checkpoint gone too: a row of the chained format without digest is stripped.
    expect(verifyTrust(stripped, []).break).toEqual({ kind: 'edited', seq: 1, reason: 'digest-missing' });
    // Only the digest gone, the rest of the chain intact.
    const one = rows.map((r) => (r.seq === 3 ? (({ digest: _d, ...rest }) => rest)(r) : r));
    expect(verifyTrust(one, cps).break).toEqual({ kind: 'edited', seq: 3, reason: 'digest-missing' });
  });
});

describe('verifyTrust: heads recorded elsewhere', () => {
  it('catch a truncation and a rewrite when the attacker also removed or replaced the checkpoints', async () => {
    const rows = trail(8);
    const anchor = { seq: 8, digest: rows[7]?.digest ?? '', source: 'backup 2026-03-01' };
    const cut = rows.slice(0, 5);
    const cpsOfCut = await checkpoints(cut);
    expect(verifyTrust(cut, cpsOfCut, [anchor]).break).toEqual({ kind: 'truncated', seq: 6, missingTo: 8, source: 'backup 2026-03-01' });

    const rewritten = rechain(
      rows.map((r) => (r.seq === 2 ? { ...r, recordId: 'other' } : r)),
      1,
    );
    // Re-signed with a key that is not the office's: those checkpoints are dropped before verification.
    const middle = { seq: 4, digest: rows[3]?.digest ?? '', source: 'bundle B-17' };
    expect(verifyTrust(rewritten, [], [middle, anchor]).break).toMatchObject({ kind: 'unsigned', seq: 1 });
    const own = await checkpoints(rewritten.slice(0, 1));
    expect(verifyTrust(rewritten, own, [middle, anchor]).break).toEqual({ kind: 'unsigned', seq: 2 });
    expect(verifyTrust(rewritten, await checkpoints(rewritten), [middle, anchor]).break).toEqual({
      kind: 'rewritten',
      seq: 1,
      checkpointSeq: 4,
      source: 'bundle B-17',
    });
  });

  it('a run signed as one checkpoint vouches for every entry in it, and legacy rows before the chain stay legacy', async () => {
    const legacy = [
      { seq: 1, at: '2026-01-01T00:00:00.000Z', officer: 'A', action: 'create', table: 'persons', recordId: 'p' },
      { seq: 2, at: '2026-01-01T00:00:01.000Z', officer: 'A', action: 'update', table: 'persons', recordId: 'p' },
    ];
    const chained: AuditEntry[] = [];
    for (let seq = 3; seq <= 6; seq++) {
      const prev = chained[chained.length - 1] ?? (legacy[1] as unknown as AuditEntry);
      chained.push(
        sealEntry({ ...entry(seq, undefined), prevDigest: nextPrevDigest(prev as unknown as Readonly<Record<string, unknown>>) }),
      );
    }
    const key = await importSigningKey(keys.privateKeyPkcs8);
    const first = chained[0] as AuditEntry;
    const last = chained[3] as AuditEntry;
    const cp = await signCheckpoint(key, keys.publicKey, {
      kind: 'run',
      fromSeq: 3,
      fromPrevDigest: first.prevDigest,
      seq: 6,
      digest: last.digest,
      signedAt: last.at,
    });
    expect(verifyTrust([...legacy, ...chained], [cp])).toMatchObject({ verified: 4, legacy: { count: 2 }, break: null });
  });
});
