import { describe, expect, it } from 'vitest';
import { ruleSet2021 } from '@shared/rules';
import type { WheelchairCriterion, WheelchairRules } from '@shared/rules';
import { checkWheelchairs, compareParameter } from '@shared/wheelchair/engine';
import { emptyProfile } from '@shared/wheelchair/profile';
import type {
  CheckReason,
  FlagField,
  FunctionalProfile,
  ProgrammeForCheck,
  Severity,
  SeverityField,
  TypeVerdict,
  WheelchairCheckResult,
} from '@shared/wheelchair/types';

const rules = ruleSet2021.wheelchairs;
const ON = '2026-04-10';
const ADULT = '1985-04-12';
/** 5 years old on ON (the e2e child of issue 6). */
const CHILD_5 = '2021-03-15';

const ROW_TYPE: Record<number, string> = {
  1: 'hand-basic-indoor-outdoor',
  2: 'lever-outdoor',
  3: 'active-universal',
  4: 'electric-universal',
  5: 'multifunctional-children-universal',
};

interface Patch {
  birthDate?: string;
  severities?: Partial<Record<SeverityField, Severity>>;
  flags?: Partial<Record<FlagField, boolean>>;
  conditions?: string[];
  activeSpheres?: FunctionalProfile['activeSpheres'];
  hearing?: FunctionalProfile['hearing'];
  measurements?: Record<string, number | null>;
}

function profile(...patches: Patch[]): FunctionalProfile {
  const p = emptyProfile(ADULT);
  for (const patch of patches) {
    if (patch.birthDate) p.birthDate = patch.birthDate;
    Object.assign(p.severities, patch.severities ?? {});
    Object.assign(p.flags, patch.flags ?? {});
    if (patch.conditions) p.conditions = patch.conditions;
    if (patch.activeSpheres) p.activeSpheres = patch.activeSpheres;
    if (patch.hearing) p.hearing = patch.hearing;
    Object.assign(p.measurements, patch.measurements ?? {});
  }
  return p;
}

const ARMS_MEASURED = {
  'shoulder-elbow-active-range': 15,
  'wrist-active-range': 10,
  'fist-finger-to-palm': 3.5,
  'arm-muscle-strength': 2,
};

/** A profile that the row's indications fully meet and none of its contraindications touch. */
const BASE: Record<number, Patch> = {
  1: { severities: { walking: 'severe' }, conditions: ['hemiplegia-hemiparesis'] },
  2: { severities: { walking: 'severe', handsUse: 'none' }, flags: { leverChairExperience: true } },
  3: { severities: { walking: 'absolute', handsUse: 'mild' }, activeSpheres: ['work'] },
  4: {
    flags: { armImpairmentCause: true, thumbOppositionLimited: true, cannotGripObjects: true },
    measurements: ARMS_MEASURED,
    activeSpheres: ['study'],
  },
  5: { severities: { walking: 'severe', armMuscleTone: 'severe' } },
};

const typeOf = (r: WheelchairCheckResult, row: number): TypeVerdict => {
  const t = r.types.find((x) => x.row === row);
  if (!t) throw new Error(`row ${row} missing`);
  return t;
};
const reasonOf = (t: TypeVerdict, id: string): CheckReason => {
  const r = [...t.indications, ...t.contraindications].find((x) => x.criterionId === id);
  if (!r) throw new Error(`${id} not in row ${t.row}`);
  return r;
};
const check = (p: FunctionalProfile, programme?: ProgrammeForCheck) => checkWheelchairs(rules, p, ON, programme);

/** Every (criterion, row) pair the acceptance requires to be exercised; filled by the tests below. */
const exercised = new Set<string>();
const mark = (id: string, row: number) => exercised.add(`${id}@${row}`);

