import type { Bilingual, Citation, CitedTerm, ComplaintAddressee, ComplaintRules } from './types';
import { c458, cMsi, RULES_458 } from './cite';

/**
 * Order 458 repeats the complaint paragraph word for word for each of the six services, and the
 * medical-social rules (para 18) give the same numbers; the primary citation is the first
 * occurrence (Rules on personal-assistant services, para 11) and the others are listed in `alsoIn`.
 */
const A = RULES_458.assistantAndSignLanguage;
const B = RULES_458.sanatorium;
const C = RULES_458.prostheticsAndAids;
const D = RULES_458.mobility;

const PLACES = [
  { rules: A, paragraph: '11' },
  { rules: A, paragraph: '25' },
  { rules: B, paragraph: '14' },
  { rules: C, paragraph: '13' },
  { rules: C, paragraph: '69' },
  { rules: D, paragraph: '13' },
] as const;

/** The same sentence in each service's complaint paragraph; `lines` in the order S1…S6. */
const occurrences = (
  lines: readonly [string, string, string, string, string, string],
  quoteKk: string,
): { first: Citation; rest: readonly Citation[] } => {
  const at = (i: 0 | 1 | 2 | 3 | 4 | 5): Citation => c458(lines[i], { ...PLACES[i], quoteKk });
  return { first: at(0), rest: [at(1), at(2), at(3), at(4), at(5)] };
};

const forward458 = occurrences(['L75', 'L169', 'L287', 'L391', 'L515', 'L629'], 'үш жұмыс күнінен кешіктірмей');
const satisfied458 = occurrences(['L77', 'L171', 'L289', 'L393', 'L517', 'L631'], 'үш жұмыс күні ішінде');
const review5 = occurrences(['L79', 'L173', 'L291', 'L395', 'L519', 'L633'], '5 (бес) жұмыс күні ішінде');
const review15 = occurrences(['L81', 'L175', 'L293', 'L397', 'L521', 'L635'], '15 (он бес) жұмыс күні ішінде');

const msiPara18 = (lines: string, quoteKk: string): Citation => cMsi(lines, { paragraph: '18', quoteKk });

const reviewWithin5: CitedTerm = {
  workingDays: 5,
  anchor: 'complaint-registration',
  direction: 'after',
  citation: review5.first,
  alsoIn: [...review5.rest, msiPara18('L59', '5 (бес) жұмыс күні ішінде')],
  note: {
    kk: 'Бұл 5 күнді кім сақтайтыны (бөлім ме, шағымды қарайтын орган ба) мәтінде айтылмаған; екі мерзім де бақыланады.',
    ru: 'Кто соблюдает эти 5 дней (отдел или орган, рассматривающий жалобу), в тексте не сказано; отслеживаются оба срока.',
  },
};

