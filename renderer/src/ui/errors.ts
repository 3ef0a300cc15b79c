import i18next from 'i18next';

function errorName(e: unknown): string {
  if (e instanceof DOMException || e instanceof Error) return e.name;
  return '';
}

/** A full disk or an exhausted storage quota, raised by IndexedDB itself or wrapped by Dexie (`inner`). */
export function isQuotaError(e: unknown): boolean {
  const inner = typeof e === 'object' && e !== null && 'inner' in e ? errorName(e.inner) : '';
  return errorName(e) === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/**
 * The detail shown when something fails unexpectedly. A full disk or a storage quota gets its own
 * clear message (IndexedDB aborts the whole transaction, so nothing half-written remains and
 * everything saved earlier is intact); other errors show their technical text for the administrator.
 */
export function describeError(e: unknown): string {
  if (isQuotaError(e)) return i18next.t('errors.quota');
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
