/**
 * Issue 14 C9: every string, list and map in every schema reachable from a bundle or a backup has a
 * maximum. A walker over the zod schemas (./schemaWalker.ts) fails naming the path of any
 * unbounded one; an oversized value in an imported or restored file is refused with a typed error.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { decodeBundle, encodeBundle, generateOfficeKeys, type OfficeKeys } from '@shared/bundle';
import { sha256Hex, utf8 } from '@shared/bundle/bytes';
import { manifestSchema, signatureSchema } from '@shared/bundle/manifest';
import { PORTABLE_LIMITS, portableObjectSchema } from '@shared/bundle/portable';
import { officeKeyFileSchema } from '@shared/bundle/specs/officeKey';
import { BUNDLE_TABLES } from '@shared/bundle/specs/tables';
import { OFFICE_TABLES } from '@shared/backup/officeTables';
import { backupSettingsSchema } from '@shared/backup/settings';
import { calendarYearSchema } from '@shared/calendar/schema';
import { caseClosureInput, caseInput } from '@shared/cases';
import { complaintRegistrationInput } from '@shared/complaints/registration';
import { complaintActionSchema } from '@shared/complaints/workflow';
import * as hearingInputs from '@shared/hearings/inputs';
import { cardInput } from '@shared/intake/schema';
import { officeProfileInput } from '@shared/office';
import { officerInput, passwordChangeInput } from '@shared/officers';
import { personInput } from '@shared/persons';
import { ruleSetSchema } from '@shared/rules';
import { contractInput, dateInput, orderEventInput, orderInput, supplierAnswerInput } from '@shared/wheelchair/orders';
import { programmeInput } from '@shared/wheelchair/programme';
import { BOUNDS, boundedRecord } from '@shared/validation';
import { boundedPattern, unboundedPaths } from './schemaWalker';
import { entryText, pack, replaceEntry, resign, unpack, type PlainEntry } from '../../support/bundle/hostile';
import { scenario, testTables, type Scenario } from '../../support/bundle/fixtures';

describe('the walker', () => {
  it('names the path of every unbounded string, list, map and unlisted opaque value', () => {
    const tree: z.ZodType = z.lazy(() => z.strictObject({ name: z.string().max(10), children: z.array(tree).max(5) }));
    const schema = z.strictObject({
      free: z.string().min(1),
      bounded: z.string().max(5).optional(),
      code: z.string().regex(/^[A-Z0-9]{2,10}$/u),
      open: z.string().regex(/^L\d+$/u),
      list: z.array(z.string().max(3)),
      nested: z.array(z.strictObject({ note: z.string().nullable() })).max(2),
      map: z.record(z.string().max(5), z.number()),
      keyed: boundedRecord(z.string(), z.number(), 3),
      finite: z.record(z.enum(['a', 'b']), z.number()),
      either: z.union([z.number(), z.string()]),
      blob: z.unknown(),
      tree,
      piped: z.unknown().pipe(z.string().max(4)),
    });
    expect(unboundedPaths(schema, 'x')).toEqual([
      'x.free: string without max',
      'x.open: string without max',
      'x.list: array without max',
      'x.nested[].note: string without max',
      'x.map: map without maxEntries',
      'x.keyed{key}: string without max',
      'x.either|1: string without max',
      'x.blob: unknown (opaque, not listed)',
    ]);
    expect(unboundedPaths(schema, 'x', { opaque: { 'x.blob': 'checked elsewhere' } })).not.toContain(
      'x.blob: unknown (opaque, not listed)',
    );
  });

  it('takes a pattern as a bound only when anchored and without an open-ended quantifier', () => {
    expect(boundedPattern(/^[0-9a-f]{64}$/u)).toBe(true);
    expect(boundedPattern(/^[A-Za-z0-9+/]{43}=$/u)).toBe(true);
    expect(boundedPattern(/^(?:|\+7\d{10})$/u)).toBe(true);
    expect(boundedPattern(/^\d+$/u)).toBe(false);
    expect(boundedPattern(/^a.*$/u)).toBe(false);
    expect(boundedPattern(/^a{2,}$/u)).toBe(false);
    expect(boundedPattern(/[0-9]{4}/u)).toBe(false);
  });

  it('boundedRecord refuses one entry over its limit as too long', () => {
    const schema = boundedRecord(z.string().max(5), z.number(), 3);
    expect(schema.safeParse({ a: 1, b: 2, c: 3 }).success).toBe(true);
    const r = schema.safeParse({ a: 1, b: 2, c: 3, d: 4 });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.message)).toEqual(['validation.tooLong']);
  });
});

/** Every schema a bundle or a backup is read with, by the name its path starts with. */
const STORED: readonly [string, z.core.$ZodType][] = [
  ...BUNDLE_TABLES.map((t): [string, z.core.$ZodType] => [`records/${t.name}`, t.schema]),
  ['manifest', manifestSchema],
  ['signature', signatureSchema],
  // every row of every office table of a backup (shared/bundle/officeParts.ts decodeOfficeTable)
  ['office/<table>[row]', portableObjectSchema],
  ['officeKeyFile', officeKeyFileSchema],
  ['settings/backupSettings', backupSettingsSchema],
  // the schemas rule-set and calendar edits are checked with (restore holds those rows to PORTABLE_LIMITS)
  ['ruleSets[row]', ruleSetSchema],
  ['calendarYears[row]', calendarYearSchema],
  // the officer forms whose output is stored in the officers table a backup carries
  ['officerInput', officerInput],
  ['passwordChangeInput', passwordChangeInput],
  // the forms whose output is stored as it is (persons, cases, the office profile)
  ['personInput', personInput],
  ['caseInput', caseInput],
  ['caseClosureInput', caseClosureInput],
  ['officeProfileInput', officeProfileInput],
  ['complaintRegistrationInput', complaintRegistrationInput],
  ['complaintActionSchema', complaintActionSchema],
  ['cardInput', cardInput],
  ['orderInput', orderInput],
  ['supplierAnswerInput', supplierAnswerInput],
  ['contractInput', contractInput],
  ['orderEventInput', orderEventInput],
  ['dateInput', dateInput],
  ['programmeInput', programmeInput],
  ...Object.entries(hearingInputs).map(([name, schema]): [string, z.core.$ZodType] => [`hearings/${name}`, schema]),
];

