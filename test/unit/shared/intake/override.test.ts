import { describe, expect, it } from 'vitest';
import { ruleSetCarryOver2023, ruleSetInForce, ruleSetSchema, shippedRuleSets, type RuleSet } from '@shared/rules';
import { checkIntake } from '@shared/intake/check';
import {
  applyMedicalCardOverride,
  editableValidityItems,
  nextVersion,
  overrideRuleSetId,
  type MedicalCardOverride,
} from '@shared/intake/override';
import { completePackage } from '../../../support/intake';

const note = { kk: 'Әкімші: ДСМ бұйрығы, 12-т.', ru: 'Администратор: приказ МЗ, п. 12' };

function apply(o: Partial<MedicalCardOverride>, base: RuleSet = ruleSetCarryOver2023): RuleSet {
  const version = nextVersion(base, shippedRuleSets);
  const r = applyMedicalCardOverride(
    base,
    { validityDays: {}, contraindications: [], note, ...o },
    version,
    overrideRuleSetId(base.id, version),
  );
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value;
}

describe('administrator override of validity periods and contraindications', () => {
  it('lists each dated line once with the appendices that carry it', () => {
    const items = editableValidityItems(ruleSetCarryOver2023.medicalCard);
    expect(items.find((i) => i.id === 'lab.hiv')).toMatchObject({ appendices: ['5', '6'], validityDays: null });
    expect(items.find((i) => i.id === 'exam.surgeon')?.appendices).toEqual(['5']);
    expect(items.some((i) => i.id.startsWith('header.'))).toBe(false);
    expect(items.some((i) => i.id === 'signoff.date')).toBe(true);
  });

  it('makes a valid new version that wins in ruleSetInForce, leaving the base untouched', () => {
    const next = apply({
      validityDays: { 'lab.hiv': 90, 'header.full-name': 5 },
      contraindications: [{ id: '', labelKk: 'белсенді туберкулез', labelRu: 'активный туберкулёз', source: 'Бұйрық № 379, 5-т.' }],
    });
    expect(next).toMatchObject({ id: 'carry-over-2023-v2', version: 2, validFrom: ruleSetCarryOver2023.validFrom });
    expect(ruleSetSchema.safeParse(next).success).toBe(true);
    for (const form of next.medicalCard.forms) {
      expect(form.items.find((i) => i.id === 'lab.hiv')?.validityDays).toBe(90);
      // Only dated lines take a validity.
      expect(form.items.find((i) => i.id === 'header.full-name')?.validityDays).toBeNull();
    }
    expect(next.medicalCard.contraindications).toEqual([
      {
        id: 'contraindication-1',
        labelKk: 'белсенді туберкулез',
        labelRu: 'активный туберкулёз',
        citation: { act: 'msi-rules', seed: '001', lines: 'L247-248', appendix: '3', item: '9, 3)', rules: 'Бұйрық № 379, 5-т.' },
      },
    ]);
    expect(next.notes.at(-1)).toEqual(note);
    expect(ruleSetCarryOver2023.medicalCard.contraindications).toEqual([]);
    const inForce = ruleSetInForce([...shippedRuleSets, next], '2026-03-10');
    expect(inForce.ok && inForce.value.id).toBe('carry-over-2023-v2');

    // The check now uses the configured validity.
    const data = completePackage(next.medicalCard, '2026-03-01');
    data.card.entries['lab.hiv'] = { date: '2025-11-01', text: 'теріс' };
    const check = checkIntake(next.medicalCard, 'stationary', data, '2026-03-10');
    expect(check.findings.find((f) => f.itemId === 'lab.hiv')).toMatchObject({ kind: 'expired', validUntil: '2026-01-30' });

    // A further edit: version 3, same root id, the existing entry keeps its id and citation.
    const third = applyMedicalCardOverride(
      next,
      {
        validityDays: { 'lab.hiv': null },
        contraindications: [
          {
            id: 'contraindication-1',
            labelKk: 'белсенді туберкулез (өкпе)',
            labelRu: 'активный туберкулёз лёгких',
            source: 'Бұйрық № 379, 5-т.',
          },
          { id: '', labelKk: 'жіті психоз', labelRu: 'острый психоз', source: 'Бұйрық № 379, 6-т.' },
        ],
        note,
      },
      nextVersion(next, [...shippedRuleSets, next]),
      overrideRuleSetId(next.id, 3),
    );
    expect(third.ok).toBe(true);
    if (!third.ok) return;
    expect(third.value.id).toBe('carry-over-2023-v3');
    expect(third.value.version).toBe(3);
    expect(third.value.medicalCard.contraindications.map((c) => [c.id, c.citation.rules])).toEqual([
      ['contraindication-1', 'Бұйрық № 379, 5-т.'],
      ['contraindication-2', 'Бұйрық № 379, 6-т.'],
    ]);
    expect(third.value.medicalCard.forms[0]?.items.find((i) => i.id === 'lab.hiv')?.validityDays).toBeNull();
  });

  it('refuses bad numbers, blank labels, a missing source or a missing basis, and says where', () => {
    const r = applyMedicalCardOverride(
      ruleSetCarryOver2023,
      {
        validityDays: { 'lab.hiv': 0, 'lab.syphilis': 2.5, 'lab.general-urine': 4000, 'lab.complete-blood-count': 10 },
        contraindications: [{ id: '', labelKk: ' ', labelRu: 'x', source: '' }],
        note: { kk: '', ru: '' },
      },
      2,
      'x-v2',
    );
    expect(r).toEqual({
      ok: false,
      error: {
        'validity.lab.hiv': 'intake.validation.validityDays',
        'validity.lab.syphilis': 'intake.validation.validityDays',
        'validity.lab.general-urine': 'intake.validation.validityDays',
        'contraindications.0.labelKk': 'validation.required',
        'contraindications.0.source': 'validation.required',
        basis: 'validation.required',
      },
    });
  });

  it('numbers versions above every set starting the same day', () => {
    const v2 = { ...ruleSetCarryOver2023, id: 'carry-over-2023-v2', version: 2 };
    expect(nextVersion(ruleSetCarryOver2023, [...shippedRuleSets, v2])).toBe(3);
    expect(overrideRuleSetId('carry-over-2023-v2', 3)).toBe('carry-over-2023-v3');
    expect(overrideRuleSetId('order458-2021', 2)).toBe('order458-2021-v2');
  });
});
