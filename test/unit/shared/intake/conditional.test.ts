/**
 * Issue 18 point 7: documents "if any" (бар болса). App. 3 item 8 (001 L240): "Ақпараттық жүйелерде
 * мәліметтер болмаған кезде өтінішке он сегіз жастан асқан адамдар үшін - адамды әрекетке қабілетсіз деп
 * тану туралы сот шешімінің көшірмесі (бар болса) қоса беріледі". An incomplete package is refused on the
 * spot (para 8, L28; App. 3 item 9, 2), L246).
 */
import { describe, expect, it } from 'vitest';
import { ruleSetCarryOver2023 } from '@shared/rules';
import { conditionalDocuments } from '@shared/rules/medical-card';
import { checkIntake, isConditionalApplicable, receiptFindings } from '@shared/intake/check';
import type { ConditionalAnswer, IntakeData } from '@shared/intake/types';
import { ALIYA_PERSON, completePackage, withValidity } from '../../../support/intake';

const rules = withValidity(ruleSetCarryOver2023, 30).medicalCard;
const ON = '2026-03-10';
const COURT = 'doc.court-incapacity';

const marked = (answer: ConditionalAnswer | '', person = ALIYA_PERSON): IntakeData => ({
  ...completePackage(rules, '2026-03-02', person),
  conditionalDocuments: answer === '' ? {} : { [COURT]: answer },
});

describe('the court decision on incapacity (001 L240)', () => {
  it('is a rule of the medical-social rules, App. 3 item 8, L240, asked for persons over 18 on both appendices', () => {
    const doc = conditionalDocuments.find((d) => d.id === COURT);
    expect(doc?.citation).toMatchObject({ act: 'msi-rules', seed: '001', lines: 'L240', appendix: '3', item: '8' });
    expect(doc?.citation.quoteKk).toContain('(бар болса)');
    expect(doc?.minAge).toBe(18);
    expect(doc?.forms).toEqual(['stationary', 'semi-stationary']);
  });

  it('does not exist, or exists and came from the information systems, or its copy is attached: complete', () => {
    for (const answer of ['none', 'information-system', 'copy-presented'] as const) {
      expect(checkIntake(rules, 'stationary', marked(answer), ON), answer).toEqual({ result: 'complete', findings: [] });
    }
  });

  it('exists, is not in the information systems and no copy was handed in: the check refuses with L240, L28 and L246', () => {
    const check = checkIntake(rules, 'stationary', marked('copy-missing'), ON);
    expect(check.result).toBe('refuse');
    expect(check.findings).toHaveLength(1);
    const f = check.findings[0];
    expect(f).toMatchObject({ kind: 'conditional-document-missing', severity: 'refuse', itemId: COURT });
    expect(f?.label.kk).toContain('сот шешімінің көшірмесі');
    expect(f?.citations.map((c) => `${c.seed} ${c.lines}`)).toEqual(['001 L240', '001 L28', '001 L246']);
    // It is one of the lines of the App. 4 receipt / the portal notice.
    expect(receiptFindings(check).map((x) => x.itemId)).toEqual([COURT]);
  });

  it('not marked yet: a warning citing L240, never a refusal', () => {
    const check = checkIntake(rules, 'semi-stationary', marked(''), ON);
    expect(check.result).toBe('complete-with-warnings');
    expect(check.findings).toEqual([expect.objectContaining({ kind: 'conditional-document-unmarked', severity: 'warn', itemId: COURT })]);
    expect(check.findings[0]?.citations.map((c) => c.lines)).toEqual(['L240']);
  });

  it('is not asked for a person under 18 on the intake date, and is asked from the 18th birthday', () => {
    const doc = conditionalDocuments.find((d) => d.id === COURT);
    if (!doc) throw new Error('no court document in the rules');
    const teen = { fullName: 'Ким Дана', birthDate: '2008-03-11', sex: 'female' as const };
    expect(isConditionalApplicable(doc, 'stationary', teen, '2026-03-10')).toBe(false);
    expect(isConditionalApplicable(doc, 'stationary', teen, '2026-03-11')).toBe(true);
    expect(checkIntake(rules, 'stationary', marked('copy-missing', teen), '2026-03-10').result).toBe('complete');
    expect(checkIntake(rules, 'stationary', marked('copy-missing', teen), '2026-03-11').result).toBe('refuse');
  });
});
