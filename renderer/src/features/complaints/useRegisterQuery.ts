import { useCallback, useEffect, useRef, useState } from 'react';
import type { Complaint } from '@shared/complaints';
import { useServices } from '../../core/services';
import { useLiveData } from '../../core/useLiveData';
import { registerStamp } from './registerStore';
import { queryRegister, type RegisterFilter, type RegisterQuery, type SortColumn } from './registerQuery';
import { useDeadlineContext } from './useDeadlines';

export const PAGE = 100;

/**
 * A live stamp of the complaints table (the newest write): the register asks again when it changes.
 * The register index keeps itself current from Dexie's change notifications; this only tells the
 * page on screen to re-read its rows.
 */
export function useRegisterStamp(): string | null {
  const { db } = useServices();
  const stamp = useLiveData(() => registerStamp(db), [db]);
  return stamp.status === 'done' ? stamp.value : null;
}

export interface RegisterRows {
  result: RegisterQuery | null;
  /** Rows read so far, by position in the result. */
  rows: Map<number, Complaint>;
  /** Reads the pages covering positions `from`..`to` that are not read yet. */
  ensurePages(from: number, to: number): void;
  /** A failure of the query (shown to the officer). */
  failure: string | null;
}

/** The register's result for a filter and order, and its rows read a page at a time. */
export function useRegisterQuery(filter: RegisterFilter, sortColumn: SortColumn, desc: boolean): RegisterRows {
  const { db } = useServices();
  const deadlines = useDeadlineContext();
  const stamp = useRegisterStamp();
  // The register opens without waiting for the live stamp (one database round trip less before the
  // first rows, issue 16 point 8): each run reads the stamp beside its query, and runs again only when
  // the live stamp shows a write the run did not see.
  const [readStamp, setReadStamp] = useState<string | null>(null);
  const [version, setVersion] = useState<{ n: number; stamp: string | null }>({ n: 0, stamp: null });
  if (stamp !== null && readStamp !== null && stamp !== readStamp && version.stamp !== stamp) setVersion({ n: version.n + 1, stamp });
  const [result, setResult] = useState<RegisterQuery | null>(null);
  const [rows, setRows] = useState<Map<number, Complaint>>(new Map());
  const [failure, setFailure] = useState<string | null>(null);
  const loading = useRef(new Set<number>());

  useEffect(() => {
    let live = true;
    loading.current = new Set();
    const run = async () => {
      // The stamp is asked for first, so what it shows was written before the query read.
      const [seenStamp, q] = await Promise.all([
        registerStamp(db),
        queryRegister(db, filter, { column: sortColumn, desc }, deadlines.today, deadlines.soon, { early: true }),
      ]);
      if (!live) return;
      const first = await q.page(0, PAGE);
      if (!live) return;
      setReadStamp(seenStamp);
      loading.current.add(0);
      setRows(new Map(first.map((c, i) => [i, c])));
      setResult(q);
      setFailure(null);
      // The first rows are shown while a large register is still being counted.
      const total = await q.counting;
      if (live && total !== undefined) setResult((current) => (current === q ? { total, page: q.page } : current));
    };
    run().catch((e: unknown) => {
      if (live) setFailure(String(e));
    });
    return () => {
      live = false;
    };
  }, [db, filter, sortColumn, desc, deadlines, version.n]);

  const ensurePages = useCallback(
    (from: number, to: number) => {
      if (!result) return;
      for (let p = Math.floor(from / PAGE); p <= Math.floor(to / PAGE); p++) {
        if (loading.current.has(p)) continue;
        loading.current.add(p);
        const q = result;
        q.page(p * PAGE, PAGE).then(
          (page) =>
            setRows((prev) => {
              if (result !== q) return prev;
              const next = new Map(prev);
              page.forEach((c, i) => next.set(p * PAGE + i, c));
              return next;
            }),
          (e: unknown) => setFailure(String(e)),
        );
      }
    },
    [result],
  );

  return { result, rows, ensurePages, failure };
}