describe('baseline profiles', () => {
  it.each([1, 2, 3, 4, 5])('row %i: its baseline profile is indicated, with every indication met', (row) => {
    const t = typeOf(check(profile(BASE[row] ?? {})), row);
    expect(t.verdict).toBe('indicated');
    expect(t.typeId).toBe(ROW_TYPE[row]);
    expect(t.indications.length).toBeGreaterThan(0);
    for (const r of t.indications) {
      expect(r.status).toBe('met');
      expect(r.row).toBe(row);
      expect(r.citation.row).toBe(String(row));
      mark(r.criterionId, row);
    }
    for (const r of t.contraindications) expect(r.status).toBe('absent');
  });

  it('an empty profile indicates nothing and contraindicates nothing', () => {
    const r = check(emptyProfile(ADULT));
    expect(r.types.map((t) => t.verdict)).toEqual(['not-indicated', 'not-indicated', 'not-indicated', 'not-indicated', 'not-indicated']);
    expect(r.types.map((t) => t.typeId)).toEqual(Object.values(ROW_TYPE));
  });
});

/** A change that makes one indication fail, per criterion; rows where it applies come from the data. */
const FAIL_INDICATION: Record<string, Patch[]> = {
  'ind.walking-severe-or-absolute': [{ severities: { walking: 'moderate' } }, { severities: { walking: 'none' } }],
  'ind.listed-condition': [{ conditions: [] }],
  'ind.both-arms-preserved': [{ severities: { handsUse: 'moderate' } }, { severities: { handsUse: 'severe' } }],
  'ind.lever-chair-experience': [{ flags: { leverChairExperience: false } }],
  'ind.active-lifestyle': [{ activeSpheres: [] }],
  'ind.arm-impairment-measured': [
    { flags: { armImpairmentCause: false } },
    { measurements: { 'shoulder-elbow-active-range': 25 } },
    { measurements: { 'wrist-active-range': 15 } },
    { flags: { thumbOppositionLimited: false } },
    { measurements: { 'fist-finger-to-palm': 2 } },
    { flags: { cannotGripObjects: false } },
    { measurements: { 'arm-muscle-strength': 3 } },
  ],
  'ind.walking-with-arm-tone-posture-balance': [{ severities: { walking: 'moderate' } }, { severities: { armMuscleTone: 'moderate' } }],
};

