import { describe, expect, it } from 'vitest';
import { ageOn, earliestPlausibleBirthDate, IIN_MAX_AGE_YEARS, iinCheckDigit, parseIin } from '@shared/iin';

// An independent implementation of the check-digit algorithm (domain guide §3), so the tests do not
// trust the code under test to build their own inputs.
const W1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const W2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2];
const weighted = (first11: string, w: number[]): number => [...first11].reduce((sum, ch, i) => sum + Number(ch) * (w[i] ?? 0), 0) % 11;
function checkDigit(first11: string): number | null {
  const a = weighted(first11, W1);
  if (a !== 10) return a;
  const b = weighted(first11, W2);
  return b === 10 ? null : b;
}
/** A valid IIN from YYMMDD, the century digit and a serial (a serial whose digits give no check digit is skipped). */
function makeIin(yymmdd: string, centuryDigit: number, serial = 1): string {
  for (let s = serial; s < 10000; s += 1) {
    const first11 = `${yymmdd}${centuryDigit}${String(s).padStart(4, '0')}`;
    const c = checkDigit(first11);
    if (c !== null) return `${first11}${c}`;
  }
  throw new Error('no serial');
}
/** The same first 11 digits with a check digit that is certainly wrong. */
const withWrongCheck = (iin: string): string => `${iin.slice(0, 11)}${(Number(iin.charAt(11)) + 1) % 10}`;

describe('parseIin: literal numbers checked by hand', () => {
  it('accepts 900101300126 (weights 1..11: 9+4+6+21+10+22 = 72, 72 mod 11 = 6)', () => {
    expect(parseIin('900101300126')).toEqual({
      ok: true,
      value: { iin: '900101300126', birthDate: '1990-01-01', sex: 'male' },
    });
  });

  it('accepts 000229500018, born 29 Feb 2000 (8+10+54+35+11 = 118, 118 mod 11 = 8)', () => {
    expect(parseIin('000229500018')).toEqual({
      ok: true,
      value: { iin: '000229500018', birthDate: '2000-02-29', sex: 'male' },
    });
  });

  it('uses the second weight set when the first sum mod 11 is 10: 900101300811', () => {
    // weights 1..11 over 9,0,0,1,0,1,3,0,0,8,1: 9+4+6+21+80+11 = 131, 131 mod 11 = 10 -> second set;
    // weights 3,4,5,6,7,8,9,10,11,1,2: 27+6+8+27+8+2 = 78, 78 mod 11 = 1 -> check digit 1.
    expect(weighted('90010130081', W1)).toBe(10);
    expect(iinCheckDigit('90010130081')).toBe(1);
    expect(parseIin('900101300811')).toMatchObject({ ok: true, value: { birthDate: '1990-01-01', sex: 'male' } });
    // The first sum (10) is not a digit, so no other check digit is accepted.
    for (let c = 0; c <= 9; c += 1) {
      if (c !== 1) expect(parseIin(`9001013008${1}${c}`)).toEqual({ ok: false, error: { code: 'checksum' } });
    }
  });

  it('rejects every number whose two sums are both 10: 9001013008x', () => {
    // first set: 9+4+6+21+80 = 120, mod 11 = 10; second set: 27+6+8+27+8 = 76, mod 11 = 10.
    expect(weighted('90010130080', W1)).toBe(10);
    expect(weighted('90010130080', W2)).toBe(10);
    expect(iinCheckDigit('90010130080')).toBeNull();
    for (let c = 0; c <= 9; c += 1) {
      expect(parseIin(`90010130080${c}`)).toEqual({ ok: false, error: { code: 'checksum' } });
    }
  });
});

