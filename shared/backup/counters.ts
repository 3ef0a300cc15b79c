/**
 * Register counters after a restore. Register numbers are `<office code>-<kind><year>-<sequence>`
 * and the next sequence comes from the `counters` table (docs/data-model.md), which a bundle does not
 * carry. An office that lost its database and restored its records from a backup would otherwise
 * start again at 00001 and collide with the restored numbers (the numbers are unique in the
 * database): the counters are raised to the highest restored number of this office's code.
 */

export interface CounterRow {
  key: string;
  last: number;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * The highest sequence per counter key among this office's numbers (`case:<code>:<year>` for
 * `<code>-C<year>-<seq>`, `complaint:<code>:<year>` for `<code>-<year>-<seq>`). Numbers of other
 * offices have their own prefix and cannot collide.
 */
export function countersFromNumbers(officeCode: string, caseNumbers: readonly string[], complaintNumbers: readonly string[]): CounterRow[] {
  const code = escape(officeCode);
  const caseNumber = new RegExp(`^${code}-C(\\d{4})-(\\d{5,})$`, 'u');
  const complaintNumber = new RegExp(`^${code}-(\\d{4})-(\\d{5,})$`, 'u');
  const last = new Map<string, number>();
  const note = (key: string, seq: number) => last.set(key, Math.max(last.get(key) ?? 0, seq));
  for (const n of caseNumbers) {
    const m = caseNumber.exec(n);
    if (m) note(`case:${officeCode}:${m[1]}`, Number(m[2]));
  }
  for (const n of complaintNumbers) {
    const m = complaintNumber.exec(n);
    if (m) note(`complaint:${officeCode}:${m[1]}`, Number(m[2]));
  }
  return [...last].map(([key, value]) => ({ key, last: value })).sort((a, b) => (a.key < b.key ? -1 : 1));
}

/** The counters that must move up. Never down: a number once handed out stays taken. */
export function countersToRaise(wanted: readonly CounterRow[], current: ReadonlyMap<string, number>): CounterRow[] {
  return wanted.filter((w) => (current.get(w.key) ?? 0) < w.last);
}
