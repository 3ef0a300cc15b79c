import { describe, expect, it } from 'vitest';
import { fieldErrors } from '@shared/validation';
import { intakeInput, progressInput, type IntakeInput } from '@shared/intake/schema';

const application: IntakeInput['application'] = {
  addresseeHead: '',
  addresseeBin: '',
  identityDocumentNumber: '',
  identityDocumentIssuedOn: '',
  registrationAddress: '',
  residenceAddress: '',
  birthPlace: '',
  allowance: '',
  disabilityCategory: '',
  legalRepresentatives: [],
  relatives: [],
  stayMode: 'permanent',
  attachedDocuments: [],
  warnedOfLiability: true,
  acquaintedWithConditions: true,
  signedOn: '',
};

const minimal: IntakeInput = {
  caseId: 'case-1',
  form: 'stationary',
  registrationDate: '2026-03-10',
  channel: 'provider',
  officerPhone: '8 (72433) 2-11-11',
  application,
  situation: { psychoneurological: false, dispensaryExamIds: [] },
  presentedDocumentIds: [],
  identity: 'none',
  consentIds: [],
  conditionalDocuments: {},
  card: {
    entries: {},
    fluorography: { date: '', text: '' },
    macAnswer: '',
    contraindicationIds: [],
    sealPresent: false,
    headSigned: false,
  },
};

/** The day of entry: the IINs of the relatives are checked against it. */
const TODAY = '2026-03-10';

const errorsOf = (input: unknown) => {
  const r = intakeInput(TODAY).safeParse(input);
  return r.success ? {} : fieldErrors(r.error);
};

describe('intakeInput', () => {
  it('saves an empty package (the check, not the form, reports what is missing) and normalises the phone', () => {
    const r = intakeInput(TODAY).safeParse(minimal);
    expect(r.success).toBe(true);
    expect(r.success && r.data.officerPhone).toBe('+77243321111');
  });

  it('requires the officer phone for the receipt and the stay mode on App. 1 only', () => {
    expect(errorsOf({ ...minimal, officerPhone: '' })).toEqual({ officerPhone: 'validation.phone' });
    expect(errorsOf({ ...minimal, application: { ...application, stayMode: null } })).toEqual({
      'application.stayMode': 'validation.required',
    });
    expect(errorsOf({ ...minimal, form: 'semi-stationary', application: { ...application, stayMode: null } })).toEqual({});
  });

  it('refuses card dates after the registration day, malformed dates, a bad BIN and a bad representative IIN', () => {
    expect(
      errorsOf({
        ...minimal,
        application: {
          ...application,
          addresseeBin: '12345',
          signedOn: '2026-03-11',
          legalRepresentatives: [
            { fullName: 'Ким Борис', iin: '850412300126', relationship: 'ұлы', socialStatus: '', address: '', phone: '' },
          ],
        },
        card: {
          ...minimal.card,
          entries: { 'lab.hiv': { date: '2026-03-12', text: 'теріс' }, 'lab.syphilis': { date: '2026-02-30', text: '' } },
        },
      }),
    ).toEqual({
      'application.addresseeBin': 'intake.validation.bin',
      'application.legalRepresentatives.0.iin': 'validation.iin.checksum',
      'application.signedOn': 'intake.validation.afterRegistration',
      'card.entries.lab.hiv.date': 'intake.validation.afterRegistration',
      'card.entries.lab.syphilis.date': 'validation.date',
    });
  });
});

describe('intakeInput: plausible relatives (issue 18 point 9)', () => {
  const relative = (iin: string) => ({
    ...minimal,
    application: {
      ...application,
      legalRepresentatives: [{ fullName: 'Ким Борис', iin, relationship: 'ұлы', socialStatus: '', address: '', phone: '' }],
    },
  });

  it('refuses a representative born 31.12.2099 (future) or 01.01.1800 (more than 130 years back) with its own message', () => {
    // 991231 5 0001 6 and 000101 1 0001 6: valid numbers, implausible on the day of entry.
    expect(errorsOf(relative('991231500016'))).toEqual({ 'application.legalRepresentatives.0.iin': 'intake.validation.iinFuture' });
    expect(errorsOf(relative('000101100016'))).toEqual({ 'application.legalRepresentatives.0.iin': 'intake.validation.iinTooOld' });
  });

  it('accepts a plausible representative and records the conditional documents as marked', () => {
    const r = intakeInput(TODAY).safeParse({ ...relative('850412300125'), conditionalDocuments: { 'doc.court-incapacity': 'none' } });
    expect(r.success && r.data.conditionalDocuments).toEqual({ 'doc.court-incapacity': 'none' });
    expect(errorsOf({ ...minimal, conditionalDocuments: { 'doc.court-incapacity': 'maybe' } })).toEqual({
      'conditionalDocuments.doc.court-incapacity': expect.any(String) as unknown,
    });
  });
});

describe('progressInput', () => {
  const schema = progressInput('2026-03-02', '2026-03-20');
  const errs = (v: object) => {
    const r = schema.safeParse({ assessmentConclusionOn: '', decisionOn: '', decisionKind: '', portalNoticeOn: '', ...v });
    return r.success ? {} : fieldErrors(r.error);
  };

  it('accepts the steps in order', () => {
    expect(
      errs({ assessmentConclusionOn: '2026-03-12', decisionOn: '2026-03-16', decisionKind: 'favourable', portalNoticeOn: '2026-03-18' }),
    ).toEqual({});
    expect(errs({ assessmentConclusionOn: '2026-03-12', decisionOn: '2026-03-16', decisionKind: 'unfavourable' })).toEqual({});
  });

  it('refuses events out of order, before registration, in the future, or a notice after an unfavourable decision', () => {
    expect(errs({ assessmentConclusionOn: '2026-03-01' })).toEqual({ assessmentConclusionOn: 'intake.validation.beforeRegistration' });
    expect(errs({ assessmentConclusionOn: '2026-03-21' })).toEqual({ assessmentConclusionOn: 'intake.validation.future' });
    expect(errs({ decisionOn: '2026-03-10', decisionKind: 'favourable' })).toEqual({
      assessmentConclusionOn: 'intake.validation.decisionNeedsAssessment',
    });
    expect(errs({ assessmentConclusionOn: '2026-03-12', decisionOn: '2026-03-11', decisionKind: 'favourable' })).toEqual({
      decisionOn: 'intake.validation.beforeAssessment',
    });
    expect(errs({ assessmentConclusionOn: '2026-03-12', decisionOn: '2026-03-13' })).toEqual({ decisionKind: 'validation.required' });
    expect(
      errs({ assessmentConclusionOn: '2026-03-12', decisionOn: '2026-03-13', decisionKind: 'unfavourable', portalNoticeOn: '2026-03-16' }),
    ).toEqual({ portalNoticeOn: 'intake.validation.noticeNeedsFavourable' });
  });
});
