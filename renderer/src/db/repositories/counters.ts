import type { QamqorDb } from '../database';

/**
 * Next number of a gapless sequence. Must be called inside a readwrite transaction that also writes
 * the numbered record: IndexedDB serialises readwrite transactions over the same store, so two
 * windows registering at once get consecutive numbers, and a failed write rolls the counter back
 * with it (no gaps).
 */
export async function nextSequence(db: QamqorDb, key: string): Promise<number> {
  const row = await db.counters.get(key);
  const next = (row?.last ?? 0) + 1;
  await db.counters.put({ key, last: next });
  return next;
}
