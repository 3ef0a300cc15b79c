import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { decodeBundle, encodeBundle, type BundleErrorCode, type DecodeBundleOptions } from '@shared/bundle';
import { utf8 } from '@shared/bundle/bytes';
import { entryText, pack, replaceEntry, resign, unpack, zerosDeflate, type PlainEntry } from '../../support/bundle/hostile';
import { bundleTables } from '@shared/bundle/specs';
import type { RawZipEntry } from '@shared/bundle/zip';
import type { RecordEnvelope } from '@shared/records/envelope';
import { getOfficeKeys } from '../../../renderer/src/db/repositories/settings';
import { buildBundle, collectBundleContent } from '../../../renderer/src/features/bundles/exportBundle';
import { applyImport, prepareImport } from '../../../renderer/src/features/bundles/importBundle';
import { importHistoryTable } from '../../../renderer/src/features/bundles/repository';
import { dumpDb, OFFICE_A, OFFICE_B, openOffice, seedCaseload, type Caseload, type Office } from './fixtures';

let a: Office;
let b: Office;
let data: Caseload;
let plain: Uint8Array;
let before: Record<string, unknown[]>;

/** The whole import as the page runs it: decode, plan, apply. Returns what stopped it, or 'applied'. */
async function importInto(office: Office, bytes: Uint8Array, options: Partial<DecodeBundleOptions> = {}): Promise<string> {
  const decoded = await decodeBundle(bytes, { tables: bundleTables, ...options });
  if (!decoded.ok) return decoded.error.code;
  const session = await prepareImport(office.db, 'bad.qamqor', decoded.value);
  const applied = await applyImport(office.db, office.ctx, session);
  if (!applied.ok) return `apply:${applied.error.code}`;
  return applied.value.kind;
}

/** Encodes records as a hostile or buggy sender could (no validation on its side), signed by A. */
async function rawBundle(tables: Record<string, unknown[]>, attachments: Uint8Array[] = []): Promise<Uint8Array> {
  const keys = await getOfficeKeys(a.db);
  if (!keys) throw new Error('keys');
  const encoded = await encodeBundle(
    {
      bundleId: '44444444-0000-4000-8000-00000000000b',
      createdAt: '2026-11-20T06:00:00.000Z',
      office: { id: OFFICE_A.officeId, code: OFFICE_A.officeCode, name: OFFICE_A.officeName },
      officer: OFFICE_A.officerName,
      appVersion: 'test',
      tables: tables as Record<string, RecordEnvelope[]>,
      attachments: attachments.map((bytes) => ({ bytes })),
    },
    { signingKey: keys },
  );
  if (!encoded.ok) throw new Error(JSON.stringify(encoded.error));
  return encoded.value;
}

beforeEach(async () => {
  a = await openOffice(OFFICE_A);
  b = await openOffice(OFFICE_B);
  data = await seedCaseload(a);
  const built = await buildBundle(a.db, { kind: 'cases', caseIds: [data.richCaseId] }, { office: OFFICE_A });
  if (!built.ok) throw new Error('build');
  plain = built.value.bytes;
  // B already holds something (another case), so "nothing written" is checked against real data.
  const other = data.cases.find(
    (c) => c.id !== data.richCaseId && c.personId !== data.cases.find((k) => k.id === data.richCaseId)?.personId,
  );
  const seeded = await buildBundle(a.db, { kind: 'cases', caseIds: [other?.id ?? ''] }, { office: OFFICE_A });
  if (!seeded.ok) throw new Error('seed');
  expect(await importInto(b, seeded.value.bytes)).toBe('applied');
  before = await dumpDb(b.db);
});

afterEach(() => {
  vi.restoreAllMocks();
});

async function refused(
  bytes: Uint8Array,
  code: BundleErrorCode | `apply:${string}`,
  options: Partial<DecodeBundleOptions> = {},
): Promise<void> {
  expect(await importInto(b, bytes, options)).toBe(code);
  expect(await dumpDb(b.db)).toEqual(before);
}

