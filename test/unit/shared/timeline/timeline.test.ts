import { describe, expect, it } from 'vitest';
import {
  checkBirthDate,
  checkCaseOpened,
  checkComplaintDates,
  checkComplaintStepDates,
  checkHearingDates,
  checkIntakeDates,
  checkSignOff,
  overridableWithReason,
  type TimelineResult,
} from '@shared/timeline';

const TODAY = '2026-12-04';

function codes(r: TimelineResult): string[] {
  return r.ok ? [] : r.issues.map((i) => `${i.code}:${i.field}`);
}

describe('complaint dates', () => {
  it('accepts receipt ≤ registration ≤ today', () => {
    expect(checkComplaintDates({ receiptDate: '2026-12-01', registrationDate: '2026-12-02' }, TODAY)).toEqual({ ok: true });
    expect(checkComplaintDates({ receiptDate: TODAY, registrationDate: TODAY }, TODAY)).toEqual({ ok: true });
  });
  it('refuses registration before receipt and dates in the future', () => {
    expect(codes(checkComplaintDates({ receiptDate: '2026-12-03', registrationDate: '2026-12-02' }, TODAY))).toEqual([
      'timeline.outOfOrder:registrationDate',
    ]);
    expect(codes(checkComplaintDates({ receiptDate: '2027-06-30', registrationDate: '2027-06-30' }, TODAY))).toEqual([
      'timeline.inFuture:receiptDate',
      'timeline.inFuture:registrationDate',
    ]);
  });
  it('refuses a date that is not a real day', () => {
    expect(codes(checkComplaintDates({ receiptDate: '2026-02-30' }, TODAY))).toEqual(['timeline.invalidDate:receiptDate']);
  });
});

describe('complaint step dates', () => {
  it('accepts steps between receipt and today', () => {
    expect(checkComplaintStepDates({ date: '2026-12-01', notifiedOn: TODAY }, '2026-12-01', TODAY)).toEqual({ ok: true });
  });
  it('refuses a step before the receipt or after today, and is never overridable', () => {
    const r = checkComplaintStepDates({ date: '2026-11-30', notifiedOn: '2026-12-05' }, '2026-12-01', TODAY);
    expect(codes(r)).toEqual(['timeline.outOfOrder:date', 'timeline.inFuture:notifiedOn']);
    expect(overridableWithReason(r)).toBe(false);
  });
});

describe('case, sign-off and birth dates', () => {
  it('refuses a case opened in the future', () => {
    expect(codes(checkCaseOpened('2099-01-01', TODAY))).toEqual(['timeline.inFuture:openedDate']);
    expect(checkCaseOpened(TODAY, TODAY).ok).toBe(true);
  });
  it('refuses a sign-off in the future', () => {
    expect(codes(checkSignOff('2026-12-05', TODAY))).toEqual(['timeline.inFuture:signedDate']);
    expect(checkSignOff(undefined, TODAY).ok).toBe(true);
  });
  it('refuses a birth date in the future or before 1900', () => {
    expect(codes(checkBirthDate('2030-01-01', TODAY))).toEqual(['timeline.inFuture:birthDate']);
    expect(codes(checkBirthDate('1899-12-31', TODAY))).toEqual(['timeline.beforeMinimum:birthDate']);
    expect(checkBirthDate('1900-01-01', TODAY).ok).toBe(true);
  });
});

describe('hearing dates', () => {
  it('accepts application ≤ notice ≤ hearing ≤ held ≤ signed ≤ today', () => {
    const r = checkHearingDates(
      {
        applicationDate: '2026-11-01',
        noticeDate: '2026-11-10',
        hearingDate: '2026-11-12',
        heldDate: '2026-11-12',
        signedDate: '2026-11-13',
      },
      TODAY,
    );
    expect(r).toEqual({ ok: true });
  });
  it('allows a hearing scheduled in the future but not held in the future', () => {
    expect(checkHearingDates({ noticeDate: TODAY, hearingDate: '2026-12-08' }, TODAY).ok).toBe(true);
    expect(codes(checkHearingDates({ hearingDate: '2026-12-08', heldDate: '2026-12-08' }, TODAY))).toEqual(['timeline.inFuture:heldDate']);
  });
  it('refuses "held" before the hearing, and flags a hearing before its application as overridable', () => {
    const held = checkHearingDates({ hearingDate: '2026-11-20', heldDate: '2026-11-06' }, TODAY);
    expect(codes(held)).toEqual(['timeline.outOfOrder:heldDate']);
    expect(overridableWithReason(held)).toBe(false);
    const early = checkHearingDates({ applicationDate: '2026-11-20', hearingDate: '2026-11-10' }, TODAY);
    expect(codes(early)).toEqual(['timeline.outOfOrder:hearingDate']);
    expect(overridableWithReason(early)).toBe(true);
  });
  it('refuses a hearing before its notice', () => {
    expect(codes(checkHearingDates({ noticeDate: '2026-11-10', hearingDate: '2026-11-09' }, TODAY))).toEqual([
      'timeline.outOfOrder:hearingDate',
    ]);
  });
});

describe('intake dates', () => {
  const order = ['acceptedDate', 'registrationDate', 'decidedDate'] as const;
  it('accepts dates in order, skipping missing ones', () => {
    expect(checkIntakeDates({ acceptedDate: '2026-11-01', decidedDate: '2026-11-05' }, order, TODAY).ok).toBe(true);
  });
  it('refuses dates out of order or in the future', () => {
    expect(codes(checkIntakeDates({ acceptedDate: '2026-11-05', registrationDate: '2026-11-01' }, order, TODAY))).toEqual([
      'timeline.outOfOrder:registrationDate',
    ]);
    expect(codes(checkIntakeDates({ acceptedDate: '2027-01-01' }, order, TODAY))).toEqual(['timeline.inFuture:acceptedDate']);
  });
});
