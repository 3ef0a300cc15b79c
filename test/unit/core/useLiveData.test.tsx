// @vitest-environment jsdom
/**
 * Issue 16 point 1: a page's data reloading (the date rolled over at midnight) must not take its forms
 * off the screen; another record must never be shown with the previous record's data.
 */
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useLiveData } from '../../../renderer/src/core/useLiveData';

type Props = { id: string; today: string };

/** A query whose answer names its inputs, answered only when the test lets it. */
function gatedQuery() {
  const gates: (() => void)[] = [];
  const query = (p: Props) => () => new Promise<string>((resolve) => gates.push(() => resolve(`${p.id}@${p.today}`)));
  const openAll = () => gates.splice(0).forEach((open) => open());
  return { query, openAll };
}

describe('useLiveData', () => {
  it('keeps the previous answer while the same record reloads with new inputs', async () => {
    const { query, openAll } = gatedQuery();
    const { result, rerender } = renderHook(
      (p: Props) => useLiveData(() => query({ id: p.id, today: p.today })(), [p.id, p.today], { key: p.id }),
      {
        initialProps: { id: 'a', today: '2026-12-04' },
      },
    );
    expect(result.current.status).toBe('loading');
    await waitFor(() => {
      openAll();
      expect(result.current).toEqual({ status: 'done', value: 'a@2026-12-04' });
    });
    rerender({ id: 'a', today: '2026-12-05' });
    expect(result.current).toEqual({ status: 'done', value: 'a@2026-12-04' });
    await waitFor(() => {
      openAll();
      expect(result.current).toEqual({ status: 'done', value: 'a@2026-12-05' });
    });
  });

  it('shows loading, never the previous record, when the key changes', async () => {
    const { query, openAll } = gatedQuery();
    const { result, rerender } = renderHook(
      (p: Props) => useLiveData(() => query({ id: p.id, today: p.today })(), [p.id, p.today], { key: p.id }),
      {
        initialProps: { id: 'a', today: '2026-12-04' },
      },
    );
    await waitFor(() => {
      openAll();
      expect(result.current.status).toBe('done');
    });
    rerender({ id: 'b', today: '2026-12-04' });
    expect(result.current.status).toBe('loading');
    await waitFor(() => {
      openAll();
      expect(result.current).toEqual({ status: 'done', value: 'b@2026-12-04' });
    });
  });

  it('without a key, new inputs show loading as before', async () => {
    const { query, openAll } = gatedQuery();
    const { result, rerender } = renderHook((p: Props) => useLiveData(() => query({ id: p.id, today: p.today })(), [p.id, p.today]), {
      initialProps: { id: 'a', today: '2026-12-04' },
    });
    await waitFor(() => {
      openAll();
      expect(result.current.status).toBe('done');
    });
    rerender({ id: 'a', today: '2026-12-05' });
    expect(result.current.status).toBe('loading');
  });
});
