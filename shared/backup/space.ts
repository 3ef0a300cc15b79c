/**
 * Free-space check before a backup is written. A full disk is how IndexedDB loses data in the first
 * place (issue 8), so a backup must never be the write that fills it: the file needs its own size
 * once as the temporary copy that is renamed into place, once more as room for the database to keep
 * growing until the next backup, and a fixed margin for everything else on the disk.
 */

export const FREE_SPACE_MARGIN_BYTES = 50 * 1024 * 1024;

export function requiredFreeBytes(size: number): number {
  return size * 2 + FREE_SPACE_MARGIN_BYTES;
}

/** True when a backup of `size` bytes may be written on a disk with `freeBytes` available. */
export function hasRoomForBackup(size: number, freeBytes: number): boolean {
  return freeBytes >= requiredFreeBytes(size);
}
