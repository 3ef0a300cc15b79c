import type { Citation, CitedTerm, HandOffTemplate, ServiceRule, ServiceTermHearing } from './types';
import { c458, c84, cKyz, cMsi, RULES_458 } from './cite';
import { msiReadings, order458Readings, socialAssistanceReadings } from './readings';

// ---------------------------------------------------------------------------------------------
// The six rehabilitation services of Order 458. Each has its own standard (an appendix of the
// order) and its own copy of the hearing and complaint paragraphs; each number cites its own copy
// so that a deadline shown on a sanatorium case names the sanatorium rules, not the first service.

interface Order458ServiceSource {
  readonly id: string;
  readonly nameKk: string;
  readonly nameRu: string;
  readonly rules: string;
  /** Appendix of Order 458 → appendix of the amended Rules it replaces. */
  readonly appendix: string;
  readonly nameLine: string;
  readonly termLine: string;
  /** Paragraph of the Rules with acceptance, hearing and result hand-over. */
  readonly procedureParagraph: string;
  readonly acceptanceDayLine: string;
  readonly hearingTriggerLine: string;
  readonly hearingTermsLine: string;
  /** The result goes back to the State Corporation "бір тәуліктен кешіктірмей" before the term ends. */
  readonly handOverLine: string;
  readonly complaintParagraph: string;
  readonly complaintLines: string;
}

const order458Sources: readonly Order458ServiceSource[] = [
  {
    id: 'personal-assistant',
    nameKk: 'Жүріп-тұруы қиын бірінші топтағы мүгедектерді жеке көмекшінің қызметімен қамтамасыз етуге құжаттарды рәсімдеу',
    nameRu:
      'Оформление документов для обеспечения инвалидов первой группы, имеющих затруднение в передвижении, услугами индивидуального помощника',
    rules: RULES_458.assistantAndSignLanguage,
    appendix: '1 (→ Rules App. 3)',
    nameLine: 'L727',
    termLine: 'L746',
    procedureParagraph: '9',
    acceptanceDayLine: 'L45',
    hearingTriggerLine: 'L47',
    hearingTermsLine: 'L49',
    handOverLine: 'L51',
    complaintParagraph: '11',
    complaintLines: 'L61-83',
  },
  {
    id: 'sign-language',
    nameKk: 'Естуі бойынша мүгедектер үшін жылына алпыс сағат ымдау тілі маманының қызметтерін ұсыну үшін мүгедектерге құжаттарды рәсімдеу',
    nameRu:
      'Оформление документов инвалидам для предоставления услуг специалиста жестового языка для инвалидов по слуху (шестьдесят часов в год)',
    rules: RULES_458.assistantAndSignLanguage,
    appendix: '2 (→ Rules App. 7)',
    nameLine: 'L836',
    termLine: 'L851',
    procedureParagraph: '23',
    acceptanceDayLine: 'L139',
    hearingTriggerLine: 'L141',
    hearingTermsLine: 'L143',
    handOverLine: 'L145',
    complaintParagraph: '25',
    complaintLines: 'L155-177',
  },
  {
    id: 'sanatorium',
    nameKk: 'Мүгедектерді және мүгедек балаларды санаторий-курорттық емдеумен қамтамасыз етуге құжаттарды рәсімдеу',
    nameRu: 'Оформление документов для обеспечения инвалидов и детей-инвалидов санаторно-курортным лечением',
    rules: RULES_458.sanatorium,
    appendix: '6 (→ Rules App. 3)',
    nameLine: 'L1199',
    termLine: 'L1226',
    procedureParagraph: '11',
    acceptanceDayLine: 'L257',
    hearingTriggerLine: 'L259',
    hearingTermsLine: 'L261',
    handOverLine: 'L263',
    complaintParagraph: '14',
    complaintLines: 'L273-295',
  },
  {
    id: 'prosthetic-orthopaedic',
    nameKk: 'Мүгедектерге протездік-ортопедиялық көмекпен қамтамасыз етуге құжаттарды рәсімдеу',
    nameRu: 'Оформление документов для обеспечения инвалидов протезно-ортопедической помощью',
    rules: RULES_458.prostheticsAndAids,
    appendix: '7 (→ Rules App. 3)',
    nameLine: 'L1340',
    termLine: 'L1367',
    procedureParagraph: '11',
    acceptanceDayLine: 'L361',
    hearingTriggerLine: 'L363',
    hearingTermsLine: 'L365',
    handOverLine: 'L367',
    complaintParagraph: '13',
    complaintLines: 'L377-399',
  },
  {
    id: 'technical-aids',
    nameKk: 'Мүгедектерге техникалық көмекші (орнын толтырушы) құралдармен қамтамасыз етуге құжаттарды рәсімдеу',
    nameRu: 'Оформление документов для обеспечения инвалидов техническими вспомогательными (компенсаторными) средствами',
    rules: RULES_458.prostheticsAndAids,
    appendix: '8 (→ Rules App. 12)',
    nameLine: 'L1479',
    termLine: 'L1502',
    procedureParagraph: '67',
    acceptanceDayLine: 'L485',
    hearingTriggerLine: 'L487',
    hearingTermsLine: 'L489',
    handOverLine: 'L491',
    complaintParagraph: '69',
    complaintLines: 'L501-523',
  },
  {
    id: 'wheelchair',
    nameKk: 'Мүгедектерді арнаулы жүріп-тұру құралдарымен қамтамасыз етуге құжаттарды рәсімдеу',
    nameRu: 'Оформление документов для обеспечения инвалидов специальными средствами передвижения',
    rules: RULES_458.mobility,
    appendix: '10 (→ Rules App. 4)',
    nameLine: 'L1704',
    termLine: 'L1719',
    procedureParagraph: '11',
    acceptanceDayLine: 'L599',
    hearingTriggerLine: 'L601',
    hearingTermsLine: 'L603',
    handOverLine: 'L605',
    complaintParagraph: '13',
    complaintLines: 'L615-637',
  },
];

