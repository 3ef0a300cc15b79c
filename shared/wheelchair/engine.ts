/**
 * The wheelchair check: order 458 App. 9 (000 L1584-1685) applied to a functional profile.
 *
 * The table is data (`WheelchairRules`): which criteria a row has, their wording, citations and the
 * measured thresholds all come from the rule set in force, so an administrator's newer table changes
 * the answer without a release. What stays in code is how one criterion is read from the profile,
 * keyed by the criterion id; a criterion this code does not know is reported as "cannot be judged"
 * rather than guessed.
 *
 * A type is indicated when every indication of its row is met and contraindicated when any
 * contraindication of its row is present (the table says this only by its layout; types.ts of the
 * rules). The function is pure and ignores the order of the profile's and programme's lists, so the
 * same profile always gives the same answer.
 */
import { ageOn } from '../iin';
import type { CitedParameter, WheelchairCriterion, WheelchairRules } from '../rules';
import {
  ACTIVE_SPHERES,
  type BlockingResult,
  type CheckReason,
  type Discrepancy,
  type Evidence,
  type FlagField,
  type FunctionalProfile,
  type ProgrammeComparison,
  type ProgrammeForCheck,
  type ReasonStatus,
  type Severity,
  type SeverityField,
  type TypeVerdict,
  type Verdict,
  type WheelchairCheckResult,
} from './types';

/** "ауыр немесе абсолютті" (severe or absolute), the wording of every graded criterion but one. */
export const severeOrAbsolute = (s: Severity): boolean => s === 'severe' || s === 'absolute';
const absolute = (s: Severity): boolean => s === 'absolute';
/**
 * "Екі қолдың да сақталған функциясы" (preserved function of both arms, rows 2-3). Product decision:
 * preserved = no or mild impairment (ICF qualifiers 0-1); the table gives no scale.
 */
export const preserved = (s: Severity): boolean => s === 'none' || s === 'mild';

type Holds = boolean | null;

interface Assessment {
  holds: Holds;
  evidence: Evidence[];
  /** Met only through conditions restricted to the indoor chair (row 1, condition 2). */
  indoorOnly?: boolean;
  alternative?: { reading: 'arms'; holds: Holds; evidence: Evidence[] };
}

interface Context {
  rules: WheelchairRules;
  profile: FunctionalProfile;
  onDate: string;
  age: number | null;
}

function sev(profile: FunctionalProfile, field: SeverityField, test: (s: Severity) => boolean): Evidence {
  const value = profile.severities[field] ?? 'none';
  return { kind: 'severity', field, value, satisfies: test(value) };
}

function flag(profile: FunctionalProfile, field: FlagField): Evidence {
  const value = profile.flags[field] === true;
  return { kind: 'flag', field, value, satisfies: value };
}

/** Every piece must speak for the criterion; a piece that cannot be judged leaves it open. */
function allOf(evidence: readonly Evidence[]): Holds {
  if (evidence.some((e) => e.satisfies === false)) return false;
  if (evidence.some((e) => e.satisfies === null)) return null;
  return true;
}

function anyOf(evidence: readonly Evidence[]): Holds {
  if (evidence.some((e) => e.satisfies === true)) return true;
  if (evidence.some((e) => e.satisfies === null)) return null;
  return false;
}

/**
 * A measured value against a cited threshold. The table states several thresholds as bands ("13-20
 * градустан … аспайды", does not exceed 13-20 degrees): an at-most band is met up to its upper end, and
 * a value inside the band is marked so the officer sees it was met within the band, not below it.
 */
export function compareParameter(p: CitedParameter, value: number): { satisfies: boolean; withinBand: boolean } {
  switch (p.comparison) {
    case 'at-most':
      return { satisfies: value <= p.high, withinBand: p.low < p.high && value > p.low && value <= p.high };
    case 'at-least':
      return { satisfies: value >= p.low, withinBand: p.low < p.high && value >= p.low && value < p.high };
    case 'within':
      return { satisfies: value >= p.low && value <= p.high, withinBand: false };
    case 'less-than':
      return { satisfies: value < p.low, withinBand: false };
  }
}

