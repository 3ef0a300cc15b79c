import { beforeEach, describe, expect, it } from 'vitest';
import type { QamqorDb } from '../../../renderer/src/db/database';
import { casesOfPerson, closeCase, openCase, searchCases } from '../../../renderer/src/db/repositories/cases';
import { addPerson } from '../../../renderer/src/db/repositories/persons';
import { seedReferenceData } from '../../../renderer/src/db/repositories/reference';
import { shippedRuleSets } from '@shared/rules';
import { ALIYA, BORIS, freshDb, OFFICE, testContext } from './testContext';

let db: QamqorDb;
let aliyaId: string;
let borisId: string;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await seedReferenceData(db, []);
  const ctx = testContext();
  const a = await addPerson(db, ctx, ALIYA);
  const b = await addPerson(db, ctx, BORIS);
  if (!a.ok || !b.ok) throw new Error('setup failed');
  aliyaId = a.value.id;
  borisId = b.value.id;
});

describe('cases repository', () => {
  it('numbers cases <office code>-C<year>-<sequence>, restarting each year', async () => {
    const ctx = testContext();
    const open = (registrationDate: string) => openCase(db, ctx, OFFICE, { personId: aliyaId, registrationDate, subject: 'Кресло-арба' });
    const numbers = [];
    for (const d of ['2025-12-30', '2026-01-05', '2026-01-06', '2025-12-31']) {
      const r = await open(d);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      numbers.push(r.value.caseNumber);
    }
    expect(numbers).toEqual(['ARAL01-C2025-00001', 'ARAL01-C2026-00001', 'ARAL01-C2026-00002', 'ARAL01-C2025-00002']);
  });

  it('gives consecutive, unique numbers when many registrations run at once', async () => {
    // Two windows share one IndexedDB; concurrent readwrite transactions over the counter store are serialised.
    const ctxA = testContext('Officer A');
    const ctxB = testContext('Officer B');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        openCase(db, i % 2 ? ctxA : ctxB, OFFICE, {
          personId: i % 3 ? aliyaId : borisId,
          registrationDate: '2026-02-02',
          subject: `Іс ${i}`,
        }),
      ),
    );
    const numbers = results.map((r) => (r.ok ? r.value.caseNumber : 'failed')).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `ARAL01-C2026-${String(i + 1).padStart(5, '0')}`));
  });

  it('a refused case does not consume a number', async () => {
    const ctx = testContext();
    const bad = await openCase(db, ctx, OFFICE, { personId: 'nobody', registrationDate: '2026-02-02', subject: 'Жалпы іс' });
    expect(bad).toEqual({ ok: false, error: { code: 'person-not-found' } });
    const invalid = await openCase(db, ctx, OFFICE, { personId: aliyaId, registrationDate: '02.02.2026', subject: '' });
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'invalid', errors: { registrationDate: 'validation.date', subject: 'validation.required' } },
    });
    const good = await openCase(db, ctx, OFFICE, { personId: aliyaId, registrationDate: '2026-02-02', subject: 'Жалпы іс' });
    expect(good.ok && good.value.caseNumber).toBe('ARAL01-C2026-00001');
  });

  it('keeps the rule set in force on the registration date', async () => {
    const ctx = testContext();
    const inForce = (date: string) =>
      shippedRuleSets
        .filter((r) => r.validFrom <= date && (r.validTo === null || r.validTo >= date))
        .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0]?.id;
    const old = await openCase(db, ctx, OFFICE, { personId: aliyaId, registrationDate: '2022-06-01', subject: 'Жалпы іс' });
    const now = await openCase(db, ctx, OFFICE, { personId: aliyaId, registrationDate: '2026-06-01', subject: 'Жалпы іс' });
    expect(old.ok && old.value.ruleSetId).toBe(inForce('2022-06-01'));
    expect(now.ok && now.value.ruleSetId).toBe(inForce('2026-06-01'));
    expect(old.ok && now.ok && old.value.ruleSetId !== now.value.ruleSetId).toBe(true);
    const tooEarly = await openCase(db, ctx, OFFICE, { personId: aliyaId, registrationDate: '2010-01-01', subject: 'Жалпы іс' });
    expect(tooEarly).toEqual({ ok: false, error: { code: 'no-rule-set', date: '2010-01-01' } });
  });

  it('lists a person’s cases and finds cases by number prefix', async () => {
    const ctx = testContext();
    await openCase(db, ctx, OFFICE, { personId: aliyaId, registrationDate: '2026-01-10', subject: 'Бірінші' });
    await openCase(db, ctx, OFFICE, { personId: borisId, registrationDate: '2026-01-11', subject: 'Екінші' });
    await openCase(db, ctx, OFFICE, { personId: aliyaId, registrationDate: '2026-01-12', subject: 'Үшінші' });
    expect((await casesOfPerson(db, aliyaId)).map((c) => c.subject)).toEqual(['Үшінші', 'Бірінші']);
    expect((await searchCases(db, 'aral01-c2026-0000')).length).toBe(3);
    expect((await searchCases(db, 'ARAL01-C2026-00002')).map((c) => c.subject)).toEqual(['Екінші']);
    expect(await searchCases(db, 'OTHER')).toEqual([]);
  });

  it('closes a case with a reason instead of deleting it, once', async () => {
    const ctx = testContext();
    const opened = await openCase(db, ctx, OFFICE, { personId: aliyaId, registrationDate: '2026-01-10', subject: 'Кресло-арба' });
    if (!opened.ok) throw new Error('setup');
    expect(await closeCase(db, ctx, opened.value.id, { date: '2026-03-01', reason: ' ' })).toMatchObject({
      ok: false,
      error: { code: 'invalid' },
    });
    const closed = await closeCase(db, ctx, opened.value.id, { date: '2026-03-01', reason: 'Кресло-арба берілді' });
    expect(closed.ok && closed.value.status).toBe('closed');
    expect(closed.ok && closed.value.closure).toEqual({ date: '2026-03-01', reason: 'Кресло-арба берілді', by: 'Жанар Омарова' });
    expect(closed.ok && closed.value.version[OFFICE.officeId]).toBe(2);
    expect(await closeCase(db, ctx, opened.value.id, { date: '2026-03-02', reason: 'Қайта' })).toEqual({
      ok: false,
      error: { code: 'not-open' },
    });
    expect(await db.cases.count()).toBe(1);
  });
});