describe('every indication of every row', () => {
  const cases = rules.indications.flatMap((c) => c.rows.map((row) => [c.id, row] as const));
  it.each(cases)('%s in row %i: not met → the type is not indicated', (id, row) => {
    const fails = FAIL_INDICATION[id];
    expect(fails, `no failing profile for ${id}`).toBeDefined();
    for (const fail of fails ?? []) {
      const t = typeOf(check(profile(BASE[row] ?? {}, fail)), row);
      expect(t.verdict).toBe('not-indicated');
      const r = reasonOf(t, id);
      expect(r.status).toBe('not-met');
      expect(r.kind).toBe('indication');
      // Kazakh wording and citation of this row's occurrence, Russian text of the criterion.
      const criterion = rules.indications.find((c) => c.id === id);
      const occ = criterion?.occurrences.find((o) => o.row === row);
      expect(r.textKk).toBe(occ?.textKk);
      expect(r.citation).toEqual(occ?.citation);
      expect(r.textRu).toBe(criterion?.textRu);
      expect(r.citation.appendix).toMatch(/^9/);
      expect(r.citation.seed).toBe('000');
    }
    mark(id, row);
  });

  it.each(rules.conditions.map((c) => [c.number, c.id] as const))(
    'row 1: listed condition %i (%s) with severe walking impairment indicates the basic chair',
    (_n, id) => {
      const t = typeOf(check(profile({ severities: { walking: 'absolute' }, conditions: [id] })), 1);
      expect(t.verdict).toBe('indicated');
      const ev = reasonOf(t, 'ind.listed-condition').evidence;
      expect(ev).toEqual([expect.objectContaining({ kind: 'condition', conditionId: id })]);
      const condition = rules.conditions.find((c) => c.id === id);
      expect(ev[0]).toMatchObject({ citation: { row: '1', item: `${condition?.number})` } });
    },
  );

  it('row 1: a listed condition without severe walking impairment is not enough', () => {
    const t = typeOf(check(profile({ severities: { walking: 'moderate' }, conditions: ['paraplegia-lower-paraparesis'] })), 1);
    expect(t.verdict).toBe('not-indicated');
    expect(reasonOf(t, 'ind.listed-condition').status).toBe('met');
  });

  it('row 1: III-degree cardiopulmonary failure alone qualifies for the indoor chair only', () => {
    const only = typeOf(check(profile({ severities: { walking: 'severe' }, conditions: ['cardiopulmonary-failure-iii'] })), 1);
    expect(only.verdict).toBe('indicated');
    expect(only.indoorOnly).toBe(true);
    const both = typeOf(
      check(profile({ severities: { walking: 'severe' }, conditions: ['cardiopulmonary-failure-iii', 'tetraplegia-tetraparesis'] })),
      1,
    );
    expect(both.indoorOnly).toBe(false);
  });

  it('rows 2 and 3 do not need one of the 11 conditions (the seed keeps them in row 1)', () => {
    const r = check(profile(BASE[2] ?? {}, BASE[3] ?? {}));
    expect(typeOf(r, 2).indications.map((x) => x.criterionId)).not.toContain('ind.listed-condition');
    expect(typeOf(r, 3).indications.map((x) => x.criterionId)).not.toContain('ind.listed-condition');
    expect(typeOf(r, 2).verdict).toBe('indicated');
    expect(typeOf(r, 3).verdict).toBe('indicated');
    expect(typeOf(r, 1).verdict).toBe('not-indicated');
  });

  it('row 3: "active" in any one sphere is enough', () => {
    for (const sphere of ['study', 'work', 'leisure'] as const) {
      expect(typeOf(check(profile(BASE[3] ?? {}, { activeSpheres: [sphere] })), 3).verdict).toBe('indicated');
    }
  });

  it('row 5: walking impairment linked to sitting/balance control or movement functions also qualifies', () => {
    for (const field of ['sittingBalanceControl', 'movementFunctions'] as const) {
      const t = typeOf(check(profile({ severities: { walking: 'absolute', [field]: 'absolute' } })), 5);
      expect(t.verdict).toBe('indicated');
    }
  });
});