function measure(profile: FunctionalProfile, p: CitedParameter): Evidence {
  const raw = profile.measurements[p.id];
  const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
  if (value === null) return { kind: 'measure', parameter: p, value: null, withinBand: false, satisfies: null };
  const c = compareParameter(p, value);
  return { kind: 'measure', parameter: p, value, withinBand: c.withinBand, satisfies: c.satisfies };
}

/** The three functions named together in rows 2-5 ("… тонусы …, отыру немесе тепе-теңдік …, ерікті және еріксіз қозғалыс …"). */
function toneSittingMovement(profile: FunctionalProfile, tone: 'legMuscleTone' | 'armMuscleTone'): Evidence[] {
  return [
    sev(profile, tone, severeOrAbsolute),
    sev(profile, 'sittingBalanceControl', severeOrAbsolute),
    sev(profile, 'movementFunctions', severeOrAbsolute),
  ];
}

type Evaluator = (ctx: Context, criterion: WheelchairCriterion) => Assessment;

const single = (e: Evidence): Assessment => ({ holds: e.satisfies, evidence: [e] });

/** How each criterion id of App. 9 is read from the profile. */
const EVALUATORS: Readonly<Record<string, Evaluator>> = {
  'ind.walking-severe-or-absolute': ({ profile }) => single(sev(profile, 'walking', severeOrAbsolute)),

  'ind.listed-condition': ({ rules, profile }, criterion) => {
    const wanted = new Set(criterion.anyOfConditions ?? []);
    const present = new Set(profile.conditions);
    // In the order of the table (items 1-11), whatever order the profile lists them in.
    const found = rules.conditions.filter((c) => wanted.has(c.id) && present.has(c.id));
    if (found.length === 0) return { holds: false, evidence: [{ kind: 'no-condition', satisfies: false }] };
    return {
      holds: true,
      indoorOnly: found.every((c) => c.indoorChairOnly),
      evidence: found.map((c) => ({
        kind: 'condition',
        conditionId: c.id,
        number: c.number,
        textKk: c.textKk,
        textRu: c.textRu,
        indoorChairOnly: c.indoorChairOnly,
        citation: c.citation,
        satisfies: true,
      })),
    };
  },

  'ind.both-arms-preserved': ({ profile }) => single(sev(profile, 'handsUse', preserved)),

  'ind.lever-chair-experience': ({ profile }) => single(flag(profile, 'leverChairExperience')),

  // Product decision: active in at least one of the spheres the table names (a child studies, a
  // pensioner has leisure: "жасына … сәйкес", according to age).
  'ind.active-lifestyle': ({ profile }) => {
    const value = ACTIVE_SPHERES.filter((s) => profile.activeSpheres.includes(s));
    return single({ kind: 'spheres', value, satisfies: value.length > 0 });
  },

  // Product decision: the parenthesis of row 4 describes one degree of arm impairment by all its
  // signs, so every sign must be present (a sign not measured leaves the criterion open).
  'ind.arm-impairment-measured': ({ profile }, criterion) => {
    const evidence: Evidence[] = [
      flag(profile, 'armImpairmentCause'),
      ...(criterion.parameters ?? []).map((p) => measure(profile, p)),
      flag(profile, 'thumbOppositionLimited'),
      flag(profile, 'cannotGripObjects'),
    ];
    return { holds: allOf(evidence), evidence };
  },

  'ind.walking-with-arm-tone-posture-balance': ({ profile }) => {
    const walking = sev(profile, 'walking', severeOrAbsolute);
    const others = toneSittingMovement(profile, 'armMuscleTone');
    const linked = anyOf(others);
    const holds: Holds = walking.satisfies === false || linked === false ? false : linked === null ? null : true;
    return { holds, evidence: [walking, ...others] };
  },

  'contra.sitting-worsens-condition': ({ profile }) => single(flag(profile, 'sittingWorsensCondition')),

  'contra.consciousness-orientation-intellect-motivation': ({ profile }) => {
    const evidence = (['consciousness', 'orientation', 'intellect', 'motivation'] as const).map((f) => sev(profile, f, absolute));
    return { holds: anyOf(evidence), evidence };
  },

  'contra.both-hands-use': ({ profile }) => single(sev(profile, 'handsUse', severeOrAbsolute)),

  'contra.leg-muscle-tone-sitting-balance-movement': ({ profile }) => {
    const evidence = toneSittingMovement(profile, 'legMuscleTone');
    const arms = toneSittingMovement(profile, 'armMuscleTone');
    return { holds: anyOf(evidence), evidence, alternative: { reading: 'arms', holds: anyOf(arms), evidence: arms } };
  },

  'contra.bilateral-deafness': ({ profile }) =>
    single({ kind: 'hearing', value: profile.hearing, satisfies: profile.hearing === 'bilateral-uncorrectable' }),

  'contra.absolute-visual-impairment': ({ profile }) => single(sev(profile, 'vision', absolute)),

  'contra.epileptic-seizures': ({ profile }) => single(flag(profile, 'epilepticSeizures')),

  'contra.age-under-6': ({ profile, onDate, age }, criterion) => {
    const parameter = criterion.parameters?.find((p) => p.unit === 'years');
    if (!parameter) return single({ kind: 'unsupported', criterionId: criterion.id, satisfies: null });
    const satisfies = age === null ? null : compareParameter(parameter, age).satisfies;
    return single({ kind: 'age', birthDate: profile.birthDate, onDate, age, parameter, satisfies });
  },

  'contra.building-barriers': ({ profile }) => single(sev(profile, 'buildingBarriers', severeOrAbsolute)),
};

