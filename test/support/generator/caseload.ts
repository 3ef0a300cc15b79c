/**
 * Whole caseloads for the bundle benchmark and tests: persons with cases, and in the cases service
 * applications (with hearings and minutes), medical-card intakes, rehabilitation programmes,
 * wheelchair checks and complaints. Every record is a stored record as the app writes it, valid
 * against its record schema, built with the same domain functions (the intake check, the wheelchair
 * table, the complaint deadlines), so a bundle of them exercises the real validation. Same seed, same data.
 */
import { addWorkingDays, type WorkingCalendar } from '@shared/calendar';
import { CASE_NUMBER_KIND, formatRegisterNumber, type Case, type CaseStatus } from '@shared/cases';
import type { Complaint } from '@shared/complaints';
import type {
  ApplicationChannel,
  ApplicationHistoryEntry,
  ApplicationStatus,
  Hearing,
  HearingMinutes,
  ServiceApplication,
} from '@shared/hearings';
import { allowedHearingMethods } from '@shared/hearings/facts';
import { checkIntake } from '@shared/intake/check';
import { completePackage } from '../intake';
import type { Intake, IntakeData, MedicalCardFormId } from '@shared/intake/types';
import { fullName, type Person } from '@shared/persons';
import { createEnvelope, type Actor } from '@shared/records/envelope';
import { ruleSetInForce, type RuleSet, type ServiceRule } from '@shared/rules';
import { checkWheelchairs, emptyProfile, measuredParameters, MEASURE_LIMITS } from '@shared/wheelchair';
import {
  FLAG_FIELDS,
  SEVERITIES,
  SEVERITY_FIELDS,
  type FunctionalProfile,
  type RehabProgramme,
  type WheelchairCheck,
} from '@shared/wheelchair/types';
import { generateComplaint, generatePerson, Random, shift, type ComplaintGeneratorContext } from './register';

export interface CaseloadCounts {
  /** People; each has at least one case when there are at least as many cases. */
  persons: number;
  cases: number;
  /** Complaints of the same people; about one in three belongs to one of their cases. */
  complaints: number;
}

export interface GeneratedCaseload {
  persons: Person[];
  cases: Case[];
  applications: ServiceApplication[];
  hearings: Hearing[];
  hearingMinutes: HearingMinutes[];
  intakes: Intake[];
  rehabProgrammes: RehabProgramme[];
  wheelchairChecks: WheelchairCheck[];
  complaints: Complaint[];
}

/** Table name (as in the Dexie schema) → records, in the order the tables are listed here. */
export function caseloadTables(data: GeneratedCaseload): Record<string, readonly { id: string }[]> {
  return {
    persons: data.persons,
    cases: data.cases,
    applications: data.applications,
    hearings: data.hearings,
    hearingMinutes: data.hearingMinutes,
    intakes: data.intakes,
    rehabProgrammes: data.rehabProgrammes,
    wheelchairChecks: data.wheelchairChecks,
    complaints: data.complaints,
  };
}

const CASE_SUBJECTS = [
  'Жеке көмекші қызметін көрсету',
  'Медициналық-әлеуметтік мекемеге орналастыру',
  'Кресло-арбамен қамтамасыз ету',
  'Санаторий-курорттық емделу',
  'Оказание услуг сурдопереводчика',
  'Протезно-ортопедическая помощь',
  'Әлеуметтік көмек тағайындау',
];
const HEARING_PLACES = ['Арал қ., Абай к-сі, 5, 12-кабинет', 'Бейне байланыс: meet.gov.kz/aral-01', '+7 724 332 1234'];
const GROUNDS = ['Құжаттар толық емес', 'Медициналық көрсетілімдер жоқ', 'Документы не соответствуют требованиям'];
const OBJECTIONS = ['Шешіммен келіспеймін, қосымша анықтама тапсырамын.', 'Прошу учесть новое заключение врача.'];

