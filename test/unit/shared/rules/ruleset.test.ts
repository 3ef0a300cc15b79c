import { describe, it, expect } from 'vitest';
import { ruleSet2021, ruleSetCarryOver2023, shippedRuleSets } from '@shared/rules/ruleset-2021';
import { serviceRule } from '@shared/rules/select';
import { collectCitations, collectTerms, isCitation } from '@shared/rules/walk';
import type { DecisionDateHearing, RuleSet, ServiceRule, ServiceTermHearing } from '@shared/rules/types';

const service = (id: string): ServiceRule => {
  const s = serviceRule(ruleSet2021, id);
  if (s === undefined) throw new Error(`missing service ${id}`);
  return s;
};

const serviceTermHearing = (id: string): ServiceTermHearing => {
  const h = service(id).hearing;
  if (h.kind !== 'service-term') throw new Error(`${id}: expected service-term hearing`);
  return h;
};

const REHABILITATION = [
  'personal-assistant',
  'sign-language',
  'sanatorium',
  'prosthetic-orthopaedic',
  'technical-aids',
  'wheelchair',
] as const;

describe.each(shippedRuleSets.map((rs) => [rs.id, rs] as const))('rule set %s: citations', (_id, rs: RuleSet) => {
  it('gives every term a citation with act, seed and lines', () => {
    const terms = collectTerms(rs);
    expect(terms.length).toBeGreaterThan(20);
    for (const { path, value } of terms) {
      const c = value['citation'];
      expect(isCitation(c), `${path} has no citation`).toBe(true);
      if (isCitation(c)) {
        expect(c.seed, path).toMatch(/^\d{3}$/);
        expect(c.lines, path).toMatch(/^L\d+(-\d+)?$/);
      }
      expect(Number.isInteger(value['workingDays']) && Number(value['workingDays']) > 0, path).toBe(true);
    }
  });

  it('cites only the line format L<n> or L<n>-<m>, ranges ascending', () => {
    for (const { path, value } of collectCitations(rs)) {
      const m = /^L(\d+)(?:-(\d+))?$/.exec(value.lines);
      expect(m, `${path}: ${value.lines}`).not.toBeNull();
      if (m?.[2] !== undefined) expect(Number(m[2]), path).toBeGreaterThan(Number(m[1]));
    }
  });

  it('uses seed 000 for Order 458 text and 002 only for row numbers', () => {
    for (const { path, value } of collectCitations(rs)) {
      if (value.act === 'order458') expect(value.seed, path).toBe('000');
      if (value.rowNumberSource !== undefined) expect(value.rowNumberSource.seed, path).toBe('002');
    }
  });
});

describe('validity', () => {
  it('ships Order 458 from 20.12.2021 to its repeal on 01.07.2023', () => {
    expect(ruleSet2021.validFrom).toBe('2021-12-20');
    expect(ruleSet2021.validTo).toBe('2023-06-30');
    expect(ruleSet2021.provisional).toBe(false);
  });

  it('carries the same content over from 01.07.2023, open-ended and marked provisional', () => {
    expect(ruleSetCarryOver2023.id).toBe('carry-over-2023');
    expect(ruleSetCarryOver2023.validFrom).toBe('2023-07-01');
    expect(ruleSetCarryOver2023.validTo).toBeNull();
    expect(ruleSetCarryOver2023.provisional).toBe(true);
    expect(ruleSetCarryOver2023.provisionalNote?.kk).toMatch(/Уақытша/);
    expect(ruleSetCarryOver2023.provisionalNote?.ru).toMatch(/Временно/);
    for (const key of ['complaints', 'services', 'medicalCard', 'wheelchairs', 'acts'] as const) {
      expect(ruleSetCarryOver2023[key]).toEqual(ruleSet2021[key]);
    }
  });
});

