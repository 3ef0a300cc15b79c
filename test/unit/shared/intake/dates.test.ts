import { describe, expect, it } from 'vitest';
import { intakeDateErrors } from '@shared/intake';

const TODAY = '2026-12-04';

function input(registrationDate: string, dates: { signedOn?: string; issuedOn?: string; fluorography?: string; entry?: string } = {}) {
  return {
    registrationDate,
    application: { signedOn: dates.signedOn ?? '', identityDocumentIssuedOn: dates.issuedOn ?? '' },
    card: {
      fluorography: { date: dates.fluorography ?? '', text: '' },
      entries: dates.entry === undefined ? {} : { 'exam.therapist': { date: dates.entry, text: 'сау' } },
    },
  };
}

// The form passes its whole state; only these parts are read.
type Input = Parameters<typeof intakeDateErrors>[0];
const check = (v: ReturnType<typeof input>) => intakeDateErrors(v as unknown as Input, TODAY);

describe('intake dates as typed (issue 16 point 2, S003:72)', () => {
  it('accepts a registration today and documents dated on or before it', () => {
    expect(check(input(TODAY, { signedOn: TODAY, issuedOn: '2015-05-01', fluorography: '2026-10-01', entry: '2026-11-30' }))).toEqual({});
  });

  it('says a registration on a day that has not come is in the future, and checks nothing against it', () => {
    expect(check(input('2026-12-05', { signedOn: '2026-12-06' }))).toEqual({ registrationDate: 'intake.validation.future' });
  });

  it('says a half-typed registration date is not a date', () => {
    expect(check(input('2026-13-40'))).toEqual({ registrationDate: 'validation.date' });
  });

  it('puts "after the registration" on each document or card date later than the registration', () => {
    expect(
      check(input('2026-11-20', { signedOn: '2026-11-21', issuedOn: '2026-11-19', fluorography: '2026-12-01', entry: '2026-11-25' })),
    ).toEqual({
      'application.signedOn': 'intake.validation.afterRegistration',
      'card.fluorography.date': 'intake.validation.afterRegistration',
      'card.entries.exam.therapist.date': 'intake.validation.afterRegistration',
    });
  });
});
