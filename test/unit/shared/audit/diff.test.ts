import { describe, expect, it } from 'vitest';
import { toAuditValue, type AuditValue } from '@shared/audit/canonical';
import { applyChanges, diffValues, isTechnicalChange, snapshotChanges } from '@shared/audit/diff';

const person = {
  id: 'p1',
  updatedAt: '2026-01-05T09:00:00.000Z',
  version: { office: 1 },
  iin: '921103405676',
  lastName: 'Сейтқали',
  phone: '',
  legalRepresentative: { name: 'Нұрлан', iin: '650101300123' },
  searchWords: ['сейтқали', 'әлия'],
  history: [{ action: 'registered', on: '2026-01-05' }],
};

describe('diffValues', () => {
  it('keeps only the fields that changed, down to the nested field', () => {
    const after = {
      ...person,
      updatedAt: '2026-01-06T10:00:00.000Z',
      version: { office: 2 },
      phone: '+77012345678',
      legalRepresentative: { name: 'Нұрлан', iin: '650101300124' },
    };
    expect(diffValues(person, after)).toEqual([
      { path: ['legalRepresentative', 'iin'], before: '650101300123', after: '650101300124' },
      { path: ['phone'], before: '', after: '+77012345678' },
      { path: ['updatedAt'], before: '2026-01-05T09:00:00.000Z', after: '2026-01-06T10:00:00.000Z' },
      { path: ['version', 'office'], before: 1, after: 2 },
    ]);
  });

  it('records an appended history step as just the new item, not the whole array twice', () => {
    const after = { ...person, history: [...person.history, { action: 'decided', on: '2026-02-01' }] };
    expect(diffValues(person, after)).toEqual([{ path: ['history', 1], after: { action: 'decided', on: '2026-02-01' } }]);
  });

  it('tells an added field, a removed field and a field set to null apart', () => {
    const before: AuditValue = { a: 1, b: 2, c: 3 };
    const after: AuditValue = { a: 1, c: null, d: 4 };
    expect(diffValues(before, after)).toEqual([
      { path: ['b'], before: 2 },
      { path: ['c'], before: 3, after: null },
      { path: ['d'], after: 4 },
    ]);
  });

  it('records a reshuffled array whole, and a primitive or type change at its own path', () => {
    expect(diffValues({ w: ['a', 'b'] }, { w: ['c', 'a', 'b'] })).toEqual([{ path: ['w'], before: ['a', 'b'], after: ['c', 'a', 'b'] }]);
    expect(diffValues({ w: ['a', 'b'] }, { w: ['a', 'x'] })).toEqual([{ path: ['w', 1], before: 'b', after: 'x' }]);
    expect(diffValues({ r: null }, { r: { name: 'x' } })).toEqual([{ path: ['r'], before: null, after: { name: 'x' } }]);
    expect(diffValues('draft', 'sent')).toEqual([{ path: [], before: 'draft', after: 'sent' }]);
    expect(diffValues(person, JSON.parse(JSON.stringify(person)) as AuditValue)).toEqual([]);
  });

  it('treats a replaced attachment as one change of its size note, never as bytes', () => {
    const before = toAuditValue({ blob: new Blob(['abc']) });
    const after = toAuditValue({ blob: new Blob(['abcdef']) });
    expect(diffValues(before, after)).toEqual([
      { path: ['blob'], before: { $omitted: 'blob', size: 3 }, after: { $omitted: 'blob', size: 6 } },
    ]);
  });

  it('applying the diff to the old value gives the new one (property over many edits)', () => {
    // A small deterministic generator of edits: change, add, remove, nest, append, truncate.
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const mutate = (v: AuditValue, depth: number): AuditValue => {
      if (Array.isArray(v)) {
        const c = [...v];
        const op = rnd(4);
        if (op === 0) c.push(rnd(100));
        else if (op === 1) c.pop();
        else if (op === 2 && c.length > 0) c[rnd(c.length)] = mutate(c[0] as AuditValue, depth + 1);
        else c.reverse();
        return c;
      }
      if (v !== null && typeof v === 'object' && depth < 3) {
        const c = { ...v };
        const keys = Object.keys(c);
        const k = keys[rnd(keys.length)] ?? 'k';
        const op = rnd(4);
        if (op === 0) delete c[k];
        else if (op === 1) c[`n${rnd(5)}`] = rnd(3) === 0 ? null : `v${rnd(10)}`;
        else c[k] = mutate(c[k] ?? null, depth + 1);
        return c;
      }
      return rnd(2) === 0 ? `s${rnd(10)}` : { nested: [1, 2, rnd(9)] };
    };
    let current = toAuditValue(person);
    for (let i = 0; i < 500; i++) {
      const next = mutate(mutate(current, 0), 0);
      expect(applyChanges(current, diffValues(current, next))).toEqual(next);
      current = next;
    }
  });
});

describe('snapshots and technical fields', () => {
  it('shows a created record field by field and hides envelope bookkeeping on request', () => {
    const rows = snapshotChanges(toAuditValue({ lastName: 'Ким', id: 'p1', version: { o: 1 } }), 'after');
    expect(rows).toEqual([
      { path: ['id'], after: 'p1' },
      { path: ['lastName'], after: 'Ким' },
      { path: ['version'], after: { o: 1 } },
    ]);
    expect(rows.filter((r) => !isTechnicalChange(r)).map((r) => r.path)).toEqual([['lastName']]);
    expect(snapshotChanges({ form: 'A4' }, 'before')).toEqual([{ path: ['form'], before: 'A4' }]);
    expect(snapshotChanges('x', 'after')).toEqual([{ path: [], after: 'x' }]);
  });
});