function workingDay(cal: WorkingCalendar, from: string, n: number): string {
  const d = addWorkingDays(cal, from, n);
  if (!d.ok) throw new Error(`generator: calendar ${JSON.stringify(d.error)}`);
  return d.value;
}

function stamp(date: string, hour = 10): string {
  return `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;
}

function ruleSetOn(ruleSets: readonly RuleSet[], date: string): RuleSet {
  const rs = ruleSetInForce(ruleSets, date);
  if (!rs.ok) throw new Error(`generator: no rule set on ${date}`);
  return rs.value;
}

/** The latest of the dates that is not after `limit` (records never describe the future). */
function notAfter(date: string, limit: string): string {
  return date > limit ? limit : date;
}

interface CaseContext {
  rnd: Random;
  ctx: ComplaintGeneratorContext;
  actor: Actor;
  person: Person;
  kase: Case;
  ruleSet: RuleSet;
}

/**
 * One application and what followed it: the older the application, the further along it is
 * (registered → preliminary → notified → heard → decided, guide §5); a notice announces a hearing,
 * a held hearing with an oral objection has minutes.
 */
function generateApplication(
  c: CaseContext,
  service: ServiceRule,
  out: { applications: ServiceApplication[]; hearings: Hearing[]; hearingMinutes: HearingMinutes[] },
  intakeId: string | null,
): void {
  const { rnd, ctx, actor, kase } = c;
  const cal = ctx.calendar;
  const registrationDate = notAfter(workingDay(cal, kase.registrationDate, rnd.int(0, 3)), ctx.today);
  const age = Math.max(0, Math.round((Date.parse(ctx.today) - Date.parse(registrationDate)) / 86_400_000));
  const stages: ApplicationStatus[] = ['registered', 'preliminary', 'notified', 'heard', 'decided'];
  const reached = Math.min(4, Math.floor(age / 7) + rnd.int(-1, 1));
  // Most applications are granted without a preliminary refusal: straight from registered to decided.
  const direct = rnd.chance(0.6);
  const status: ApplicationStatus = direct ? (reached >= 2 ? 'decided' : 'registered') : (stages[Math.max(0, reached)] ?? 'registered');
  const channels: ApplicationChannel[] = ['provider', 'state-corporation', 'portal', 'akim'];
  const id = rnd.uuid();
  const by = actor.officerName;
  const history: ApplicationHistoryEntry[] = [
    { at: stamp(registrationDate, 9), by, action: 'registered', date: registrationDate, note: null },
  ];
  const plannedDecisionDate = service.hearing.kind === 'decision-date' ? workingDay(cal, registrationDate, 15) : null;
  if (plannedDecisionDate)
    history.push({ at: stamp(registrationDate, 9), by, action: 'planned-decision-date', date: plannedDecisionDate, note: null });

  const app: ServiceApplication = {
    ...createEnvelope(id, actor, stamp(registrationDate, 9)),
    caseId: kase.id,
    personId: kase.personId,
    service: service.id,
    ruleSetId: c.ruleSet.id,
    channel: rnd.pick(channels),
    registrationDate,
    intakeId,
    note: rnd.chance(0.3) ? 'Өтініш беруші телефон арқылы хабардар етілді.' : '',
    plannedDecisionDate,
    stepsDone: {},
    status,
    preliminary: null,
    notice: null,
    objection: null,
    decision: null,
    notification: null,
    history,
  };
  const step = service.steps[0];
  if (step && status !== 'registered') app.stepsDone[step.id] = notAfter(workingDay(cal, registrationDate, 2), ctx.today);

  let last = registrationDate;
  if (!direct && stages.indexOf(status) >= 1) {
    const date = notAfter(workingDay(cal, registrationDate, 5), ctx.today);
    app.preliminary = { date, grounds: rnd.pick(GROUNDS), disagreementDate: rnd.chance(0.5) ? date : null };
    history.push({ at: stamp(date, 11), by, action: 'preliminary', date, note: null });
    last = date;
  }
  if (!direct && stages.indexOf(status) >= 2) {
    const sentOn = notAfter(workingDay(cal, last, 1), ctx.today);
    const hearingDate = workingDay(cal, sentOn, 2);
    const hearingId = rnd.uuid();
    const method = rnd.pick(allowedHearingMethods(service.hearing));
    const held = stages.indexOf(status) >= 3;
    const hearing: Hearing = {
      ...createEnvelope(hearingId, actor, stamp(sentOn, 10)),
      caseId: kase.id,
      applicationId: id,
      date: hearingDate,
      time: rnd.pick(['10:00', '11:30', '14:00', '15:30']),
      method,
      place: rnd.pick(HEARING_PLACES),
      participants: `${fullName(c.person)}; ${by}`,
      status: held ? (rnd.chance(0.85) ? 'held' : 'applicant-absent') : 'scheduled',
    };
    out.hearings.push(hearing);
    const channel = rnd.pick(['in-person', 'post', 'sms', 'phone', 'portal'] as const);
    app.notice = { hearingId, sentOn, channel, receivedOn: channel === 'post' ? notAfter(shift(sentOn, 1), ctx.today) : sentOn };
    history.push({ at: stamp(sentOn, 10), by, action: 'hearing-scheduled', date: hearingDate, note: null });
    history.push({ at: stamp(sentOn, 10), by, action: 'notice-sent', date: sentOn, note: null });
    last = hearingDate;
    if (held && hearing.status === 'held') {
      const oral = rnd.chance(0.5);
      app.objection = { kind: oral ? 'oral' : 'written', date: hearingDate, summary: rnd.pick(OBJECTIONS) };
      history.push({ at: stamp(hearingDate, 12), by, action: 'hearing-held', date: hearingDate, note: null });
      history.push({ at: stamp(hearingDate, 12), by, action: 'objection', date: hearingDate, note: null });
      // Minutes are kept when the objection is oral (004 L44).
      if (oral) {
        const signed = rnd.chance(0.8);
        const read = signed && rnd.chance(0.7);
        out.hearingMinutes.push({
          ...createEnvelope(rnd.uuid(), actor, stamp(hearingDate, 13)),
          hearingId,
          applicationId: id,
          caseId: kase.id,
          content: {
            place: hearing.place,
            date: hearingDate,
            startTime: hearing.time,
            endTime: hearing.time.replace(/:(\d\d)$/u, (_, m: string) => `:${m === '00' ? '40' : '59'}`),
            body: 'Арал ауданының жұмыспен қамту және әлеуметтік бағдарламалар бөлімі',
            official: by,
            secretary: 'Светлана Ким',
            applicantName: fullName(c.person),
            applicantIin: c.person.iin,
            representative: null,
            question: `${service.nameKk}: алдын ала шешім бойынша тыңдау`,
            explanations: rnd.pick(OBJECTIONS),
            questionsAndAnswers: 'Сұрақ: қосымша құжаттар бар ма? Жауап: иә, анықтама тапсырылды.',
            statements: '',
            factsToRecord: '',
            documentsHandedIn: rnd.chance(0.5) ? 'Дәрігердің қорытындысы, 1 парақ' : '',
          },
          signedOff: signed ? { date: hearingDate, at: stamp(hearingDate, 14), by } : null,
          familiarisation: read ? { date: hearingDate, at: stamp(hearingDate, 14), by } : null,
          remarks: [],
          addenda: [],
        });
        history.push({ at: stamp(hearingDate, 13), by, action: 'minutes-created', date: hearingDate, note: null });
      }
    } else if (held) {
      history.push({ at: stamp(hearingDate, 12), by, action: 'hearing-absent', date: hearingDate, note: null });
    }
  }
  if (status === 'decided') {
    const date = notAfter(workingDay(cal, last, rnd.int(1, 4)), ctx.today);
    const refused = !direct && rnd.chance(0.5);
    app.decision = { outcome: refused ? 'refused' : 'granted', date, reasons: refused ? rnd.pick(GROUNDS) : '', earlyReason: null };
    history.push({ at: stamp(date, 15), by, action: 'decision', date, note: null });
    if (rnd.chance(0.8)) {
      const on = notAfter(workingDay(cal, date, 1), ctx.today);
      app.notification = { method: rnd.pick(['paper', 'sms', 'portal'] as const), date: on };
      history.push({ at: stamp(on, 10), by, action: 'decision-notified', date: on, note: null });
    }
  }
  out.applications.push(app);
}

/**
 * A medical-card package as handed in at the counter: usually complete, sometimes with a line or a
 * consent missing, checked with the intake check of the rule set in force (guide §6).
 */
function generateIntake(c: CaseContext, date: string): Intake {
  const { rnd, actor, person, kase } = c;
  const form: MedicalCardFormId = rnd.chance(0.8) ? 'stationary' : 'semi-stationary';
  const rules = c.ruleSet.medicalCard;
  const data: IntakeData = completePackage(rules, shift(date, -rnd.int(1, 20)), {
    fullName: fullName(person),
    birthDate: person.birthDate,
    sex: person.sex,
  });
  if (rnd.chance(0.2)) {
    const ids = Object.keys(data.card.entries).filter((k) => k.startsWith('lab.') || k.startsWith('exam.'));
    const dropped = rnd.pick(ids);
    data.card.entries[dropped] = { date: '', text: '' };
  }
  if (rnd.chance(0.05)) data.consentIds = data.consentIds.slice(1);
  const check = checkIntake(rules, form, data, date);
  const decided = check.result !== 'refuse' && date < shift(c.ctx.today, -30);
  return {
    ...createEnvelope(rnd.uuid(), actor, stamp(date, 9)),
    caseId: kase.id,
    personId: person.id,
    form,
    registrationDate: date,
    channel: rnd.pick(['provider', 'state-corporation', 'portal'] as const),
    officerName: actor.officerName,
    officerPhone: '+77243321234',
    application: {
      addresseeHead: 'Арал ауданы әкімі',
      addresseeBin: '',
      identityDocumentNumber: String(rnd.int(10_000_000, 99_999_999)),
      identityDocumentIssuedOn: shift(person.birthDate, 16 * 365 + rnd.int(0, 3000)) < date ? shift(person.birthDate, 16 * 365) : '',
      registrationAddress: person.address,
      residenceAddress: person.address,
      birthPlace: 'Қызылорда облысы',
      allowance: rnd.chance(0.7) ? 'Мүгедектігі бойынша жәрдемақы' : '',
      disabilityCategory: person.disabilityGroup,
      legalRepresentatives: [],
      relatives: [],
      stayMode: form === 'stationary' ? rnd.pick(['permanent', 'temporary'] as const) : null,
      attachedDocuments: ['Жеке басын куәландыратын құжат', 'Медициналық карта'],
      warnedOfLiability: form === 'stationary',
      acquaintedWithConditions: true,
      signedOn: date,
    },
    situation: data.situation,
    presentedDocumentIds: data.presentedDocumentIds,
    identity: data.identity,
    consentIds: data.consentIds,
    card: data.card,
    ruleSetId: c.ruleSet.id,
    ruleSetVersion: c.ruleSet.version,
    check,
    progress: decided
      ? {
          assessmentConclusionOn: workingDay(c.ctx.calendar, date, 7),
          decisionOn: workingDay(c.ctx.calendar, date, 12),
          decisionKind: 'favourable',
          portalNoticeOn: workingDay(c.ctx.calendar, date, 13),
        }
      : { assessmentConclusionOn: '', decisionOn: '', decisionKind: '', portalNoticeOn: '' },
  };
}

/** A functional profile of a person who walks little: severities leaning to the severe end. */
function generateProfile(c: CaseContext): FunctionalProfile {
  const { rnd } = c;
  const rules = c.ruleSet.wheelchairs;
  const profile = emptyProfile(c.person.birthDate);
  for (const f of SEVERITY_FIELDS)
    profile.severities[f] = rnd.pick(f === 'walking' ? (['moderate', 'severe', 'absolute'] as const) : SEVERITIES);
  for (const f of FLAG_FIELDS) profile.flags[f] = rnd.chance(0.2);
  if (rnd.chance(0.3) && rules.conditions.length > 0) profile.conditions = [rnd.pick(rules.conditions).id];
  profile.activeSpheres = rnd.chance(0.5)
    ? ['leisure']
    : (['study', 'work', 'leisure'].filter(() => rnd.chance(0.4)) as FunctionalProfile['activeSpheres']);
  profile.hearing = rnd.pick(['preserved', 'preserved', 'impaired-correctable', 'bilateral-uncorrectable'] as const);
  for (const p of measuredParameters(rules)) {
    const limit = MEASURE_LIMITS[p.unit];
    const value = Math.min(limit.max, Math.max(0, rnd.int(Math.floor(p.low) - 3, Math.ceil(p.high) + 3)));
    profile.measurements[p.id] = rnd.chance(0.9) ? value : null;
  }
  return profile;
}

function generateWheelchairs(
  c: CaseContext,
  date: string,
  out: { rehabProgrammes: RehabProgramme[]; wheelchairChecks: WheelchairCheck[] },
): void {
  const { rnd, actor, person, kase } = c;
  const rules = c.ruleSet.wheelchairs;
  const issuedOn = shift(date, -rnd.int(10, 200));
  const programme: RehabProgramme = {
    ...createEnvelope(rnd.uuid(), actor, stamp(date, 9)),
    caseId: kase.id,
    personId: person.id,
    number: `ОЖБ-${issuedOn.slice(0, 4)}-${String(rnd.int(1, 99_999)).padStart(5, '0')}`,
    issuedOn,
    expiresOn: shift(issuedOn, 365 * rnd.int(1, 3)),
    wheelchairTypes: [rnd.pick(rules.types).id],
    note: '',
  };
  out.rehabProgrammes.push(programme);
  const checks = rnd.chance(0.2) ? 2 : 1;
  for (let i = 0; i < checks; i++) {
    const checkDate = notAfter(shift(date, i * 30), c.ctx.today);
    const profile = generateProfile(c);
    const id = rnd.uuid();
    const envelope = createEnvelope(id, actor, stamp(checkDate, 11));
    out.wheelchairChecks.push({
      ...envelope,
      caseId: kase.id,
      personId: person.id,
      checkedAt: envelope.createdAt,
      checkDate,
      ruleSetId: c.ruleSet.id,
      programmeId: programme.id,
      profile,
      result: checkWheelchairs(rules, profile, checkDate, programme),
    });
  }
}

const MSI_SERVICE = 'msi-placement';
const WHEELCHAIR_SERVICE = 'wheelchair';

/**
 * `counts.persons` people with `counts.cases` cases among them (case numbers gapless per year in
 * registration order), each case holding one or two applications with their hearings and minutes;
 * placement cases an intake, wheelchair cases a programme and checks; and `counts.complaints`
 * complaints of the same people, about a third of them tied to a case.
 */
export function generateCaseload(seed: number, counts: CaseloadCounts, ctx: ComplaintGeneratorContext): GeneratedCaseload {
  const rnd = new Random(seed);
  const actor: Actor = { officerName: ctx.office.officerName, officeId: ctx.office.officeId };
  const persons: Person[] = [];
  const iins = new Set<string>();
  while (persons.length < counts.persons) {
    const p = generatePerson(rnd, ctx.office, `${shift(ctx.today, -ctx.spreadDays - 30)}T08:00:00.000Z`);
    if (iins.has(p.iin)) continue;
    iins.add(p.iin);
    persons.push(p);
  }
  if (persons.length === 0 && (counts.cases > 0 || counts.complaints > 0)) throw new Error('generator: cases and complaints need persons');

  const drafts: { person: Person; date: string }[] = [];
  for (let i = 0; i < counts.cases; i++) {
    const person = persons[i % persons.length];
    if (!person) throw new Error('generator: no persons');
    drafts.push({ person, date: shift(ctx.today, -rnd.int(0, ctx.spreadDays)) });
  }
  drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const out: GeneratedCaseload = {
    persons,
    cases: [],
    applications: [],
    hearings: [],
    hearingMinutes: [],
    intakes: [],
    rehabProgrammes: [],
    wheelchairChecks: [],
    complaints: [],
  };
  const perYear = new Map<string, number>();
  for (const d of drafts) {
    const year = d.date.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    const ruleSet = ruleSetOn(ctx.ruleSets, d.date);
    const old = d.date < shift(ctx.today, -180);
    const status: CaseStatus = old ? rnd.pick(['closed', 'closed', 'open', 'transferred'] as const) : 'open';
    const kase: Case = {
      ...createEnvelope(rnd.uuid(), actor, stamp(d.date, 9)),
      caseNumber: formatRegisterNumber(ctx.office.officeCode, CASE_NUMBER_KIND, Number(year), seq),
      personId: d.person.id,
      registrationDate: d.date,
      subject: rnd.pick(CASE_SUBJECTS),
      status,
      ruleSetId: ruleSet.id,
    };
    out.cases.push(kase);
    const c: CaseContext = { rnd, ctx, actor, person: d.person, kase, ruleSet };
    const service = rnd.pick(ruleSet.services);
    let intakeId: string | null = null;
    if (service.id === MSI_SERVICE || rnd.chance(0.1)) {
      const intake = generateIntake(c, d.date);
      out.intakes.push(intake);
      if (intake.check.result !== 'refuse') intakeId = intake.id;
    }
    generateApplication(c, service, out, service.id === MSI_SERVICE ? intakeId : null);
    if (rnd.chance(0.25)) generateApplication(c, rnd.pick(ruleSet.services), out, null);
    if (service.id === WHEELCHAIR_SERVICE || rnd.chance(0.1)) generateWheelchairs(c, d.date, out);
  }

  const caseOf = new Map<string, Case[]>();
  for (const k of out.cases) caseOf.set(k.personId, [...(caseOf.get(k.personId) ?? []), k]);
  const complaintDrafts: Complaint[] = [];
  for (let i = 0; i < counts.complaints; i++) {
    const person = persons[i % persons.length];
    if (!person) throw new Error('generator: no persons');
    const own = caseOf.get(person.id) ?? [];
    const caseId = own.length > 0 && rnd.chance(0.35) ? rnd.pick(own).id : null;
    complaintDrafts.push(generateComplaint(rnd, person, 0, ctx, caseId));
  }
  complaintDrafts.sort((a, b) => (a.registrationDate < b.registrationDate ? -1 : a.registrationDate > b.registrationDate ? 1 : 0));
  const complaintYear = new Map<string, number>();
  for (const c of complaintDrafts) {
    const year = c.registrationDate.slice(0, 4);
    const seq = (complaintYear.get(year) ?? 0) + 1;
    complaintYear.set(year, seq);
    c.number = `${ctx.office.officeCode}-${year}-${String(seq).padStart(5, '0')}`;
    out.complaints.push(c);
  }
  return out;
}

/** The register counters (`counters` table rows) that follow the generated numbers, so new records continue them. */
export function caseloadCounters(
  data: Pick<GeneratedCaseload, 'cases' | 'complaints'>,
  officeCode: string,
): { key: string; last: number }[] {
  const last = new Map<string, number>();
  const note = (key: string, n: number) => last.set(key, Math.max(last.get(key) ?? 0, n));
  for (const c of data.complaints) note(`complaint:${officeCode}:${c.registrationDate.slice(0, 4)}`, Number(c.number.slice(-5)));
  for (const k of data.cases) note(`case:${officeCode}:${k.registrationDate.slice(0, 4)}`, Number(k.caseNumber.slice(-5)));
  return [...last].map(([key, n]) => ({ key, last: n }));
}