/** The criterion ids this engine can judge; any other id in a rule set is reported as unknown. */
export const SUPPORTED_CRITERIA: readonly string[] = Object.keys(EVALUATORS);

function assess(ctx: Context, criterion: WheelchairCriterion): Assessment {
  const evaluate = EVALUATORS[criterion.id];
  if (!evaluate) return single({ kind: 'unsupported', criterionId: criterion.id, satisfies: null });
  return evaluate(ctx, criterion);
}

function statusOf(kind: WheelchairCriterion['kind'], holds: Holds): ReasonStatus {
  if (holds === null) return 'unknown';
  if (kind === 'indication') return holds ? 'met' : 'not-met';
  return holds ? 'present' : 'absent';
}

function verdictOf(indications: readonly ReasonStatus[], contraindications: readonly ReasonStatus[]): Verdict {
  if (contraindications.includes('present')) return 'contraindicated';
  const met = indications.length > 0 && indications.every((s) => s === 'met');
  // A contraindication that cannot be judged cannot be ruled out, so nothing is indicated over it.
  return met && !contraindications.includes('unknown') ? 'indicated' : 'not-indicated';
}

function reason(criterion: WheelchairCriterion, row: number, a: Assessment): CheckReason {
  const occurrence = criterion.occurrences.find((o) => o.row === row) ?? criterion.occurrences[0];
  return {
    criterionId: criterion.id,
    kind: criterion.kind,
    status: statusOf(criterion.kind, a.holds),
    row,
    textKk: occurrence?.textKk ?? '',
    textRu: criterion.textRu,
    citation: occurrence?.citation ?? { act: '', seed: '', lines: '' },
    evidence: a.evidence,
    doubtful: criterion.doubtful ?? null,
    alternative:
      a.alternative && criterion.doubtful
        ? { reading: a.alternative.reading, status: statusOf(criterion.kind, a.alternative.holds), evidence: a.alternative.evidence }
        : null,
  };
}

