import type { CalendarYear } from '../../../shared/calendar';
import { QamqorDb } from '../db/database';
import { listCalendarYears, seedReferenceData } from '../db/repositories/reference';
import { getOfficeProfile } from '../db/repositories/settings';
import { useAppStore } from './store';

/** Calendar tables shipped in resources/calendar, bundled at build time. */
const shippedCalendarModules = import.meta.glob<CalendarYear>('../../../resources/calendar/kz-*.json', {
  eager: true,
  import: 'default',
});
export const shippedCalendarYears: CalendarYear[] = Object.values(shippedCalendarModules);

/** Opens the database, seeds reference data and loads the state every page needs. */
export async function bootstrap(db: QamqorDb): Promise<void> {
  await db.open();
  await seedReferenceData(db, shippedCalendarYears);
  const [office, calendarYears, ruleSets] = await Promise.all([
    getOfficeProfile(db),
    listCalendarYears(db),
    db.ruleSets.orderBy('validFrom').toArray(),
  ]);
  const store = useAppStore.getState();
  store.setReference(calendarYears, ruleSets);
  if (office) store.setOffice(office);
}
