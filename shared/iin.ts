/**
 * IIN (ЖСН / ИИН), the 12-digit individual identification number (domain guide §3):
 * YYMMDD, a century-and-sex digit (1/2: 1800s, 3/4: 1900s, 5/6: 2000s; odd = male), a four-digit
 * serial and a check digit. Check digit: weights 1..11 over the first 11 digits, sum mod 11; if that
 * is 10, weights 3,4,5,6,7,8,9,10,11,1,2, sum mod 11; if that is 10 again, no valid IIN exists.
 */
import { daysInMonth, isLeapYear, parseIsoDate } from './calendar/isoDate';
import { err, ok, type Result } from './result';

export type Sex = 'male' | 'female';
/** 'future' and 'too-old' only when the caller passes the day of entry (`today`): see `parseIin`. */
export type IinErrorCode = 'empty' | 'format' | 'century' | 'date' | 'checksum' | 'future' | 'too-old';

/**
 * Issue 18 point 9 (plausible inputs): a person entered today was born at most this many full years
 * ago. Product decision, not in the seeds: the oldest documented human lived 122 years, so 130 leaves
 * room for any real person while refusing a mistyped century digit (an 1800s date entered for a 1900s one).
 */
export const IIN_MAX_AGE_YEARS = 130;

export interface IinInfo {
  iin: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: Sex;
}

const WEIGHTS_1 = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] as const;
const WEIGHTS_2 = [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2] as const;

function weightedSumMod11(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i += 1) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum % 11;
}

/**
 * The check digit for the first 11 digits of an IIN, or null when both weight sets give 10 (no
 * valid IIN starts with these digits) or the input is not exactly 11 ASCII digits.
 */
export function iinCheckDigit(first11: string): number | null {
  if (!/^\d{11}$/.test(first11)) return null;
  const digits = [...first11].map(Number);
  const first = weightedSumMod11(digits, WEIGHTS_1);
  if (first !== 10) return first;
  const second = weightedSumMod11(digits, WEIGHTS_2);
  return second === 10 ? null : second;
}

const CENTURY: Readonly<Record<string, number>> = { '1': 1800, '2': 1800, '3': 1900, '4': 1900, '5': 2000, '6': 2000 };

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * The earliest birth date that is plausible on `today`: the same month and day `IIN_MAX_AGE_YEARS`
 * years back (29 February in a common year becomes 28 February, as in `ageOn`).
 */
export function earliestPlausibleBirthDate(today: string): string | undefined {
  const d = parseIsoDate(today);
  if (!d) return undefined;
  const year = d.year - IIN_MAX_AGE_YEARS;
  return `${String(year).padStart(4, '0')}-${pad2(d.month)}-${pad2(Math.min(d.day, daysInMonth(year, d.month)))}`;
}

/**
 * Validates an IIN and derives birth date and sex. Leading and trailing whitespace is ignored; what
 * remains must be exactly 12 ASCII digits. Checks, in order: empty, format, century digit (1-6), a
 * real birth date, check digit, then, when `today` ('YYYY-MM-DD', the day of entry) is given, that the
 * birth date is plausible: not after `today` ('future') and not more than `IIN_MAX_AGE_YEARS` years
 * before it ('too-old'). `today` is a parameter, never read from a clock here, so the function stays
 * pure; without it (stored records, bundles: a record once valid stays valid) only the number is checked.
 */
export function parseIin(input: string, today?: string): Result<IinInfo, { code: IinErrorCode }> {
  const iin = input.trim();
  if (iin === '') return err({ code: 'empty' });
  if (!/^\d{12}$/.test(iin)) return err({ code: 'format' });

  const century = CENTURY[iin.charAt(6)];
  if (century === undefined) return err({ code: 'century' });

  const year = century + Number(iin.slice(0, 2));
  const month = Number(iin.slice(2, 4));
  const day = Number(iin.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return err({ code: 'date' });

  if (iinCheckDigit(iin.slice(0, 11)) !== Number(iin.charAt(11))) return err({ code: 'checksum' });

  const birthDate = `${year}-${pad2(month)}-${pad2(day)}`;
  if (today !== undefined) {
    const earliest = earliestPlausibleBirthDate(today);
    if (earliest === undefined) throw new RangeError(`parseIin: today is not a real date: ${today}`);
    if (birthDate > today) return err({ code: 'future' });
    if (birthDate < earliest) return err({ code: 'too-old' });
  }

  return ok({
    iin,
    birthDate,
    sex: Number(iin.charAt(6)) % 2 === 1 ? 'male' : 'female',
  });
}

/**
 * Full years of age on `date` (both 'YYYY-MM-DD'). The age grows on the birthday; a person born on
 * 29 February reaches the next age on 28 February in a common year (a term in years that ends in a
 * month without the matching day ends on the last day of that month). NaN when either date is not a
 * real date or `date` is before `birthDate`.
 */
export function ageOn(birthDate: string, date: string): number {
  const b = parseIsoDate(birthDate);
  const d = parseIsoDate(date);
  if (!b || !d) return Number.NaN;
  if (date < birthDate) return Number.NaN;
  const birthdayDay = b.month === 2 && b.day === 29 && !isLeapYear(d.year) ? 28 : b.day;
  const hadBirthday = d.month > b.month || (d.month === b.month && d.day >= birthdayDay);
  return d.year - b.year - (hadBirthday ? 0 : 1);
}
