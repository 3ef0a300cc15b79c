import { describe, expect, it } from 'vitest';
import { ruleSetCarryOver2023 } from '@shared/rules';
import { checkIntake, receiptFindings } from '@shared/intake/check';
import { completePackage, withValidity } from '../../../support/intake';
import type { IntakeData, IntakeFinding } from '@shared/intake/types';

const shipped = ruleSetCarryOver2023.medicalCard;
/** An administrator's set: every dated line valid 30 days. */
const configured = withValidity(ruleSetCarryOver2023, 30).medicalCard;
const ON = '2026-03-10';
const FRESH = '2026-03-02';

const BORIS = { fullName: 'Ким Борис Александрович', birthDate: '1985-04-12', sex: 'male' as const };

const kinds = (findings: readonly IntakeFinding[]) => findings.map((f) => `${f.kind}:${f.itemId}`);
const refusing = (findings: readonly IntakeFinding[]) => findings.filter((f) => f.severity === 'refuse');
const lines = (f: IntakeFinding | undefined) =>
  f?.citations.map((c) => `${c.appendix ?? ''}|${c.paragraph ?? ''}|${c.item ?? ''}|${c.lines}`);

function without(data: IntakeData, itemId: string): IntakeData {
  const entries = { ...data.card.entries };
  delete entries[itemId];
  return { ...data, card: { ...data.card, entries } };
}

describe('checkIntake: complete packages', () => {
  it('a complete stationary package with configured validity is complete, with no finding', () => {
    const check = checkIntake(configured, 'stationary', completePackage(configured, FRESH), ON);
    expect(check.findings).toEqual([]);
    expect(check.result).toBe('complete');
  });

  it('the same package as semi-stationary (App. 6) is complete too', () => {
    const check = checkIntake(configured, 'semi-stationary', completePackage(configured, FRESH), ON);
    expect(check).toEqual({ result: 'complete', findings: [] });
  });

  it('App. 6 asks neither the App. 5 extras nor the relatives consent; App. 5 asks both', () => {
    const data = completePackage(configured, FRESH);
    const semiPackage: IntakeData = {
      ...without(without(without(data, 'exam.surgeon'), 'exam.oculist'), 'exam.otolaryngologist'),
      situation: { psychoneurological: false, dispensaryExamIds: ['exam.surgeon', 'exam.cardiologist'] },
      consentIds: ['consent.personal-data'],
    };
    expect(checkIntake(configured, 'semi-stationary', semiPackage, ON).result).toBe('complete');
    const asStationary = checkIntake(configured, 'stationary', semiPackage, ON);
    expect(asStationary.result).toBe('refuse');
    expect(kinds(asStationary.findings)).toEqual(['missing-consent:consent.relatives-data', 'missing-item:exam.surgeon']);
  });

  it('with the shipped rules (no validity configured) a complete package is complete with warnings, one per dated line', () => {
    const check = checkIntake(shipped, 'stationary', completePackage(shipped, '2020-01-01'), ON);
    expect(check.result).toBe('complete-with-warnings');
    expect(refusing(check.findings)).toEqual([]);
    // 6 always-required examinations + 7 tests + the card date; dispensary and smear lines are not required here.
    expect(check.findings).toHaveLength(14);
    expect(new Set(check.findings.map((f) => f.kind))).toEqual(new Set(['validity-not-configured']));
    // Six years old, yet never called expired: nothing is guessed.
    expect(check.findings.find((f) => f.itemId === 'lab.hiv')).toMatchObject({ date: '2020-01-01', severity: 'warn' });
  });
});