const order458Hearing = (s: Order458ServiceSource): ServiceTermHearing => {
  const at = (lines: string, quoteKk: string): Citation => c458(lines, { rules: s.rules, paragraph: s.procedureParagraph, quoteKk });
  return {
    kind: 'service-term',
    trigger: {
      kk: 'Өтініш беруші мемлекеттік қызмет көрсетудің алдын ала шешімімен келіспеген кезде',
      ru: 'Если заявитель не согласен с предварительным решением по оказанию государственной услуги',
      citation: at(s.hearingTriggerLine, 'алдын ала шешімімен келіспеген кезде'),
    },
    noticeBeforeTermEnd: {
      workingDays: 3,
      anchor: 'service-term-end',
      direction: 'before',
      citation: at(s.hearingTermsLine, 'кемінде 3 жұмыс күні бұрын'),
    },
    hearingAfterNotice: {
      workingDays: 2,
      anchor: 'hearing-notice',
      direction: 'after',
      citation: at(s.hearingTermsLine, '2 жұмыс күнінен кешіктірмей'),
    },
    // Order 458 names no outcome of the hearing; the medical-social rules do (para 17).
    outcomes: [],
    outcomesCitation: null,
    // 000 L47: the hearing follows the applicant's disagreement, not the preliminary decision itself.
    triggeredBy: 'disagreement',
    // Order 458 names no time to disagree; ӘРПК Art. 73(3) as quoted in 004 L43 (see the interpretations).
    disagreementTerm: {
      workingDays: 2,
      anchor: 'preliminary-decision-received',
      direction: 'after',
      citation: c84('L43', { paragraph: '15', quoteKk: 'екі жұмыс күнінен кешіктірмейтін мерзімде' }),
      note: {
        kk: '№ 458 бұйрық келіспеу мерзімін атамайды; ӘРПК 73-бабының 3-тармағының мерзімі (004 L43-те келтірілген) қолданылады.',
        ru: 'Приказ № 458 не называет срок для несогласия; применяется срок п. 3 ст. 73 АППК (приведён в 004 L43).',
      },
    },
  };
};

const handOver = (s: Order458ServiceSource): Citation =>
  c458(s.handOverLine, {
    rules: s.rules,
    paragraph: s.procedureParagraph,
    quoteKk: 'мемлекеттік қызмет көрсету мерзімі аяқталғанға дейін бір тәуліктен кешіктірмей ұсынады',
  });