describe('complaint terms (order 458 para 11; msi rules para 18)', () => {
  const c = ruleSet2021.complaints;

  it('forwards within 3 working days of receipt unless fully satisfied within 3', () => {
    expect(c.forward).toMatchObject({ workingDays: 3, anchor: 'complaint-receipt', direction: 'after' });
    expect(c.forward.citation).toMatchObject({ act: 'order458', seed: '000', lines: 'L75' });
    expect(c.fullSatisfactionWindow).toMatchObject({ workingDays: 3, anchor: 'complaint-receipt' });
    expect(c.fullSatisfactionWindow.citation.lines).toBe('L77');
  });

  it('reviews within 5 (department / State Corporation) or 15 (quality-control body) from registration', () => {
    const byKind = Object.fromEntries(c.addressees.map((a) => [a.kind, a]));
    expect(Object.keys(byKind).sort()).toEqual(['department', 'quality-control-body', 'state-corporation']);
    expect(byKind['department']?.reviewTerm).toMatchObject({ workingDays: 5, anchor: 'complaint-registration' });
    expect(byKind['state-corporation']?.reviewTerm.workingDays).toBe(5);
    expect(byKind['quality-control-body']?.reviewTerm).toMatchObject({ workingDays: 15, anchor: 'complaint-registration' });
    expect(byKind['department']?.reviewTerm.citation.lines).toBe('L79');
    expect(byKind['quality-control-body']?.reviewTerm.citation.lines).toBe('L81');
    expect(byKind['quality-control-body']?.forwardedToReviewingBody).toBe(false);
  });

  it('lists every other occurrence of the same rule, including the medical-social rules', () => {
    expect(c.forward.alsoIn?.map((x) => `${x.seed}:${x.lines}`)).toEqual([
      '000:L169',
      '000:L287',
      '000:L391',
      '000:L515',
      '000:L629',
      '001:L57',
    ]);
    expect(c.alsoIn).toHaveLength(6);
  });
});

describe('service terms', () => {
  it('has the six rehabilitation services of Order 458 at 10 working days from registration', () => {
    for (const id of REHABILITATION) {
      const s = service(id);
      expect(s.act, id).toBe('order458');
      expect(s.term, id).toMatchObject({ workingDays: 10, anchor: 'documents-registration', direction: 'after' });
      expect(s.proactiveTerm?.workingDays, id).toBe(10);
      expect(s.stateCorpAcceptanceDayExcluded, id).not.toBeNull();
    }
    expect(ruleSet2021.services.filter((s) => s.act === 'order458')).toHaveLength(6);
  });

  it('cites each service term in its own standard', () => {
    expect(REHABILITATION.map((id) => service(id).term?.citation.lines)).toEqual(['L746', 'L851', 'L1226', 'L1367', 'L1502', 'L1719']);
  });

  it('gives medical-social placement 17 working days with steps 10 / 3 / 2 as the source does', () => {
    const s = service('msi-placement');
    expect(s.term).toMatchObject({ workingDays: 17, citation: { act: 'msi-rules', seed: '001', lines: 'L19' } });
    expect(s.steps.map((st) => [st.id, st.term.workingDays, st.term.citation.lines])).toEqual([
      ['needs-assessment', 10, 'L38'],
      ['decision', 3, 'L41'],
      ['portal-notice', 2, 'L42'],
    ]);
    // The source allocates 15 of the 17 days; the rest is slack, not a missing step.
    const allocated = s.steps.reduce((n, st) => n + st.term.workingDays, 0);
    expect(allocated).toBe(15);
    expect(allocated).toBeLessThanOrEqual(s.term?.workingDays ?? 0);
  });

  it('has no overall term for social assistance because its list of requirements is not in the seed', () => {
    const s = service('social-assistance');
    expect(s.term).toBeNull();
    expect(s.termNote).not.toBeNull();
    expect(s.hearing.kind).toBe('decision-date');
  });
});

describe('hearing variants', () => {
  it('service-term: notice ≥3 working days before the term ends, hearing within 2 of the notice', () => {
    for (const id of [...REHABILITATION, 'msi-placement']) {
      const h = serviceTermHearing(id);
      expect(h.noticeBeforeTermEnd, id).toMatchObject({ workingDays: 3, anchor: 'service-term-end', direction: 'before' });
      expect(h.hearingAfterNotice, id).toMatchObject({ workingDays: 2, anchor: 'hearing-notice', direction: 'after' });
    }
    expect(REHABILITATION.map((id) => serviceTermHearing(id).noticeBeforeTermEnd.citation.lines)).toEqual([
      'L49',
      'L143',
      'L261',
      'L365',
      'L489',
      'L603',
    ]);
    expect(serviceTermHearing('msi-placement').outcomes.map((o) => o.id)).toEqual(['grant', 'reasoned-refusal']);
  });

  it('decision-date: notice ≥3 before the decision, objection within 2, remarks within 3, minutes when oral', () => {
    const h = service('social-assistance').hearing as DecisionDateHearing;
    expect(h.noticeBeforeDecision).toMatchObject({ workingDays: 3, anchor: 'decision-date', direction: 'before' });
    expect(h.objectionAfterReceipt).toMatchObject({ workingDays: 2, direction: 'after' });
    expect(h.remarksAfterFamiliarisation).toMatchObject({ workingDays: 3, anchor: 'minutes-familiarisation' });
    expect(h.minutesWhen).toBe('oral-objection');
    expect([h.noticeBeforeDecision, h.objectionAfterReceipt, h.remarksAfterFamiliarisation].map((t) => t.citation.lines)).toEqual([
      'L38',
      'L43',
      'L46',
    ]);
    expect(h.modes).toHaveLength(3);
  });
});

