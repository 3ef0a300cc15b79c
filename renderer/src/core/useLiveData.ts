import { liveQuery, type Subscription } from 'dexie';
import { useState, useSyncExternalStore, type DependencyList } from 'react';
import { describeError } from '../ui/errors';
import type { AsyncState } from '../ui/useAsync';

/** One live query's latest answer, shared by React's subscribers. */
class LiveAnswer<T> {
  private readonly listeners = new Set<() => void>();
  private subscription: Subscription | null = null;

  constructor(
    private readonly query: () => Promise<T>,
    private state: AsyncState<T> = { status: 'loading' },
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    // Dexie keeps tracking reads across native awaits only when the querier is itself an async function.
    this.subscription ??= liveQuery(async () => await this.query()).subscribe({
      next: (value) => this.set({ status: 'done', value }),
      error: (e: unknown) => this.set({ status: 'error', error: describeError(e) }),
    });
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.subscription?.unsubscribe();
        this.subscription = null;
      }
    };
  };

  readonly snapshot = (): AsyncState<T> => this.state;

  private set(state: AsyncState<T>): void {
    this.state = state;
    for (const l of this.listeners) l();
  }
}

/** What stays the same while a page shows one thing: the record's id, say. */
export interface LiveDataOptions {
  /**
   * When the inputs change but `key` does not (the date rolled over at midnight, a setting changed),
   * the previous answer stays on screen until the new one arrives, so the page's forms stay mounted
   * and keep what the officer typed (issue 16 point 1). A new key (another record) shows loading, so
   * one record's data is never shown as another's.
   */
  key?: unknown;
}

/**
 * A read from IndexedDB that stays current: Dexie's `liveQuery` records which tables and keys the query
 * read and runs it again only when a write touches them (in this window or another), so a save re-reads
 * what it changed and nothing else. The query must read through Dexie only (a non-Dexie await inside it
 * would hide later reads from the tracking); it is wrapped in an async querier, as Dexie requires for
 * tracking across native awaits. While the query runs again, the previous answer stays on
 * screen: forms keep what the officer typed.
 */
export function useLiveData<T>(query: () => Promise<T>, deps: DependencyList, options: LiveDataOptions = {}): AsyncState<T> {
  const [current, setCurrent] = useState(() => ({ deps, key: options.key, answer: new LiveAnswer(query) }));
  const stale = !sameDeps(current.deps, deps);
  const previous = current.answer.snapshot();
  const kept = stale && 'key' in options && Object.is(current.key, options.key) && previous.status === 'done' ? previous : undefined;
  // React's "adjust state while rendering" pattern: new inputs, a new live query, answered on the next render.
  if (stale) setCurrent({ deps, key: options.key, answer: new LiveAnswer(query, kept) });
  const state = useSyncExternalStore(current.answer.subscribe, current.answer.snapshot);
  return stale ? (kept ?? { status: 'loading' }) : state;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