describe('measured arm criteria of the electric chair (row 4)', () => {
  it('a value inside a band threshold is met and marked as such', () => {
    const t = typeOf(check(profile(BASE[4] ?? {})), 4);
    const ev = reasonOf(t, 'ind.arm-impairment-measured').evidence;
    const shoulder = ev.find((e) => e.kind === 'measure' && e.parameter.id === 'shoulder-elbow-active-range');
    expect(shoulder).toMatchObject({ value: 15, satisfies: true, withinBand: true });
    const strength = ev.find((e) => e.kind === 'measure' && e.parameter.id === 'arm-muscle-strength');
    expect(strength).toMatchObject({ value: 2, satisfies: true, withinBand: false });
  });

  it('thresholds come from the data: the upper end of a band, and the fist gap 3-4 cm', () => {
    const shoulder = rules.indications.flatMap((c) => c.parameters ?? []).find((p) => p.id === 'shoulder-elbow-active-range');
    const fist = rules.indications.flatMap((c) => c.parameters ?? []).find((p) => p.id === 'fist-finger-to-palm');
    if (!shoulder || !fist) throw new Error('parameters missing');
    expect(compareParameter(shoulder, 12)).toEqual({ satisfies: true, withinBand: false });
    expect(compareParameter(shoulder, 20)).toEqual({ satisfies: true, withinBand: true });
    expect(compareParameter(shoulder, 20.5)).toEqual({ satisfies: false, withinBand: false });
    expect(compareParameter(fist, 3).satisfies).toBe(true);
    expect(compareParameter(fist, 4).satisfies).toBe(true);
    expect(compareParameter(fist, 4.5).satisfies).toBe(false);
    expect(compareParameter({ ...fist, comparison: 'at-least', low: 3, high: 4 }, 3.5)).toEqual({ satisfies: true, withinBand: true });
  });

  it('a sign not measured leaves the criterion open: not indicated, reason "unknown"', () => {
    const t = typeOf(check(profile(BASE[4] ?? {}, { measurements: { 'wrist-active-range': null } })), 4);
    expect(reasonOf(t, 'ind.arm-impairment-measured').status).toBe('unknown');
    expect(t.verdict).toBe('not-indicated');
  });

  it('a sign that clearly fails decides even when another is not measured', () => {
    const t = typeOf(check(profile(BASE[4] ?? {}, { measurements: { 'wrist-active-range': null, 'arm-muscle-strength': 4 } })), 4);
    expect(reasonOf(t, 'ind.arm-impairment-measured').status).toBe('not-met');
  });

  it('an administrator’s changed threshold changes the answer', () => {
    const edited: WheelchairRules = {
      ...rules,
      indications: rules.indications.map((c) =>
        c.id === 'ind.arm-impairment-measured'
          ? { ...c, parameters: (c.parameters ?? []).map((p) => (p.id === 'arm-muscle-strength' ? { ...p, low: 3, high: 3 } : p)) }
          : c,
      ),
    };
    const p = profile(BASE[4] ?? {}, { measurements: { 'arm-muscle-strength': 3 } });
    expect(typeOf(check(p), 4).verdict).toBe('not-indicated');
    expect(typeOf(checkWheelchairs(edited, p, ON), 4).verdict).toBe('indicated');
  });
});

/** A change that makes one contraindication present, per criterion. */
const TRIGGER: Record<string, Patch[]> = {
  'contra.sitting-worsens-condition': [{ flags: { sittingWorsensCondition: true } }],
  'contra.consciousness-orientation-intellect-motivation': [
    { severities: { consciousness: 'absolute' } },
    { severities: { orientation: 'absolute' } },
    { severities: { intellect: 'absolute' } },
    { severities: { motivation: 'absolute' } },
  ],
  'contra.both-hands-use': [{ severities: { handsUse: 'severe' } }, { severities: { handsUse: 'absolute' } }],
  'contra.leg-muscle-tone-sitting-balance-movement': [
    { severities: { legMuscleTone: 'severe' } },
    { severities: { sittingBalanceControl: 'absolute' } },
    { severities: { movementFunctions: 'severe' } },
  ],
  'contra.bilateral-deafness': [{ hearing: 'bilateral-uncorrectable' }],
  'contra.absolute-visual-impairment': [{ severities: { vision: 'absolute' } }],
  'contra.epileptic-seizures': [{ flags: { epilepticSeizures: true } }],
  'contra.age-under-6': [{ birthDate: CHILD_5 }],
  'contra.building-barriers': [{ severities: { buildingBarriers: 'severe' } }, { severities: { buildingBarriers: 'absolute' } }],
};

/** One step short of each contraindication: present only at the degree the table names. */
const JUST_BELOW: Record<string, Patch> = {
  'contra.sitting-worsens-condition': { flags: { sittingWorsensCondition: false } },
  'contra.consciousness-orientation-intellect-motivation': {
    severities: { consciousness: 'severe', orientation: 'severe', intellect: 'severe', motivation: 'severe' },
  },
  'contra.both-hands-use': { severities: { handsUse: 'moderate' } },
  'contra.leg-muscle-tone-sitting-balance-movement': {
    severities: { legMuscleTone: 'moderate', sittingBalanceControl: 'moderate', movementFunctions: 'moderate' },
  },
  'contra.bilateral-deafness': { hearing: 'impaired-correctable' },
  'contra.absolute-visual-impairment': { severities: { vision: 'severe' } },
  'contra.epileptic-seizures': { flags: { epilepticSeizures: false } },
  'contra.age-under-6': { birthDate: '2020-04-10' },
  'contra.building-barriers': { severities: { buildingBarriers: 'moderate' } },
};

