import { useCallback, useEffect, useRef, useState } from 'react';
import { draftKey, loadDraft, removeDraft, saveDraft, type StoredDraft } from './drafts';
import { useServices } from './services';
import { useAppStore } from './store';
import { useUnsavedGuard } from './unsaved';

/** How long typing may pause before the draft is written (the lock and leaving the page write it at once). */
const DRAFT_DELAY_MS = 600;

export interface Draft<T> {
  /** Unsaved changes on screen (the values differ from the saved record). */
  dirty: boolean;
  /** A draft from an earlier session (reload, crash, lock) waiting for the officer's answer. */
  offer: StoredDraft<T> | null;
  restore(): void;
  discard(): void;
  /** The form was saved: what is on screen counts as saved and the draft is removed. */
  saved(): void;
}

/** JSON with object keys sorted, so that two equal values compare equal whatever their key order. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x,
  );
}

function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

/**
 * A long form's draft (issue 16 point 1): written to IndexedDB (core/drafts) as the officer types, offered back
 * after a reload, a crash or the lock, removed on save or discard; while the form holds unsaved changes, leaving
 * the page asks first (core/unsaved). `values` is what is on screen; what the form opened with (the record, or
 * the empty form) and then what it last saved count as saved. `isValues` checks a stored draft's shape before it
 * is offered.
 */
export function useDraft<T>(opts: {
  form: string;
  recordId: string | null;
  values: T;
  onRestore(values: T): void;
  isValues(v: unknown): v is T;
}): Draft<T> {
  const { db } = useServices();
  const officerId = useAppStore((s) => s.officer?.id ?? null);
  const key = draftKey(opts.form, opts.recordId);
  const [baseline, setBaseline] = useState(opts.values);
  const dirty = !same(opts.values, baseline);
  const [loaded, setLoaded] = useState(false);
  const [offer, setOffer] = useState<StoredDraft<T> | null>(null);
  /** Whether a draft may be stored under the key (nothing is deleted when none was ever written). */
  const exists = useRef(false);
  const pending = useRef<{ timer: number; write: () => void } | null>(null);
  const latest = useRef(opts);
  useEffect(() => {
    latest.current = opts;
  });
  useUnsavedGuard(dirty, true);

  // The stored draft, read once when the form opens.
  useEffect(() => {
    if (!officerId) return;
    let live = true;
    loadDraft(db, key, officerId).then(
      (stored) => {
        if (!live) return;
        const values = stored?.values;
        exists.current = stored !== null;
        if (stored && latest.current.isValues(values) && !same(values, latest.current.values)) setOffer({ ...stored, values });
        setLoaded(true);
      },
      () => live && setLoaded(true),
    );
    return () => {
      live = false;
    };
  }, [db, key, officerId]);

  // Written as the officer types (after a pause); removed when the screen matches the saved record again.
  useEffect(() => {
    if (!loaded || offer || !officerId || (!dirty && !exists.current)) return;
    const values = opts.values;
    const write = () => {
      pending.current = null;
      exists.current = dirty;
      const stored = { officerId, savedAt: new Date().toISOString(), values };
      (dirty ? saveDraft(db, key, stored) : removeDraft(db, key)).catch(() => undefined);
    };
    const timer = window.setTimeout(write, DRAFT_DELAY_MS);
    pending.current = { timer, write };
    return () => window.clearTimeout(timer);
  }, [db, key, officerId, loaded, offer, dirty, opts.values]);

  // Leaving the page or the lock unmounts the form, and a reload or closing the window hides the page: what is
  // pending is written at once.
  useEffect(() => {
    const flush = () => pending.current?.write();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, []);

  const restore = useCallback(() => {
    if (offer) latest.current.onRestore(offer.values);
    setOffer(null);
  }, [offer]);
  const discard = useCallback(() => {
    setOffer(null);
    exists.current = false;
    removeDraft(db, key).catch(() => undefined);
  }, [db, key]);
  const saved = useCallback(() => {
    if (pending.current) window.clearTimeout(pending.current.timer);
    pending.current = null;
    exists.current = false;
    setBaseline(latest.current.values);
    removeDraft(db, key).catch(() => undefined);
  }, [db, key]);

  return { dirty, offer, restore, discard, saved };
}
