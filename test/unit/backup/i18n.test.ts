/** Keys the backup feature builds from codes (errors, categories, reasons) exist in both languages. */
import { describe, expect, it } from 'vitest';
import { BACKUP_FAILURE_CODES, BACKUP_REASONS } from '@shared/backup';
import type { BundleErrorCode } from '@shared/bundle';
import { IMPORT_CATEGORIES } from '@shared/bundle/specs';
import type { IpcErrorCode } from '@shared/ipc';
import kk from '../../../renderer/src/features/backup/i18n/kk.json';
import ru from '../../../renderer/src/features/backup/i18n/ru.json';

const BUNDLE_ERROR_CODES = [
  'not-a-bundle',
  'truncated',
  'corrupt',
  'unknown-version',
  'passphrase-required',
  'wrong-passphrase',
  'digest-mismatch',
  'bad-signature',
  'too-large',
  'zip-bomb',
  'unsafe-path',
  'duplicate-entry',
  'undeclared-entry',
  'missing-entry',
  'invalid-manifest',
  'weak-kdf',
] as const satisfies readonly BundleErrorCode[];
const IPC_ERROR_CODES = [
  'cancelled',
  'invalid-argument',
  'forbidden-sender',
  'too-large',
  'io-error',
  'disk-full',
] as const satisfies readonly IpcErrorCode[];
// The type checker fails here when a code is added to the contract but not to the lists above.
const allBundleCodes: [Exclude<BundleErrorCode, (typeof BUNDLE_ERROR_CODES)[number]>] extends [never] ? true : false = true;
const allIpcCodes: [Exclude<IpcErrorCode, (typeof IPC_ERROR_CODES)[number]>] extends [never] ? true : false = true;

describe('backup messages built from codes', () => {
  it.each([
    ['kk', kk],
    ['ru', ru],
  ] as const)('%s has one for every code', (_lang, catalog) => {
    expect(allBundleCodes && allIpcCodes).toBe(true);
    expect(Object.keys(catalog.errors).sort()).toEqual([...BACKUP_FAILURE_CODES, 'disk-full-space'].sort());
    expect(Object.keys(catalog.decodeErrors).sort()).toEqual([...BUNDLE_ERROR_CODES, 'not-a-backup'].sort());
    expect(Object.keys(catalog.open).sort()).toEqual([...IPC_ERROR_CODES].sort());
    expect(Object.keys(catalog.categories).sort()).toEqual([...IMPORT_CATEGORIES, 'rejected'].sort());
    expect(Object.keys(catalog.reasons).sort()).toEqual([...BACKUP_REASONS].sort());
    expect(Object.keys(catalog.running).sort()).toEqual([...BACKUP_REASONS].sort());
    expect(Object.keys(catalog.restore.errors).sort()).toEqual(['audit-head', 'forbidden', 'rejected', 'stale']);
    for (const key of ['passphraseShort', 'passphraseMismatch', 'interval', 'keep']) expect(catalog.validation).toHaveProperty(key);
  });

  it('the passphrase note says where it is kept, what it protects and that restoring needs it', () => {
    expect(kk.settings.passphraseNote).toMatch(/осы компьютерде/u);
    expect(kk.settings.passphraseNote).toMatch(/флешка, электрондық пошта/u);
    expect(kk.settings.passphraseNote).toMatch(/қайта енгізу керек/u);
    expect(ru.settings.passphraseNote).toMatch(/на этом компьютере/u);
    expect(ru.settings.passphraseNote).toMatch(/флешка, электронная почта/u);
    expect(ru.settings.passphraseNote).toMatch(/ввести заново/u);
  });
});