describe('bad input writes nothing', { timeout: 60_000 }, () => {
  it('a truncated file', async () => {
    await refused(plain.slice(0, Math.floor(plain.length / 2)), 'truncated');
    await refused(plain.slice(0, 3), 'truncated');
  });

  it('a corrupted file (one byte flipped in the middle)', async () => {
    const copy = plain.slice();
    const i = Math.floor(copy.length / 2);
    copy[i] = (copy[i] ?? 0) ^ 0xff;
    const code = await importInto(b, copy);
    expect(['corrupt', 'digest-mismatch', 'bad-signature', 'invalid-manifest']).toContain(code);
    expect(await dumpDb(b.db)).toEqual(before);
  });

  it('a tampered record (manifest untouched) and a tampered manifest (signature kept)', async () => {
    const entries = unpack(plain);
    const persons = JSON.parse(entryText(entries, 'records/persons.json')) as Record<string, unknown>[];
    const tampered = JSON.stringify(persons.map((p) => ({ ...p, address: 'Басқа мекенжай' })));
    await refused(pack(replaceEntry(entries, 'records/persons.json', utf8(tampered))), 'digest-mismatch');
    const manifest = entryText(entries, 'manifest.json').replace(OFFICE_A.officeName, 'Жалған кеңсе');
    await refused(pack(replaceEntry(entries, 'manifest.json', utf8(manifest))), 'bad-signature');
  });

  it('wrongly signed: another key claiming a known office', async () => {
    const known = {
      publicKey: (await getOfficeKeys(a.db))?.publicKey ?? new Uint8Array(32),
      officeId: OFFICE_A.officeId,
      name: OFFICE_A.officeName,
    };
    // Mallory has a key pair of her own and claims to be office A.
    const mallory = await openOffice({ ...OFFICE_A });
    const malloryKeys = await getOfficeKeys(mallory.db);
    if (!malloryKeys) throw new Error('keys');
    const entries = await resign(unpack(plain), malloryKeys.privateKeyPkcs8, (m) => ({
      ...m,
      office: { ...(m['office'] as object), publicKey: Buffer.from(malloryKeys.publicKey).toString('base64') },
    }));
    await refused(pack(entries), 'bad-signature', { knownOffices: [known] });
  });

  it('a wrong passphrase and a missing passphrase', async () => {
    const built = await buildBundle(
      a.db,
      { kind: 'cases', caseIds: [data.richCaseId] },
      { office: OFFICE_A, passphrase: 'дұрыс құпия сөз' },
    );
    if (!built.ok) throw new Error('build');
    await refused(built.value.bytes, 'wrong-passphrase', { passphrase: 'қате' });
    await refused(built.value.bytes, 'passphrase-required');
  });

  it('an unknown format version', async () => {
    const keys = await getOfficeKeys(a.db);
    if (!keys) throw new Error('keys');
    await refused(pack(await resign(unpack(plain), keys.privateKeyPkcs8, (m) => ({ ...m, formatVersion: 3 }))), 'unknown-version');
  });

  it('an oversized file and a zip bomb', async () => {
    await refused(plain, 'too-large', { limits: { maxFileBytes: plain.length - 1 } });
    const size = 200 * 1024 * 1024;
    const entries: (PlainEntry | RawZipEntry)[] = [
      ...unpack(plain),
      { name: `attachments/${'0'.repeat(64)}`, method: 8, compressed: zerosDeflate(size), crc: 0, uncompressedSize: size },
    ];
    await refused(pack(entries), 'zip-bomb');
  });

  it('entries with ../ paths or duplicate names', async () => {
    await refused(pack([...unpack(plain), { name: '../../evil.json', data: utf8('[]') }]), 'unsafe-path');
    await refused(pack([...unpack(plain), { name: 'RECORDS/PERSONS.JSON', data: utf8('[]') }]), 'duplicate-entry');
  });

  it('records with wrong types, impossible dates and invalid IINs: the preview lists them, apply writes nothing', async () => {
    const content = await collectBundleContent(a.db, { kind: 'cases', caseIds: [data.richCaseId] });
    const [p] = content.tables['persons'] ?? [];
    const [c] = content.tables['cases'] ?? [];
    if (!p || !c) throw new Error('content');
    const iin = (p as unknown as { iin: string }).iin;
    const variants: [string, Record<string, unknown[]>, string][] = [
      ['wrong type', { persons: [{ ...p, lastName: 42 }], cases: [c] }, 'lastName: validation.zod.invalid_type'],
      ['impossible date', { persons: [p], cases: [{ ...c, registrationDate: '2026-02-30' }] }, 'registrationDate: validation.date'],
      [
        'invalid IIN',
        { persons: [{ ...p, iin: `${iin.slice(0, 11)}${(Number(iin.charAt(11)) + 1) % 10}` }], cases: [c] },
        'iin: validation.iin.checksum',
      ],
    ];
    for (const [name, tables, reason] of variants) {
      const bytes = await rawBundle(tables);
      const decoded = await decodeBundle(bytes, { tables: bundleTables });
      if (!decoded.ok) throw new Error(name);
      const session = await prepareImport(b.db, 'bad.qamqor', decoded.value);
      expect(
        session.preview.rejected.flatMap((r) => r.errors),
        name,
      ).toContain(reason);
      expect(session.preview.canApply, name).toBe(false);
      expect(await applyImport(b.db, b.ctx, session), name).toEqual({ ok: false, error: { code: 'rejected' } });
      expect(await dumpDb(b.db), name).toEqual(before);
    }
  });

  it('a record of a table this release does not know, and the same id twice', async () => {
    const content = await collectBundleContent(a.db, { kind: 'cases', caseIds: [data.richCaseId] });
    const [p] = content.tables['persons'] ?? [];
    await refused(await rawBundle({ persons: [p], futureTable: [{ id: 'x' }] }), 'apply:rejected');
    await refused(await rawBundle({ persons: [p, p] }), 'apply:rejected');
  });

  it('a reference to a record neither office has, a number another case holds, a document without its file', async () => {
    const content = await collectBundleContent(a.db, { kind: 'cases', caseIds: [data.richCaseId] });
    const [c] = content.tables['cases'] ?? [];
    if (!c) throw new Error('content');
    // The case alone: its person is neither in the bundle nor in office B.
    const orphan = await decodeBundle(await rawBundle({ cases: [c] }), { tables: bundleTables });
    if (!orphan.ok) throw new Error('decode');
    const s1 = await prepareImport(b.db, 'x', orphan.value);
    expect(s1.preview.rejected).toEqual([{ table: 'cases', index: 0, id: c.id, errors: ['personId: bundles.reasons.missingReference'] }]);
    await refused(await rawBundle({ cases: [c] }), 'apply:rejected');

    // B's own case holds the number already.
    const [bCase] = await b.db.cases.toArray();
    await refused(await rawBundle({ ...content.tables, cases: [{ ...c, caseNumber: bCase?.caseNumber }] }, []), 'apply:rejected');

    // A document whose file is not in the bundle (and everything that hangs on it stays out too).
    const docs = content.tables['documents'] ?? [];
    const noFiles = await decodeBundle(await rawBundle({ ...content.tables }), { tables: bundleTables });
    if (!noFiles.ok) throw new Error('decode');
    const s2 = await prepareImport(b.db, 'x', noFiles.value);
    expect(s2.preview.rejected.filter((r) => r.table === 'documents')).toHaveLength(docs.length);
    expect(s2.preview.rejected.find((r) => r.table === 'documents')?.errors).toEqual(['digest: bundles.reasons.missingAttachment']);
    await refused(await rawBundle({ ...content.tables }), 'apply:rejected');
    // With the file but another size stated.
    const first = docs[0] as unknown as { digest: string; size: number };
    const bytes = content.attachments.find((x) => x.digest === first.digest)?.bytes ?? new Uint8Array(0);
    const resized = { ...content.tables, documents: docs.map((d, i) => (i === 0 ? { ...d, size: first.size + 1 } : d)) };
    const wrongSize = await decodeBundle(
      await rawBundle(
        resized,
        content.attachments.map((x) => x.bytes),
      ),
      { tables: bundleTables },
    );
    if (!wrongSize.ok) throw new Error('decode');
    const s3 = await prepareImport(b.db, 'x', wrongSize.value);
    expect(s3.preview.rejected.map((r) => r.errors)).toEqual([['size: bundles.reasons.sizeMismatch']]);
    expect(bytes.byteLength).toBe(first.size);
    await refused(
      await rawBundle(
        resized,
        content.attachments.map((x) => x.bytes),
      ),
      'apply:rejected',
    );
  });
});

