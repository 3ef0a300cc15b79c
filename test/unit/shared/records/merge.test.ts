import { describe, expect, it } from 'vitest';
import { isListField, mergeDated, mergeEntries, mergeListField } from '@shared/records/merge';

const change = (at: string, from: string | null, to: string, by: string) => ({ from, to, at, by });

describe('merging list-like fields entry by entry (domain guide §8: neither office loses its edits)', () => {
  it("keeps both offices' status changes of a complaint once each, in time order", () => {
    const registered = change('2026-11-19T05:00:00.000Z', null, 'registered', 'Жанар Омарова');
    const inA = change('2026-11-20T06:00:00.000Z', 'registered', 'under-review', 'Жанар Омарова');
    const inB = change('2026-11-21T07:00:00.000Z', 'registered', 'forwarded', 'Бауыржан Сейітов');
    const r = mergeListField('complaints', 'history', [registered, inA], [inB, registered]);
    expect(r?.value).toEqual([registered, inA, inB]);
    expect(r).toMatchObject({ onlyLocal: 1, onlyIncoming: 1, shared: 1, clashes: [] });
  });

  it('keeps the local entry and reports a clash when the same remark differs between the copies', () => {
    const id = '0b8f4c1e-7f7e-4c3a-9d52-2f1b8a0e6c11';
    const mine = { id, date: '2026-11-20', text: 'Ескерту', at: '2026-11-20T06:00:00.000Z', by: 'A' };
    const theirs = { ...mine, text: 'Ескерту (түзетілген)' };
    const other = {
      id: '9c2d3e4f-1a2b-4c3d-8e9f-0a1b2c3d4e5f',
      date: '2026-11-19',
      text: 'Бұрынғы',
      at: '2026-11-19T06:00:00.000Z',
      by: 'B',
    };
    const r = mergeListField('hearingMinutes', 'remarks', [mine], [theirs, other]);
    expect(r?.value).toEqual([other, mine]);
    expect(r?.clashes).toHaveLength(1);
    expect(r?.shared).toBe(1);
  });

  it('unites attachment ids keeping the local order first', () => {
    const r = mergeListField('complaints', 'attachmentIds', ['a', 'b'], ['c', 'a']);
    expect(r?.value).toEqual(['a', 'b', 'c']);
    expect(r).toMatchObject({ onlyLocal: 1, onlyIncoming: 1, shared: 1 });
  });

  it("unites an application's done steps; a step dated differently keeps the local date", () => {
    const r = mergeDated({ s1: '2026-11-20', s2: '2026-11-21' }, { s2: '2026-11-22', s3: '2026-11-23' });
    expect(r.value).toEqual({ s1: '2026-11-20', s2: '2026-11-21', s3: '2026-11-23' });
    expect(r.clashes).toEqual(['s2']);
  });

  it('orders ties by keeping local entries first', () => {
    const r = mergeEntries(
      [{ k: 'x', at: '1' }],
      [{ k: 'y', at: '1' }],
      (e) => e.k,
      (e) => e.at,
    );
    expect(r.value.map((e) => e.k)).toEqual(['x', 'y']);
  });

  it('leaves other fields and malformed copies to the officer', () => {
    expect(isListField('complaints', 'history')).toBe(true);
    expect(isListField('persons', 'address')).toBe(false);
    expect(mergeListField('persons', 'address', 'a', 'b')).toBeUndefined();
    expect(mergeListField('complaints', 'history', null, [])).toBeUndefined();
    expect(mergeListField('complaints', 'history', ['text'], [])).toBeUndefined();
  });
});
