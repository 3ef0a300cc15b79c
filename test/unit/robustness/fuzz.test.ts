/**
 * Issue 8 robustness: at least 10,000 mutated bundles fed to the importer. No exception escapes,
 * nothing is written to the receiving database, and every rejection has a message in both languages.
 */
import { describe, expect, it } from 'vitest';
import kz2026 from '../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { generateOfficeKeys } from '@shared/bundle';
import { bundleCodec } from '@shared/bundle/codec';
import { bundleTables } from '@shared/bundle/specs';
import { generateRegister, Random } from '../../support/generator';
import { shippedRuleSets } from '@shared/rules';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { prepareImport } from '../../../renderer/src/features/bundles/importBundle';
import { CATALOGS } from '../../../renderer/src/i18n';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { flushAuditSigning } from '../../../renderer/src/db/repositories/audit';
import { ALIYA, freshDb, testContext } from '../db/testContext';

/** The codec with a KDF floor of 10 iterations, so 1,000 encrypted mutants decode in seconds. */
const { encodeBundle, decodeBundle } = bundleCodec({ minPbkdf2Iterations: 10 });
const MUTANTS = 10_000;
const OFFICE = { id: '0a0a0a0a-1111-4111-8111-000000000001', code: 'ARAL01', name: 'Арал ауданы' };

type Catalog = { [key: string]: string | Catalog };
function has(catalog: Catalog, key: string): boolean {
  let node: string | Catalog | undefined = catalog;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' && node.length > 0;
}

async function dump(db: QamqorDb): Promise<string> {
  // The audit chain's signed checkpoint is written to settings just after an append: wait for it.
  await flushAuditSigning(db);
  const out: Record<string, unknown[]> = {};
  for (const table of db.tables) out[table.name] = await table.toArray();
  return JSON.stringify(out);
}

/** One random change: flip bits, cut, insert, duplicate, zero a range, or swap two ranges. */
function mutate(rnd: Random, bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  const at = rnd.int(0, Math.max(0, out.length - 1));
  switch (rnd.int(0, 6)) {
    case 0:
      for (let i = 0, n = rnd.int(1, 4); i < n; i++) {
        const p = rnd.int(0, out.length - 1);
        out[p] = (out[p] ?? 0) ^ (1 << rnd.int(0, 7));
      }
      return out;
    case 1:
      return out.slice(0, at);
    case 2: {
      const extra = Uint8Array.from({ length: rnd.int(1, 64) }, () => rnd.int(0, 255));
      return Uint8Array.from([...out.slice(0, at), ...extra, ...out.slice(at)]);
    }
    case 3: {
      const len = rnd.int(1, 200);
      return Uint8Array.from([...out.slice(0, at), ...out.slice(at, at + len), ...out.slice(at)]);
    }
    case 4:
      out.fill(0, at, at + rnd.int(1, 64));
      return out;
    case 5: {
      const b = rnd.int(0, out.length - 1);
      const len = rnd.int(1, 32);
      const first = out.slice(at, at + len);
      out.set(out.slice(b, b + len).subarray(0, Math.max(0, Math.min(len, out.length - at))), at);
      out.set(first.subarray(0, Math.max(0, Math.min(len, out.length - b))), b);
      return out;
    }
    default:
      // Rewrite one 32-bit little-endian field (sizes, offsets, counts live in such fields in a ZIP).
      if (at + 4 <= out.length) new DataView(out.buffer).setUint32(at, rnd.int(0, 0xffffffff), true);
      return out;
  }
}

describe('mutated bundles (fuzz)', () => {
  it(`rejects or safely previews ${MUTANTS} mutated bundles, writing nothing`, { timeout: 600_000 }, async () => {
    const keys = await generateOfficeKeys();
    const cal = createWorkingCalendar([calendarYearSchema.parse(kz2026)]);
    const register = generateRegister(
      42,
      { persons: 6, complaints: 10 },
      {
        office: { officeId: OFFICE.id, officeCode: OFFICE.code, officerName: 'Жанар Омарова' },
        ruleSets: shippedRuleSets,
        calendar: cal,
        today: '2026-11-20',
        spreadDays: 60,
      },
    );
    const input = {
      bundleId: '7f000000-0000-4000-8000-000000000001',
      createdAt: '2026-11-20T09:00:00.000Z',
      office: OFFICE,
      officer: 'Жанар Омарова',
      appVersion: '0.1.0',
      tables: { persons: register.persons, complaints: register.complaints },
      attachments: [{ bytes: new TextEncoder().encode('%PDF-1.4 scan of a complaint') }],
    };
    const plain = await encodeBundle(input, { signingKey: keys, tables: bundleTables });
    const encrypted = await encodeBundle(input, {
      signingKey: keys,
      tables: bundleTables,
      passphrase: 'ұзын құпия сөз 2026',
      pbkdf2Iterations: 10,
    });
    if (!plain.ok || !encrypted.ok) throw new Error('encoding the seed bundles failed');

    const db = freshDb();
    await db.open();
    await addPerson(db, testContext(), ALIYA);
    const before = await dump(db);

    const rnd = new Random(20261120);
    const codes = new Map<string, number>();
    let previewed = 0;
    for (let i = 0; i < MUTANTS; i++) {
      const useEncrypted = i % 10 === 0;
      const mutant = mutate(rnd, useEncrypted ? encrypted.value : plain.value);
      let result: Awaited<ReturnType<typeof decodeBundle>>;
      try {
        result = await decodeBundle(mutant, {
          tables: bundleTables,
          ...(useEncrypted ? { passphrase: 'ұзын құпия сөз 2026' } : {}),
        });
      } catch (e) {
        throw new Error(`mutant ${i} made the decoder throw: ${String(e)}`, { cause: e });
      }
      if (!result.ok) {
        codes.set(result.error.code, (codes.get(result.error.code) ?? 0) + 1);
        continue;
      }
      // A mutation the format tolerates (e.g. in bytes no part depends on) must still preview without writing.
      await prepareImport(db, `mutant-${i}.qamqor`, result.value);
      previewed += 1;
    }

    expect(await dump(db)).toBe(before);
    const rejected = [...codes.values()].reduce((a, b) => a + b, 0);
    expect(rejected + previewed).toBe(MUTANTS);
    expect(rejected).toBeGreaterThan(MUTANTS * 0.9);
    for (const code of codes.keys()) {
      expect(has(CATALOGS.kk, `bundles.errors.${code}`), `kk message for ${code}`).toBe(true);
      expect(has(CATALOGS.ru, `bundles.errors.${code}`), `ru message for ${code}`).toBe(true);
    }
    console.log(
      `fuzz: ${MUTANTS} mutants, ${rejected} rejected by code ${JSON.stringify(Object.fromEntries(codes))}, ${previewed} previewed without writing`,
    );
  });
});
