import type {
  Bilingual,
  Citation,
  MedicalCardForm,
  MedicalCardFormId,
  MedicalCardItem,
  MedicalCardItemGroup,
  MedicalCardRequirement,
  MedicalCardRules,
} from './types';
import { cMsi } from './cite';

/**
 * App. 5 (stationary) and App. 6 (semi-stationary) are the same form except that App. 5 adds the
 * surgeon, oculist and otolaryngologist and the two differ in a few spellings. Item ids are shared
 * between the forms (same concept = same id) and unique within a form; each form keeps the verbatim
 * Kazakh label and the line of its own appendix.
 */

interface ItemSource {
  readonly id: string;
  readonly group: MedicalCardItemGroup;
  readonly requiredWhen: MedicalCardRequirement;
  readonly labelRu: string;
  readonly dateAndResult: boolean;
  /** Per appendix: verbatim label and lines; absent = not on that form. */
  readonly app5?: { readonly labelKk: string; readonly lines: string };
  readonly app6?: { readonly labelKk: string; readonly lines: string };
  readonly labelKkSource?: 'editorial';
  readonly note?: Bilingual;
}

const same = (labelKk: string, lines5: string, lines6: string) => ({
  app5: { labelKk, lines: lines5 },
  app6: { labelKk, lines: lines6 },
});

const bacteriologicalNote: Bilingual = {
  kk: '"ішек таяқшасы" – қай зерттеу екені (ішек таяқшасы ма, ішек тобы ма) орыс тіліндегі мәтін бойынша тексерілуі керек.',
  ru: '«ішек таяқшасы» дословно «кишечная палочка»; возможно, в русском тексте «кишечная группа» – сверить с официальным текстом.',
};