describe('every stored and imported schema is bounded', () => {
  it('covers every table a bundle carries', () => {
    expect(STORED.filter(([name]) => name.startsWith('records/')).length).toBe(BUNDLE_TABLES.length);
  });

  it.each(STORED)('%s', (name, schema) => {
    expect(unboundedPaths(schema, name)).toEqual([]);
  });
});

describe('an oversized value is refused with a typed error, never a crash', () => {
  let keys: OfficeKeys;
  let s: Scenario;
  let plain: Uint8Array;

  beforeAll(async () => {
    keys = await generateOfficeKeys();
    s = await scenario();
    const r = await encodeBundle(
      { ...s.input, officeTables: { settings: [{ key: 'officeName', value: 'Арал' }] } },
      { signingKey: keys, tables: testTables },
    );
    if (!r.ok) throw new Error(r.error.code);
    plain = r.value;
  });

  /** The bundle with one JSON part replaced (its size and digest updated, the manifest signed again). */
  async function withPart(path: string, json: string, change = (m: Record<string, unknown>) => m): Promise<Uint8Array> {
    const data = utf8(json);
    const sha256 = await sha256Hex(data);
    const entries: PlainEntry[] = replaceEntry(unpack(plain), path, data);
    return pack(
      await resign(entries, keys.privateKeyPkcs8, (m) =>
        change({
          ...m,
          parts: (m['parts'] as { path: string }[]).map((p) => (p.path === path ? { ...p, size: data.length, sha256 } : p)),
        }),
      ),
    );
  }

  it('on import: a record with a 1 MB date or an oversized version vector is rejected, naming the field', async () => {
    const persons = JSON.parse(entryText(unpack(plain), 'records/persons.json')) as Record<string, unknown>[];
    const [first, second] = persons;
    if (!first || !second) throw new Error('scenario has persons');
    first['birthDate'] = '1'.repeat(1_000_000);
    const offices = Array.from({ length: BOUNDS.offices + 1 }, (_, i) => [`${String(i).padStart(8, '0')}-0000-4000-8000-000000000000`, 1]);
    second['version'] = { ...(second['version'] as object), ...Object.fromEntries(offices) };
    const r = await decodeBundle(await withPart('records/persons.json', JSON.stringify(persons)), {
      tables: testTables,
      officeTables: OFFICE_TABLES,
    });
    if (!r.ok) throw new Error(`refused as a whole: ${r.error.code}`);
    expect(r.value.rejected).toEqual([
      { table: 'persons', index: 0, id: first['id'], errors: ['birthDate: validation.date'] },
      { table: 'persons', index: 1, id: second['id'], errors: ['version: validation.tooLong'] },
    ]);
    expect(r.value.tables['persons']?.map((p) => p.id)).not.toContain(first['id']);
  });

  it('on import: a signed head with an oversized signature refuses the manifest', async () => {
    const path = 'records/persons.json';
    const text = entryText(unpack(plain), path);
    const head = {
      format: 'qamqor-audit-head',
      version: 1,
      kind: 'run',
      fromSeq: 1,
      fromPrevDigest: '',
      seq: 1,
      digest: '0'.repeat(64),
      signedAt: '2026-03-01T00:00:00.000Z',
      publicKey: 'A'.repeat(44),
      signature: 'A'.repeat(1_000_000),
    };
    const r = await decodeBundle(await withPart(path, text, (m) => ({ ...m, signedHead: head })), {
      tables: testTables,
      officeTables: OFFICE_TABLES,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-manifest' } });
  });

  it('on restore: an office-table row with a string over the portable limit refuses the file as damaged, naming the row', async () => {
    const row = { key: 'officeName', value: 'х'.repeat(PORTABLE_LIMITS.maxString + 1) };
    const r = await decodeBundle(await withPart('office/settings.json', JSON.stringify([row])), {
      tables: testTables,
      officeTables: OFFICE_TABLES,
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'corrupt', entry: 'office/settings.json' } });
    expect(r.ok ? '' : r.error.detail).toMatch(/^settings\[0\]: value: validation\.tooLong/u);
  });

  it('restored backup settings with an oversized field fall back to no record of the last backup', () => {
    const last = {
      at: '2026-03-01T00:00:00.000Z',
      fileName: 'a.qamqor',
      size: 1,
      target: 'folder',
      officer: 'ж'.repeat(BOUNDS.name + 1),
      reason: 'manual',
      bundleId: 'b',
      counts: {},
      auditSeq: null,
      auditDigest: null,
    };
    const parsed = backupSettingsSchema.parse({ passphrase: null, intervalHours: 24, keep: 10, last });
    expect(parsed.last).toBeNull();
  });
});