describe('checkIntake: refusals at the counter', () => {
  it('a missing psychiatrist examination refuses, citing the App. 5 line, para 8 and App. 3 item 9, 2)', () => {
    const check = checkIntake(configured, 'stationary', without(completePackage(configured, FRESH), 'exam.psychiatrist'), ON);
    expect(check.result).toBe('refuse');
    expect(check.findings).toHaveLength(1);
    const f = check.findings[0];
    expect(f).toMatchObject({ kind: 'missing-item', itemId: 'exam.psychiatrist', parts: ['entry'], label: { kk: 'психиатр' } });
    expect(lines(f)).toEqual(['5|||L326', '|8||L28', '3||9, 2)|L246']);
    // Semi-stationary: the App. 6 line.
    const semi = checkIntake(configured, 'semi-stationary', without(completePackage(configured, FRESH), 'exam.psychiatrist'), ON);
    expect(lines(semi.findings[0])?.[0]).toBe('6|||L391');
    expect(receiptFindings(check)).toEqual([f]);
  });

  it('an expired test with a configured validity refuses, with its date and last valid day', () => {
    const data = completePackage(configured, FRESH);
    data.card.entries['lab.hiv'] = { date: '2026-02-07', text: 'теріс' };
    data.card.entries['lab.syphilis'] = { date: '2026-02-08', text: 'теріс' };
    const check = checkIntake(configured, 'stationary', data, ON);
    expect(check.result).toBe('refuse');
    // 30 days after 07.02 is 09.03: expired on 10.03; 08.02 + 30 = 10.03 is still valid on 10.03.
    expect(check.findings).toEqual([
      expect.objectContaining({
        kind: 'expired',
        itemId: 'lab.hiv',
        date: '2026-02-07',
        validityDays: 30,
        validUntil: '2026-03-09',
        severity: 'refuse',
      }),
    ]);
    expect(lines(check.findings[0])).toEqual(['5|||L350-351', '|8||L28', '3||9, 2)|L246']);
  });

  it('an unconfigured validity is reported as such, for that line only, and never as expired', () => {
    const rs = withValidity(ruleSetCarryOver2023, 30);
    const rules = {
      ...rs.medicalCard,
      forms: rs.medicalCard.forms.map((f) => ({
        ...f,
        items: f.items.map((i) => (i.id === 'lab.hiv' ? { ...i, validityDays: null } : i)),
      })),
    };
    const data = completePackage(rules, FRESH);
    data.card.entries['lab.hiv'] = { date: '2019-05-05', text: 'теріс' };
    const check = checkIntake(rules, 'stationary', data, ON);
    expect(check.result).toBe('complete-with-warnings');
    expect(check.findings).toEqual([
      expect.objectContaining({ kind: 'validity-not-configured', itemId: 'lab.hiv', severity: 'warn', date: '2019-05-05' }),
    ]);
    expect(receiptFindings(check)).toEqual([]);
  });

  it('a dispensary patient missing the cardiologist is refused; without registration the cardiologist is not asked', () => {
    const data = without(completePackage(configured, FRESH), 'exam.cardiologist');
    expect(checkIntake(configured, 'stationary', data, ON).result).toBe('complete');
    const dispensary: IntakeData = { ...data, situation: { psychoneurological: false, dispensaryExamIds: ['exam.cardiologist'] } };
    const check = checkIntake(configured, 'stationary', dispensary, ON);
    expect(check.result).toBe('refuse');
    expect(kinds(check.findings)).toEqual(['missing-item:exam.cardiologist']);
    // The line (L339) and the caption that makes it conditional (L337).
    expect(lines(check.findings[0])).toEqual(['5|||L339', '5|||L337', '|8||L28', '3||9, 2)|L246']);
  });

  it('a psychoneurological woman over 18 without the vaginal smear is refused; a man needs the urethral smear', () => {
    const woman = without(completePackage(configured, FRESH), 'lab.smear-vaginal');
    expect(checkIntake(configured, 'stationary', woman, ON).result).toBe('complete');
    const psycho: IntakeData = { ...woman, situation: { psychoneurological: true, dispensaryExamIds: [] } };
    const check = checkIntake(configured, 'stationary', psycho, ON);
    expect(kinds(check.findings)).toEqual(['missing-item:lab.smear-vaginal']);
    expect(lines(check.findings[0])).toEqual(['5|||L364-365', '5|||L363', '|8||L28', '3||9, 2)|L246']);

    const man: IntakeData = {
      ...without(completePackage(configured, FRESH, BORIS), 'lab.smear-urethral'),
      situation: { psychoneurological: true, dispensaryExamIds: [] },
    };
    expect(kinds(checkIntake(configured, 'semi-stationary', man, ON).findings)).toEqual(['missing-item:lab.smear-urethral']);
  });

  it('the smear is not asked before the 18th birthday', () => {
    const teen = { fullName: 'Ким Арман', birthDate: '2008-03-11', sex: 'male' as const };
    const data: IntakeData = {
      ...without(completePackage(configured, FRESH, teen), 'lab.smear-urethral'),
      situation: { psychoneurological: true, dispensaryExamIds: [] },
    };
    expect(checkIntake(configured, 'stationary', data, '2026-03-10').result).toBe('complete');
    expect(kinds(checkIntake(configured, 'stationary', data, '2026-03-11').findings)).toEqual(['missing-item:lab.smear-urethral']);
  });

  it('a missing personal-data consent is refused on ground 4 of App. 3 item 9', () => {
    const data: IntakeData = { ...completePackage(configured, FRESH), consentIds: ['consent.relatives-data'] };
    const check = checkIntake(configured, 'stationary', data, ON);
    expect(check.result).toBe('refuse');
    expect(kinds(check.findings)).toEqual(['missing-consent:consent.personal-data']);
    expect(lines(check.findings[0])).toEqual(['1|||L118-119', '3||9, 4)|L249-250']);
  });

  it('the digital-documents consent is asked only when the identity document comes from that service', () => {
    const data: IntakeData = { ...completePackage(configured, FRESH), consentIds: ['consent.personal-data', 'consent.relatives-data'] };
    expect(checkIntake(configured, 'stationary', data, ON).result).toBe('complete');
    const digital = checkIntake(configured, 'stationary', { ...data, identity: 'digital' }, ON);
    expect(kinds(digital.findings)).toEqual(['missing-consent:consent.digital-documents']);
    expect(lines(digital.findings[0])).toEqual(['3||8|L241', '|8||L28', '3||9, 2)|L246']);
    const none = checkIntake(configured, 'stationary', { ...data, identity: 'none' }, ON);
    expect(kinds(none.findings)).toEqual(['missing-document:doc.identity']);
  });

  it('a package without the medical card lists the card once, not each of its lines', () => {
    const data: IntakeData = {
      ...completePackage(configured, FRESH),
      presentedDocumentIds: ['doc.application', 'doc.outpatient-extract'],
      card: { ...completePackage(configured, FRESH).card, entries: {} },
    };
    const check = checkIntake(configured, 'stationary', data, ON);
    expect(kinds(check.findings)).toEqual(['missing-document:doc.medical-card']);
  });

  it('partly filled lines name what is missing: a test without a result, the phthisiatrician without fluorography, no seal', () => {
    const data = completePackage(configured, FRESH);
    data.card.entries['lab.general-urine'] = { date: FRESH, text: ' ' };
    data.card.fluorography = { date: '', text: '' };
    data.card.sealPresent = false;
    data.card.headSigned = false;
    data.card.macAnswer = '';
    const check = checkIntake(configured, 'stationary', data, ON);
    expect(check.findings.map((f) => [f.itemId, f.parts])).toEqual([
      ['exam.phthisiatrician', ['fluorography']],
      ['lab.general-urine', ['text']],
      ['signoff.mac-conclusion', ['answer']],
      ['signoff.seal', ['seal']],
      ['signoff.head-signature', ['signature']],
    ]);
  });
});

