import { liveQuery, type Subscription } from 'dexie';
import { useState, useSyncExternalStore, type DependencyList } from 'react';
import { describeError } from '../ui/errors';
import type { AsyncState } from '../ui/useAsync';

/** One live query's latest answer, shared by React's subscribers. */
class LiveAnswer<T> {
  private state: AsyncState<T> = { status: 'loading' };
  private readonly listeners = new Set<() => void>();
  private subscription: Subscription | null = null;

  constructor(private readonly query: () => Promise<T>) {}

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

/**
 * A read from IndexedDB that stays current: Dexie's `liveQuery` records which tables and keys the query
 * read and runs it again only when a write touches them (in this window or another), so a save re-reads
 * what it changed and nothing else. The query must read through Dexie only (a non-Dexie await inside it
 * would hide later reads from the tracking); it is wrapped in an async querier, as Dexie requires for
 * tracking across native awaits. While the query runs again, the previous answer stays on
 * screen: forms keep what the officer typed.
 */
export function useLiveData<T>(query: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [current, setCurrent] = useState(() => ({ deps, answer: new LiveAnswer(query) }));
  const stale = !sameDeps(current.deps, deps);
  // React's "adjust state while rendering" pattern: new inputs, a new live query, answered on the next render.
  if (stale) setCurrent({ deps, answer: new LiveAnswer(query) });
  const state = useSyncExternalStore(current.answer.subscribe, current.answer.snapshot);
  return stale ? { status: 'loading' } : state;
}

function sameDeps(a: DependencyList, b: DependencyList): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}