const itemSources: readonly ItemSource[] = [
  // Header of the card.
  {
    id: 'header.medical-organisation',
    group: 'header',
    requiredWhen: 'always',
    labelRu: 'наименование медицинской организации',
    dateAndResult: false,
    ...same('медициналық ұйымның атауы', 'L314', 'L379'),
  },
  {
    id: 'header.full-name',
    group: 'header',
    requiredWhen: 'always',
    labelRu: 'фамилия, имя, отчество (при наличии)',
    dateAndResult: false,
    ...same('Тегі, аты, әкесінің аты (бар болса)', 'L315', 'L380'),
  },
  {
    id: 'header.birth-date',
    group: 'header',
    requiredWhen: 'always',
    labelRu: 'дата рождения',
    dateAndResult: false,
    ...same('Туған күні', 'L316', 'L381'),
    note: {
      kk: 'Бланкте "20 ___ жылғы" басылған; кез келген толық күн қабылданады.',
      ru: 'На бланке предпечатано «20 ___ года»; принимается любая полная дата.',
    },
  },
  {
    id: 'header.home-address',
    group: 'header',
    requiredWhen: 'always',
    labelRu: 'домашний адрес',
    dateAndResult: false,
    ...same('Үйінің мекенжайы', 'L317', 'L382'),
  },
  {
    id: 'header.anamnesis',
    group: 'header',
    requiredWhen: 'always',
    labelRu: 'краткий анамнез (перенесённые заболевания, непереносимость лекарственных препаратов, продуктов питания и прочее)',
    dateAndResult: false,
    ...same(
      'Қысқаша анамнез (бастан өткерген аурулар жөнінде, дәрілік препараттарды, азық-түлікті көтере алмаушылық және тағы басқа)',
      'L318-319',
      'L383-384',
    ),
  },

  // Examinations required on every card.
  {
    id: 'exam.neuropathologist',
    group: 'exam-always',
    requiredWhen: 'always',
    labelRu: 'невропатолог',
    dateAndResult: false,
    ...same('невропатолог', 'L324', 'L389'),
  },
  {
    id: 'exam.psychiatrist',
    group: 'exam-always',
    requiredWhen: 'always',
    labelRu: 'психиатр',
    dateAndResult: false,
    ...same('психиатр', 'L326', 'L391'),
  },
  {
    id: 'exam.dermatovenereologist',
    group: 'exam-always',
    requiredWhen: 'always',
    labelRu: 'дерматовенеролог',
    dateAndResult: false,
    ...same('дерматовенеролог', 'L328', 'L393'),
  },
  {
    id: 'exam.phthisiatrician',
    group: 'exam-always',
    requiredWhen: 'always',
    labelRu: 'фтизиатр (наличие данных флюорографии обязательно)',
    dateAndResult: false,
    ...same('фтизиатр (флюрография мәліметтерінің болуы міндетті)', 'L330', 'L395'),
  },
  {
    id: 'exam.therapist-paediatrician',
    group: 'exam-always',
    requiredWhen: 'always',
    labelRu: 'терапевт/педиатр',
    dateAndResult: false,
    ...same('терапевт/педиатр', 'L332', 'L397'),
  },
  {
    id: 'exam.epidemiological-environment',
    group: 'exam-always',
    requiredWhen: 'always',
    labelRu: 'заключение об эпидемиологическом окружении',
    dateAndResult: false,
    ...same('эпидемиологиялық ортасы туралы қорытынды', 'L335', 'L400'),
  },

  // Examinations required when the person is on dispensary registration.
  {
    id: 'exam.endocrinologist',
    group: 'exam-dispensary',
    requiredWhen: 'on-dispensary-registration',
    labelRu: 'эндокринолог',
    dateAndResult: false,
    ...same('эндокринолог', 'L338', 'L403'),
  },
  {
    id: 'exam.cardiologist',
    group: 'exam-dispensary',
    requiredWhen: 'on-dispensary-registration',
    labelRu: 'кардиолог',
    dateAndResult: false,
    ...same('кардиолог', 'L339', 'L404'),
  },
  {
    id: 'exam.orthopaedist',
    group: 'exam-dispensary',
    requiredWhen: 'on-dispensary-registration',
    labelRu: 'ортопед',
    dateAndResult: false,
    ...same('ортопед', 'L340', 'L405'),
  },
  {
    id: 'exam.narcologist',
    group: 'exam-dispensary',
    requiredWhen: 'on-dispensary-registration',
    labelRu: 'нарколог',
    dateAndResult: false,
    ...same('нарколог', 'L341', 'L406'),
  },
  {
    id: 'exam.oncologist',
    group: 'exam-dispensary',
    requiredWhen: 'on-dispensary-registration',
    labelRu: 'онколог',
    dateAndResult: false,
    ...same('онколог', 'L342', 'L407'),
  },
  {
    id: 'exam.gynaecologist-urologist',
    group: 'exam-dispensary',
    requiredWhen: 'on-dispensary-registration',
    labelRu: 'гинеколог (уролог)',
    dateAndResult: false,
    ...same('гинеколог (уролог)', 'L343', 'L408'),
  },
  // App. 5 only.
  {
    id: 'exam.surgeon',
    group: 'exam-dispensary',
    requiredWhen: 'on-dispensary-registration',
    labelRu: 'хирург',
    dateAndResult: false,
    app5: { labelKk: 'хирург', lines: 'L344' },
  },
  {
    id: 'exam.oculist',
    group: 'exam-dispensary',
    requiredWhen: 'on-dispensary-registration',
    labelRu: 'окулист',
    dateAndResult: false,
    app5: { labelKk: 'окулист', lines: 'L345' },
  },
  {
    id: 'exam.otolaryngologist',
    group: 'exam-dispensary',
    requiredWhen: 'on-dispensary-registration',
    labelRu: 'отоларинголог',
    dateAndResult: false,
    app5: { labelKk: 'отоларинголог', lines: 'L346' },
  },

  // Laboratory tests, each with date and result.
  {
    id: 'lab.complete-blood-count',
    group: 'lab',
    requiredWhen: 'always',
    labelRu: 'общий анализ крови',
    dateAndResult: true,
    ...same('қанның жалпы анализі', 'L347-349', 'L409-410'),
  },
  {
    id: 'lab.hiv',
    group: 'lab',
    requiredWhen: 'always',
    labelRu: 'анализ крови на ВИЧ-инфекцию',
    dateAndResult: true,
    ...same('АИТВ инфекциясына қанның анализі', 'L350-351', 'L411-412'),
  },
  {
    id: 'lab.syphilis',
    group: 'lab',
    requiredWhen: 'always',
    labelRu: 'анализ крови на сифилис',
    dateAndResult: true,
    ...same('сифилиске қанның анализі', 'L352-353', 'L413-414'),
  },
  {
    id: 'lab.general-urine',
    group: 'lab',
    requiredWhen: 'always',
    labelRu: 'общий анализ мочи',
    dateAndResult: true,
    ...same('зәрдің жалпы анализі', 'L354-355', 'L415-416'),
  },
  {
    id: 'lab.stool-helminth-eggs',
    group: 'lab',
    requiredWhen: 'always',
    labelRu: 'паразитологическое исследование мазков кала на яйца гельминтов',
    dateAndResult: true,
    ...same('нәжіс жұғындарын гельминттер жұмыртқасына паразитологиялық зерттеу', 'L356-358', 'L417-419'),
  },
  {
    id: 'lab.stool-bacteriological',
    group: 'lab',
    requiredWhen: 'always',
    labelRu: 'бактериологическое исследование мазков кала на кишечную палочку',
    dateAndResult: true,
    // App. 6 writes the word without the space.
    app5: { labelKk: 'нәжіс жұғындарын ішек таяқшасына бактериологиялық зерттеу', lines: 'L359' },
    app6: { labelKk: 'нәжіс жұғындарын ішектаяқшасына бактериологиялық зерттеу', lines: 'L420-421' },
    note: bacteriologicalNote,
  },
  {
    id: 'lab.meningococcal',
    group: 'lab',
    requiredWhen: 'always',
    labelRu: 'лабораторное исследование на менингококковую инфекцию',
    dateAndResult: true,
    ...same('менингококк инфекциясына зертқаналық зерттеу', 'L360-362', 'L422-424'),
    note: {
      kk: '"зертқаналық" – бастапқы мәтіндегі қате ("зертханалық").',
      ru: '«зертқаналық» – опечатка оригинала («зертханалық», лабораторное).',
    },
  },

  // Psychoneurological patients over 18 add a smear.
  {
    id: 'lab.smear-vaginal',
    group: 'lab-psychoneurological',
    requiredWhen: 'psychoneurological-over-18-female',
    labelRu: 'мазок из влагалища (для женщин)',
    dateAndResult: true,
    ...same('әйелдердің қынап жағындысы', 'L364-365', 'L426-427'),
  },
  {
    id: 'lab.smear-urethral',
    group: 'lab-psychoneurological',
    requiredWhen: 'psychoneurological-over-18-male',
    labelRu: 'уретральный мазок (для мужчин)',
    dateAndResult: true,
    ...same('ерлердің уретральды жағындысы', 'L366-367', 'L428-429'),
  },

  // Sign-off.
  {
    id: 'signoff.mac-conclusion',
    group: 'sign-off',
    requiredWhen: 'always',
    labelRu:
      'заключение председателя врачебно-консультативной комиссии (имеются ли медицинские противопоказания к пребыванию в организации)',
    dateAndResult: false,
    app5: { labelKk: 'Дәрігерлік-консультациялық комиссия төрағасының қорытындысы', lines: 'L368-371' },
    app6: { labelKk: 'Дәрігерлік-консультациялық комиссия төрағасының қорытындысы', lines: 'L430-433' },
    note: {
      kk: 'Қорытынды ұйымда болуға медициналық қарсы көрсетілімдердің бар-жоғына жауап береді (иә/жоқ).',
      ru: 'Заключение отвечает на вопрос, есть ли медицинские противопоказания к пребыванию в организации (да/нет).',
    },
  },
  {
    id: 'signoff.seal',
    group: 'sign-off',
    requiredWhen: 'always',
    labelRu: 'место печати',
    dateAndResult: false,
    // App. 6 misspells it "орыны"; both kept verbatim.
    app5: { labelKk: 'Мөр орны', lines: 'L372' },
    app6: { labelKk: 'Мөр орыны', lines: 'L434' },
  },
  {
    id: 'signoff.head-signature',
    group: 'sign-off',
    requiredWhen: 'always',
    labelRu: 'руководитель медицинской организации (фамилия, имя, отчество (при наличии), подпись)',
    dateAndResult: false,
    ...same('Медициналық ұйымның басшысы', 'L373-374', 'L435-436'),
  },
  {
    id: 'signoff.date',
    group: 'sign-off',
    requiredWhen: 'always',
    labelRu: 'дата',
    dateAndResult: false,
    // The form has only a blank date line, no caption.
    ...same('Күні', 'L375', 'L437'),
    labelKkSource: 'editorial',
  },
];

