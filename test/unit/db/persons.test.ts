import { beforeEach, describe, expect, it } from 'vitest';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { addPerson, searchPersons, updatePerson } from '../../../renderer/src/db/repositories/persons';
import { ALIYA, BORIS, freshDb, testContext } from './testContext';

let db: QamqorDb;
beforeEach(async () => {
  db = freshDb();
  await db.open();
});

describe('persons repository', () => {
  it('adds a person with birth date and sex derived from the IIN, a normalised phone and an envelope', async () => {
    const result = await addPerson(db, testContext(), ALIYA);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const p = result.value;
    expect(p.birthDate).toBe('1992-11-03');
    expect(p.sex).toBe('female');
    expect(p.phone).toBe('+77012345678');
    expect(p.searchWords).toEqual(['сейтқали', 'әлия', 'нұрланқызы']);
    expect(p.version).toEqual({ [testContext().actor.officeId]: 1 });
    expect(await db.persons.count()).toBe(1);
    const audit = await db.auditLog.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', table: 'persons', recordId: p.id, officer: 'Жанар Омарова' });
  });

  it('refuses a second person with the same IIN and names the existing one', async () => {
    const ctx = testContext();
    const first = await addPerson(db, ctx, ALIYA);
    if (!first.ok) throw new Error('setup failed');
    const second = await addPerson(db, ctx, { ...BORIS, iin: ` ${ALIYA.iin} ` });
    expect(second).toEqual({ ok: false, error: { code: 'duplicate-iin', existingId: first.value.id } });
    expect(await db.persons.count()).toBe(1);
  });

  it('saves nothing when the input is invalid and reports every bad field as an i18n key', async () => {
    const result = await addPerson(db, testContext(), { ...ALIYA, iin: '921103405677', lastName: ' ', phone: '12345' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({
      code: 'invalid',
      errors: { iin: 'validation.iin.checksum', lastName: 'validation.required', phone: 'validation.phone' },
    });
    expect(await db.persons.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses an IIN whose birth date is after the day of entry or more than 130 years before it (issue 18 point 9)', async () => {
    // The test context writes on 05.01.2026: 31.12.2099 is in the future, 01.01.1885 is 141 years back.
    const future = await addPerson(db, testContext(), { ...ALIYA, iin: '991231500006' });
    const old = await addPerson(db, testContext(), { ...ALIYA, iin: '850101100002' });
    expect(future).toEqual({ ok: false, error: { code: 'invalid', errors: { iin: 'validation.iin.future' } } });
    expect(old).toEqual({ ok: false, error: { code: 'invalid', errors: { iin: 'validation.iin.too-old' } } });
    expect(await db.persons.count()).toBe(0);
  });

  it('validates the legal representative, IIN included', async () => {
    const result = await addPerson(db, testContext(), {
      ...ALIYA,
      legalRepresentative: { fullName: 'Нұрлан Сейтқали', iin: '123', basis: 'parent', document: '' },
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid', errors: { 'legalRepresentative.iin': 'validation.iin.format' } } });
  });

  it('updates keep the id, bump the version and refuse taking another person’s IIN', async () => {
    const ctx = testContext();
    const a = await addPerson(db, ctx, ALIYA);
    const b = await addPerson(db, ctx, BORIS);
    if (!a.ok || !b.ok) throw new Error('setup failed');
    const moved = await updatePerson(db, ctx, a.value.id, { ...ALIYA, address: 'Арал қ., Бейбітшілік к-сі, 3' });
    expect(moved.ok && moved.value.version[ctx.actor.officeId]).toBe(2);
    expect(moved.ok && moved.value.id).toBe(a.value.id);
    const clash = await updatePerson(db, ctx, a.value.id, { ...ALIYA, iin: BORIS.iin });
    expect(clash).toEqual({ ok: false, error: { code: 'duplicate-iin', existingId: b.value.id } });
    const missing = await updatePerson(db, ctx, 'no-such-id', ALIYA);
    expect(missing).toEqual({ ok: false, error: { code: 'not-found' } });
  });

  it('finds persons by IIN prefix and by the beginnings of name words in any order', async () => {
    const ctx = testContext();
    await addPerson(db, ctx, ALIYA);
    await addPerson(db, ctx, BORIS);
    const names = async (q: string) => (await searchPersons(db, q)).map((p) => p.lastName).sort();
    expect(await names('')).toEqual(['Ким', 'Сейтқали']);
    expect(await names('9211')).toEqual(['Сейтқали']);
    expect(await names('850412300125')).toEqual(['Ким']);
    expect(await names('СЕЙТ')).toEqual(['Сейтқали']);
    expect(await names('әлия сейт')).toEqual(['Сейтқали']);
    expect(await names('борис алекс')).toEqual(['Ким']);
    expect(await names('борис сейт')).toEqual([]);
    expect(await names('7')).toEqual([]);
  });
});
