/**
 * Test fixtures for records and bundles (used only by *.test.ts files; pure, like the rest of shared/).
 */
import { z } from 'zod';
import type { Case } from '@shared/cases';
import { iinCheckDigit, parseIin } from '@shared/iin';
import { personSearchWords, type Person } from '@shared/persons';
import { bumpVersion, type RecordEnvelope } from '@shared/records/envelope';
import { recordEnvelopeShape, recordIdSchema, refineEnvelope } from '@shared/records/schemas';
import { sha256Hex, utf8 } from '@shared/bundle/bytes';
import type { EncodeBundleInput } from '@shared/bundle/codec';
import { coreTables } from '@shared/bundle/tables';
import type { BundleTableSpec } from '@shared/bundle/types';

export const OFFICE_A = { id: '0a0a0a0a-1111-4111-8111-000000000001', code: 'ARAL01', name: 'Арал ауданы' };
export const OFFICE_B = { id: '0b0b0b0b-2222-4222-8222-000000000002', code: 'KAZ02', name: 'Қазалы ауданы' };

/** A deterministic UUID-shaped id: uuid(7) → 00000000-0000-4000-8000-000000000007. */
export function uuid(n: number, prefix = '00000000'): string {
  return `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** A valid IIN from YYMMDD and the century-and-sex digit (serials without a check digit are skipped). */
export function makeIin(yymmdd: string, centuryDigit: number, serial = 1): string {
  for (let s = serial; s < 10000; s += 1) {
    const first11 = `${yymmdd}${centuryDigit}${String(s).padStart(4, '0')}`;
    const c = iinCheckDigit(first11);
    if (c !== null) return `${first11}${c}`;
  }
  throw new Error('no serial');
}

const T0 = '2026-01-05T09:00:00.000Z';

export function envelope(id: string, officeId: string, officer = 'Жанар Омарова', at = T0): RecordEnvelope {
  return {
    id,
    createdAt: at,
    updatedAt: at,
    createdBy: officer,
    updatedBy: officer,
    originOffice: officeId,
    updatedInOffice: officeId,
    version: { [officeId]: 1 },
  };
}

export function makePerson(n: number, iin: string, overrides: Partial<Person> = {}, officeId: string = OFFICE_A.id): Person {
  const info = parseIin(iin);
  if (!info.ok) throw new Error(`bad fixture IIN ${iin}`);
  const names = { lastName: `Сейтқали${n}`, firstName: 'Әлия', middleName: 'Нұрланқызы' };
  return {
    ...envelope(uuid(n, '11111111'), officeId),
    iin,
    ...names,
    address: 'Арал қ., Абай к-сі, 12',
    phone: '+77012345678',
    disabilityGroup: 'II',
    disabilityCategory: 'general-illness',
    legalRepresentative: null,
    birthDate: info.value.birthDate,
    sex: info.value.sex,
    searchWords: personSearchWords(names),
    ...overrides,
  };
}

export function makeCase(n: number, personId: string, overrides: Partial<Case> = {}, officeId: string = OFFICE_A.id): Case {
  return {
    ...envelope(uuid(n, '22222222'), officeId),
    caseNumber: `ARAL01-C2026-${String(n).padStart(5, '0')}`,
    personId,
    registrationDate: '2026-01-05',
    subject: 'Арбаға өтініш (кресло-коляска)',
    status: 'open',
    ruleSetId: 'kz-2026-01',
    ...overrides,
  };
}

/** The record after one local change in `officeId`. */
export function edited<T extends RecordEnvelope>(record: T, officeId: string, changes: Partial<T>, at = '2026-02-01T10:00:00.000Z'): T {
  return {
    ...record,
    ...changes,
    updatedAt: at,
    updatedBy: 'Бекзат Ахметов',
    updatedInOffice: officeId,
    version: bumpVersion(record.version, officeId),
  };
}

// ---------------------------------------------------------------------------------------------------
// Bundle scenario: office A sends persons, cases and documents (a test table with attachments).

/** A stand-in for the documents table (its real schema arrives later): records point at attachments. */
export const documentRecordSchema = z
  .strictObject({
    ...recordEnvelopeShape,
    caseId: recordIdSchema,
    fileName: z.string().min(1),
    digest: z.string().regex(/^[0-9a-f]{64}$/u),
  })
  .superRefine(refineEnvelope);
export type DocumentRecord = z.output<typeof documentRecordSchema>;
export const documentsSpec: BundleTableSpec = { name: 'documents', schema: documentRecordSchema };
export const testTables: readonly BundleTableSpec[] = [...coreTables, documentsSpec];

/** Deterministic pseudo-random bytes (xorshift), incompressible like a scan or a photo. */
export function noise(length: number, seed: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(length);
  let x = seed || 1;
  for (let i = 0; i < length; i += 1) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 255;
  }
  return out;
}

export async function hex256(bytes: Uint8Array): Promise<string> {
  return sha256Hex(bytes);
}

export interface Scenario {
  persons: Person[];
  cases: Case[];
  documents: DocumentRecord[];
  /** The three distinct attachments. */
  files: Uint8Array[];
  input: EncodeBundleInput;
}

export async function scenario(): Promise<Scenario> {
  const p1 = makePerson(1, makeIin('921103', 4)); // woman, 1992
  const p2 = makePerson(2, makeIin('580615', 3), { firstName: 'Бекзат', middleName: 'Серікұлы', disabilityGroup: 'I' });
  const p3 = makePerson(3, makeIin('150301', 6), {
    firstName: 'Айару',
    disabilityGroup: 'child',
    disabilityCategory: 'since-childhood',
    legalRepresentative: { fullName: 'Сейтқали Нұрлан', iin: makeIin('880709', 3), basis: 'parent', document: 'туу туралы куәлік' },
  });
  const persons = [p1, p2, p3];
  const cases = [
    makeCase(1, p1.id),
    makeCase(2, p1.id, { status: 'closed', registrationDate: '2026-01-12' }),
    makeCase(3, p2.id, { subject: 'Шағым: есту аппараты кешіктірілді' }),
    makeCase(4, p3.id, { registrationDate: '2024-02-29' }),
  ];
  const scan = noise(150_000, 7);
  const letter = utf8('Өтініш. Менің балама арба қажет. '.repeat(1500));
  const photo = noise(1_000, 99);
  const files = [scan, letter, photo];
  const [dScan, dLetter, dPhoto] = await Promise.all(files.map(hex256));
  const doc = (n: number, caseId: string, fileName: string, digest: string | undefined): DocumentRecord => ({
    ...envelope(uuid(n, '33333333'), OFFICE_A.id),
    caseId,
    fileName,
    digest: digest ?? '',
  });
  const c1 = cases[0]?.id ?? '';
  const c3 = cases[2]?.id ?? '';
  const documents = [
    doc(1, c1, 'mse-certificate.pdf', dScan),
    doc(2, c3, 'mse-certificate-copy.pdf', dScan), // the same scan attached to two records
    doc(3, c1, 'application.txt', dLetter),
    doc(4, c3, 'photo.jpg', dPhoto),
  ];
  return {
    persons,
    cases,
    documents,
    files,
    input: {
      bundleId: '44444444-0000-4000-8000-000000000001',
      createdAt: '2026-03-02T08:30:00.000Z',
      office: OFFICE_A,
      officer: 'Жанар Омарова',
      appVersion: '0.1.0',
      tables: { persons, cases, documents },
      // The shared scan is given twice (once per document) and stored once.
      attachments: [{ bytes: scan }, { bytes: scan, digest: dScan }, { bytes: letter }, { bytes: photo }],
    },
  };
}