describe('every contraindication of every row', () => {
  const cases = rules.contraindications.flatMap((c) => c.rows.map((row) => [c.id, row] as const));
  it.each(cases)('%s in row %i: present → the type is contraindicated', (id, row) => {
    const triggers = TRIGGER[id];
    expect(triggers, `no trigger for ${id}`).toBeDefined();
    for (const trigger of triggers ?? []) {
      const t = typeOf(check(profile(BASE[row] ?? {}, trigger)), row);
      expect(t.verdict).toBe('contraindicated');
      const r = reasonOf(t, id);
      expect(r.status).toBe('present');
      const criterion = rules.contraindications.find((c) => c.id === id);
      const occ = criterion?.occurrences.find((o) => o.row === row);
      expect(r.textKk).toBe(occ?.textKk);
      expect(r.citation).toEqual(occ?.citation);
      expect(r.textRu).toBe(criterion?.textRu);
    }
    mark(id, row);
  });

  it.each(cases)('%s in row %i: one degree short of it → not present', (id, row) => {
    const t = typeOf(check(profile(BASE[row] ?? {}, JUST_BELOW[id] ?? {})), row);
    expect(reasonOf(t, id).status).toBe('absent');
    expect(t.verdict).toBe('indicated');
  });

  it('a contraindication of one row does not touch the rows that do not list it', () => {
    // Age under 6 is a contraindication of row 4 only; row 5 is the children's chair.
    const r = check(profile(BASE[4] ?? {}, BASE[5] ?? {}, { birthDate: CHILD_5 }));
    expect(typeOf(r, 4).verdict).toBe('contraindicated');
    expect(typeOf(r, 5).verdict).toBe('indicated');
    expect(typeOf(r, 5).contraindications.map((c) => c.criterionId)).toEqual(['contra.sitting-worsens-condition']);
  });

  it('a profile with two contraindications reports both', () => {
    const r = check(profile(BASE[4] ?? {}, { birthDate: CHILD_5, flags: { epilepticSeizures: true } }));
    const t = typeOf(r, 4);
    expect(t.verdict).toBe('contraindicated');
    expect(t.contraindications.filter((c) => c.status === 'present').map((c) => c.criterionId)).toEqual([
      'contra.epileptic-seizures',
      'contra.age-under-6',
    ]);
    // The indications are still reported, each with its status.
    expect(t.indications.map((c) => [c.criterionId, c.status])).toEqual([
      ['ind.active-lifestyle', 'met'],
      ['ind.arm-impairment-measured', 'met'],
    ]);
    expect(r.age).toBe(5);
  });

  it('the age comes from the birth date on the check date', () => {
    const p = profile(BASE[4] ?? {}, { birthDate: '2020-04-11' });
    expect(typeOf(checkWheelchairs(rules, p, '2026-04-10', null), 4).verdict).toBe('contraindicated');
    expect(typeOf(checkWheelchairs(rules, p, '2026-04-11', null), 4).verdict).toBe('indicated');
    const age = reasonOf(typeOf(checkWheelchairs(rules, p, '2026-04-10', null), 4), 'contra.age-under-6').evidence[0];
    expect(age).toMatchObject({ kind: 'age', age: 5, birthDate: '2020-04-11', onDate: '2026-04-10' });
  });

  it('a check dated before the birth date cannot judge the age: not indicated, age unknown', () => {
    const t = typeOf(checkWheelchairs(rules, profile(BASE[4] ?? {}, { birthDate: '2027-01-01' }), ON), 4);
    expect(reasonOf(t, 'contra.age-under-6').status).toBe('unknown');
    expect(t.verdict).toBe('not-indicated');
  });
});