describe('parseIin: generated numbers', () => {
  it('agrees with the independent check digit over many serials, both weight sets included', () => {
    let secondSetUsed = 0;
    let noDigit = 0;
    for (let s = 0; s < 2000; s += 1) {
      const first11 = `851231${s % 2 === 0 ? 3 : 4}${String(s).padStart(4, '0')}`;
      const expected = checkDigit(first11);
      expect(iinCheckDigit(first11)).toBe(expected);
      if (expected === null) {
        noDigit += 1;
        continue;
      }
      if (weighted(first11, W1) === 10) secondSetUsed += 1;
      expect(parseIin(`${first11}${expected}`).ok).toBe(true);
      expect(parseIin(`${first11}${(expected + 1) % 10}`)).toEqual({ ok: false, error: { code: 'checksum' } });
    }
    expect(secondSetUsed).toBeGreaterThan(0);
    expect(noDigit).toBeGreaterThan(0);
  });

  it.each([
    [1, '1850-07-15', 'male'],
    [2, '1850-07-15', 'female'],
    [3, '1950-07-15', 'male'],
    [4, '1950-07-15', 'female'],
    [5, '2050-07-15', 'male'],
    [6, '2050-07-15', 'female'],
  ] as const)('century digit %i gives birth date %s and sex %s', (digit, birthDate, sex) => {
    const iin = makeIin('500715', digit);
    expect(parseIin(iin)).toEqual({ ok: true, value: { iin, birthDate, sex } });
  });

  it('derives 2000s dates for digits 5/6 (a child born 2023-11-05)', () => {
    expect(parseIin(makeIin('231105', 6))).toMatchObject({ ok: true, value: { birthDate: '2023-11-05', sex: 'female' } });
  });
});

describe('parseIin: errors', () => {
  it('reports empty input, also when it is only spaces', () => {
    expect(parseIin('')).toEqual({ ok: false, error: { code: 'empty' } });
    expect(parseIin('   ')).toEqual({ ok: false, error: { code: 'empty' } });
  });

  it('trims surrounding spaces and returns the bare number', () => {
    expect(parseIin('  900101300126 \t')).toMatchObject({ ok: true, value: { iin: '900101300126' } });
  });

  it.each(['90010130012', '9001013001260', '90010130012a', '900101 300126', '9001-01300126', '١٢٣٤٥٦٧٨٩٠١٢', '+90101300126'])(
    'rejects %j as format (12 ASCII digits only)',
    (input) => {
      expect(parseIin(input)).toEqual({ ok: false, error: { code: 'format' } });
    },
  );

  it.each([0, 7, 8, 9])('rejects century digit %i even with a correct check digit', (digit) => {
    const first11 = `900101${digit}0012`;
    const c = checkDigit(first11) ?? 0;
    expect(parseIin(`${first11}${c}`)).toEqual({ ok: false, error: { code: 'century' } });
  });

  it.each([
    ['31 Feb', '900231', 3],
    ['29 Feb 1900 (not a leap year)', '000229', 3],
    ['29 Feb 2023', '230229', 5],
    ['31 Apr', '900431', 3],
    ['month 13', '901301', 3],
    ['month 00', '900001', 3],
    ['day 00', '900100', 3],
  ] as const)('rejects an impossible birth date: %s', (_label, yymmdd, digit) => {
    expect(parseIin(makeIin(yymmdd, digit))).toEqual({ ok: false, error: { code: 'date' } });
  });

  it('accepts 29 Feb in leap years: 2000 (digit 5), 1996 (digit 4), 1896 (digit 1)', () => {
    expect(parseIin(makeIin('000229', 6))).toMatchObject({ ok: true, value: { birthDate: '2000-02-29', sex: 'female' } });
    expect(parseIin(makeIin('960229', 4))).toMatchObject({ ok: true, value: { birthDate: '1996-02-29' } });
    expect(parseIin(makeIin('960229', 1))).toMatchObject({ ok: true, value: { birthDate: '1896-02-29' } });
    // 1900 is not a leap year, 2000 is: the same digits 000229 depend on the century digit.
    expect(parseIin(makeIin('000229', 3))).toEqual({ ok: false, error: { code: 'date' } });
  });

  it('rejects a wrong check digit', () => {
    const iin = makeIin('870412', 4, 123);
    expect(parseIin(iin).ok).toBe(true);
    expect(parseIin(withWrongCheck(iin))).toEqual({ ok: false, error: { code: 'checksum' } });
    expect(parseIin('900101300127')).toEqual({ ok: false, error: { code: 'checksum' } });
  });
});