const formItems = (form: 'app5' | 'app6', appendix: string): readonly MedicalCardItem[] =>
  itemSources.flatMap((s): MedicalCardItem[] => {
    const onForm = s[form];
    if (onForm === undefined) return [];
    const citation: Citation = cMsi(onForm.lines, { appendix });
    return [
      {
        id: s.id,
        group: s.group,
        requiredWhen: s.requiredWhen,
        labelKk: onForm.labelKk,
        ...(s.labelKkSource === undefined ? {} : { labelKkSource: s.labelKkSource }),
        labelRu: s.labelRu,
        dateAndResult: s.dateAndResult,
        validityDays: null,
        citation,
        ...(s.note === undefined ? {} : { note: s.note }),
      },
    ];
  });

const stationary: MedicalCardForm = {
  id: 'stationary',
  appendix: '5',
  applicationAppendix: '1',
  titleKk: 'Стационарлық үлгідегі медициналық-әлеуметтік мекемелерде (ұйымдарда) арнаулы әлеуметтік қызметтер алу үшін МЕДИЦИНАЛЫҚ КАРТА',
  titleRu: 'Медицинская карта для получения специальных социальных услуг в медико-социальных учреждениях (организациях) стационарного типа',
  citation: cMsi('L305-311', { appendix: '5' }),
  captions: [
    {
      group: 'exam-always',
      captionKk:
        'Медициналық тексеру (негізгі және ілеспелі диагнозды, асқынудың орын алғандығын, бұрын болған аурулар туралы мәліметтерді көрсету қажет)',
      citation: cMsi('L322-323', { appendix: '5' }),
    },
    {
      group: 'exam-dispensary',
      captionKk: 'Көрсетілімдер бойынша (диспансерлік есепке алу кезінде)',
      citation: cMsi('L337', { appendix: '5' }),
    },
    { group: 'lab', captionKk: 'Зертханалық зерттеулердің нәтижелері', citation: cMsi('L347', { appendix: '5' }) },
    {
      group: 'lab-psychoneurological',
      captionKk: 'психоневрологиялық аурулары бар 18 жастан асқан адамдар үшін',
      citation: cMsi('L363', { appendix: '5' }),
    },
  ],
  items: formItems('app5', '5'),
};