export const complaints: ComplaintRules = {
  citation: c458('L61-83', { rules: A, paragraph: '11' }),
  alsoIn: [
    c458('L155-177', { rules: A, paragraph: '25' }),
    c458('L273-295', { rules: B, paragraph: '14' }),
    c458('L377-399', { rules: C, paragraph: '13' }),
    c458('L501-523', { rules: C, paragraph: '69' }),
    c458('L615-637', { rules: D, paragraph: '13' }),
    cMsi('L53-61', { paragraph: '18' }),
  ],
  form: {
    labelKk: 'жазбаша нысанда',
    labelRu: 'в письменной форме',
    citation: c458('L65', { rules: A, paragraph: '11' }),
  },
  channels: [
    { id: 'post', labelKk: 'пошта арқылы', labelRu: 'по почте' },
    { id: 'in-person', labelKk: 'кеңсесі арқылы қолма-қол', labelRu: 'нарочно через канцелярию' },
  ],
  channelsCitation: c458('L65', { rules: A, paragraph: '11' }),
  registrationMarks: [
    { id: 'stamp', labelKk: 'мөртабан', labelRu: 'штамп' },
    { id: 'incoming-number', labelKk: 'кіріс нөмірі', labelRu: 'входящий номер' },
    { id: 'date', labelKk: 'күні', labelRu: 'дата' },
    {
      id: 'accepted-by',
      labelKk: 'Шағымды қабылдаған адамның тегі мен аты-жөні',
      labelRu: 'фамилия, имя и отчество лица, принявшего жалобу',
    },
    {
      id: 'answer-term-and-place',
      labelKk: 'шағымға жауап алу мерзімі мен орнын',
      labelRu: 'срок и место получения ответа на жалобу',
    },
  ],
  registrationMarksCitation: c458('L67', { rules: A, paragraph: '11' }),
  reviewingBodies: [
    {
      id: 'superior-administrative-body',
      labelKk: 'жоғары тұрған әкімшілік орган',
      labelRu: 'вышестоящий административный орган',
    },
    { id: 'official', labelKk: 'лауазымды адам', labelRu: 'должностное лицо' },
    {
      id: 'quality-control-body',
      labelKk: 'мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті орган',
      labelRu: 'уполномоченный орган по оценке и контролю за качеством оказания государственных услуг',
    },
  ],
  reviewingBodiesCitation: c458('L73', { rules: A, paragraph: '11' }),
  addressees: [
    {
      kind: 'department',
      labelKk: 'жұмыспен қамту бөлімдері басшыларының атына',
      labelRu: 'на имя руководителя отдела занятости (и социальных программ)',
      citation: c458('L63', { rules: A, paragraph: '11', item: '1)' }),
      forwardedToReviewingBody: true,
      reviewTerm: reviewWithin5,
    },
    {
      kind: 'state-corporation',
      labelKk: '"Азаматтарға арналған үкімет" мемлекеттік корпорациясы бөлімшесінің басшысына',
      labelRu: 'руководителю отделения Государственной корпорации «Правительство для граждан»',
      citation: c458('L69', { rules: A, paragraph: '11', item: '2)' }),
      forwardedToReviewingBody: true,
      reviewTerm: reviewWithin5,
    },
    {
      kind: 'quality-control-body',
      labelKk: 'Мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органның атына',
      labelRu: 'на имя уполномоченного органа по оценке и контролю за качеством оказания государственных услуг',
      citation: c458('L81', { rules: A, paragraph: '11' }),
      forwardedToReviewingBody: false,
      reviewTerm: {
        workingDays: 15,
        anchor: 'complaint-registration',
        direction: 'after',
        citation: review15.first,
        alsoIn: [...review15.rest, msiPara18('L60', '15 (он бес) жұмыс күні ішінде')],
      },
    },
  ],
  forward: {
    workingDays: 3,
    anchor: 'complaint-receipt',
    direction: 'after',
    citation: forward458.first,
    alsoIn: [...forward458.rest, msiPara18('L57', 'үш жұмыс күнінен кешіктірілмей')],
    note: {
      kk: 'Шағым әкімшілік іспен бірге жіберіледі.',
      ru: 'Жалоба направляется вместе с административным делом.',
    },
  },
  fullSatisfactionWindow: {
    workingDays: 3,
    anchor: 'complaint-receipt',
    direction: 'after',
    citation: satisfied458.first,
    alsoIn: [...satisfied458.rest, msiPara18('L58', 'үш жұмыс күні ішінде')],
    note: {
      kk: '№ 458 бұйрықта талаптарды "шағымды қарайтын орган" қанағаттандырады деп жазылған (редакциялық қате болуы мүмкін); мекемелер қағидаларында – қызмет беруші немесе Мемлекеттік корпорацияның өзі. Басталу күні айтылмаған; шағым түскен күн алынды.',
      ru: 'В приказе № 458 требования удовлетворяет «орган, рассматривающий жалобу» (вероятно, редакционная ошибка); в Правилах по медико-социальным учреждениям – сам услугодатель или Госкорпорация. Начало отсчёта не указано; принят день поступления жалобы.',
    },
  },
  court: c458('L83', { rules: A, paragraph: '11' }),
};

// ---------------------------------------------------------------------------------------------
// Complaint routes: Order 458 (department / State Corporation branch) and the medical-social rules
// (service provider / State Corporation). The terms are the same numbers; who the complaint is
// addressed to, the clauses cited and the wording of the waiver differ (issue 18 point 13).

/**
 * 000 L77 "шағымды оған жібермейді": a complaint fully satisfied within 3 working days is NOT forwarded.
 * 001 L58 "шағым жібермеуге құқылы": the provider MAY decline to forward it.
 */
export type ForwardWaiverKind = 'must-not-forward' | 'may-decline';

export interface ComplaintRoute {
  readonly id: 'order458' | 'msi-rules';
  readonly citation: Citation;
  readonly addressees: readonly ComplaintAddressee[];
  /** Forward to the reviewing body with the administrative case (000 L75 / 001 L57). */
  readonly forward: CitedTerm;
  /** The administrative case goes with the complaint ("және әкімшілік іс"). */
  readonly adminCase: Citation;
  readonly fullSatisfactionWindow: CitedTerm;
  readonly waiver: Bilingual & { readonly kind: ForwardWaiverKind; readonly citation: Citation };
  /** Court after disagreement with the results of the service (000 L83 / 001 L61). */
  readonly court: Citation;
}

