import { useEffect, useState, type DependencyList } from 'react';

export type AsyncState<T> = { status: 'loading' } | { status: 'done'; value: T } | { status: 'error'; error: string };

/** Runs a query when its inputs change; a stale answer (inputs changed meanwhile) is dropped. */
export function useAsync<T>(query: () => Promise<T>, deps: DependencyList): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    query().then(
      (value) => live && setState({ status: 'done', value }),
      (e: unknown) => live && setState({ status: 'error', error: String(e) }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
