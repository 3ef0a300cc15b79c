import { describe, expect, it } from 'vitest';
import { createEnvelope } from '@shared/records/envelope';
import { appendAddendum, appendRemark, editDraft, keepsSignedRecord, recordReading, signOff } from '@shared/hearings/minutes';
import { hearingMinutesRecordSchema } from '@shared/hearings/schemas';
import type { HearingMinutes, MinutesContent } from '@shared/hearings/types';

const OFFICE = '6f1c2a4e-0000-4000-8000-000000000001';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const AT = '2026-03-20T10:00:00.000Z';

const content: MinutesContent = {
  place: 'Арал қ., Абай к-сі, 5',
  date: '2026-03-20',
  startTime: '10:00',
  endTime: '10:40',
  body: 'Арал ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі',
  official: 'Жанар Омарова',
  secretary: 'Айгүл Бекова',
  applicantName: 'Сейтқали Әлия Нұрланқызы',
  applicantIin: '921103405676',
  representative: null,
  question: 'Әлеуметтік көмек көрсетуден бас тарту туралы алдын ала шешім',
  explanations: 'Табыс анықтамасы ескірген',
  questionsAndAnswers: '',
  statements: 'Келіспеймін',
  factsToRecord: 'Жаңа анықтама тапсырылды',
  documentsHandedIn: 'Табыс туралы анықтама',
};

const draft: HearingMinutes = {
  ...createEnvelope(id(1), { officerName: 'Жанар Омарова', officeId: OFFICE }, AT),
  hearingId: id(2),
  applicationId: id(3),
  caseId: id(4),
  content,
  signedOff: null,
  familiarisation: null,
  remarks: [],
  addenda: [],
};

const signed = (() => {
  const r = signOff(draft, { date: '2026-03-20', at: AT, by: 'Жанар Омарова' });
  if (!r.ok) throw new Error('sign-off failed');
  return r.value;
})();

describe('minutes life cycle', () => {
  it('a draft is edited freely; signed minutes refuse any edit', () => {
    const edited = editDraft(draft, { ...content, statements: 'Толық келіспеймін' });
    expect(edited.ok && edited.value.content.statements).toBe('Толық келіспеймін');
    expect(editDraft(signed, { ...content, statements: 'өзгертілді' })).toEqual({ ok: false, error: { code: 'signed-off' } });
    expect(signOff(signed, { date: '2026-03-21', at: AT, by: 'x' })).toEqual({ ok: false, error: { code: 'signed-off' } });
  });

  it('a correction of signed minutes is appended as an addendum, keeping the signed text', () => {
    expect(appendAddendum(draft, { id: id(9), date: '2026-03-20', text: 'x', at: AT, by: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-signed-off' },
    });
    const a = appendAddendum(signed, { id: id(9), date: '2026-03-23', text: 'Аяқталу уақыты 10:45', at: AT, by: 'Жанар Омарова' });
    if (!a.ok) throw new Error('addendum failed');
    expect(a.value.content).toEqual(signed.content);
    expect(a.value.addenda.map((x) => x.text)).toEqual(['Аяқталу уақыты 10:45']);
    expect(keepsSignedRecord(signed, a.value)).toBe(true);
    const b = appendAddendum(a.value, { id: id(10), date: '2026-03-23', text: 'Екінші', at: AT, by: 'x' });
    expect(b.ok && b.value.addenda.map((x) => x.text)).toEqual(['Аяқталу уақыты 10:45', 'Екінші']);
    expect(appendAddendum(signed, { id: id(11), date: '2026-03-19', text: 'ерте', at: AT, by: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'date-order', notBefore: '2026-03-20' },
    });
  });

  it('keepsSignedRecord catches a silent change of signed content, sign-off, addenda or remarks', () => {
    expect(keepsSignedRecord(signed, { ...signed, content: { ...content, statements: 'басқа' } })).toBe(false);
    expect(keepsSignedRecord(signed, { ...signed, signedOff: null })).toBe(false);
    const withAddendum = { ...signed, addenda: [{ id: id(9), date: '2026-03-23', text: 'A', at: AT, by: 'x' }] };
    expect(keepsSignedRecord(withAddendum, { ...withAddendum, addenda: [] })).toBe(false);
    expect(
      keepsSignedRecord(withAddendum, { ...withAddendum, addenda: [{ id: id(9), date: '2026-03-23', text: 'B', at: AT, by: 'x' }] }),
    ).toBe(false);
    expect(keepsSignedRecord(draft, { ...draft, content: { ...content, statements: 'басқа' } })).toBe(true);
  });

  it('the applicant reads the signed minutes once, then adds remarks dated on or after the reading', () => {
    expect(recordReading(draft, { date: '2026-03-20', at: AT, by: 'x' })).toEqual({ ok: false, error: { code: 'not-signed-off' } });
    expect(appendRemark(signed, { id: id(5), date: '2026-03-20', text: 'x', at: AT, by: 'x' })).toEqual({
      ok: false,
      error: { code: 'not-read' },
    });
    const read = recordReading(signed, { date: '2026-03-20', at: AT, by: 'Жанар Омарова' });
    if (!read.ok) throw new Error('reading failed');
    expect(recordReading(read.value, { date: '2026-03-26', at: AT, by: 'x' })).toEqual({ ok: false, error: { code: 'already-read' } });
    expect(appendRemark(read.value, { id: id(5), date: '2026-03-19', text: 'x', at: AT, by: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'date-order' },
    });
    const remark = appendRemark(read.value, {
      id: id(5),
      date: '2026-03-26',
      text: 'Менің түсіндірмем толық жазылмаған',
      at: AT,
      by: 'Жанар Омарова',
    });
    expect(remark.ok && remark.value.remarks.map((r) => r.date)).toEqual(['2026-03-26']);
    if (remark.ok) expect(hearingMinutesRecordSchema.safeParse(remark.value).success).toBe(true);
  });

  it('the stored-record schema refuses remarks without a reading and a reading without sign-off', () => {
    expect(hearingMinutesRecordSchema.safeParse(draft).success).toBe(true);
    const bad = hearingMinutesRecordSchema.safeParse({ ...draft, familiarisation: { date: '2026-03-20', at: AT, by: 'x' } });
    expect(bad.success).toBe(false);
    const bad2 = hearingMinutesRecordSchema.safeParse({
      ...signed,
      remarks: [{ id: id(5), date: '2026-03-26', text: 'x', at: AT, by: 'x' }],
    });
    expect(bad2.success).toBe(false);
    expect(hearingMinutesRecordSchema.safeParse({ ...draft, extra: 1 }).success).toBe(false);
  });
});
