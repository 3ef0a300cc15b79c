import i18next from 'i18next';
import { useEffect } from 'react';
import { setLeaveGuard } from './router';

/**
 * The forms of the open page that hold unsaved changes (issue 16 point 1). `drafted`: the form keeps a
 * draft in IndexedDB (core/useDraft), so its text survives leaving, the lock and sign-out and is offered back.
 */
const dirtyForms = new Map<symbol, { drafted: boolean }>();

function unsavedMessage(action: 'leave' | 'lock' | 'signOut'): string | null {
  if (dirtyForms.size === 0) return null;
  const allDrafted = [...dirtyForms.values()].every((f) => f.drafted);
  return i18next.t(`unsaved.${action}`) + ' ' + i18next.t(allDrafted ? 'unsaved.keptAsDraft' : 'unsaved.lost');
}

/**
 * Asks before an action that takes the officer off the page (a menu link, the back button, the lock, signing out)
 * while a form holds unsaved changes; true when there are none or the officer confirms.
 */
export function confirmUnsaved(action: 'leave' | 'lock' | 'signOut'): boolean {
  const message = unsavedMessage(action);
  return message === null || window.confirm(message);
}

/** Registers the form as holding unsaved changes while `dirty`: leaving the page then asks first. */
export function useUnsavedGuard(dirty: boolean, drafted = false): void {
  useEffect(() => {
    if (!dirty) return;
    const id = Symbol('form');
    dirtyForms.set(id, { drafted });
    setLeaveGuard(() => confirmUnsaved('leave'));
    return () => {
      dirtyForms.delete(id);
      if (dirtyForms.size === 0) setLeaveGuard(null);
    };
  }, [dirty, drafted]);
}

/**
 * What becomes of the open forms' unsaved changes if the page closes now without asking (the inactivity lock,
 * which cannot ask: no one is at the desk): none, all kept as drafts, or some text lost (a form without a draft).
 */
export function unsavedFate(): 'none' | 'drafted' | 'lost' {
  if (dirtyForms.size === 0) return 'none';
  return [...dirtyForms.values()].every((f) => f.drafted) ? 'drafted' : 'lost';
}
