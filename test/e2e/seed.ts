import type { Page } from '@playwright/test';
import kz2025 from '../../resources/calendar/kz-2025.json' with { type: 'json' };
import kz2026 from '../../resources/calendar/kz-2026.json' with { type: 'json' };
import kz2027 from '../../resources/calendar/kz-2027.json' with { type: 'json' };
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import { generateRegister, type GeneratedRegister } from '../support/generator';
import { shippedRuleSets } from '@shared/rules';

/** The date every end-to-end test lives on (the page clock is fixed to it), so deadlines are stable. */
export const TEST_TODAY = '2026-11-20';
export const TEST_NOW = new Date('2026-11-20T11:00:00+05:00');

export const testCalendar = createWorkingCalendar([kz2025, kz2026, kz2027].map((y) => calendarYearSchema.parse(y)));

interface OfficeRow {
  officeId: string;
  officeCode: string;
  officerName: string;
}

async function officeOf(page: Page): Promise<OfficeRow> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('qamqor');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(new Error(r.error?.message ?? 'IndexedDB request failed'));
    });
    const row = await new Promise<{ value: { officeId: string; officeCode: string; officerName: string } }>((resolve, reject) => {
      const r = db.transaction('settings').objectStore('settings').get('officeProfile');
      r.onsuccess = () => resolve(r.result as { value: { officeId: string; officeCode: string; officerName: string } });
      r.onerror = () => reject(new Error(r.error?.message ?? 'IndexedDB request failed'));
    });
    db.close();
    return { officeId: row.value.officeId, officeCode: row.value.officeCode, officerName: row.value.officerName };
  });
}

/**
 * Fills the app's real IndexedDB with a generated register, written straight into the object stores
 * as a previous session of the app would have left them (with the number counters advanced).
 */
export async function seedRegister(page: Page, seed: number, counts: { persons: number; complaints: number }): Promise<GeneratedRegister> {
  const office = await officeOf(page);
  const data = generateRegister(seed, counts, {
    office,
    ruleSets: shippedRuleSets,
    calendar: testCalendar,
    today: TEST_TODAY,
    spreadDays: 120,
  });
  const counters = new Map<string, number>();
  for (const c of data.complaints) {
    const year = c.registrationDate.slice(0, 4);
    const key = `complaint:${office.officeCode}:${year}`;
    counters.set(key, Math.max(counters.get(key) ?? 0, Number(c.number.slice(-5))));
  }
  await page.evaluate(
    async ({ persons, complaints, counters: cs }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const r = indexedDB.open('qamqor');
        r.onsuccess = () => resolve(r.result);
        r.onerror = () => reject(new Error(r.error?.message ?? 'IndexedDB request failed'));
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['persons', 'complaints', 'counters'], 'readwrite');
        for (const p of persons) tx.objectStore('persons').put(p);
        for (const c of complaints) tx.objectStore('complaints').put(c);
        for (const [key, last] of cs) tx.objectStore('counters').put({ key, last });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(new Error(tx.error?.message ?? 'IndexedDB transaction failed'));
      });
      db.close();
    },
    { persons: data.persons, complaints: data.complaints, counters: [...counters] },
  );
  return data;
}
