import { useEffect } from 'react';
import { unsavedFate } from '../../core/unsaved';
import { endSession, LOCK_AFTER_MS, readSession, writeSession } from './session';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
/** Writing the activity time on every keystroke would be wasteful; once in this interval is enough. */
const RECORD_EVERY_MS = 10_000;
const CHECK_EVERY_MS = 15_000;

/** Keeps the session alive while the officer works and locks it after LOCK_AFTER_MS of no input. */
export function useInactivityLock(officerId: string | null): void {
  useEffect(() => {
    if (!officerId) return;
    let last = Date.now();
    writeSession({ officerId, lastActivity: last });
    const onActivity = () => {
      const now = Date.now();
      if (now - last < RECORD_EVERY_MS) return;
      last = now;
      writeSession({ officerId, lastActivity: now });
    };
    for (const e of ACTIVITY_EVENTS) window.addEventListener(e, onActivity, { passive: true });
    const timer = window.setInterval(() => {
      // Another window of the same office may have kept the session alive: honour its activity too.
      const shared = readSession(Date.now());
      if (shared?.officerId === officerId) last = Math.max(last, shared.lastActivity);
      // No one is at the desk to answer "save or discard?": drafted forms keep their text, the lock screen says so.
      if (Date.now() - last >= LOCK_AFTER_MS) endSession({ by: 'idle', unsaved: unsavedFate() });
    }, CHECK_EVERY_MS);
    return () => {
      for (const e of ACTIVITY_EVENTS) window.removeEventListener(e, onActivity);
      window.clearInterval(timer);
    };
  }, [officerId]);
}
