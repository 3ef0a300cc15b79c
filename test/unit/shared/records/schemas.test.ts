import { describe, expect, it } from 'vitest';
import { envelope, makeCase, makeIin, makePerson, OFFICE_A, OFFICE_B, uuid } from '../../../support/bundle/fixtures';
import {
  caseRecordSchema,
  isCalendarDate,
  isIsoTimestamp,
  issueLines,
  personRecordSchema,
  recordEnvelopeSchema,
} from '@shared/records/schemas';

const FEMALE_1992 = makeIin('921103', 4); // 1992-11-03, female

function errorsOf(
  schema: { safeParse(v: unknown): { success: true } | { success: false; error: Parameters<typeof issueLines>[0] } },
  value: unknown,
): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : issueLines(r.error);
}

describe('dates and timestamps', () => {
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-02-30')).toBe(false);
    expect(isCalendarDate('2026-13-01')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });

  it('accepts UTC ISO timestamps on real days and times', () => {
    expect(isIsoTimestamp('2026-01-05T09:00:00.000Z')).toBe(true);
    expect(isIsoTimestamp('2026-01-05T09:00:00Z')).toBe(true);
    expect(isIsoTimestamp('2026-02-30T09:00:00.000Z')).toBe(false);
    expect(isIsoTimestamp('2026-01-05T24:00:00.000Z')).toBe(false);
    expect(isIsoTimestamp('2026-01-05T09:00:00.000+05:00')).toBe(false);
    expect(isIsoTimestamp('2026-01-05')).toBe(false);
  });
});

describe('recordEnvelopeSchema', () => {
  it('accepts an envelope made by createEnvelope-like code, including multi-office vectors', () => {
    const e = { ...envelope(uuid(1), OFFICE_A.id), updatedInOffice: OFFICE_B.id, version: { [OFFICE_A.id]: 3, [OFFICE_B.id]: 1 } };
    expect(recordEnvelopeSchema.safeParse(e)).toEqual({ success: true, data: e });
  });

  it('refuses bad ids, empty or negative or fractional versions, and vectors missing the updating office', () => {
    const good = envelope(uuid(1), OFFICE_A.id);
    expect(errorsOf(recordEnvelopeSchema, { ...good, id: 'person-1' })).toEqual(['id: validation.recordId']);
    expect(errorsOf(recordEnvelopeSchema, { ...good, version: {} })).toContain('version: validation.versionEmpty');
    expect(errorsOf(recordEnvelopeSchema, { ...good, version: { [OFFICE_A.id]: -1 } })).toContain(
      'version.' + OFFICE_A.id + ': validation.version',
    );
    expect(errorsOf(recordEnvelopeSchema, { ...good, version: { [OFFICE_A.id]: 1.5 } })).toContain(
      'version.' + OFFICE_A.id + ': validation.version',
    );
    expect(errorsOf(recordEnvelopeSchema, { ...good, updatedInOffice: OFFICE_B.id })).toEqual([
      'version: validation.versionMissingUpdater',
    ]);
    expect(errorsOf(recordEnvelopeSchema, { ...good, updatedAt: '2026-02-30T10:00:00.000Z' })).toEqual(['updatedAt: validation.timestamp']);
    expect(errorsOf(recordEnvelopeSchema, { ...good, createdBy: '   ' })).toEqual(['createdBy: validation.required']);
  });

  it('refuses unknown fields instead of dropping them', () => {
    expect(errorsOf(recordEnvelopeSchema, { ...envelope(uuid(1), OFFICE_A.id), extra: 1 })).toEqual([': validation.zod.unrecognized_keys']);
  });
});