const order458Service = (s: Order458ServiceSource): ServiceRule => {
  const standard = (lines: string, quoteKk?: string): Citation =>
    c458(lines, quoteKk === undefined ? { appendix: s.appendix } : { appendix: s.appendix, row: '3', quoteKk });
  return {
    id: s.id,
    act: 'order458',
    nameKk: s.nameKk,
    nameRu: s.nameRu,
    nameCitation: standard(s.nameLine),
    term: {
      workingDays: 10,
      anchor: 'documents-registration',
      direction: 'after',
      citation: standard(s.termLine, 'құжаттар топтамасы тіркелген күннен бастап 10 (он) жұмыс күні'),
    },
    termNote: null,
    proactiveTerm: {
      workingDays: 10,
      anchor: 'proactive-consent-received',
      direction: 'after',
      citation: standard(s.termLine, 'келісім түскен күннен бастап 10 (он) жұмыс күні'),
    },
    stateCorpAcceptanceDayExcluded: c458(s.acceptanceDayLine, {
      rules: s.rules,
      paragraph: s.procedureParagraph,
      quoteKk: 'құжаттарды қабылдау күні мемлекеттік қызмет көрсету мерзіміне кірмейді',
    }),
    steps: [],
    hearing: order458Hearing(s),
    complaintCitation: c458(s.complaintLines, { rules: s.rules, paragraph: s.complaintParagraph }),
    stateCorpHandOver: {
      workingDays: 1,
      anchor: 'service-term-end',
      direction: 'before',
      citation: handOver(s),
    },
    interpretations: order458Readings(handOver(s), c458(s.hearingTriggerLine, { rules: s.rules, paragraph: s.procedureParagraph })),
    notes: [
      {
        kk: 'Тыңдау нәтижесінің түрлері № 458 бұйрықта көрсетілмеген.',
        ru: 'Варианты результата заслушивания в приказе № 458 не указаны.',
      },
    ],
  };
};

export const rehabilitationServices: readonly ServiceRule[] = order458Sources.map(order458Service);

// ---------------------------------------------------------------------------------------------
// Medical-social placement (medical-social institutions rules)

const msi = (lines: string, paragraph: string, quoteKk?: string): Citation =>
  cMsi(lines, quoteKk === undefined ? { paragraph } : { paragraph, quoteKk });

const amendedBy290: { kk: string; ru: string } = {
  kk: 'Бұл тармақ 2022 жылғы 3 тамыздағы № 290 бұйрықтың редакциясында; бұған дейінгі мәтін бастапқы мәтіндерде жоқ.',
  ru: 'Пункт в редакции приказа от 3 августа 2022 года № 290; прежняя редакция в исходных текстах отсутствует.',
};

