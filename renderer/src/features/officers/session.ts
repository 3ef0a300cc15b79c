import { useAppStore } from '../../core/store';

/**
 * The signed-in officer and the inactivity lock. The session survives a reload or a second window
 * only while the officer keeps working: after LOCK_AFTER_MS without input the app locks and asks
 * for the password again (issue 8).
 */
export const LOCK_AFTER_MS = 15 * 60 * 1000;
const KEY = 'qamqor.session';

export interface StoredSession {
  officerId: string;
  lastActivity: number;
}

export function readSession(now: number): StoredSession | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || !('officerId' in v) || !('lastActivity' in v)) return null;
    const { officerId, lastActivity } = v;
    if (typeof officerId !== 'string' || typeof lastActivity !== 'number') return null;
    return now - lastActivity < LOCK_AFTER_MS ? { officerId, lastActivity } : null;
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession | null): void {
  try {
    if (session) localStorage.setItem(KEY, JSON.stringify(session));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage unavailable: the session lasts as long as this page.
  }
}

/**
 * Why the app is locked, for the lock screen (issue 16 point 7): by the officer's own button, or after
 * LOCK_AFTER_MS without input, and then what became of unsaved text (drafts are kept; a form without a draft loses
 * it). Kept in memory only: a reload while locked starts a fresh sign-in.
 */
export type LockReason = { by: 'hand' } | { by: 'idle'; unsaved: 'none' | 'drafted' | 'lost' };
let lockReason: LockReason | null = null;

export function lastLockReason(): LockReason | null {
  return lockReason;
}

/** Ends the session: locked (the sign-in form keeps the login) or signed out. */
export function endSession(lock: LockReason | null): void {
  lockReason = lock;
  writeSession(null);
  useAppStore.getState().signedOut(lock !== null);
}
