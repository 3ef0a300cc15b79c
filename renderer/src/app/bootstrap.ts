import type { CalendarYear } from '@shared/calendar';
import { QamqorDb } from '../db/database';
import { listCalendarYears, seedReferenceData } from '../db/repositories/reference';
import { getOfficeProfile } from '../db/repositories/settings';
import { readSession } from '../features/officers/session';
import { useAppStore } from '../core/store';

/** Calendar tables shipped in resources/calendar, bundled at build time. */
const shippedCalendarModules = import.meta.glob<CalendarYear>('../../../resources/calendar/kz-*.json', {
  eager: true,
  import: 'default',
});
export const shippedCalendarYears: CalendarYear[] = Object.values(shippedCalendarModules);

/**
 * Opens the database, seeds reference data and loads the state every page needs. The reads do not
 * wait for one another (issue 16 point 8: the bootstrap reads in parallel); only the reference data
 * is read after it is seeded.
 */
export async function bootstrap(db: QamqorDb): Promise<void> {
  await db.open();
  // A session still within its inactivity window survives a reload (issue 8: lock after inactivity).
  const session = readSession(Date.now());
  const [[calendarYears, ruleSets], office, officer] = await Promise.all([
    seedReferenceData(db, shippedCalendarYears).then(() =>
      Promise.all([listCalendarYears(db), db.ruleSets.orderBy('validFrom').toArray()]),
    ),
    getOfficeProfile(db),
    session ? db.officers.get(session.officerId) : undefined,
  ]);
  const store = useAppStore.getState();
  store.setReference(calendarYears, ruleSets);
  void requestPersistentStorage().then((v) => useAppStore.getState().setStoragePersistent(v));
  if (office) store.setOffice(office);
  if (officer?.active) store.signedIn(officer);
}

/**
 * Browsers may evict IndexedDB under storage pressure unless the site's storage is persistent; ask
 * once at start and let the dashboard say when the browser refused (issue 8).
 */
export async function requestPersistentStorage(): Promise<boolean | null> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persist || !storage.persisted) return null;
  try {
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return null;
  }
}

export async function needsAdministrator(db: QamqorDb): Promise<boolean> {
  return (await db.officers.count()) === 0;
}
