/**
 * Restoring from a backup: the import pipeline of the bundles feature (decode in the worker →
 * `prepareImport` → the same preview → `applyImport`, all or nothing), wrapped so that the register
 * counters are raised and the 'restore' audit entry is written in the same transaction as the records.
 *
 * Office identity (decision): a restore never changes this office's identity. The restored records
 * keep their envelopes exactly as backed up (ids, origin office, version vectors, who and when), so
 * their history and their standing against other offices' copies stay true; new work is done under
 * this installation's office id and signing key. After a lost database the office is set up again
 * (same office code; a new office id and key are made), then the backup is restored into it: every
 * record comes back as "new", and the counters continue after the restored numbers.
 */
import type { BundleError, DecodedBundle, ProgressCallback } from '@shared/bundle';
import { looksEncrypted } from '@shared/bundle/crypto';
import type { Result } from '@shared/result';
import type { QamqorDb } from '../../db/database';
import { decodeInWorker, knownOfficesForDecoding, prepareImport, type ImportSession } from '../bundles';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * What a chosen file looks like before anything is decoded: a backup is always encrypted; a plain
 * bundle is a case bundle for the Bundles page, not a backup.
 */
export function sniffBackup(bytes: Uint8Array): 'encrypted' | 'plain-bundle' | 'other' {
  if (looksEncrypted(bytes)) return 'encrypted';
  if (ZIP_MAGIC.every((b, i) => bytes[i] === b)) return 'plain-bundle';
  return 'other';
}

/** Decrypts, verifies and validates (in the bundles Web Worker when one can start). Nothing is written. */
export async function decodeBackup(
  db: QamqorDb,
  bytes: Uint8Array,
  passphrase: string,
  onProgress: ProgressCallback,
): Promise<Result<DecodedBundle, BundleError>> {
  const knownOffices = await knownOfficesForDecoding(db);
  return decodeInWorker({ bytes, knownOffices, passphrase }, onProgress);
}

/** The preview: the same plan as an import (new / updated / unchanged / conflicts…). Nothing is written. */
export function prepareRestore(db: QamqorDb, fileName: string, decoded: DecodedBundle): Promise<ImportSession> {
  return prepareImport(db, fileName, decoded);
}

export { RESTORE_PERMISSION, applyRestore } from '../bundles';