describe('a failure in the middle of apply leaves nothing written', { timeout: 60_000 }, () => {
  it('a throwing write after the records were put rolls everything back', async () => {
    const decoded = await decodeBundle(plain, { tables: bundleTables });
    if (!decoded.ok) throw new Error('decode');
    const session = await prepareImport(b.db, 'x.qamqor', decoded.value);
    expect(session.preview.counts.new).toBeGreaterThan(10);
    // The import-history row is written last, after every record, conflict and audit entry.
    vi.spyOn(importHistoryTable(b.db), 'add').mockRejectedValue(new Error('QuotaExceededError: disk full'));
    expect(await applyImport(b.db, b.ctx, session)).toEqual({
      ok: false,
      error: { code: 'failed', detail: 'QuotaExceededError: disk full' },
    });
    expect(await dumpDb(b.db)).toEqual(before);
  });

  it('a record changed between preview and apply: stale, nothing written', async () => {
    const decoded = await decodeBundle(plain, { tables: bundleTables });
    if (!decoded.ok) throw new Error('decode');
    const session = await prepareImport(b.db, 'x.qamqor', decoded.value);
    // Another window adds the same case meanwhile.
    const kase = decoded.value.tables['cases']?.[0];
    const person = decoded.value.tables['persons']?.[0];
    await b.db.persons.add(person as never);
    await b.db.cases.add(kase as never);
    const now = await dumpDb(b.db);
    expect(await applyImport(b.db, b.ctx, session)).toEqual({ ok: false, error: { code: 'stale' } });
    expect(await dumpDb(b.db)).toEqual(now);
  });
});