export const medicalSocialPlacement: ServiceRule = {
  id: 'msi-placement',
  act: 'msi-rules',
  nameKk: 'Медициналық-әлеуметтік мекемелерде (ұйымдарда) арнаулы әлеуметтік қызмет көрсетуге құжаттар ресімдеу',
  nameRu: 'Оформление документов на оказание специальных социальных услуг в медико-социальных учреждениях (организациях)',
  nameCitation: cMsi('L1'),
  term: {
    workingDays: 17,
    anchor: 'documents-registration',
    direction: 'after',
    citation: msi('L19', '5', 'он жеті жұмыс күнін құрайды'),
    alsoIn: [cMsi('L207', { appendix: '3', row: '3', quoteKk: '17 (он жеті) жұмыс күні' })],
    note: {
      kk: '5-тармақ: құжаттарды қабылдаған және тіркеген күннен бастап; 3-қосымша: тіркеген сәттен бастап.',
      ru: 'Пункт 5: со дня принятия и регистрации документов; приложение 3: с момента регистрации.',
    },
  },
  termNote: null,
  proactiveTerm: null,
  stateCorpAcceptanceDayExcluded: msi('L37', '11', 'құжаттарды қабылдау күні мемлекеттік қызметті көрсету мерзіміне кірмейді'),
  steps: [
    {
      id: 'needs-assessment',
      labelKk: 'арнаулы әлеуметтік қызметтерге қажеттілікті бағалауды және айқындауды жүргізеді',
      labelRu: 'социальный работник проводит оценку и определение потребности в специальных социальных услугах',
      term: {
        workingDays: 10,
        anchor: 'application-accepted',
        direction: 'after',
        citation: msi('L38', '12', '10 (он) жұмыс күні ішінде'),
        note: amendedBy290,
      },
    },
    {
      id: 'decision',
      labelKk: 'арнаулы әлеуметтік қызметтерді ұсыну туралы шешім қабылдайды',
      labelRu: 'услугодатель принимает решение о предоставлении специальных социальных услуг',
      term: {
        workingDays: 3,
        anchor: 'assessment-conclusion-received',
        direction: 'after',
        citation: msi('L41', '13', 'үш жұмыс күні ішінде'),
      },
    },
    {
      id: 'portal-notice',
      labelKk:
        'әлеуметтік көрсетілетін қызметтер порталында құжаттарды ресімдеу туралы және авторизациялау және стационарлық, жартылай стационарлық, үлгідегі ұйымды таңдау қажеттігі туралы хабарлама жібереді',
      labelRu:
        'уведомление на портале социальных услуг об оформлении документов и о необходимости авторизации и выбора организации стационарного или полустационарного типа',
      term: {
        workingDays: 2,
        anchor: 'decision-issued',
        direction: 'after',
        citation: msi('L42', '14', 'екі жұмыс күні ішінде'),
        note: {
          kk: 'Тармақ 2021 жылғы 10 желтоқсандағы № 465 бұйрықтың редакциясында.',
          ru: 'Пункт в редакции приказа от 10 декабря 2021 года № 465.',
        },
      },
    },
  ],
  hearing: {
    kind: 'service-term',
    trigger: {
      kk: 'Шешім теріс шығарылған кезде',
      ru: 'При вынесении отрицательного решения',
      citation: msi('L49', '17', 'Шешім теріс шығарылған кезде'),
    },
    noticeBeforeTermEnd: {
      workingDays: 3,
      anchor: 'service-term-end',
      direction: 'before',
      citation: msi('L50', '17', 'кемінде 3 жұмыс күні бұрын'),
    },
    hearingAfterNotice: {
      workingDays: 2,
      anchor: 'hearing-notice',
      direction: 'after',
      citation: msi('L50', '17', '2 жұмыс күнінен кешіктірілмей'),
    },
    outcomes: [
      { id: 'grant', labelKk: 'мемлекеттік қызметті көрсетуге рұқсат', labelRu: 'разрешение на оказание услуги' },
      { id: 'reasoned-refusal', labelKk: 'дәлелді бас тарту', labelRu: 'мотивированный отказ' },
    ],
    outcomesCitation: msi('L51', '17'),
    // 001 L49: the negative decision itself opens the hearing.
    triggeredBy: 'unfavourable-decision',
    disagreementTerm: null,
  },
  complaintCitation: msi('L53-61', '18'),
  stateCorpHandOver: {
    workingDays: 1,
    anchor: 'service-term-end',
    direction: 'before',
    citation: msi('L37', '11', 'мерзімі аяқталғанға дейін бір күн бұрын ұсынады'),
    alsoIn: [cMsi('L208', { appendix: '3', quoteKk: 'мерзімі аяқталғанға дейін бір күн бұрын ұсынады' })],
  },
  interpretations: msiReadings,
  notes: [
    {
      kk: 'Кезеңдер 10 + 3 + 2 = 15 жұмыс күні; жалпы мерзім 17 жұмыс күні. Қалған 2 күн мәтінде бөлінбеген.',
      ru: 'Этапы 10 + 3 + 2 = 15 рабочих дней при общем сроке 17 рабочих дней; оставшиеся 2 дня в тексте не распределены.',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Social assistance by decision of local representative bodies (order amending Order No. 84)

const para = (lines: string, paragraph: string, quoteKk?: string): Citation =>
  c84(lines, quoteKk === undefined ? { paragraph } : { paragraph, quoteKk });

const objection: CitedTerm = {
  workingDays: 2,
  anchor: 'preliminary-decision-received',
  direction: 'after',
  citation: para('L43', '15', 'екі жұмыс күнінен кешіктірмейтін мерзімде'),
  note: {
    kk: 'Мәтін сөзбе-сөз "қарсылықты алған күннен бастап" дейді; алдын ала шешімді алған күн деп оқылады.',
    ru: 'Дословно «со дня получения возражения»; читается как со дня получения предварительного решения.',
  },
};

export const socialAssistance: ServiceRule = {
  id: 'social-assistance',
  act: 'order84-amend',
  nameKk: 'Жергілікті өкілді органдардың шешімдері бойынша мұқтаж азаматтардың жекелеген санаттарына әлеуметтік көмек тағайындау',
  nameRu: 'Назначение социальной помощи отдельным категориям нуждающихся граждан по решениям местных представительных органов',
  nameCitation: c84('L9'),
  term: null,
  termNote: {
    kk: 'Жалпы мерзім Қағидалардың 2-қосымшасында (тізбеде); ол бастапқы мәтінде жоқ.',
    ru: 'Общий срок указан в приложении 2 к Правилам (перечне основных требований), которого нет в исходном тексте.',
  },
  proactiveTerm: null,
  stateCorpAcceptanceDayExcluded: null,
  steps: [
    {
      id: 'to-precinct-commission',
      labelKk: 'учаскелік комиссияға жібереді',
      labelRu: 'направляет документы в участковую комиссию для обследования материального положения',
      term: {
        workingDays: 1,
        anchor: 'application-accepted',
        direction: 'after',
        citation: para('L32-33', '7', '1 (бір) жұмыс күні ішінде'),
        note: {
          kk: 'Тек Үлгілік қағидалардың 8-тармағының 1), 2) және 4) тармақшалары бойынша өтініштерге.',
          ru: 'Только для заявлений по основаниям подпунктов 1), 2) и 4) пункта 8 Типовых правил.',
        },
      },
    },
    {
      id: 'income-calculation',
      labelKk:
        'жан басына шаққандағы орташа табысын есептеуді жүргізеді және құжаттардың толық топтамасын арнайы комиссияның қарауына ұсынады',
      labelRu: 'расчёт среднедушевого дохода и внесение полного пакета документов на рассмотрение специальной комиссии',
      term: {
        workingDays: 1,
        anchor: 'documents-received',
        direction: 'after',
        citation: para('L35-36', '11', 'бір жұмыс күні ішінде'),
      },
    },
    {
      id: 'portal-notice',
      labelKk: 'көрсетілетін қызметті алушының жеке кабинетіне портал арқылы автоматты режимде жіберіледі',
      labelRu: 'уведомление о решении направляется в личный кабинет на портале (если заявление подано через портал)',
      term: {
        workingDays: 1,
        anchor: 'decision-date',
        direction: 'after',
        citation: para('L51', '15', 'шешім қабылданған күннен бастап бір жұмыс күні ішінде'),
      },
    },
  ],
  hearing: {
    kind: 'decision-date',
    trigger: {
      kk: 'мемлекеттік қызметті көрсетуден бас тарту негіздері анықталғанда',
      ru: 'при выявлении оснований для отказа в оказании государственной услуги',
      citation: para('L38', '15', 'бас тарту негіздері анықталғанда'),
    },
    noticeBeforeDecision: {
      workingDays: 3,
      anchor: 'decision-date',
      direction: 'before',
      citation: para('L38', '15', 'шешім қабылданғанға дейін үш жұмыс күнінен кешіктірмей'),
    },
    modes: [
      {
        id: 'video-or-other-communication',
        labelKk: 'бейнеконференц-байланыс немесе өзге де коммуникация құралдары арқылы тыңдауға шақыру',
        labelRu: 'приглашение на заслушивание посредством видеоконференцсвязи или иных средств коммуникации',
      },
      {
        id: 'information-systems',
        labelKk: 'ақпараттық жүйелерді пайдалану',
        labelRu: 'использование информационных систем',
      },
      {
        id: 'other-means',
        labelKk: 'өзінің ұстанымын баяндауға мүмкіндік беретін өзге де байланыс тәсілдері',
        labelRu: 'иные способы связи, позволяющие изложить свою позицию',
      },
    ],
    modesCitation: para('L39-42', '15'),
    objectionAfterReceipt: objection,
    minutesWhen: 'oral-objection',
    minutesCitation: para('L44', '15', 'ауызша білдірген жағдайда'),
    familiarisationCitation: para('L45', '15', 'тыңдау хаттамасымен танысуға'),
    remarksAfterFamiliarisation: {
      workingDays: 3,
      anchor: 'minutes-familiarisation',
      direction: 'after',
      citation: para('L46', '15', 'танысқаннан кейін үш жұмыс күні ішінде'),
    },
    decisionCitation: c84('L47', { paragraph: '15', appendix: '5' }),
    notificationCitation: c84('L48-51', { paragraph: '15', appendix: '6, 7' }),
    noticeForms: {
      granted: {
        appendix: '6',
        titleKk: 'әлеуметтік көмек көрсету туралы қабылданған шешім туралы хабарлама',
        titleRu: 'Уведомление о принятом решении об оказании социальной помощи',
        citation: c84('L48', { paragraph: '15', appendix: '6', quoteKk: 'осы Қағидаларға 6-қосымшаға сәйкес нысан бойынша' }),
      },
      refused: {
        appendix: '7',
        titleKk: 'әлеуметтік көмек көрсету (көрсетуден бас тарту) туралы хабарлама',
        titleRu: 'Уведомление об отказе в оказании социальной помощи',
        citation: c84('L48-49', {
          paragraph: '15',
          appendix: '7',
          quoteKk: 'бас тартқан жағдайда – осы Қағидаларға 7-қосымшаға сәйкес нысан бойынша',
        }),
      },
    },
    smsCondition: c84('L49', { paragraph: '15', quoteKk: 'мобильді азаматтар базасында тіркелген ұялы телефон нөмірі көрсетілсе' }),
    paperCitation: c84('L50', { paragraph: '15', quoteKk: 'sms-хабарлама жіберу мүмкіндігі болмаса' }),
    portalCitation: c84('L51', { paragraph: '15', quoteKk: 'Өтініш портал арқылы берілген болса' }),
  },
  complaintCitation: null,
  interpretations: socialAssistanceReadings,
  notes: [
    {
      kk: 'Бұл акт 2023 жылғы 30 маусымдағы қаулыға сілтеме жасайды, сондықтан 2021–2023 жылдары қолданылмаған; 2021 жиынтығына басқа дереккөз болмағандықтан енгізілді (мерзімдер ӘРПК 73-бабымен сәйкес).',
      ru: 'Акт ссылается на постановление от 30 июня 2023 года и в 2021–2023 годах не действовал; включён в набор 2021 года за отсутствием другого источника (сроки совпадают со статьёй 73 АППК).',
    },
    {
      kk: 'Шағым беру тәртібі бұл бастапқы мәтінде жоқ.',
      ru: 'Порядок обжалования в этом исходном тексте отсутствует.',
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Akim hand-off route (Kyzylorda resolution No. 1092, App. 1, para 6) — guide §8

const kyz = (lines: string, item: string, quoteKk: string): Citation => cKyz(lines, { appendix: '1', paragraph: '6', item, quoteKk });

export const kyzylordaAkimRoute: HandOffTemplate = {
  id: 'kyzylorda-1092.tsa.akim-route',
  act: 'kyzylorda-1092',
  legalStatus: 'repealed',
  note: {
    kk: 'Қаулының күші 2020 жылы жойылды; бұл тек ауылдық округ әкімі мен аудандық бөлім арасындағы құжат беру мерзімдерін бақылауға арналған үлгі.',
    ru: 'Постановление утратило силу в 2020 году; используется только как шаблон для отслеживания сроков передачи между акимом сельского округа и районным отделом.',
  },
  steps: [
    {
      id: 'akim-to-precinct-commission',
      labelKk: 'учаскелік комиссияға жолдайды',
      labelRu: 'аким направляет документы в участковую комиссию',
      term: { workingDays: 2, anchor: 'application-accepted', direction: 'after', citation: kyz('L102', '2)', 'екі жұмыс күні ішінде') },
    },
    {
      id: 'precinct-commission-to-akim',
      labelKk: 'құжаттар топтамасын ауылдық округ әкіміне жолдайды',
      labelRu: 'участковая комиссия возвращает пакет документов акиму',
      term: { workingDays: 3, anchor: 'documents-received', direction: 'after', citation: kyz('L106', '3)', 'үш жұмыс күні ішінде') },
    },
    {
      id: 'akim-to-centre',
      labelKk: 'құжаттар топтамасын Орталыққа жолдайды',
      labelRu: 'аким направляет пакет документов в Центр занятости',
      term: { workingDays: 7, anchor: 'documents-received', direction: 'after', citation: kyz('L108', '4)', 'жеті жұмыс күні ішінде') },
    },
    {
      id: 'centre-to-akim',
      labelKk: 'мемлекеттік көрсетілетін қызмет нәтижесін тіркейді және ауылдық округ әкіміне жолдайды',
      labelRu: 'Центр регистрирует результат и направляет его акиму',
      term: { workingDays: 3, anchor: 'decision-issued', direction: 'after', citation: kyz('L128', '11)', 'үш жұмыс күні ішінде') },
    },
    {
      id: 'akim-to-applicant',
      labelKk: 'мемлекеттік көрсетілетін қызмет нәтижесін тіркейді және көрсетілетін қызметті алушыға не оның өкіліне береді',
      labelRu: 'аким регистрирует результат и выдаёт его заявителю или представителю',
      term: { workingDays: 1, anchor: 'documents-received', direction: 'after', citation: kyz('L130', '12)', 'бір жұмыс күні ішінде') },
    },
  ],
};

export const shippedServices: readonly ServiceRule[] = [...rehabilitationServices, medicalSocialPlacement, socialAssistance];
