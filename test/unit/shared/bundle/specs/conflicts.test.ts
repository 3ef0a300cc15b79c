import { describe, expect, it } from 'vitest';
import type { Complaint } from '@shared/complaints';
import { generateRegister } from '../../../../support/generator';
import { compareVersions } from '@shared/records/envelope';
import { shippedRuleSets } from '@shared/rules';
import { calendarYearSchema, createWorkingCalendar } from '@shared/calendar';
import kz2026 from '../../../../../resources/calendar/kz-2026.json';
import { edited, makeCase, makeIin, makePerson, OFFICE_A, OFFICE_B } from '../../../../support/bundle/fixtures';
import { chooseAll, conflictFields, mergeConflict } from '@shared/bundle/specs/conflicts';

const actor = { officerName: 'Бекзат Ахметов', officeId: OFFICE_B.id };
const NOW = '2026-03-01T10:00:00.000Z';

describe('conflict resolution', () => {
  const base = makePerson(1, makeIin('921103', 4));
  const local = edited(base, OFFICE_B.id, { phone: '+77019998877' });
  const incoming = edited(base, OFFICE_A.id, { address: 'Арал қ., Бейбітшілік к-сі, 3', lastName: 'Жұмабаева' });

  it('lists the fields to choose between (derived fields and the envelope are not among them)', () => {
    const fields = conflictFields('persons', local, incoming);
    expect(
      fields
        .filter((f) => !f.same)
        .map((f) => f.field)
        .sort(),
    ).toEqual(['address', 'lastName', 'phone']);
    expect(fields.map((f) => f.field)).not.toContain('searchWords');
    expect(fields.map((f) => f.field)).not.toContain('version');
    expect(fields.map((f) => f.field)).not.toContain('birthDate');
  });

  it('all local, all incoming, or field by field; the result is newer than both copies and keeps the local identity', () => {
    const fields = conflictFields('persons', local, incoming);
    const keep = mergeConflict('persons', local, incoming, chooseAll(fields, 'local'), actor, NOW);
    const take = mergeConflict('persons', local, incoming, chooseAll(fields, 'incoming'), actor, NOW);
    const mix = mergeConflict(
      'persons',
      local,
      incoming,
      { address: { from: 'incoming' }, phone: { from: 'local' }, lastName: { from: 'edited', value: 'Сейтқали-Жұмабаева' } },
      actor,
      NOW,
    );
    if (!keep.ok || !take.ok || !mix.ok) throw new Error('merge');
    expect(keep.value).toMatchObject({ phone: local.phone, address: local.address, lastName: local.lastName });
    expect(take.value).toMatchObject({ phone: incoming.phone, address: incoming.address, lastName: 'Жұмабаева' });
    expect(mix.value).toMatchObject({ phone: local.phone, address: incoming.address, lastName: 'Сейтқали-Жұмабаева' });
    // Derived: the search words follow the chosen name.
    expect((mix.value as typeof base).searchWords).toContain('сейтқали-жұмабаева'.split('-')[0]);
    expect((take.value as typeof base).searchWords).toContain('жұмабаева');
    for (const r of [keep, take, mix]) {
      expect(r.value).toMatchObject({
        id: base.id,
        createdAt: base.createdAt,
        originOffice: base.originOffice,
        updatedAt: NOW,
        updatedBy: actor.officerName,
        updatedInOffice: OFFICE_B.id,
      });
      expect(compareVersions(r.value.version, local.version)).toBe('newer');
      expect(compareVersions(r.value.version, incoming.version)).toBe('newer');
    }
    expect(keep.value.version).toEqual({ [OFFICE_A.id]: 2, [OFFICE_B.id]: 2 });
  });

  it('a voiding survives the merge whichever copy is chosen, the earlier of two voidings kept', () => {
    const early = { at: '2026-02-10T09:00:00.000Z', by: 'Айгүл Серікова', reason: 'Қате тұлғаға тіркелген' };
    const late = { at: '2026-02-12T09:00:00.000Z', by: 'Бекзат Ахметов', reason: 'Болашақ күнмен тіркелген' };
    const voidedIncoming = { ...incoming, voided: early };
    const fields = conflictFields('persons', local, voidedIncoming);
    expect(fields.find((f) => f.field === 'voided')?.same).toBe(false);
    const keep = mergeConflict('persons', local, voidedIncoming, chooseAll(fields, 'local'), actor, NOW);
    expect(keep.ok && keep.value.voided).toEqual(early);
    const both = mergeConflict('persons', { ...local, voided: late }, voidedIncoming, chooseAll(fields, 'local'), actor, NOW);
    expect(both.ok && both.value.voided).toEqual(early);
    const neither = mergeConflict('persons', local, incoming, chooseAll(fields, 'incoming'), actor, NOW);
    expect(neither.ok && 'voided' in neither.value).toBe(false);
  });

  it('an edited value that breaks the record is refused with its reasons', () => {
    expect(mergeConflict('persons', local, incoming, { phone: { from: 'edited', value: '12345' } }, actor, NOW)).toEqual({
      ok: false,
      error: ['phone: validation.phone'],
    });
    const otherIin = mergeConflict('persons', local, incoming, { iin: { from: 'edited', value: makeIin('850412', 3) } }, actor, NOW);
    // Birth date and sex follow the new IIN, so only a real IIN passes.
    expect(otherIin.ok && (otherIin.value as typeof base).birthDate).toBe('1985-04-12');
  });

  it('a complaint keeps its indexed next due date in step with the chosen status', () => {
    const calendar = createWorkingCalendar([calendarYearSchema.parse(kz2026)]);
    const [c] = generateRegister(
      3,
      { persons: 1, complaints: 1 },
      {
        office: { officeId: OFFICE_A.id, officeCode: 'ARAL01', officerName: 'Жанар Омарова' },
        ruleSets: shippedRuleSets,
        calendar,
        today: '2026-03-01',
        spreadDays: 1,
      },
    ).complaints;
    if (!c) throw new Error('no complaint');
    const open: Complaint = {
      ...c,
      status: 'registered',
      decision: null,
      withdrawal: null,
      forwarded: null,
      courtNote: null,
      nextDue: c.forwardDue ?? c.reviewDue,
    };
    const withdrawn = edited(open, OFFICE_A.id, {
      status: 'withdrawn',
      withdrawal: { date: open.registrationDate, reason: 'Өтініш бойынша' },
    });
    const { nextDue: _gone, ...withdrawnStored } = withdrawn;
    const reviewed = edited(open, OFFICE_B.id, { reviewer: 'Бекзат Ахметов', status: 'under-review' });
    const merged = mergeConflict(
      'complaints',
      reviewed,
      withdrawnStored,
      { status: { from: 'incoming' }, withdrawal: { from: 'incoming' }, reviewer: { from: 'local' } },
      actor,
      NOW,
    );
    if (!merged.ok) throw new Error(merged.error.join('; '));
    expect(merged.value).toMatchObject({ status: 'withdrawn', reviewer: 'Бекзат Ахметов' });
    expect('nextDue' in merged.value).toBe(false);
  });

  it('cases and other tables merge generically', () => {
    const k = makeCase(1, base.id);
    const l = edited(k, OFFICE_B.id, { status: 'closed' });
    const i = edited(k, OFFICE_A.id, { subject: 'Есту аппараты' });
    const r = mergeConflict('cases', l, i, { status: { from: 'local' }, subject: { from: 'incoming' } }, actor, NOW);
    expect(r.ok && r.value).toMatchObject({ status: 'closed', subject: 'Есту аппараты' });
    expect(mergeConflict('unknownTable', l, i, {}, actor, NOW)).toEqual({ ok: false, error: [': bundle.unknownTable'] });
  });
});