describe('checkIntake: warnings', () => {
  it('contraindications present warn (ground 3, decided after the assessment), naming the listed ones', () => {
    const rules = {
      ...configured,
      contraindications: [
        {
          id: 'contraindication-1',
          labelKk: 'белсенді туберкулез',
          labelRu: 'активный туберкулёз',
          citation: { act: 'msi-rules', seed: '001', lines: 'L247-248', rules: 'Бұйрық № 379, 5-т.' },
        },
      ],
    };
    const data = completePackage(rules, FRESH);
    data.card.macAnswer = 'present';
    data.card.contraindicationIds = ['contraindication-1'];
    const check = checkIntake(rules, 'stationary', data, ON);
    expect(check.result).toBe('complete-with-warnings');
    expect(check.findings).toEqual([
      expect.objectContaining({
        kind: 'contraindications-present',
        severity: 'warn',
        contraindications: [{ kk: 'белсенді туберкулез', ru: 'активный туберкулёз' }],
      }),
    ]);
    expect(lines(check.findings[0])).toEqual(['5|||L368-371', '3||9, 3)|L247-248', '|||L247-248']);
    expect(receiptFindings(check)).toEqual([]);
  });

  it('a card whose name or birth date differs from the register warns (unreliability is established, not presumed)', () => {
    const data = completePackage(configured, FRESH);
    data.card.entries['header.full-name'] = { date: '', text: '  сейтқали   әлия нұрланқызы ' };
    expect(checkIntake(configured, 'stationary', data, ON).result).toBe('complete');
    data.card.entries['header.full-name'] = { date: '', text: 'Сейтқали Әлия' };
    data.card.entries['header.birth-date'] = { date: '1992-11-30', text: '' };
    const check = checkIntake(configured, 'stationary', data, ON);
    expect(check.findings.map((f) => [f.kind, f.field])).toEqual([
      ['header-mismatch', 'full-name'],
      ['header-mismatch', 'birth-date'],
    ]);
    expect(lines(check.findings[0])).toEqual(['5|||L315', '3||9, 1)|L245']);
  });

  it('an undated examination with a configured validity warns instead of passing or failing', () => {
    const data = completePackage(configured, FRESH);
    data.card.entries['exam.neuropathologist'] = { date: '', text: 'сау' };
    const check = checkIntake(configured, 'stationary', data, ON);
    expect(check.findings).toEqual([expect.objectContaining({ kind: 'undated', itemId: 'exam.neuropathologist', validityDays: 30 })]);
    expect(check.result).toBe('complete-with-warnings');
  });
});
