/**
 * Persons and complaints: names, valid IINs, addresses and complaints with the deadlines of their
 * rule set. Same seed, same data.
 */
import type { WorkingCalendar } from '@shared/calendar';
import { addCalendarDays, addWorkingDays } from '@shared/calendar';
import { complaintDueDates, nextOpenDue, type Complaint, type ComplaintStatusChange, type ComplaintStatus } from '@shared/complaints';
import { iinCheckDigit, parseIin } from '@shared/iin';
import type { DisabilityGroup, Person } from '@shared/persons';
import { personSearchWords, fullName } from '@shared/persons';
import { createEnvelope } from '@shared/records/envelope';
import { ruleSetInForce, type RuleSet } from '@shared/rules';

/** `date` moved by `days` calendar days. */
export function shift(date: string, days: number): string {
  const d = addCalendarDays(date, days);
  if (d === undefined) throw new Error(`generator: bad date ${date}`);
  return d;
}

/** mulberry32: tiny, fast and good enough for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** A v4-shaped UUID made from the generator, so ids are reproducible too. */
  uuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.next() * 16).toString(16)).join('');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }
}

const KAZAKH_SURNAMES = [
  'Сейтқали',
  'Омаров',
  'Жұмабаев',
  'Әбілов',
  'Нұрланов',
  'Серікбаев',
  'Тоқтаров',
  'Қасымов',
  'Бекұлы',
  'Ерғалиев',
  'Мұхамеджанов',
  'Садықов',
  'Әлімжанов',
  'Байжанов',
  'Оспанов',
];
const RUSSIAN_SURNAMES = ['Ким', 'Иванов', 'Петренко', 'Соколов', 'Ли', 'Шевченко', 'Попов', 'Кузнецов', 'Морозов', 'Ткаченко'];
const KAZAKH_MALE = ['Асқар', 'Ержан', 'Нұрлан', 'Бауыржан', 'Дәурен', 'Серік', 'Арман', 'Қайрат', 'Мұрат', 'Ерлан'];
const KAZAKH_FEMALE = ['Әлия', 'Гүлнар', 'Жанар', 'Айгүл', 'Сәуле', 'Динара', 'Меруерт', 'Ләззат', 'Айжан', 'Ақмарал'];
const RUSSIAN_MALE = ['Борис', 'Сергей', 'Андрей', 'Виктор', 'Олег', 'Николай'];
const RUSSIAN_FEMALE = ['Елена', 'Ольга', 'Татьяна', 'Наталья', 'Ирина', 'Светлана'];
const TOWNS = ['Арал қ.', 'Қызылорда қ.', 'Сексеуіл к.', 'Саксаульск п.', 'Жалағаш а.', 'Қазалы қ.'];
const STREETS = ['Абай к-сі', 'Әйтеке би к-сі', 'Бейбітшілік к-сі', 'Желтоқсан к-сі', 'ул. Ленина', 'ул. Мира', 'Наурызбай батыр к-сі'];
const COMPLAINT_TEXTS = [
  'Жеке көмекші қызметі уақытылы көрсетілмеді.',
  'Кресло-арба берілмеді, өтініш жауапсыз қалды.',
  'Санаторий-курорттық емделуге жолдама беруден негізсіз бас тартылды.',
  'Услуга сурдопереводчика не оказана в установленный срок.',
  'Протез изготовлен с нарушением сроков.',
  'Медициналық-әлеуметтік мекемеге орналастыру туралы шешім кешіктірілді.',
];
const OFFICIALS = ['Ж. Омарова', 'А. Бекұлы', 'С. Иванова', 'Д. Әлімжанов', ''];
const REVIEWERS = ['Асқар Бекұлы', 'Жанар Омарова', 'Светлана Ким', 'Дәурен Садықов'];

function feminine(surname: string): string {
  if (surname.endsWith('ұлы')) return `${surname.slice(0, -3)}қызы`;
  if (/(ов|ев|ин)$/u.test(surname)) return `${surname}а`;
  return surname;
}

/** A valid IIN for a birth date and sex (domain guide §3); numbers whose check digit would be 10 twice are skipped. */
export function generateIin(rnd: Random, birthDate: string, sex: 'male' | 'female'): string {
  const year = Number(birthDate.slice(0, 4));
  const century = year < 1900 ? 1 : year < 2000 ? 3 : 5;
  const digit = century + (sex === 'female' ? 1 : 0);
  for (;;) {
    const body = `${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${birthDate.slice(8, 10)}${digit}${String(rnd.int(0, 9999)).padStart(4, '0')}`;
    const check = iinCheckDigit(body);
    if (check !== null) return `${body}${check}`;
  }
}

export interface GeneratorOffice {
  officeId: string;
  officeCode: string;
  officerName: string;
}

