import type { QamqorDb } from '../db/database';

/**
 * Drafts of long forms (minutes, complaint, intake, decisions) kept in IndexedDB as the officer types, so that a
 * reload, a crash or the lock loses nothing (issue 16 point 1). They live in the `settings` table under
 * `draft/<form>/<recordId|new>` (no schema change) and belong to the officer who typed them.
 */
export interface StoredDraft<T> {
  officerId: string;
  /** When it was last written (ISO date-time). */
  savedAt: string;
  values: T;
}

export function draftKey(form: string, recordId: string | null): string {
  return `draft/${form}/${recordId ?? 'new'}`;
}

function isStoredDraft(v: unknown): v is StoredDraft<unknown> {
  return typeof v === 'object' && v !== null && 'officerId' in v && 'savedAt' in v && 'values' in v && typeof v.savedAt === 'string';
}

/** The officer's stored draft under `key`, or null (another officer's draft is not theirs to see). */
export async function loadDraft(db: QamqorDb, key: string, officerId: string): Promise<StoredDraft<unknown> | null> {
  const row = await db.settings.get(key);
  return row && isStoredDraft(row.value) && row.value.officerId === officerId ? row.value : null;
}

export async function saveDraft<T>(db: QamqorDb, key: string, draft: StoredDraft<T>): Promise<void> {
  await db.settings.put({ key, value: draft });
}

export async function removeDraft(db: QamqorDb, key: string): Promise<void> {
  await db.settings.delete(key);
}