// Issue 18 point 9: with the day of entry given, a birth date in the future or more than 130 years back
// is refused; the number itself is valid (right century digit, real date, check digit).
describe('parseIin: a plausible birth date on the day of entry', () => {
  const TODAY = '2026-03-10';

  it('refuses 31 Dec 2099 (digit 5) as a birth date in the future, yet the number alone is valid', () => {
    const iin = makeIin('991231', 5);
    expect(parseIin(iin)).toMatchObject({ ok: true, value: { birthDate: '2099-12-31' } });
    expect(parseIin(iin, TODAY)).toEqual({ ok: false, error: { code: 'future' } });
  });

  it('refuses 1 Jan 1800 (digit 1) as more than 130 years back, yet the number alone is valid', () => {
    const iin = makeIin('000101', 1);
    expect(parseIin(iin)).toMatchObject({ ok: true, value: { birthDate: '1800-01-01' } });
    expect(parseIin(iin, TODAY)).toEqual({ ok: false, error: { code: 'too-old' } });
  });

  it('accepts a child born on the day of entry and refuses one born the next day', () => {
    expect(parseIin(makeIin('260310', 6), TODAY)).toMatchObject({ ok: true, value: { birthDate: '2026-03-10' } });
    expect(parseIin(makeIin('260311', 6), TODAY)).toEqual({ ok: false, error: { code: 'future' } });
  });

  it('accepts a birth exactly 130 years back and refuses the day before it', () => {
    expect(IIN_MAX_AGE_YEARS).toBe(130);
    expect(earliestPlausibleBirthDate(TODAY)).toBe('1896-03-10');
    expect(parseIin(makeIin('960310', 1), TODAY)).toMatchObject({ ok: true, value: { birthDate: '1896-03-10' } });
    expect(parseIin(makeIin('960309', 1), TODAY)).toEqual({ ok: false, error: { code: 'too-old' } });
  });

  it('counts 130 years back from 29 Feb to 28 Feb of a common year', () => {
    expect(earliestPlausibleBirthDate('2028-02-29')).toBe('1898-02-28');
    expect(parseIin(makeIin('980228', 2), '2028-02-29').ok).toBe(true);
    expect(parseIin(makeIin('980227', 2), '2028-02-29')).toEqual({ ok: false, error: { code: 'too-old' } });
  });

  it('keeps the order of the checks: a wrong check digit is still a checksum error', () => {
    expect(parseIin(withWrongCheck(makeIin('991231', 5)), TODAY)).toEqual({ ok: false, error: { code: 'checksum' } });
  });

  it('refuses to guess with a day of entry that is not a real date', () => {
    expect(earliestPlausibleBirthDate('2026-02-30')).toBeUndefined();
    expect(() => parseIin('900101300126', '2026-02-30')).toThrow(RangeError);
  });
});

describe('iinCheckDigit', () => {
  it('returns null for input that is not 11 digits', () => {
    expect(iinCheckDigit('9001013001')).toBeNull();
    expect(iinCheckDigit('9001013001x')).toBeNull();
  });
});

describe('ageOn', () => {
  it('counts full years, growing on the birthday', () => {
    expect(ageOn('1990-06-15', '2025-06-14')).toBe(34);
    expect(ageOn('1990-06-15', '2025-06-15')).toBe(35);
    expect(ageOn('1990-06-15', '2025-12-31')).toBe(35);
    expect(ageOn('2007-03-10', '2025-03-09')).toBe(17);
    expect(ageOn('2007-03-10', '2025-03-10')).toBe(18);
  });

  it('is 0 on the day of birth and before the first birthday', () => {
    expect(ageOn('2025-01-01', '2025-01-01')).toBe(0);
    expect(ageOn('2024-05-20', '2025-05-19')).toBe(0);
  });

  it('for 29 Feb birthdays: next age on 28 Feb in common years, on 29 Feb in leap years', () => {
    expect(ageOn('2000-02-29', '2023-02-27')).toBe(22);
    expect(ageOn('2000-02-29', '2023-02-28')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('is NaN for invalid dates or a date before birth', () => {
    expect(ageOn('1990-02-30', '2025-01-01')).toBeNaN();
    expect(ageOn('1990-01-01', '2025-1-1')).toBeNaN();
    expect(ageOn('2025-01-02', '2025-01-01')).toBeNaN();
  });

  it('works with the birth date derived from an IIN', () => {
    const r = parseIin('900101300126');
    expect(r.ok && ageOn(r.value.birthDate, '2026-11-21')).toBe(36);
  });
});
