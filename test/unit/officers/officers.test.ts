import { beforeEach, describe, expect, it } from 'vitest';
import { can, hashPassword, verifyPassword, type OfficerInput } from '@shared/officers';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { authenticate, changePassword, createOfficer, deactivateOfficer } from '../../../renderer/src/features/officers/repository';
import { freshDb, testContext } from '../db/testContext';

const admin: OfficerInput = {
  login: 'Zhanar',
  fullName: 'Жанар Омарова',
  position: 'бас маман',
  roles: ['administrator'],
  password: 'Qamqor-2026!',
  passwordRepeat: 'Qamqor-2026!',
};
const registrar: OfficerInput = {
  login: 'a.bekuly',
  fullName: 'Асқар Бекұлы',
  position: '',
  roles: ['registrar'],
  password: 'Registrar-1',
  passwordRepeat: 'Registrar-1',
};
const NOW = '2026-11-20T09:00:00.000Z';

let db: QamqorDb;
beforeEach(async () => {
  db = freshDb();
  await db.open();
});

describe('permissions (issue 8)', () => {
  it('only a head records decisions and only an administrator edits reference data and accounts', () => {
    expect(can(['head'], 'decision.record')).toBe(true);
    expect(can(['administrator'], 'decision.record')).toBe(false);
    expect(can(['registrar', 'reviewer'], 'decision.record')).toBe(false);
    expect(can(['administrator'], 'reference.edit')).toBe(true);
    expect(can(['head'], 'reference.edit')).toBe(false);
    expect(can(['administrator', 'head'], 'accounts.manage')).toBe(true);
    expect(can(['reviewer'], 'accounts.manage')).toBe(false);
  });
});

describe('password hashing', () => {
  it('uses PBKDF2-SHA-256 with 600,000 rounds and a random salt, and verifies only the right password', async () => {
    const a = await hashPassword('Qamqor-2026!');
    const b = await hashPassword('Qamqor-2026!');
    expect(a.iterations).toBe(600_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPassword('Qamqor-2026!', a)).toBe(true);
    expect(await verifyPassword('qamqor-2026!', a)).toBe(false);
  });
});

describe('officers repository', () => {
  it('the first account must be an administrator and needs no signed-in officer; later ones need an administrator', async () => {
    const notAdmin = await createOfficer(db, null, registrar, NOW, 'o0');
    expect(notAdmin).toEqual({ ok: false, error: { code: 'invalid', errors: { roles: 'validation.firstAdministrator' } } });
    const first = await createOfficer(db, null, admin, NOW, 'o1');
    expect(first.ok && first.value.login).toBe('zhanar');
    expect(await createOfficer(db, null, registrar, NOW, 'o2')).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await createOfficer(db, testContext('X', undefined, ['head']), registrar, NOW, 'o2')).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    const byAdmin = await createOfficer(db, testContext('Жанар Омарова', undefined, ['administrator']), registrar, NOW, 'o2');
    expect(byAdmin.ok).toBe(true);
    expect(
      await createOfficer(db, testContext('Жанар Омарова', undefined, ['administrator']), { ...registrar, fullName: 'Басқа' }, NOW, 'o3'),
    ).toEqual({
      ok: false,
      error: { code: 'duplicate-login' },
    });
    // The audit log never holds the password hash.
    expect(JSON.stringify(await db.auditLog.toArray())).not.toContain('"hash"');
  });

  it('authenticates case-insensitively by login, with one answer for unknown login and wrong password', async () => {
    await createOfficer(db, null, admin, NOW, 'o1');
    expect((await authenticate(db, ' ZHANAR ', 'Qamqor-2026!')).ok).toBe(true);
    expect(await authenticate(db, 'zhanar', 'wrong')).toEqual({ ok: false, error: { code: 'unknown-or-wrong' } });
    expect(await authenticate(db, 'nobody', 'Qamqor-2026!')).toEqual({ ok: false, error: { code: 'unknown-or-wrong' } });
  });

  it('deactivates with a reason instead of deleting, never the last administrator, and refuses deactivated sign-ins', async () => {
    const adminCtx = testContext('Жанар Омарова', undefined, ['administrator']);
    await createOfficer(db, null, admin, NOW, 'o1');
    await createOfficer(db, adminCtx, registrar, NOW, 'o2');
    expect(await deactivateOfficer(db, adminCtx, 'o1', 'демалыс')).toEqual({ ok: false, error: { code: 'last-administrator' } });
    expect(await deactivateOfficer(db, adminCtx, 'o2', ' ')).toMatchObject({ ok: false, error: { code: 'invalid' } });
    const off = await deactivateOfficer(db, adminCtx, 'o2', 'Басқа жұмысқа ауысты');
    expect(off.ok && off.value.active).toBe(false);
    expect(await db.officers.count()).toBe(2);
    expect(await authenticate(db, 'a.bekuly', 'Registrar-1')).toEqual({ ok: false, error: { code: 'inactive' } });
  });

  it('changes a password only with the current one', async () => {
    await createOfficer(db, null, admin, NOW, 'o1');
    const ctx = testContext();
    expect(await changePassword(db, ctx, 'o1', { current: 'wrong', password: 'Another-2026', passwordRepeat: 'Another-2026' })).toEqual({
      ok: false,
      error: { code: 'wrong-password' },
    });
    expect(
      (await changePassword(db, ctx, 'o1', { current: 'Qamqor-2026!', password: 'Another-2026', passwordRepeat: 'Another-2026' })).ok,
    ).toBe(true);
    expect((await authenticate(db, 'zhanar', 'Another-2026')).ok).toBe(true);
    expect((await authenticate(db, 'zhanar', 'Qamqor-2026!')).ok).toBe(false);
  });
});