describe('medical card (msi rules App. 5 / App. 6)', () => {
  const forms = Object.fromEntries(ruleSet2021.medicalCard.forms.map((f) => [f.id, f]));
  const stationary = forms['stationary'];
  const semi = forms['semi-stationary'];

  it('has one form per appendix', () => {
    expect(stationary?.appendix).toBe('5');
    expect(semi?.appendix).toBe('6');
  });

  it('keeps item ids unique within each form', () => {
    for (const f of ruleSet2021.medicalCard.forms) {
      const ids = f.items.map((i) => i.id);
      expect(new Set(ids).size, f.id).toBe(ids.length);
    }
  });

  it('uses the same ids for the same item on both forms; App. 5 adds surgeon, oculist, otolaryngologist', () => {
    const ids5 = stationary?.items.map((i) => i.id) ?? [];
    const ids6 = semi?.items.map((i) => i.id) ?? [];
    expect(ids6.every((id) => ids5.includes(id))).toBe(true);
    expect(ids5.filter((id) => !ids6.includes(id))).toEqual(['exam.surgeon', 'exam.oculist', 'exam.otolaryngologist']);
  });

  it('lists the always-required and dispensary examinations of guide §6', () => {
    const byGroup = (g: string) => stationary?.items.filter((i) => i.group === g).map((i) => i.id);
    expect(byGroup('exam-always')).toEqual([
      'exam.neuropathologist',
      'exam.psychiatrist',
      'exam.dermatovenereologist',
      'exam.phthisiatrician',
      'exam.therapist-paediatrician',
      'exam.epidemiological-environment',
    ]);
    expect(byGroup('exam-dispensary')).toHaveLength(9);
    expect(semi?.items.filter((i) => i.group === 'exam-dispensary')).toHaveLength(6);
    expect(byGroup('lab')).toHaveLength(7);
    expect(stationary?.items.filter((i) => i.group === 'lab').every((i) => i.dateAndResult)).toBe(true);
    expect(byGroup('lab-psychoneurological')).toEqual(['lab.smear-vaginal', 'lab.smear-urethral']);
    expect(byGroup('sign-off')).toEqual(['signoff.mac-conclusion', 'signoff.seal', 'signoff.head-signature', 'signoff.date']);
  });

  it('ships no validity period and no contraindication (guide §6: not in the seeds)', () => {
    for (const f of ruleSet2021.medicalCard.forms) {
      for (const item of f.items) expect(item.validityDays, item.id).toBeNull();
    }
    expect(ruleSet2021.medicalCard.contraindications).toEqual([]);
  });

  it('cites every item in its own appendix of seed 001', () => {
    for (const f of ruleSet2021.medicalCard.forms) {
      for (const item of f.items) {
        expect(item.citation, item.id).toMatchObject({ act: 'msi-rules', seed: '001', appendix: f.appendix });
      }
    }
  });

  it('has the personal-data consent on both forms and the relatives consent on App. 1 only', () => {
    const consents = Object.fromEntries(ruleSet2021.medicalCard.consents.map((c) => [c.id, c.forms]));
    expect(consents['consent.personal-data']).toEqual(['stationary', 'semi-stationary']);
    expect(consents['consent.relatives-data']).toEqual(['stationary']);
    expect(ruleSet2021.medicalCard.refusalGrounds).toHaveLength(4);
  });
});