const semiStationary: MedicalCardForm = {
  id: 'semi-stationary',
  appendix: '6',
  applicationAppendix: '2',
  titleKk:
    'Жартылай стационарлық үлгідегі медициналық-әлеуметтік мекемелерде (ұйымдарда) арнаулы әлеуметтік қызметтер алу үшін МЕДИЦИНАЛЫҚ КАРТА',
  titleRu:
    'Медицинская карта для получения специальных социальных услуг в медико-социальных учреждениях (организациях) полустационарного типа',
  // The seed lost App. 6's header block; only the title and the amendment note (L377) identify it.
  citation: cMsi('L376-377', { appendix: '6' }),
  captions: [
    {
      group: 'exam-always',
      captionKk:
        'Медициналық тексеру (негізгі және ілеспелі диагнозды, асқынудың орын алғандығын, бұрын болған аурулар туралы мәліметтерді көрсету қажет)',
      citation: cMsi('L387-388', { appendix: '6' }),
    },
    {
      group: 'exam-dispensary',
      captionKk: 'Көрсетілімдер бойынша (диспансерлік есепке алу кезінде)',
      citation: cMsi('L402', { appendix: '6' }),
    },
    { group: 'lab', captionKk: 'Зертханалық зерттеулердің нәтижелері', citation: cMsi('L409', { appendix: '6' }) },
    {
      group: 'lab-psychoneurological',
      captionKk: 'психоневрологиялық аурулары бар 18 жастан асқан адамдар үшін',
      citation: cMsi('L425', { appendix: '6' }),
    },
  ],
  items: formItems('app6', '6'),
};

const both: readonly MedicalCardFormId[] = ['stationary', 'semi-stationary'];
const app3Item = (lines: string, item: string, quoteKk?: string): Citation =>
  cMsi(lines, quoteKk === undefined ? { appendix: '3', item } : { appendix: '3', item, quoteKk });