export function generatePerson(rnd: Random, office: GeneratorOffice, now: string): Person {
  const sex = rnd.chance(0.5) ? 'male' : 'female';
  const russian = rnd.chance(0.25);
  const surname = rnd.pick(russian ? RUSSIAN_SURNAMES : KAZAKH_SURNAMES);
  const lastName = sex === 'female' ? feminine(surname) : surname;
  const firstName = rnd.pick(russian ? (sex === 'male' ? RUSSIAN_MALE : RUSSIAN_FEMALE) : sex === 'male' ? KAZAKH_MALE : KAZAKH_FEMALE);
  const birthDate = shift('1940-01-01', rnd.int(0, 80 * 365));
  const iin = generateIin(rnd, birthDate, sex);
  const parsed = parseIin(iin);
  if (!parsed.ok) throw new Error(`generator made an invalid IIN ${iin}`);
  const names = { lastName, firstName, middleName: '' };
  const group: DisabilityGroup = rnd.pick(['I', 'II', 'III', 'child'] as const);
  return {
    ...createEnvelope(rnd.uuid(), { officerName: office.officerName, officeId: office.officeId }, now),
    iin,
    ...names,
    address: `${rnd.pick(TOWNS)}, ${rnd.pick(STREETS)}, ${rnd.int(1, 120)}`,
    phone: `+7701${String(rnd.int(0, 9999999)).padStart(7, '0')}`,
    disabilityGroup: parsed.value.birthDate >= '2008-01-01' ? 'child' : group === 'child' ? 'II' : group,
    disabilityCategory: rnd.pick(['general-illness', 'since-childhood', 'work-injury', null] as const),
    legalRepresentative: null,
    birthDate: parsed.value.birthDate,
    sex: parsed.value.sex,
    searchWords: personSearchWords(names),
  };
}

export interface ComplaintGeneratorContext {
  office: GeneratorOffice;
  ruleSets: readonly RuleSet[];
  calendar: WorkingCalendar;
  /** Registration dates are spread over the days before this one. */
  today: string;
  /** How many calendar days back the registrations go. */
  spreadDays: number;
}

/** The working day `n` working days after `date`, not after `limit` (the calendar may end before). */
function workingDayNotAfter(cal: WorkingCalendar, date: string, n: number, limit: string): string {
  const working = cal.isWorkingDay(date);
  // "0 working days after" a day off is the next working day.
  const d = addWorkingDays(cal, date, n === 0 && working.ok && !working.value ? 1 : n);
  const day = d.ok ? d.value : limit;
  return day > limit ? limit : day;
}

/**
 * The status changes after registration, each on its own working day as an office works: the review
 * starts within two working days of registration; most decisions come within the review term (5 or 15
 * working days, seed 000 L79, L81), some a few working days late; a withdrawal comes within the first
 * days. Nothing is dated after `today`. Moves go registered → under-review → decided / withdrawn, or
 * straight from registered (both allowed by shared/complaints workflow).
 */
function statusMoves(
  rnd: Random,
  ctx: ComplaintGeneratorContext,
  status: ComplaintStatus,
  registrationDate: string,
  reviewDue: string,
): { history: ComplaintStatusChange[]; closedOn: string | null } {
  const by = ctx.office.officerName;
  const history: ComplaintStatusChange[] = [];
  if (status === 'registered') return { history, closedOn: null };
  const stampAt = (date: string, hour: number) =>
    `${date}T${String(hour).padStart(2, '0')}:${String(rnd.int(0, 59)).padStart(2, '0')}:00.000Z`;
  const reviewOn = workingDayNotAfter(ctx.calendar, registrationDate, rnd.int(0, 2), ctx.today);
  const viaReview = status === 'under-review' || rnd.chance(0.8);
  if (viaReview) history.push({ from: 'registered', to: 'under-review', at: stampAt(reviewOn, 10), by });
  if (status === 'under-review') return { history, closedOn: null };
  const from = viaReview ? 'under-review' : 'registered';
  let closedOn: string;
  if (status === 'withdrawn') closedOn = workingDayNotAfter(ctx.calendar, reviewOn, rnd.int(0, 3), ctx.today);
  else {
    const late = rnd.chance(0.15);
    const target = late ? workingDayNotAfter(ctx.calendar, reviewDue, rnd.int(1, 6), ctx.today) : reviewDue;
    const span = Math.max(0, workingDaysBetween(ctx.calendar, reviewOn, target));
    closedOn = late ? target : workingDayNotAfter(ctx.calendar, reviewOn, rnd.int(Math.min(1, span), span), ctx.today);
  }
  if (closedOn < reviewOn) closedOn = reviewOn;
  history.push({ from, to: status, at: stampAt(closedOn, 15), by });
  return { history, closedOn };
}

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
function workingDaysBetween(cal: WorkingCalendar, from: string, to: string): number {
  let n = 0;
  for (let d = shift(from, 1); d <= to; d = shift(d, 1)) {
    const w = cal.isWorkingDay(d);
    if (w.ok && w.value) n += 1;
  }
  return n;
}

/**
 * One complaint registered some days before `today`; older ones are more likely to be decided, so
 * the register has a realistic mix of open, due-soon, overdue and closed complaints.
 */
