/**
 * An administrator's edit of the medical-card data the seeds leave open (guide §6): validity periods
 * per card line and the list of medical contraindications. The edit never changes a stored rule set:
 * it becomes a NEW version of the set in force (same validFrom, higher version), which
 * `ruleSetInForce` prefers, so earlier intakes keep showing the rules they were checked against.
 */
import { err, ok, type Result } from '../result';
import type { Bilingual, Citation, MedicalCardRules, MedicalContraindication, RuleSet } from '../rules';
import type { FieldErrors } from '../validation';
import { isDatedItem } from './check';

export interface ContraindicationEdit {
  /** '' for a new entry: an id is assigned. */
  id: string;
  labelKk: string;
  labelRu: string;
  /** The act and clause the administrator takes the contraindication from (e.g. Order 379, para …). */
  source: string;
}

export interface MedicalCardOverride {
  /** By card item id; applied to every appendix that has the item. null = not configured. */
  validityDays: Record<string, number | null>;
  contraindications: ContraindicationEdit[];
  /** Where the numbers come from, appended to the set's notes. */
  note: Bilingual;
}

/** Generous upper bound (ten years) that still catches a typo such as an extra zero in a year. */
export const MAX_VALIDITY_DAYS = 3650;

/** The dated card lines of a set, once per item id, with the appendices that carry them. */
export function editableValidityItems(
  rules: MedicalCardRules,
): { id: string; labelKk: string; labelRu: string; appendices: string[]; validityDays: number | null }[] {
  const out = new Map<string, { id: string; labelKk: string; labelRu: string; appendices: string[]; validityDays: number | null }>();
  for (const form of rules.forms) {
    for (const item of form.items) {
      if (!isDatedItem(item)) continue;
      const seen = out.get(item.id);
      if (seen) seen.appendices.push(form.appendix);
      else
        out.set(item.id, {
          id: item.id,
          labelKk: item.labelKk,
          labelRu: item.labelRu,
          appendices: [form.appendix],
          validityDays: item.validityDays,
        });
    }
  }
  return [...out.values()];
}

/** The source an administrator gave for a contraindication (kept in the citation's `rules`). */
export function contraindicationSource(c: MedicalContraindication): string {
  return c.citation.rules ?? '';
}

/**
 * The clause that brings an administrator's contraindication into this procedure: refusal ground 3
 * of App. 3 item 9 (L247-248), non-compliance with the Rules of Order 379, where the list belongs.
 * The administrator's own source (act, paragraph) goes into `rules`, because the seeds do not
 * contain that act and a citation must name seed lines.
 */
function contraindicationCitation(rules: MedicalCardRules, source: string): Citation {
  const ground = rules.refusalGrounds.find((g) => g.id === 'refusal.order-379-requirements')?.citation ?? rules.intakeRefusal;
  const { quoteKk: _quote, ...rest } = ground;
  return { ...rest, rules: source.trim() };
}

const idRoot = (id: string): string => id.replace(/-v\d+$/u, '');

/** Id of a new version: `<root>-v<version>`, root = the id without an earlier `-v<n>`. */
export function overrideRuleSetId(baseId: string, version: number): string {
  return `${idRoot(baseId)}-v${version}`;
}

/**
 * The next version for a set: above every set that starts on the same day, so that it wins in
 * `ruleSetInForce` (same validFrom: the higher version).
 */
export function nextVersion(base: RuleSet, all: readonly RuleSet[]): number {
  return Math.max(base.version, ...all.filter((r) => r.validFrom === base.validFrom).map((r) => r.version)) + 1;
}

export function validateOverride(o: MedicalCardOverride): FieldErrors {
  const errors: FieldErrors = {};
  for (const [id, days] of Object.entries(o.validityDays)) {
    if (days !== null && (!Number.isInteger(days) || days < 1 || days > MAX_VALIDITY_DAYS))
      errors[`validity.${id}`] = 'intake.validation.validityDays';
  }
  o.contraindications.forEach((c, i) => {
    if (c.labelKk.trim() === '') errors[`contraindications.${i}.labelKk`] = 'validation.required';
    if (c.labelRu.trim() === '') errors[`contraindications.${i}.labelRu`] = 'validation.required';
    if (c.source.trim() === '') errors[`contraindications.${i}.source`] = 'validation.required';
  });
  if (o.note.kk.trim() === '' || o.note.ru.trim() === '') errors['basis'] = 'validation.required';
  return errors;
}

/** The rule set with the override applied, as version `version` with id `id`. */
export function applyMedicalCardOverride(base: RuleSet, o: MedicalCardOverride, version: number, id: string): Result<RuleSet, FieldErrors> {
  const errors = validateOverride(o);
  if (Object.keys(errors).length > 0) return err(errors);
  const rules = base.medicalCard;
  const existing = new Map(rules.contraindications.map((c) => [c.id, c]));
  let counter = Math.max(0, ...rules.contraindications.map((c) => Number(/^contraindication-(\d+)$/u.exec(c.id)?.[1] ?? 0)));
  const contraindications: MedicalContraindication[] = o.contraindications.map((c) => {
    const before = existing.get(c.id);
    const unchanged = before && contraindicationSource(before) === c.source.trim();
    return {
      id: c.id !== '' ? c.id : `contraindication-${++counter}`,
      labelKk: c.labelKk.trim(),
      labelRu: c.labelRu.trim(),
      citation: unchanged ? before.citation : contraindicationCitation(rules, c.source),
    };
  });
  const medicalCard: MedicalCardRules = {
    ...rules,
    forms: rules.forms.map((form) => ({
      ...form,
      items: form.items.map((item) => {
        const days = o.validityDays[item.id];
        return days === undefined || !isDatedItem(item) ? item : { ...item, validityDays: days };
      }),
    })),
    contraindications,
  };
  const note: Bilingual = { kk: o.note.kk.trim(), ru: o.note.ru.trim() };
  return ok({ ...base, id, version, medicalCard, notes: [...base.notes, note] });
}
