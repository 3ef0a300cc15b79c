import type { OfficeKeys } from '@shared/bundle';
import type { OfficeProfile } from '@shared/office';
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

const KEYS_KEY = 'officeSigningKeys';

function isOfficeKeys(v: unknown): v is OfficeKeys {
  return (
    typeof v === 'object' &&
    v !== null &&
    'publicKey' in v &&
    v.publicKey instanceof Uint8Array &&
    'privateKeyPkcs8' in v &&
    v.privateKeyPkcs8 instanceof Uint8Array
  );
}

/** The office's Ed25519 signing key pair (made at setup), used to sign the bundles it sends. */
export async function getOfficeKeys(db: QamqorDb): Promise<OfficeKeys | null> {
  const row = await db.settings.get(KEYS_KEY);
  return row && isOfficeKeys(row.value) ? row.value : null;
}

export async function saveOfficeKeys(db: QamqorDb, keys: OfficeKeys): Promise<void> {
  await db.settings.put({ key: KEYS_KEY, value: keys });
}