describe('personRecordSchema', () => {
  const person = makePerson(1, FEMALE_1992);

  it('accepts a stored person and returns it unchanged', () => {
    expect(person.birthDate).toBe('1992-11-03');
    expect(personRecordSchema.safeParse(person)).toEqual({ success: true, data: person });
    const withRep = {
      ...person,
      legalRepresentative: { fullName: 'Нұрлан Сейтқали', iin: makeIin('650412', 3), basis: 'parent', document: '' },
    };
    expect(personRecordSchema.safeParse(withRep).success).toBe(true);
  });

  it('refuses invalid IINs with the parseIin code', () => {
    const wrongCheck = `${FEMALE_1992.slice(0, 11)}${(Number(FEMALE_1992.charAt(11)) + 1) % 10}`;
    expect(errorsOf(personRecordSchema, { ...person, iin: wrongCheck })).toEqual(['iin: validation.iin.checksum']);
    expect(errorsOf(personRecordSchema, { ...person, iin: '12345' })).toEqual(['iin: validation.iin.format']);
    expect(errorsOf(personRecordSchema, { ...person, iin: ` ${FEMALE_1992}` })).toEqual(['iin: validation.iin.format']);
    expect(errorsOf(personRecordSchema, { ...person, iin: '923003400001' })).toEqual(['iin: validation.iin.date']);
    const badRep = { fullName: 'Нұрлан Сейтқали', iin: '123', basis: 'parent', document: '' };
    expect(errorsOf(personRecordSchema, { ...person, legalRepresentative: badRep })).toEqual([
      'legalRepresentative.iin: validation.iin.format',
    ]);
  });

  it('refuses a birth date or sex that disagrees with the IIN', () => {
    expect(errorsOf(personRecordSchema, { ...person, birthDate: '1992-11-04' })).toEqual(['birthDate: validation.iin.birthDateMismatch']);
    expect(errorsOf(personRecordSchema, { ...person, sex: 'male' })).toEqual(['sex: validation.iin.sexMismatch']);
  });

  it('refuses impossible dates and wrong types', () => {
    expect(errorsOf(personRecordSchema, { ...person, birthDate: '1992-02-30' })).toEqual(['birthDate: validation.date']);
    const wrongTypes = errorsOf(personRecordSchema, { ...person, lastName: 42, version: { [OFFICE_A.id]: '1' } });
    expect(wrongTypes.sort()).toEqual(['lastName: validation.zod.invalid_type', `version.${OFFICE_A.id}: validation.zod.invalid_type`]);
    expect(errorsOf(personRecordSchema, { ...person, phone: '87012345678' })).toEqual(['phone: validation.phone']);
    expect(errorsOf(personRecordSchema, { ...person, disabilityGroup: 'IV' })).toEqual(['disabilityGroup: validation.required']);
    expect(errorsOf(personRecordSchema, null)).toEqual([': validation.zod.invalid_type']);
    expect(errorsOf(personRecordSchema, { ...person, iin: 921103400010 })).toEqual(['iin: validation.zod.invalid_type']);
  });

  it('a male IIN of the 2000s gives male sex', () => {
    const iin = makeIin('050228', 5);
    const p = makePerson(2, iin);
    expect(p.sex).toBe('male');
    expect(personRecordSchema.safeParse(p).success).toBe(true);
  });
});

describe('caseRecordSchema', () => {
  const c = makeCase(1, uuid(1, '11111111'));

  it('accepts a stored case and returns it unchanged', () => {
    expect(caseRecordSchema.safeParse(c)).toEqual({ success: true, data: c });
  });

  it('refuses an impossible registration date, a bad case number, an unknown status and a missing field', () => {
    expect(errorsOf(caseRecordSchema, { ...c, registrationDate: '2026-02-30' })).toEqual(['registrationDate: validation.date']);
    expect(errorsOf(caseRecordSchema, { ...c, caseNumber: 'ARAL01-2026-1' })).toEqual(['caseNumber: validation.caseNumber']);
    expect(errorsOf(caseRecordSchema, { ...c, status: 'lost' })).toEqual(['status: validation.required']);
    const { subject: _omit, ...noSubject } = c;
    expect(errorsOf(caseRecordSchema, noSubject).map((l) => l.split(':')[0])).toEqual(['subject']);
  });
});
