import type { OfficeProfile } from '../../../../shared/office';
import type { QamqorDb } from '../database';

const OFFICE_KEY = 'officeProfile';

function isOfficeProfile(v: unknown): v is OfficeProfile {
  return typeof v === 'object' && v !== null && 'officeId' in v && 'officeCode' in v;
}

export async function getOfficeProfile(db: QamqorDb): Promise<OfficeProfile | null> {
  const row = await db.settings.get(OFFICE_KEY);
  return row && isOfficeProfile(row.value) ? row.value : null;
}

export async function saveOfficeProfile(db: QamqorDb, profile: OfficeProfile): Promise<void> {
  await db.settings.put({ key: OFFICE_KEY, value: profile });
}