describe('doubtful wording', () => {
  it('rows 2-4 read "legs" as written and say what the "arms" reading would give', () => {
    const p = profile(BASE[2] ?? {}, BASE[3] ?? {}, {
      conditions: ['paraplegia-lower-paraparesis'],
      severities: { legMuscleTone: 'absolute' },
    });
    const r = check(p);
    for (const row of [2, 3]) {
      const t = typeOf(r, row);
      expect(t.verdict).toBe('contraindicated');
      const legs = reasonOf(t, 'contra.leg-muscle-tone-sitting-balance-movement');
      expect(legs.doubtful?.ru).toMatch(/рук/);
      expect(legs.alternative).toMatchObject({ reading: 'arms', status: 'absent' });
      expect(t.alternativeVerdict).toBe('indicated');
    }
  });

  it('no alternative verdict when both readings agree', () => {
    const t = typeOf(check(profile(BASE[2] ?? {})), 2);
    expect(reasonOf(t, 'contra.leg-muscle-tone-sitting-balance-movement').alternative?.status).toBe('absent');
    expect(t.alternativeVerdict).toBeNull();
  });

  it('carries the data’s doubt on the garbled row-1 hands text and the row-4 sentence without a main clause', () => {
    const r = check(profile(BASE[1] ?? {}, BASE[4] ?? {}));
    expect(reasonOf(typeOf(r, 1), 'contra.both-hands-use').doubtful).not.toBeNull();
    expect(reasonOf(typeOf(r, 4), 'ind.arm-impairment-measured').doubtful).not.toBeNull();
    expect(reasonOf(typeOf(r, 1), 'contra.both-hands-use').alternative).toBeNull();
  });
});

describe('the individual rehabilitation programme (ОЖБ)', () => {
  const programme = (types: string[], issuedOn = '2026-01-15', expiresOn = '2027-01-14'): ProgrammeForCheck => ({
    id: 'p1',
    number: 'ОЖБ-17/2026',
    issuedOn,
    expiresOn,
    wheelchairTypes: types,
  });

  it('an electric chair in the programme while the table contraindicates it (age 5) is a discrepancy', () => {
    const child = profile(BASE[4] ?? {}, BASE[5] ?? {}, { birthDate: CHILD_5, severities: { handsUse: 'moderate' } });
    const r = check(child, programme(['electric-universal']));
    expect(r.blocking).toEqual([]);
    expect(r.programme?.discrepancies).toEqual([
      { kind: 'programme-type-contraindicated', typeId: 'electric-universal', verdict: 'contraindicated' },
      { kind: 'indicated-not-in-programme', typeId: 'multifunctional-children-universal', verdict: 'indicated' },
    ]);
  });

  it('a type in the programme whose indications are not met, and an unknown type', () => {
    const r = check(profile(BASE[1] ?? {}), programme(['zzz-unknown', 'lever-outdoor', 'hand-basic-indoor-outdoor']));
    expect(r.programme?.wheelchairTypes).toEqual(['hand-basic-indoor-outdoor', 'lever-outdoor', 'zzz-unknown']);
    expect(r.programme?.discrepancies).toEqual([
      { kind: 'programme-type-not-indicated', typeId: 'lever-outdoor', verdict: 'not-indicated' },
      { kind: 'unknown-type', typeId: 'zzz-unknown', verdict: null },
    ]);
  });

  it('no discrepancy when the programme and the table agree', () => {
    const r = check(profile(BASE[1] ?? {}), programme(['hand-basic-indoor-outdoor']));
    expect(r.programme?.discrepancies).toEqual([]);
    expect(r.blocking).toEqual([]);
  });

  it('an expired programme blocks the check (validity inclusive of the expiry day)', () => {
    const onExpiry = checkWheelchairs(rules, profile(BASE[1] ?? {}), '2027-01-14', programme(['electric-universal']));
    expect(onExpiry.blocking).toEqual([]);
    const after = checkWheelchairs(rules, profile(BASE[1] ?? {}), '2027-01-15', programme(['electric-universal']));
    expect(after.blocking).toEqual([{ code: 'programme-expired', expiresOn: '2027-01-14', onDate: '2027-01-15' }]);
    expect(after.programme?.discrepancies).toEqual([]);
  });

  it('a programme issued after the check date blocks it too', () => {
    const r = check(profile(BASE[1] ?? {}), programme(['hand-basic-indoor-outdoor'], '2026-05-01', '2027-04-30'));
    expect(r.blocking).toEqual([{ code: 'programme-not-yet-valid', issuedOn: '2026-05-01', onDate: ON }]);
  });
});

