import { signCheckpoint } from '@shared/audit';
import { generateOfficeKeys, importSigningKey, type OfficeKeys } from '@shared/bundle/crypto';
import { CHECKPOINT_PREFIX, type AuditTrailRow } from '../../../renderer/src/db/repositories/audit';
import type { QamqorDb } from '../../../renderer/src/db/database';

/** The office keys of the database, made (and stored where the app keeps them) when missing. */
export async function keysOf(db: QamqorDb): Promise<OfficeKeys> {
  const row = await db.settings.get('officeSigningKeys');
  if (row) return row.value as OfficeKeys;
  const keys = await generateOfficeKeys();
  await db.settings.put({ key: 'officeSigningKeys', value: keys });
  return keys;
}

/** Signs the run first..last with the office key, as the app does after it appends. */
export async function signByHand(db: QamqorDb, first: AuditTrailRow, last: AuditTrailRow, keys?: OfficeKeys): Promise<void> {
  const k = keys ?? (await keysOf(db));
  const head = await signCheckpoint(await importSigningKey(k.privateKeyPkcs8), k.publicKey, {
    kind: 'run',
    fromSeq: first.seq,
    fromPrevDigest: String(first.prevDigest),
    seq: last.seq,
    digest: String(last.digest),
    signedAt: '2026-01-05T10:00:00.000Z',
  });
  await db.settings.put({ key: `${CHECKPOINT_PREFIX}${String(last.seq).padStart(15, '0')}`, value: head });
}
