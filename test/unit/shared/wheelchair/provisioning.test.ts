import { describe, expect, it } from 'vitest';
import kz2026 from '../../../../resources/calendar/kz-2026.json';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { ruleSet2021 } from '@shared/rules';
import { orderInput, orderState, returnReasons, supplierResponseDue } from '@shared/wheelchair/orders';
import { emptyProfile, validateProfile, type FunctionalProfileInput } from '@shared/wheelchair/profile';
import { programmeValidity, validateProgramme } from '@shared/wheelchair/programme';
import type { WheelchairOrder } from '@shared/wheelchair/types';

const rules = ruleSet2021.wheelchairs;
const cal = createWorkingCalendar([calendarYearSchema.parse(kz2026)]);

describe('functional profile validation', () => {
  const input = (patch: Partial<FunctionalProfileInput> = {}): FunctionalProfileInput => ({
    ...emptyProfile('2021-03-15'),
    ...patch,
  });

  it('accepts typed measurements with a decimal comma and keeps lists in the table’s order', () => {
    const r = validateProfile(
      rules,
      input({
        conditions: ['tetraplegia-tetraparesis', 'circulatory-failure-iii'],
        activeSpheres: ['leisure', 'study'],
        measurements: { 'shoulder-elbow-active-range': '13,5', 'wrist-active-range': '', 'arm-muscle-strength': 2 },
      }),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.conditions).toEqual(['circulatory-failure-iii', 'tetraplegia-tetraparesis']);
    expect(r.value.activeSpheres).toEqual(['study', 'leisure']);
    expect(r.value.measurements).toEqual({
      'shoulder-elbow-active-range': 13.5,
      'wrist-active-range': null,
      'fist-finger-to-palm': null,
      'arm-muscle-strength': 2,
    });
  });

  it('refuses text, out-of-range and fractional points with i18n keys per field', () => {
    const r = validateProfile(
      rules,
      input({
        measurements: {
          'shoulder-elbow-active-range': 'abc',
          'wrist-active-range': '200',
          'arm-muscle-strength': '2.5',
          'fist-finger-to-palm': '-1',
        },
      }),
    );
    expect(r).toEqual({
      ok: false,
      error: {
        'measurements.shoulder-elbow-active-range': 'wheelchairs.errors.number',
        'measurements.wrist-active-range': 'wheelchairs.errors.range.degrees',
        'measurements.fist-finger-to-palm': 'wheelchairs.errors.number',
        'measurements.arm-muscle-strength': 'wheelchairs.errors.wholeNumber',
      },
    });
  });

  it('refuses a condition the table does not list and a bad birth date', () => {
    expect(validateProfile(rules, input({ conditions: ['flu'] }))).toEqual({
      ok: false,
      error: { conditions: 'wheelchairs.errors.unknownCondition' },
    });
    const bad = validateProfile(rules, input({ birthDate: '2021-02-30' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.birthDate).toBe('validation.date');
  });
});

describe('individual rehabilitation programme', () => {
  it('validates number, dates and known types, and orders the types by row', () => {
    const ok = validateProgramme(rules, {
      number: ' ОЖБ-17/2026 ',
      issuedOn: '2026-01-15',
      expiresOn: '2027-01-14',
      wheelchairTypes: ['electric-universal', 'hand-basic-indoor-outdoor'],
      note: '',
    });
    expect(ok).toEqual({
      ok: true,
      value: {
        number: 'ОЖБ-17/2026',
        issuedOn: '2026-01-15',
        expiresOn: '2027-01-14',
        wheelchairTypes: ['hand-basic-indoor-outdoor', 'electric-universal'],
        note: '',
      },
    });
    const bad = validateProgramme(rules, { number: '', issuedOn: '2026-05-01', expiresOn: '2026-04-30', wheelchairTypes: [], note: '' });
    expect(bad).toEqual({
      ok: false,
      error: {
        number: 'validation.required',
        wheelchairTypes: 'wheelchairs.errors.noTypes',
        expiresOn: 'wheelchairs.errors.expiryBeforeIssue',
      },
    });
    expect(
      validateProgramme(rules, { number: '1', issuedOn: '2026-01-01', expiresOn: '2026-12-31', wheelchairTypes: ['x'], note: '' }),
    ).toEqual({
      ok: false,
      error: { wheelchairTypes: 'wheelchairs.errors.unknownType' },
    });
  });

  it('is valid from its issue day through its expiry day', () => {
    const p = { issuedOn: '2026-01-15', expiresOn: '2027-01-14' };
    expect(programmeValidity(p, '2026-01-14')).toBe('not-yet-valid');
    expect(programmeValidity(p, '2026-01-15')).toBe('valid');
    expect(programmeValidity(p, '2027-01-14')).toBe('valid');
    expect(programmeValidity(p, '2027-01-15')).toBe('expired');
  });
});

describe('provisioning (para 28, 000 L669-675)', () => {
  it('gives the supplier 5 working days from the order, across the Nauryz days off', () => {
    const r = supplierResponseDue(rules, cal, '2026-03-18');
    expect(r).toEqual({ ok: true, value: { due: '2026-03-30', term: rules.supplierResponse } });
    expect(r.ok && r.value.term.citation).toMatchObject({ lines: 'L673', paragraph: '28', quoteKk: 'бес жұмыс күні ішінде' });
  });

  it('refuses to guess when the calendar does not cover the year', () => {
    expect(supplierResponseDue(rules, cal, '2027-12-30')).toEqual({ ok: false, error: { code: 'year-not-covered', year: 2027 } });
  });

  it('validates the order input', () => {
    const r = orderInput.safeParse({
      programmeId: '',
      checkId: null,
      wheelchairType: '',
      orderDate: '2026-3-1',
      supplier: ' ',
      receiptMode: 'drone',
    });
    expect(r.success).toBe(false);
  });

  const order = (patch: Partial<WheelchairOrder> = {}): WheelchairOrder => ({
    id: 'o1',
    createdAt: '2026-03-18T09:00:00.000Z',
    updatedAt: '2026-03-18T09:00:00.000Z',
    createdBy: 'Ж. Омарова',
    updatedBy: 'Ж. Омарова',
    originOffice: 'office',
    updatedInOffice: 'office',
    version: { office: 1 },
    caseId: 'c1',
    personId: 'p1',
    programmeId: 'prog',
    checkId: null,
    wheelchairType: 'hand-basic-indoor-outdoor',
    orderDate: '2026-03-18',
    supplier: 'ТОО «Мейірім»',
    receiptMode: 'delivery',
    ruleSetId: 'x',
    responseDue: '2026-03-30',
    supplierResponse: null,
    handOverDate: null,
    events: [],
    returnedOn: null,
    ...patch,
  });
  const programme = { expiresOn: '2026-06-30' };
  const event = (kind: 'recipient-died' | 'recipient-left' | 'programme-expired', date: string) => ({
    kind,
    date,
    note: '',
    recordedAt: `${date}T10:00:00.000Z`,
    recordedBy: 'Ж. Омарова',
  });

  it('awaits the supplier with the days left, then flags the answer overdue', () => {
    const s = orderState(rules, cal, order(), programme, '2026-03-26');
    expect(s).toMatchObject({ ok: true, value: { stage: 'awaiting-response', responseDaysLeft: 2, responseOverdue: false } });
    const late = orderState(rules, cal, order(), programme, '2026-03-31');
    expect(late).toMatchObject({ ok: true, value: { stage: 'awaiting-response', responseDaysLeft: -1, responseOverdue: true } });
  });

  it('moves through accepted and handed over; a refusal for want of stock ends it', () => {
    const accepted = order({ supplierResponse: { answer: 'accepted', date: '2026-03-20' } });
    expect(orderState(rules, cal, accepted, programme, '2026-04-01')).toMatchObject({
      ok: true,
      value: { stage: 'accepted', responseDaysLeft: null },
    });
    const handed = order({ supplierResponse: { answer: 'accepted', date: '2026-03-20' }, handOverDate: '2026-04-10' });
    expect(orderState(rules, cal, handed, programme, '2026-09-01')).toMatchObject({
      ok: true,
      value: { stage: 'handed-over', returnReasons: [] },
    });
    const refused = order({ supplierResponse: { answer: 'refused-out-of-stock', date: '2026-03-20' } });
    expect(orderState(rules, cal, refused, programme, '2026-04-01')).toMatchObject({ ok: true, value: { stage: 'refused' } });
  });

  it('proposes a return when the recipient dies or leaves before hand-over, citing para 28', () => {
    const died = order({ supplierResponse: { answer: 'accepted', date: '2026-03-20' }, events: [event('recipient-died', '2026-04-02')] });
    const s = orderState(rules, cal, died, programme, '2026-04-03');
    expect(s).toMatchObject({
      ok: true,
      value: { stage: 'return-proposed', returnReasons: [{ kind: 'recipient-died', date: '2026-04-02', derived: false }] },
    });
    expect(s.ok && s.value.returnCitation).toMatchObject({ lines: 'L675', paragraph: '28' });
    const left = order({ events: [event('recipient-left', '2026-04-02')] });
    expect(returnReasons(left, programme, '2026-04-03')).toEqual([{ kind: 'recipient-left', date: '2026-04-02', derived: false }]);
  });

  it('proposes a return when the programme expires before hand-over, found from its expiry date', () => {
    expect(returnReasons(order(), programme, '2026-06-30')).toEqual([]);
    expect(returnReasons(order(), programme, '2026-07-01')).toEqual([{ kind: 'programme-expired', date: '2026-06-30', derived: true }]);
    // Handed over while the programme was valid: nothing to return later.
    expect(returnReasons(order({ handOverDate: '2026-06-30' }), programme, '2026-09-01')).toEqual([]);
    // A recorded expiry is not reported twice.
    expect(returnReasons(order({ events: [event('programme-expired', '2026-06-30')] }), programme, '2026-07-02')).toEqual([
      { kind: 'programme-expired', date: '2026-06-30', derived: false },
    ]);
  });

  it('ignores events after the hand-over, and a recorded return ends the order', () => {
    const after = order({ handOverDate: '2026-04-10', events: [event('recipient-left', '2026-05-01')] });
    expect(returnReasons(after, programme, '2026-05-02')).toEqual([]);
    const returned = order({ events: [event('recipient-died', '2026-04-02')], returnedOn: '2026-04-06' });
    expect(orderState(rules, cal, returned, programme, '2026-04-07')).toMatchObject({
      ok: true,
      value: { stage: 'returned', returnReasons: [] },
    });
  });

  it('lists several reasons by date', () => {
    const both = order({ events: [event('recipient-left', '2026-07-05'), event('recipient-died', '2026-04-02')] });
    expect(returnReasons(both, programme, '2026-07-10').map((r) => r.kind)).toEqual([
      'recipient-died',
      'programme-expired',
      'recipient-left',
    ]);
  });
});