describe('determinism', () => {
  const shuffle = <T>(xs: readonly T[], seed: number): T[] => {
    const out = [...xs];
    let s = seed;
    for (let i = out.length - 1; i > 0; i -= 1) {
      s = (s * 1103515245 + 12345) % 2147483648;
      const j = s % (i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  const full = profile(BASE[1] ?? {}, BASE[3] ?? {}, BASE[4] ?? {}, {
    conditions: ['tetraplegia-tetraparesis', 'cardiopulmonary-failure-iii', 'ataxia-hyperkinetic', 'hemiplegia-hemiparesis'],
    activeSpheres: ['work', 'leisure', 'study'],
    severities: { legMuscleTone: 'severe' },
  });
  const prog: ProgrammeForCheck = {
    id: 'p',
    number: '1',
    issuedOn: '2026-01-01',
    expiresOn: '2026-12-31',
    wheelchairTypes: ['electric-universal', 'hand-basic-indoor-outdoor', 'lever-outdoor'],
  };

  it('the same profile gives the same answer, twice', () => {
    expect(checkWheelchairs(rules, full, ON, prog)).toEqual(checkWheelchairs(rules, full, ON, prog));
  });

  it('the order of the profile’s and programme’s lists does not matter', () => {
    const expected = checkWheelchairs(rules, full, ON, prog);
    for (let seed = 1; seed <= 20; seed += 1) {
      const shuffled: FunctionalProfile = {
        ...full,
        conditions: shuffle(full.conditions, seed),
        activeSpheres: shuffle(full.activeSpheres, seed + 100),
        measurements: Object.fromEntries(shuffle(Object.entries(full.measurements), seed + 200)),
      };
      const p2 = { ...prog, wheelchairTypes: shuffle(prog.wheelchairTypes, seed + 300) };
      expect(checkWheelchairs(rules, shuffled, ON, p2)).toEqual(expected);
    }
  });

  it('does not change its inputs', () => {
    const before = JSON.stringify([full, prog, rules]);
    checkWheelchairs(rules, full, ON, prog);
    expect(JSON.stringify([full, prog, rules])).toBe(before);
  });
});

describe('a rule set with a criterion this engine does not know', () => {
  it('reports it as unknown and indicates nothing over it', () => {
    const extra: WheelchairCriterion = {
      id: 'contra.new-criterion',
      kind: 'contraindication',
      rows: [5],
      textRu: 'новое противопоказание',
      occurrences: [{ row: 5, textKk: 'жаңа', citation: { act: 'admin-2024', seed: 'admin', lines: '-' } }],
    };
    const edited: WheelchairRules = { ...rules, contraindications: [...rules.contraindications, extra] };
    const t = typeOf(checkWheelchairs(edited, profile(BASE[5] ?? {}), ON), 5);
    expect(reasonOf(t, 'contra.new-criterion')).toMatchObject({ status: 'unknown', evidence: [{ kind: 'unsupported' }] });
    expect(t.verdict).toBe('not-indicated');
  });
});

describe('coverage of the acceptance criterion', () => {
  it('every indication and every contraindication of every row was exercised above', () => {
    const expected = [...rules.indications, ...rules.contraindications].flatMap((c) => c.rows.map((row) => `${c.id}@${row}`));
    expect(expected.length).toBe(32);
    expect(expected.filter((k) => !exercised.has(k))).toEqual([]);
  });
});