describe('wheelchair table (order 458 App. 9)', () => {
  const w = ruleSet2021.wheelchairs;
  const contraRows = (row: number): string[] =>
    w.contraindications
      .filter((c) => c.rows.includes(row))
      .map((c) => c.id)
      .sort();

  it('has five types in rows 1-5 with unique ids', () => {
    expect(w.types.map((t) => t.row)).toEqual([1, 2, 3, 4, 5]);
    expect(new Set(w.types.map((t) => t.id)).size).toBe(5);
  });

  it('takes the numbers of rows 3 and 5 from seed 002', () => {
    const src = (row: number) => w.types.find((t) => t.row === row)?.citation.rowNumberSource;
    expect(src(3)).toEqual({ seed: '002', lines: 'L2981' });
    expect(src(5)).toEqual({ seed: '002', lines: 'L3123' });
    expect(src(1)).toBeUndefined();
  });

  it('has the 11 conditions, only III-degree cardiopulmonary failure restricted to the indoor chair', () => {
    expect(w.conditions.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(w.conditions.filter((c) => c.indoorChairOnly).map((c) => c.id)).toEqual(['cardiopulmonary-failure-iii']);
    expect(w.indications.find((c) => c.id === 'ind.listed-condition')?.anyOfConditions).toHaveLength(11);
  });

  it('has the contraindication sets per row as guide §7 lists them', () => {
    const all = 'contra.sitting-worsens-condition';
    const mind = 'contra.consciousness-orientation-intellect-motivation';
    const legs = 'contra.leg-muscle-tone-sitting-balance-movement';
    const senses = ['contra.absolute-visual-impairment', 'contra.bilateral-deafness', 'contra.epileptic-seizures'];
    expect(contraRows(1)).toEqual([all, 'contra.both-hands-use', mind].sort());
    expect(contraRows(2)).toEqual([all, mind, legs].sort());
    expect(contraRows(3)).toEqual([all, mind, legs, ...senses].sort());
    expect(contraRows(4)).toEqual([all, mind, legs, ...senses, 'contra.age-under-6', 'contra.building-barriers'].sort());
    expect(contraRows(5)).toEqual([all]);
  });

  it('flags the doubtful "legs" wording of rows 2-4', () => {
    const legs = w.contraindications.find((c) => c.id === 'contra.leg-muscle-tone-sitting-balance-movement');
    expect(legs?.rows).toEqual([2, 3, 4]);
    expect(legs?.doubtful?.ru).toMatch(/рук/);
    expect(legs?.occurrences.every((o) => /^[Аа]яқтың/.test(o.textKk))).toBe(true);
  });

  it('keeps one verbatim occurrence per row for every criterion', () => {
    for (const c of [...w.indications, ...w.contraindications]) {
      expect(
        c.occurrences.map((o) => o.row),
        c.id,
      ).toEqual(c.rows);
    }
  });

  it('encodes the measured arm criteria of the electric chair and the age limit', () => {
    const arm = w.indications.find((c) => c.id === 'ind.arm-impairment-measured');
    expect(arm?.rows).toEqual([4]);
    expect(arm?.parameters?.map((p) => [p.id, p.low, p.high, p.unit])).toEqual([
      ['shoulder-elbow-active-range', 13, 20, 'degrees'],
      ['wrist-active-range', 9, 14, 'degrees'],
      ['fist-finger-to-palm', 3, 4, 'cm'],
      ['arm-muscle-strength', 2, 2, 'points'],
    ]);
    const age = w.contraindications.find((c) => c.id === 'contra.age-under-6')?.parameters?.[0];
    expect(age).toMatchObject({ comparison: 'less-than', low: 6, unit: 'years' });
  });

  it('gives the supplier 5 working days to accept or refuse the order', () => {
    expect(w.supplierResponse).toMatchObject({ workingDays: 5, anchor: 'order-received-on-portal' });
    expect(w.supplierResponse.citation.lines).toBe('L673');
  });
});

describe('hand-off template (guide §8)', () => {
  it('keeps the Kyzylorda akim route terms 2 / 3 / 7 / 3 / 1, marked as from a repealed act', () => {
    const t = ruleSet2021.handOffTemplates[0];
    expect(t?.legalStatus).toBe('repealed');
    expect(t?.steps.map((s) => [s.term.workingDays, s.term.citation.lines])).toEqual([
      [2, 'L102'],
      [3, 'L106'],
      [7, 'L108'],
      [3, 'L128'],
      [1, 'L130'],
    ]);
  });
});
