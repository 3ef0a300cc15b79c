import { beforeEach, describe, expect, it } from 'vitest';
import { afterFailure, hashPassword, remainingWaitMs, signInDelayMs, type Officer } from '@shared/officers';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { auditTable } from '../../../renderer/src/db/repositories/audit';
import { insertOfficer, listSignInFailures, readSignInFailures, signIn } from '../../../renderer/src/features/officers/repository';
import { freshDb, OFFICE } from '../db/testContext';

let db: QamqorDb;
let clock: number;
const now = () => new Date(clock);

beforeEach(async () => {
  db = freshDb();
  await db.open();
  clock = Date.UTC(2026, 10, 20, 9, 0, 0);
  const officer: Officer = {
    id: '00000000-0000-4000-8000-00000000a001',
    login: 'zhanar',
    fullName: 'Жанар Омарова',
    position: '',
    roles: ['administrator'],
    // Few rounds: the rule under test is the counting, not the hash.
    password: await hashPassword('Qamqor-2026!', 1000),
    active: true,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    passwordChangedAt: '2026-11-01T09:00:00.000Z',
  };
  const r = await insertOfficer(db, null, officer);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
});

describe('the delay rule', () => {
  it('is free for four failures, then 30 s doubling, capped at 30 minutes', () => {
    expect([1, 2, 3, 4].map(signInDelayMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8].map(signInDelayMs)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(signInDelayMs(11)).toBe(30 * 60_000);
    expect(signInDelayMs(500)).toBe(30 * 60_000);
    const at = new Date('2026-11-20T09:00:00.000Z');
    let state = null;
    for (let i = 0; i < 5; i++) state = afterFailure(state, 'x', at).state;
    expect(remainingWaitMs(state, at)).toBe(30_000);
    expect(remainingWaitMs(state, new Date(at.getTime() + 29_000))).toBe(1_000);
    expect(remainingWaitMs(state, new Date(at.getTime() + 30_000))).toBe(0);
  });
});

describe('signIn', () => {
  it('after five wrong passwords the right one waits 30 s; every failure and the lock are in the trail; success clears the count', async () => {
    for (let i = 1; i <= 4; i++) {
      expect(await signIn(db, OFFICE, 'zhanar', `wrong-${i}`, now)).toEqual({ ok: false, error: { code: 'unknown-or-wrong' } });
      clock += 1000;
    }
    expect(await signIn(db, OFFICE, 'Zhanar', 'wrong-5', now)).toEqual({ ok: false, error: { code: 'locked', waitMs: 30_000 } });
    clock += 10_000;
    // The right password is not even tried while the account waits.
    expect(await signIn(db, OFFICE, 'zhanar', 'Qamqor-2026!', now)).toEqual({ ok: false, error: { code: 'locked', waitMs: 20_000 } });

    const entries = await auditTable(db).where(':id').above(1).toArray();
    expect(entries.map((e) => e.action)).toEqual([
      'sign-in-failed',
      'sign-in-failed',
      'sign-in-failed',
      'sign-in-failed',
      'sign-in-failed',
      'lock',
      'sign-in-failed',
    ]);
    expect(entries[5]).toMatchObject({ table: 'officers', recordId: '00000000-0000-4000-8000-00000000a001', after: { failures: 5 } });
    expect(entries[6]?.after).toMatchObject({ reason: 'locked' });

    // A "reload": the wait is read back from IndexedDB, not from memory.
    expect(await readSignInFailures(db, 'zhanar')).toMatchObject({ count: 5, total: 5 });
    clock += 21_000;
    expect(await signIn(db, OFFICE, 'zhanar', 'wrong-6', now)).toEqual({ ok: false, error: { code: 'locked', waitMs: 60_000 } });
    clock += 60_000;
    const ok = await signIn(db, OFFICE, 'zhanar', 'Qamqor-2026!', now);
    expect(ok.ok).toBe(true);
    expect(await readSignInFailures(db, 'zhanar')).toMatchObject({ count: 0, total: 6 });
    expect((await auditTable(db).orderBy(':id').last())?.action).toBe('sign-in');
  });

  it('lists failed attempts per account for the administrator', async () => {
    await signIn(db, OFFICE, 'zhanar', 'wrong', now);
    await signIn(db, OFFICE, 'zhanar', 'wrong', now);
    expect(await listSignInFailures(db)).toEqual([expect.objectContaining({ login: 'zhanar', count: 2, total: 2 })]);
  });
});
