import { beforeEach, describe, expect, it } from 'vitest';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { getOfficeKeys, getOfficeProfile } from '../../../renderer/src/db/repositories/settings';
import { setUpOffice, type AdminForm, type OfficeForm } from '../../../renderer/src/features/office/repository';
import { freshDb } from '../db/testContext';

const OFFICE_FORM: OfficeForm = {
  region: 'kyzylorda',
  district: 'Арал ауданы',
  officeCode: 'ARAL01',
  officeName: 'Арал ауданының әлеуметтік бағдарламалар бөлімі',
  officerName: 'Жанар Омарова',
};
const ADMIN_FORM: AdminForm = {
  login: 'zhanar',
  position: 'Бөлім басшысы',
  password: 'Qamqor-2026!',
  passwordRepeat: 'Qamqor-2026!',
  alsoHead: true,
};

let db: QamqorDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
});

describe('the first run (issue 8: it creates the office and its administrator)', () => {
  it('stores the profile, the signing keys and the administrator with the head role, with the account in the audit trail', async () => {
    const made = await setUpOffice(db, OFFICE_FORM, ADMIN_FORM, null);
    if (!made.ok) throw new Error(JSON.stringify(made.error));
    const { officer, profile } = made.value;
    expect(officer).toMatchObject({ login: 'zhanar', fullName: 'Жанар Омарова', roles: ['administrator', 'head'], active: true });
    expect(await getOfficeProfile(db)).toEqual(profile);
    expect(profile).toMatchObject({ officeCode: 'ARAL01', district: 'Арал ауданы' });
    expect((await getOfficeKeys(db))?.publicKey).toHaveLength(32);
    expect(await db.officers.toArray()).toEqual([officer]);
    const trail = await db.auditLog.toArray();
    expect(trail.map((e) => [e.action, e.table, e.recordId])).toEqual([['create', 'officers', officer.id]]);
    expect(JSON.stringify(trail)).not.toContain('"hash"');
  });

  it('returns every field error of both forms at once (the administrator’s name under officerName) and writes nothing', async () => {
    const made = await setUpOffice(db, { ...OFFICE_FORM, region: '', officerName: 'Ж' }, { ...ADMIN_FORM, passwordRepeat: 'other' }, null);
    expect(made.ok).toBe(false);
    const errors = !made.ok && 'errors' in made.error ? made.error.errors : {};
    expect(Object.keys(errors).sort()).toEqual(['officerName', 'passwordRepeat', 'region']);
    expect(await getOfficeProfile(db)).toBeNull();
    expect(await db.officers.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('adds only the administrator to an office made before accounts existed, and refuses a second first run whole', async () => {
    const first = await setUpOffice(db, OFFICE_FORM, ADMIN_FORM, null);
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const keys = await getOfficeKeys(db);

    // A second run with no one signed in is not the first account any more: refused, and neither
    // the new profile nor new keys are left behind (one transaction).
    const again = await setUpOffice(db, { ...OFFICE_FORM, officeCode: 'OTHER1' }, { ...ADMIN_FORM, login: 'other' }, null);
    expect(again).toEqual({ ok: false, error: { messageKey: 'officers.errors.forbidden' } });
    expect(await getOfficeProfile(db)).toEqual(first.value.profile);
    expect(await getOfficeKeys(db)).toEqual(keys);
    expect(await db.officers.count()).toBe(1);

    const older = freshDb();
    await older.open();
    const kept = first.value.profile;
    const adminOnly = await setUpOffice(older, { ...OFFICE_FORM, officeCode: 'IGNORED' }, { ...ADMIN_FORM, alsoHead: false }, kept);
    if (!adminOnly.ok) throw new Error(JSON.stringify(adminOnly.error));
    expect(adminOnly.value.profile).toBe(kept);
    expect(adminOnly.value.officer.roles).toEqual(['administrator']);
    expect(await getOfficeProfile(older)).toEqual(kept);
    expect(await getOfficeKeys(older)).toBeNull();
  });
});
