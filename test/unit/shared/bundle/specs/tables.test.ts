import { describe, expect, it } from 'vitest';
import kz2025 from '../../../../../resources/calendar/kz-2025.json';
import kz2026 from '../../../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { generateCaseload, generateRegister } from '../../../../support/generator';
import { issueLines } from '@shared/records/schemas';
import { shippedRuleSets } from '@shared/rules';
import { envelope, uuid } from '../../../../support/bundle/fixtures';
import { complaintRecordSchema } from '@shared/bundle/specs/complaints';
import { documentRecordSchema } from '@shared/bundle/specs/documents';
import { BUNDLE_TABLE_NAMES, BUNDLE_TABLES, bundleTables, describeTable, referencedIds } from '@shared/bundle/specs/tables';

const calendar = createWorkingCalendar([kz2025, kz2026].map((y) => calendarYearSchema.parse(y)));
const ctx = {
  office: { officeId: '6f1c2a4e-0000-4000-8000-000000000001', officeCode: 'ARAL01', officerName: 'Жанар Омарова' },
  ruleSets: shippedRuleSets,
  calendar,
  today: '2026-11-20',
  spreadDays: 300,
};

function problems(table: string, record: unknown): string[] {
  const checked = describeTable(table)?.schema.safeParse(record);
  if (!checked) return ['no table'];
  return checked.success ? [] : issueLines(checked.error);
}

describe('the tables a bundle carries', () => {
  it('are the record tables of the Dexie schema, persons first, documents last', () => {
    expect(BUNDLE_TABLE_NAMES).toEqual([
      'persons',
      'cases',
      'complaints',
      'applications',
      'hearings',
      'hearingMinutes',
      'intakes',
      'rehabProgrammes',
      'wheelchairChecks',
      'wheelchairOrders',
      'documents',
    ]);
    expect(bundleTables.map((t) => t.name)).toEqual(BUNDLE_TABLE_NAMES);
    for (const t of BUNDLE_TABLES)
      for (const r of t.references) expect(r.target === '*' || BUNDLE_TABLE_NAMES.includes(r.target), `${t.name}.${r.field}`).toBe(true);
  });

  it('every generated record (register and caseload) passes its schema', () => {
    const register = generateRegister(5, { persons: 30, complaints: 80 }, ctx);
    expect(register.complaints.flatMap((c) => problems('complaints', c))).toEqual([]);
    expect(register.persons.flatMap((p) => problems('persons', p))).toEqual([]);
    const caseload = generateCaseload(9, { persons: 20, cases: 25, complaints: 30 }, ctx);
    for (const table of ['applications', 'hearings', 'hearingMinutes', 'intakes', 'rehabProgrammes', 'wheelchairChecks'] as const) {
      expect(
        caseload[table].flatMap((r) => problems(table, r)),
        table,
      ).toEqual([]);
    }
  });

  it('a complaint with an invalid IIN, a wrong number, a registration before receipt, a stale nextDue or an unknown field is refused with reasons', () => {
    const [c] = generateRegister(1, { persons: 1, complaints: 1 }, ctx).complaints;
    if (!c) throw new Error('no complaint');
    const iin = c.complainantIin;
    expect(problems('complaints', { ...c, complainantIin: `${iin.slice(0, 11)}${(Number(iin.charAt(11)) + 1) % 10}` })).toEqual([
      'complainantIin: validation.iin.checksum',
    ]);
    expect(problems('complaints', { ...c, number: 'ARAL01-C2026-00001' })).toEqual(['number: validation.zod.invalid_format']);
    expect(problems('complaints', { ...c, receiptDate: '2026-12-31', registrationDate: '2026-12-01' })).toContain(
      'registrationDate: validation.registrationBeforeReceipt',
    );
    expect(
      problems('complaints', {
        ...c,
        status: 'withdrawn',
        withdrawal: { date: c.registrationDate, reason: 'өтініш бойынша' },
        nextDue: c.reviewDue,
      }),
    ).toEqual(['nextDue: validation.zod.custom']);
    expect(problems('complaints', { ...c, receiptDate: '2026-02-30' })).toContain('receiptDate: validation.date');
    expect(problems('complaints', { ...c, secret: 1 })).toEqual([': validation.zod.unrecognized_keys']);
    expect(complaintRecordSchema.safeParse(c).success).toBe(true);
  });

  it('a document row travels without its Blob: size and digest are checked, the Blob field is unknown', () => {
    const doc = {
      ...envelope(uuid(1), '6f1c2a4e-0000-4000-8000-000000000001'),
      ownerId: uuid(2),
      caseId: null,
      digest: 'a'.repeat(64),
      fileName: 'scan.pdf',
      mimeType: 'application/pdf',
      size: 10,
    };
    expect(documentRecordSchema.safeParse(doc).success).toBe(true);
    expect(problems('documents', { ...doc, digest: 'A'.repeat(64) })).toEqual(['digest: validation.zod.invalid_format']);
    expect(problems('documents', { ...doc, size: -1 })).toEqual(['size: validation.zod.too_small']);
    expect(problems('documents', { ...doc, fileName: ' ' })).toEqual(['fileName: validation.required']);
    expect(problems('documents', { ...doc, blob: {} })).toEqual([': validation.zod.unrecognized_keys']);
  });

  it('reads references: one id, many ids, none for null or empty', () => {
    const complaints = describeTable('complaints');
    const [person, kase, files] = complaints?.references ?? [];
    if (!person || !kase || !files) throw new Error('references');
    expect(referencedIds({ personId: 'p' }, person)).toEqual(['p']);
    expect(referencedIds({ caseId: null }, kase)).toEqual([]);
    expect(referencedIds({ caseId: '' }, kase)).toEqual([]);
    expect(referencedIds({ attachmentIds: ['a', 'b', 3] }, files)).toEqual(['a', 'b']);
  });
});