/** The Order 458 route, read from the rule set in force (versioned data). */
export function route458(rules: ComplaintRules): ComplaintRoute {
  return {
    id: 'order458',
    citation: rules.citation,
    addressees: rules.addressees,
    forward: rules.forward,
    adminCase: c458('L75', { rules: A, paragraph: '11', quoteKk: 'және әкімшілік іс' }),
    fullSatisfactionWindow: rules.fullSatisfactionWindow,
    waiver: {
      kind: 'must-not-forward',
      kk: 'Талаптар үш жұмыс күні ішінде толық қанағаттандырылса, шағым шағымды қарайтын органға жіберілмейді.',
      ru: 'Если требования полностью удовлетворены в течение трёх рабочих дней, жалоба в орган, рассматривающий жалобу, не направляется.',
      citation: c458('L77', { rules: A, paragraph: '11', quoteKk: 'шағымды оған жібермейді' }),
    },
    court: rules.court,
  };
}

const msiReview5: CitedTerm = {
  workingDays: 5,
  anchor: 'complaint-registration',
  direction: 'after',
  citation: msiPara18('L59', '5 (бес) жұмыс күні ішінде'),
  note: reviewWithin5.note,
};

const msiAddressedTo = msiPara18('L53', 'көрсетілетін қызметті беруші, Мемлекеттік корпорация басшысының атына беріледі');

/**
 * The medical-social rules' own complaint paragraph (seed 001 L52-61, para 18). Not in the rule-set
 * type yet (shared/rules/types.ts), so it is shipped here; the Order 458 route stays in the rule set.
 */
export const msiComplaintRoute: ComplaintRoute = {
  id: 'msi-rules',
  citation: cMsi('L52-61', { paragraph: '18' }),
  addressees: [
    {
      kind: 'department',
      labelKk: 'Көрсетілетін қызметті берушінің басшысы',
      labelRu: 'Руководитель услугодателя',
      citation: msiAddressedTo,
      forwardedToReviewingBody: true,
      reviewTerm: msiReview5,
    },
    {
      kind: 'state-corporation',
      labelKk: 'Мемлекеттік корпорация басшысы',
      labelRu: 'Руководитель Государственной корпорации',
      citation: msiAddressedTo,
      forwardedToReviewingBody: true,
      reviewTerm: msiReview5,
    },
    {
      kind: 'quality-control-body',
      labelKk: 'Мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органның атына',
      labelRu: 'на имя уполномоченного органа по оценке и контролю за качеством оказания государственных услуг',
      citation: msiPara18('L60', 'Мемлекеттік қызметтер көрсету сапасын бағалау және бақылау жөніндегі уәкілетті органның атына'),
      forwardedToReviewingBody: false,
      reviewTerm: {
        workingDays: 15,
        anchor: 'complaint-registration',
        direction: 'after',
        citation: msiPara18('L60', '15 (он бес) жұмыс күні ішінде'),
      },
    },
  ],
  forward: {
    workingDays: 3,
    anchor: 'complaint-receipt',
    direction: 'after',
    citation: msiPara18('L57', 'үш жұмыс күнінен кешіктірілмей'),
    note: {
      kk: 'Шағым әкімшілік іспен бірге жіберіледі.',
      ru: 'Жалоба направляется вместе с административным делом.',
    },
  },
  adminCase: msiPara18('L57', 'және әкімшілік іс'),
  fullSatisfactionWindow: {
    workingDays: 3,
    anchor: 'complaint-receipt',
    direction: 'after',
    citation: msiPara18('L58', 'үш жұмыс күні ішінде'),
    note: {
      kk: 'Талаптарды қызмет берушінің немесе Мемлекеттік корпорацияның өзі қанағаттандырады. Басталу күні айтылмаған; шағым түскен күн алынды.',
      ru: 'Требования удовлетворяет сам услугодатель или Госкорпорация. Начало отсчёта не указано; принят день поступления жалобы.',
    },
  },
  waiver: {
    kind: 'may-decline',
    kk: 'Талаптар үш жұмыс күні ішінде толық қанағаттандырылса, қызмет беруші шағымды қарайтын органға шағым жібермеуге құқылы (жіберуге де болады).',
    ru: 'Если требования полностью удовлетворены в течение трёх рабочих дней, услугодатель вправе не направлять жалобу в орган, рассматривающий жалобу (но может и направить).',
    citation: msiPara18('L58', 'шағым жібермеуге құқылы'),
  },
  court: msiPara18('L61', 'сотқа жүгінеді'),
};