export const medicalCard: MedicalCardRules = {
  applicantDocuments: [
    {
      id: 'doc.application',
      labelKk: '1 және 2-қосымшаларға сәйкес нысан бойынша өтініш',
      labelRu: 'заявление по форме согласно приложениям 1 (стационар) и 2 (полустационар) к Правилам',
      forms: both,
      citation: app3Item('L237', '8, 1)'),
    },
    {
      id: 'doc.identity',
      labelKk:
        'көрсетілетін қызметті алушының жеке сәйкестендіру нөмірі (бұдан әрі – ЖСН) бар (сәйкестендіру үшін) жеке басын куәландыратын құжат не цифрлық құжаттар сервисінен электрондық құжат',
      labelRu: 'документ, удостоверяющий личность, с ИИН (для идентификации) либо электронный документ из сервиса цифровых документов',
      forms: both,
      citation: app3Item('L238', '8, 2)'),
    },
    {
      id: 'doc.medical-card',
      labelKk: '5 және 6-қосымшаларға сәйкес нысан бойынша медициналық карта',
      labelRu: 'медицинская карта по форме согласно приложениям 5 (стационар) и 6 (полустационар)',
      forms: both,
      citation: app3Item('L239', '8, 3)'),
    },
    {
      id: 'doc.outpatient-extract',
      labelKk: 'амбулаториялық картадан немесе сырқатнамадан үзінді көшірме',
      labelRu: 'выписка из амбулаторной карты или истории болезни (прилагается к медицинской карте)',
      forms: both,
      citation: app3Item('L239', '8, 3)'),
    },
  ],
  forms: [stationary, semiStationary],
  consents: [
    {
      id: 'consent.personal-data',
      labelKk:
        'қолжетімділігі шектеулі дербес деректерімді жинауға және өңдеуге "Дербес деректер және оларды қорғау туралы" Қазақстан Республикасы Заңының 8-бабына сәйкес келісім беремін',
      labelRu:
        'согласие на сбор и обработку персональных данных ограниченного доступа (ст. 8 Закона «О персональных данных и их защите»); действует до завершения оказания услуги',
      forms: both,
      citation: cMsi('L118-119', { appendix: '1' }),
      note: {
        kk: '2-қосымшада: L172-173. Келісімнің болмауы – бас тарту негізі (3-қосымша, 9-тармақ, 4)).',
        ru: 'В приложении 2: L172-173. Отсутствие согласия – основание для отказа (прил. 3, п. 9, пп. 4)).',
      },
    },
    {
      id: 'consent.relatives-data',
      labelKk: 'еңбекке қабілетті кәмелетке толған балалары, жұбайы(зайыбы) туралы ақпаратты пайдалануға',
      labelRu:
        'согласие на использование сведений о трудоспособных совершеннолетних детях и супруге, а также сведений из информационных систем',
      forms: ['stationary'],
      citation: cMsi('L120', { appendix: '1' }),
      note: {
        kk: 'Тек 1-қосымшада; сөйлемде баяндауыш жоқ.',
        ru: 'Только в приложении 1; в предложении оригинала нет сказуемого.',
      },
    },
    {
      id: 'consent.digital-documents',
      labelKk: 'құжат иесінің келісімі',
      labelRu: 'согласие владельца документа на получение цифровых документов (одноразовый пароль или SMS)',
      forms: both,
      citation: app3Item('L241', '8'),
    },
  ],
  intakeRefusal: cMsi('L28', {
    paragraph: '8',
    quoteKk: 'құжаттарды қабылдаудан бас тарту туралы қолхат береді',
  }),
  refusalGrounds: [
    {
      id: 'refusal.unreliable',
      labelKk: 'құжаттардың және (немесе) оларда қамтылған деректердің (мәліметтердің) дәйексіздігін белгілеу',
      labelRu: 'установление недостоверности документов и (или) данных (сведений), содержащихся в них',
      forms: both,
      citation: app3Item('L245', '9, 1)'),
    },
    {
      id: 'refusal.expired-or-incomplete',
      labelKk:
        'қолданылу мерзімі өткен құжаттарды және (немесе) осы мемлекеттік қызмет көрсетуге қойылатын негізгі талаптар тізбесінің 8-тармағында көзделген тізбеге сәйкес құжаттардың толық емес топтамасын ұсынған жағдайда',
      labelRu: 'представление документов с истёкшим сроком действия и (или) неполного пакета документов',
      forms: both,
      citation: app3Item('L246', '9, 2)'),
    },
    {
      id: 'refusal.order-379-requirements',
      labelKk: 'Арнаулы әлеуметтік қызметтер көрсететін ұйымдар қызметінің қағидаларында белгіленген талаптарға сәйкес келмеуі',
      labelRu:
        'несоответствие требованиям Правил деятельности организаций, оказывающих специальные социальные услуги (приказ от 29 августа 2018 года № 379)',
      forms: both,
      citation: app3Item('L247-248', '9, 3)'),
    },
    {
      id: 'refusal.no-personal-data-consent',
      labelKk: 'қолжетімділігі шектеулі дербес деректерге қол жеткізуге келісімі болмауы',
      labelRu: 'отсутствие согласия на доступ к персональным данным ограниченного доступа',
      forms: both,
      citation: app3Item('L249-250', '9, 4)'),
    },
  ],
  contraindications: [],
  notConfiguredNote: {
    kk: 'Құжаттар мен талдаулардың жарамдылық мерзімі және медициналық қарсы көрсетілімдер тізімі бастапқы мәтіндерде жоқ; әкімші енгізгенге дейін "бапталмаған" деп көрсетіледі.',
    ru: 'Сроки действия документов и анализов и перечень медицинских противопоказаний в исходных текстах отсутствуют; до ввода администратором показывается «не настроено».',
  },
};