export function generateComplaint(
  rnd: Random,
  person: Person,
  sequence: number,
  ctx: ComplaintGeneratorContext,
  caseId: string | null = null,
): Complaint {
  const back = rnd.int(0, ctx.spreadDays);
  const receiptDate = shift(ctx.today, -back);
  const registrationDate = rnd.chance(0.7) ? receiptDate : shift(receiptDate, 1);
  const ruleSet = ruleSetInForce(ctx.ruleSets, registrationDate);
  if (!ruleSet.ok) throw new Error(`no rule set on ${registrationDate}`);
  const addressee = rnd.pick(['department', 'department', 'state-corporation', 'quality-control-body'] as const);
  const due = complaintDueDates(ruleSet.value.complaints, ctx.calendar, { receiptDate, registrationDate, addressee });
  if (!due.ok) throw new Error(`calendar: ${JSON.stringify(due.error)}`);
  const at = `${registrationDate}T09:00:00.000Z`;
  const closedChance = Math.min(0.9, back / 60);
  const status: ComplaintStatus = rnd.chance(closedChance)
    ? rnd.pick(['decided', 'decided', 'decided', 'withdrawn'] as const)
    : rnd.pick(['registered', 'under-review', 'under-review'] as const);
  const reviewer = status === 'registered' ? '' : rnd.pick(REVIEWERS);
  const decided = status === 'decided';
  const moves = statusMoves(rnd, ctx, status, registrationDate, due.value.reviewDue);
  const decisionDate = moves.closedOn ?? '';
  const complaint: Complaint = {
    ...createEnvelope(rnd.uuid(), { officerName: ctx.office.officerName, officeId: ctx.office.officeId }, at),
    number: `${ctx.office.officeCode}-${registrationDate.slice(0, 4)}-${String(sequence).padStart(5, '0')}`,
    personId: person.id,
    caseId,
    complainantName: fullName(person),
    complainantIin: person.iin,
    representative: null,
    receiptDate,
    registrationDate,
    channel: rnd.pick(['post', 'in-person', 'portal'] as const),
    addressee,
    serviceId: rnd.pick(ruleSet.value.services).id,
    contested: rnd.pick(['decision', 'action', 'inaction'] as const),
    contestedRef: '',
    official: rnd.pick(OFFICIALS),
    text: rnd.pick(COMPLAINT_TEXTS),
    demands: 'Шағымды қарап, заңды шешім қабылдауды сұраймын.',
    attachmentIds: [],
    acceptedBy: ctx.office.officerName,
    answerPlace: `${ctx.office.officeCode}, 1-кабинет`,
    ruleSetId: ruleSet.value.id,
    forwardDue: due.value.forwardDue,
    reviewDue: due.value.reviewDue,
    status,
    reviewer,
    forwarded: null,
    decision: decided
      ? {
          outcome: rnd.pick(['satisfied', 'partly-satisfied', 'rejected'] as const),
          text: 'Шағым қаралды.',
          date: decisionDate,
          notifiedBy: 'letter',
          notifiedOn: decisionDate,
        }
      : null,
    withdrawal: status === 'withdrawn' ? { date: decisionDate, reason: 'Өтініш беруші шағымын кері алды' } : null,
    courtNote: null,
    history: [{ from: null, to: 'registered', at, by: ctx.office.officerName }, ...moves.history],
    searchWords: person.searchWords,
  };
  const last = complaint.history[complaint.history.length - 1];
  // The record was last changed when its last status change was recorded.
  if (last) complaint.updatedAt = last.at;
  const next = nextOpenDue(complaint);
  if (next !== undefined) complaint.nextDue = next;
  return complaint;
}

export interface GeneratedRegister {
  persons: Person[];
  complaints: Complaint[];
}

function pickPerson(persons: readonly Person[], i: number): Person {
  const p = persons[i % persons.length];
  if (!p) throw new Error('generator: no persons');
  return p;
}

/** `persons` people and `complaints` complaints among them, numbered in registration order per year. */
export function generateRegister(
  seed: number,
  counts: { persons: number; complaints: number },
  ctx: ComplaintGeneratorContext,
): GeneratedRegister {
  const rnd = new Random(seed);
  const persons: Person[] = [];
  const iins = new Set<string>();
  while (persons.length < counts.persons) {
    const p = generatePerson(rnd, ctx.office, `${ctx.today}T08:00:00.000Z`);
    if (iins.has(p.iin)) continue;
    iins.add(p.iin);
    persons.push(p);
  }
  const drafts = Array.from({ length: counts.complaints }, (_, i) => generateComplaint(rnd, pickPerson(persons, i), 0, ctx));
  drafts.sort((a, b) => (a.registrationDate < b.registrationDate ? -1 : a.registrationDate > b.registrationDate ? 1 : 0));
  const perYear = new Map<string, number>();
  const complaints = drafts.map((c) => {
    const year = c.registrationDate.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    return { ...c, number: `${ctx.office.officeCode}-${year}-${String(seq).padStart(5, '0')}` };
  });
  return { persons, complaints };
}
