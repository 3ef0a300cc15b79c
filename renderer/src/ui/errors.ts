import i18next from 'i18next';

function errorName(e: unknown): string {
  if (e instanceof DOMException || e instanceof Error) return e.name;
  return '';
}

/**
 * The detail shown when something fails unexpectedly. A full disk or a storage quota gets its own
 * clear message (IndexedDB aborts the whole transaction, so nothing half-written remains and
 * everything saved earlier is intact); other errors show their technical text for the administrator.
 */
export function describeError(e: unknown): string {
  const name = errorName(e);
  const inner = typeof e === 'object' && e !== null && 'inner' in e ? errorName(e.inner) : '';
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') return i18next.t('errors.quota');
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}