// ---------------------------------------------------------------------------------------------
// Issue 18 (points 4, 5, 7): intake rules the `MedicalCardRules` type does not carry yet. They are
// exported beside it, typed here, until the lead adds them to the rule set's type and schema
// (shared/rules/types.ts, schema.ts) so that an administrator's newer version can change them too.

/** Channel of the application (App. 3 item 2, L200-203): the office's desk, the State Corporation, the portal. */
export type IntakeChannelId = 'provider' | 'state-corporation' | 'portal';

/** A document attached only "if any" (бар болса): the officer marks whether it exists. */
export interface ConditionalDocumentRule {
  readonly id: string;
  readonly labelKk: string;
  readonly labelRu: string;
  readonly forms: readonly MedicalCardFormId[];
  /** The clause asks for it only for persons of this age or older on the intake date. */
  readonly minAge: number;
  readonly citation: Citation;
  readonly note: Bilingual;
}

/**
 * App. 3 item 8 (001 L240): the provider or the State Corporation obtains the court decision on
 * incapacity from the state information systems; "Ақпараттық жүйелерде мәліметтер болмаған кезде
 * өтінішке он сегіз жастан асқан адамдар үшін - адамды әрекетке қабілетсіз деп тану туралы сот
 * шешімінің көшірмесі (бар болса) қоса беріледі". "он сегіз жастан асқан" is read as 18 or older, as
 * for the smear lines (L363).
 */
export const conditionalDocuments: readonly ConditionalDocumentRule[] = [
  {
    id: 'doc.court-incapacity',
    labelKk: 'адамды әрекетке қабілетсіз деп тану туралы сот шешімінің көшірмесі (бар болса)',
    labelRu: 'копия решения суда о признании лица недееспособным (при наличии)',
    forms: both,
    minAge: 18,
    citation: app3Item('L240', '8', 'адамды әрекетке қабілетсіз деп тану туралы сот шешімінің көшірмесі (бар болса) қоса беріледі'),
    note: {
      kk: 'Ақпараттық жүйелерде мәлімет болса, көшірме талап етілмейді; 18 жастан асқан адамдар үшін ғана.',
      ru: 'Если сведения есть в информационных системах, копия не требуется; только для лиц старше 18 лет.',
    },
  },
];

/** What a channel gives the applicant when the package is accepted or refused on the spot. */
export interface AcknowledgementRule {
  readonly kind: 'state-corporation-receipt' | 'provider-talon' | 'portal-status' | 'refusal-receipt' | 'portal-refusal-notice';
  readonly channel: IntakeChannelId;
  readonly outcome: 'accepted' | 'refused';
  readonly citation: Citation;
}

const para6 = (lines: string, quoteKk: string): Citation => cMsi(lines, { paragraph: '6', quoteKk });
const para8 = (lines: string, quoteKk: string): Citation => cMsi(lines, { paragraph: '8', quoteKk });