function compareProgramme(
  rules: WheelchairRules,
  types: readonly TypeVerdict[],
  programme: ProgrammeForCheck,
  onDate: string,
): { comparison: ProgrammeComparison; blocking: BlockingResult[] } {
  const provided = new Set(programme.wheelchairTypes);
  const known = new Set(rules.types.map((t) => t.id));
  const blocking: BlockingResult[] = [];
  // Guide §7: the programme's validity must cover the date of the check.
  if (onDate > programme.expiresOn) blocking.push({ code: 'programme-expired', expiresOn: programme.expiresOn, onDate });
  if (onDate < programme.issuedOn) blocking.push({ code: 'programme-not-yet-valid', issuedOn: programme.issuedOn, onDate });

  const discrepancies: Discrepancy[] = [];
  if (blocking.length === 0) {
    for (const t of types) {
      const inProgramme = provided.has(t.typeId);
      if (inProgramme && t.verdict === 'contraindicated') {
        discrepancies.push({ kind: 'programme-type-contraindicated', typeId: t.typeId, verdict: t.verdict });
      } else if (inProgramme && t.verdict === 'not-indicated') {
        discrepancies.push({ kind: 'programme-type-not-indicated', typeId: t.typeId, verdict: t.verdict });
      } else if (!inProgramme && t.verdict === 'indicated') {
        discrepancies.push({ kind: 'indicated-not-in-programme', typeId: t.typeId, verdict: t.verdict });
      }
    }
    for (const id of [...provided].filter((p) => !known.has(p)).sort()) {
      discrepancies.push({ kind: 'unknown-type', typeId: id, verdict: null });
    }
  }
  const orderedTypes = [
    ...rules.types.filter((t) => provided.has(t.id)).map((t) => t.id),
    ...[...provided].filter((p) => !known.has(p)).sort(),
  ];
  return {
    comparison: {
      programmeId: programme.id,
      number: programme.number,
      issuedOn: programme.issuedOn,
      expiresOn: programme.expiresOn,
      wheelchairTypes: orderedTypes,
      discrepancies,
    },
    blocking,
  };
}

/**
 * Checks a functional profile against the wheelchair table on `onDate` ('YYYY-MM-DD'): for each of the
 * table's types (in row order) the verdict with every reason, its row, wording and citation; and, when
 * a programme (ОЖБ) is given, the discrepancies between what it provides for and what the table says,
 * or the blocking result when its validity does not cover the date.
 */
export function checkWheelchairs(
  rules: WheelchairRules,
  profile: FunctionalProfile,
  onDate: string,
  programme?: ProgrammeForCheck | null,
): WheelchairCheckResult {
  const years = ageOn(profile.birthDate, onDate);
  const ctx: Context = { rules, profile, onDate, age: Number.isNaN(years) ? null : years };
  const assessments = new Map<string, Assessment>();
  const assessed = (c: WheelchairCriterion): Assessment => {
    let a = assessments.get(c.id);
    if (!a) {
      a = assess(ctx, c);
      assessments.set(c.id, a);
    }
    return a;
  };

  const types: TypeVerdict[] = [...rules.types]
    .sort((a, b) => a.row - b.row)
    .map((type) => {
      const inRow = (c: WheelchairCriterion) => c.rows.includes(type.row);
      const indicationCriteria = rules.indications.filter(inRow);
      const indications = indicationCriteria.map((c) => reason(c, type.row, assessed(c)));
      const contraindications = rules.contraindications.filter(inRow).map((c) => reason(c, type.row, assessed(c)));
      const verdict = verdictOf(
        indications.map((r) => r.status),
        contraindications.map((r) => r.status),
      );
      const alt = (r: CheckReason) => r.alternative?.status ?? r.status;
      const alternative = [...indications, ...contraindications].some((r) => r.alternative && r.alternative.status !== r.status)
        ? verdictOf(indications.map(alt), contraindications.map(alt))
        : null;
      return {
        typeId: type.id,
        row: type.row,
        nameKk: type.nameKk,
        nameRu: type.nameRu,
        citation: type.citation,
        verdict,
        indoorOnly: verdict === 'indicated' && indicationCriteria.some((c) => assessed(c).indoorOnly === true),
        indications,
        contraindications,
        alternativeVerdict: alternative !== null && alternative !== verdict ? alternative : null,
      };
    });

  if (!programme) return { onDate, age: ctx.age, tableCitation: rules.tableCitation, types, programme: null, blocking: [] };
  const { comparison, blocking } = compareProgramme(rules, types, programme, onDate);
  return { onDate, age: ctx.age, tableCitation: rules.tableCitation, types, programme: comparison, blocking };
}

/** The reasons that decided a contraindicated verdict (every present contraindication). */
export function presentContraindications(t: TypeVerdict): CheckReason[] {
  return t.contraindications.filter((r) => r.status === 'present');
}