/** Para 6 (L20-23) for a complete package, para 8 (L28-29) for a refusal on the spot. */
export const intakeAcknowledgements: readonly AcknowledgementRule[] = [
  {
    kind: 'state-corporation-receipt',
    channel: 'state-corporation',
    outcome: 'accepted',
    citation: para6('L21', 'Мемлекеттік корпорацияда – тиісті құжаттардың қабылданғаны туралы қолхат'),
  },
  {
    kind: 'provider-talon',
    channel: 'provider',
    outcome: 'accepted',
    citation: para6(
      'L22',
      'көрсетілетін қызметті берушіде – тіркелген және мемлекеттік көрсетілетін қызметті алатын күні, құжаттарды қабылдаған адамның тегі мен аты-жөні көрсетілген талон беріледі',
    ),
  },
  {
    kind: 'portal-status',
    channel: 'portal',
    outcome: 'accepted',
    citation: para6('L23', 'порталда – көрсетілетін қызметті алушының "жеке кабинетінде" ... қабылданғаны туралы мәртебе көрсетіледі'),
  },
  {
    kind: 'refusal-receipt',
    channel: 'provider',
    outcome: 'refused',
    citation: para8('L28', 'құжаттарды қабылдаудан бас тарту туралы қолхат береді'),
  },
  {
    // Para 8 names the State Corporation's employee beside the provider's: the same App. 4 receipt.
    kind: 'refusal-receipt',
    channel: 'state-corporation',
    outcome: 'refused',
    citation: para8('L28', 'көрсетілетін қызметті берушінің, Мемлекеттік корпорацияның қызметкері ... қолхат береді'),
  },
  {
    kind: 'portal-refusal-notice',
    channel: 'portal',
    outcome: 'refused',
    citation: para8(
      'L29',
      'құжаттар топтамасының қандай талаптарға сәйкес келмейтінін көрсете отырып, өтінішті одан әрі қараудан бас тарту туралы хабарлама жібереді',
    ),
  },
];

/** One way of reading a clause; the rule set keeps both, the one applied and why (issue 18, "Done when"). */
export interface ClauseReading {
  readonly id: 'working-day' | 'calendar-day';
  readonly chosen: boolean;
  readonly kk: string;
  readonly ru: string;
}

/**
 * Para 11 (001 L37) and App. 3 item 3 (L208): for an application through the State Corporation the
 * provider hands the result to it "мемлекеттік қызметті көрсету мерзімі аяқталғанға дейін бір күн
 * бұрын" (one day before the term ends). Order 458 says the same for its services with "бір тәуліктен
 * кешіктірмей" (no later than twenty-four hours, 000 L145). Whether the day is a working or a calendar
 * day is not said.
 */
export const stateCorpHandOver: {
  readonly citation: Citation;
  readonly alsoIn: readonly Citation[];
  readonly readings: readonly ClauseReading[];
  readonly why: Bilingual;
} = {
  citation: cMsi('L37', {
    paragraph: '11',
    quoteKk:
      'мемлекеттік қызметті көрсету нәтижесін Мемлекеттік корпорацияға мемлекеттік қызметті көрсету мерзімі аяқталғанға дейін бір күн бұрын ұсынады',
  }),
  alsoIn: [app3Item('L208', '3', 'мемлекеттік қызметті көрсету мерзімі аяқталғанға дейін бір күн бұрын ұсынады')],
  readings: [
    {
      id: 'working-day',
      chosen: true,
      kk: 'жұмыс күні: мерзім аяқталатын күннің алдындағы жұмыс күні',
      ru: 'рабочий день: рабочий день, предшествующий дню окончания срока',
    },
    {
      id: 'calendar-day',
      chosen: false,
      kk: 'күнтізбелік күн: мерзім аяқталатын күннің алдындағы күн (демалыс күні болуы мүмкін)',
      ru: 'календарный день: день, предшествующий дню окончания срока (может прийтись на выходной)',
    },
  ],
  why: {
    kk: 'Жұмыс күні алынды: ол ешқашан күнтізбелік оқылымнан кеш емес, сондықтан екі оқылымды да қанағаттандырады, және бөлім жұмыс істейтін күнге түседі (жұмыс күндерінің күнтізбесі).',
    ru: 'Принят рабочий день: он никогда не позже календарного прочтения, поэтому удовлетворяет обоим, и приходится на день, когда отдел работает (календарь рабочих дней).',
  },
};
