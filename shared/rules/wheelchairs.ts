import type { Citation, WheelchairCondition, WheelchairCriterion, WheelchairRules, WheelchairType } from './types';
import { c458, RULES_458, SEED } from './cite';

/**
 * Order 458 App. 9 (new wording of App. 2 to the Rules on special means of movement). The table has
 * no header row; the columns (row | type | indications | contraindications) follow from the title
 * and layout. Seed 000 lost the numbers of rows 3 and 5; seed 002 (same order) keeps them.
 */
const APPENDIX = '9 (→ Rules App. 2)';

const at = (lines: string, row: number, quoteKk?: string): Citation => {
  const rowNumberSource =
    row === 3 ? { seed: SEED.order458Pdf, lines: 'L2981' } : row === 5 ? { seed: SEED.order458Pdf, lines: 'L3123' } : undefined;
  return c458(lines, {
    appendix: APPENDIX,
    row: String(row),
    ...(rowNumberSource === undefined ? {} : { rowNumberSource }),
    ...(quoteKk === undefined ? {} : { quoteKk }),
  });
};

const types: readonly WheelchairType[] = [
  {
    id: 'hand-basic-indoor-outdoor',
    row: 1,
    nameKk: 'Қол жетекті базалық бөлме/серуен кресло-арбасы',
    nameRu: 'Кресло-коляска базовая комнатная/прогулочная с ручным приводом',
    citation: at('L1595-1597', 1),
  },
  {
    id: 'lever-outdoor',
    row: 2,
    nameKk: 'иінтіректі жетегі бар серуендеу кресло-арбасы',
    nameRu: 'Кресло-коляска прогулочная с рычажным приводом',
    citation: at('L1630-1632', 2),
  },
  {
    id: 'active-universal',
    row: 3,
    nameKk: 'белсенді типті әмбебап кресло-арбалар',
    nameRu: 'Кресла-коляски универсальные активного типа',
    citation: at('L1641', 3),
  },
  {
    id: 'electric-universal',
    row: 4,
    nameKk: 'электр жетегі бар кресло-арба (әмбебап)',
    nameRu: 'Кресло-коляска с электроприводом (универсальная)',
    citation: at('L1658-1660', 4),
  },
  {
    id: 'multifunctional-children-universal',
    row: 5,
    nameKk: 'көп функциялы кресло-арба (балаларға арналған, әмбебап)',
    nameRu: 'Кресло-коляска многофункциональная (детская, универсальная)',
    citation: at('L1681', 5),
  },
];

const condition = (
  number: number,
  id: string,
  line: number,
  textKk: string,
  textRu: string,
  indoorChairOnly = false,
): WheelchairCondition => ({
  id,
  number,
  textKk,
  textRu,
  indoorChairOnly,
  citation: c458(`L${line}`, { appendix: APPENDIX, row: '1', item: `${number})` }),
});

const conditions: readonly WheelchairCondition[] = [
  condition(
    1,
    'circulatory-failure-iii',
    1601,
    'ІІІ дәрежелі қан айналымының созылмалы жеткіліксіздігі',
    'хроническая недостаточность кровообращения III степени',
  ),
  condition(
    2,
    'cardiopulmonary-failure-iii',
    1603,
    'ІІІ дәрежелі өкпе-жүрек жеткіліксіздігі (тек бөлме кресло-арбасы)',
    'лёгочно-сердечная недостаточность III степени (только комнатная кресло-коляска)',
    true,
  ),
  condition(
    3,
    'hemiplegia-hemiparesis',
    1605,
    'гемиплегия, айтарлықтай немесе айқын көрінген гемипарез',
    'гемиплегия, значительный или выраженный гемипарез',
  ),
  condition(
    4,
    'paraplegia-lower-paraparesis',
    1607,
    'параплегия; айқын көрінген төменгі парапарез',
    'параплегия; выраженный нижний парапарез',
  ),
  condition(5, 'triplegia-triparesis', 1609, 'триплегия, айқын трипарез', 'триплегия, выраженный трипарез'),
  condition(6, 'tetraplegia-tetraparesis', 1611, 'тетраплегия, айқын тетрапарез', 'тетраплегия, выраженный тетрапарез'),
  condition(
    7,
    'ataxia-hyperkinetic',
    1613,
    'айқын көрінген атаксия, гиперкинетикалық амиостатикалық синдром',
    'выраженная атаксия, гиперкинетический амиостатический синдром',
  ),
  condition(
    8,
    'both-shin-stumps-or-higher',
    1615,
    'екі балтырдың тұқылы немесе ампутацияның неғұрлым жоғары деңгейі',
    'культи обеих голеней или более высокий уровень ампутации',
  ),
  condition(
    9,
    'leg-joint-dysfunction-iv',
    1617,
    'ІV дәрежелі аяқ буындары функциясының бұзылуы',
    'нарушение функции суставов ног IV степени',
  ),
  condition(
    10,
    'congenital-limb-anomalies',
    1619,
    'қозғалыстың айқын білінетін бұзылуымен аяқ-қол дамуының туа біткен ауытқулары',
    'врождённые аномалии развития конечностей с выраженным нарушением движения',
  ),
  condition(11, 'parkinsonism-akinetic-rigid', 1621, 'паркинсонизм, акинетикалық-регидтік форма', 'паркинсонизм, акинетико-ригидная форма'),
];

const occ = (row: number, line: number | string, textKk: string) => ({
  row,
  textKk,
  citation: at(typeof line === 'number' ? `L${line}` : line, row),
});

const indications: readonly WheelchairCriterion[] = [
  {
    id: 'ind.walking-severe-or-absolute',
    kind: 'indication',
    rows: [1, 2, 3],
    textRu: 'тяжёлое или абсолютное нарушение способности к ходьбе',
    occurrences: [
      occ(1, 1599, 'Жүру қабілетінің ауыр немесе абсолютті бұзылуының болуы'),
      occ(2, 1634, 'жүру қабілетінің ауыр немесе абсолютті бұзылуының болуы'),
      occ(3, 1643, 'жүру қабілетінің ауыр немесе абсолютті бұзылыстарының болуы'),
    ],
  },
  {
    id: 'ind.listed-condition',
    kind: 'indication',
    rows: [1],
    textRu: 'при одном из 11 перечисленных состояний',
    occurrences: [occ(1, 'L1599-1621', 'Жүру қабілетінің ауыр немесе абсолютті бұзылуының болуы:')],
    anyOfConditions: conditions.map((c) => c.id),
  },
  {
    id: 'ind.both-arms-preserved',
    kind: 'indication',
    rows: [2, 3],
    textRu: 'сохранная функция обеих рук',
    occurrences: [occ(2, 1634, 'Екі қолдың да сақталған функциясы'), occ(3, 1643, 'екі қолдың да сақталған функциясы')],
  },
  {
    id: 'ind.lever-chair-experience',
    kind: 'indication',
    rows: [2],
    textRu: 'успешный опыт пользования кресло-коляской с рычажным приводом',
    occurrences: [occ(2, 1634, 'иінтіректі жетегі бар кресло-арбаны пайдалану саласында табысты тәжірибесі')],
  },
  {
    id: 'ind.active-lifestyle',
    kind: 'indication',
    rows: [3, 4],
    textRu:
      '«активный» образ жизни (соответственно возрасту и функциональным возможностям) в основных сферах жизнедеятельности: обучение, работа, отдых и досуг',
    occurrences: [
      occ(3, 1643, '"белсенді" өмір салты (жасына және оның функционалдық мүмкіндіктеріне сәйкес)'),
      occ(
        4,
        1664,
        '"Белсенді", пациенттің өмір салты (жасына және оның функционалдық мүмкіндіктеріне сәйкес) өмірдің негізгі салаларында: білім беру, жұмыс, демалыс және бос уақыт',
      ),
    ],
  },
  {
    id: 'ind.arm-impairment-measured',
    kind: 'indication',
    rows: [4],
    textRu:
      'вследствие заболеваний, деформаций, аномалий развития и парезов рук: амплитуда активных движений в плечевом и локтевом суставах не более 13–20°, в лучезапястном суставе – не более 9–14°; ограничено противопоставление первого пальца (первый палец достигает ладонной поверхности на уровне основания второго пальца); при сжатии в кулак пальцы отстоят от ладони на 3–4 см; невозможность удержания мелких и крупных предметов; снижение мышечной силы рук до 2 баллов',
    occurrences: [
      occ(
        4,
        1662,
        'Қолдардың аурулары, деформациялары, даму аномалиялары және парездері салдарынан (иық және шынтақ буындарындағы белсенді қозғалыстардың амплитудасы 13-20 градустан, кәрі жілік-білезік буыны – 9-14 градустан аспайды, бірінші саусақтың қарама - қайшылығы шектеулі (бірінші саусақ алақан бетіне екінші саусақтың негізгі деңгейіне жетеді); жұдырықпен ұстағанда саусақтар алақаннан 3-4 см тұрады; ұсақ заттарды ұстап қалу және ірі заттарды ұстап тұру мүмкін еместігі; қолдың бұлшық ет күшінің 2 балға дейін төмендеуі)',
      ),
    ],
    parameters: [
      {
        id: 'shoulder-elbow-active-range',
        labelRu: 'амплитуда активных движений в плечевом и локтевом суставах',
        comparison: 'at-most',
        low: 13,
        high: 20,
        unit: 'degrees',
        citation: at('L1662', 4, 'амплитудасы 13-20 градустан'),
      },
      {
        id: 'wrist-active-range',
        labelRu: 'амплитуда активных движений в лучезапястном суставе',
        comparison: 'at-most',
        low: 9,
        high: 14,
        unit: 'degrees',
        citation: at('L1662', 4, '9-14 градустан аспайды'),
      },
      {
        id: 'fist-finger-to-palm',
        labelRu: 'расстояние пальцев от ладони при сжатии в кулак',
        comparison: 'within',
        low: 3,
        high: 4,
        unit: 'cm',
        citation: at('L1662', 4, 'саусақтар алақаннан 3-4 см тұрады'),
      },
      {
        id: 'arm-muscle-strength',
        labelRu: 'мышечная сила рук',
        comparison: 'at-most',
        low: 2,
        high: 2,
        unit: 'points',
        citation: at('L1662', 4, 'қолдың бұлшық ет күшінің 2 балға дейін төмендеуі'),
      },
    ],
    doubtful: {
      kk: 'Сөйлемде негізгі бөлік жоқ: себептер мен өлшемдер берілген, бірақ нәтижесінде қандай бұзылыс болатыны (жүру/қол функциясы) айтылмаған.',
      ru: 'В предложении нет главной части: перечислены причины и параметры, но не сказано, какое нарушение (ходьбы/функции рук) из них следует.',
    },
  },
  {
    id: 'ind.walking-with-arm-tone-posture-balance',
    kind: 'indication',
    rows: [5],
    textRu:
      'тяжёлое или абсолютное нарушение способности к ходьбе, связанное с абсолютным или тяжёлым нарушением мышечного тонуса рук, контроля позы сидя или равновесия, функций произвольных и непроизвольных движений',
    occurrences: [
      occ(
        5,
        1683,
        'Қолдардың бұлшық ет тонусының абсолютті немесе ауыр бұзылуымен байланысты жүру қабілетінің ауыр немесе абсолютті бұзылуының болуы, отыру қалпын немесе тепе-теңдікті бақылау, ерікті және еріксіз қозғалыс функциялары',
      ),
    ],
  },
];

const contraindications: readonly WheelchairCriterion[] = [
  {
    id: 'contra.sitting-worsens-condition',
    kind: 'contraindication',
    rows: [1, 2, 3, 4, 5],
    textRu: 'последствия заболеваний и травм, приводящие к прогрессированию патологического процесса в положении сидя',
    occurrences: [
      occ(1, 1623, 'Отырған кезде патологиялық процестің өршуіне алып келетін аурулар мен жарақаттардың салдары'),
      occ(2, 1636, 'Отырған кезде патологиялық процестің өршуіне әкелетін аурулар мен жарақаттардың салдары'),
      occ(3, 1645, 'Отырған кезде патологиялық процестің өршуіне әкелетін аурулар мен жарақаттардың салдары'),
      occ(4, 1666, 'Отырған кезде патологиялық процестің өршуіне әкелетін аурулар мен жарақаттардың салдары'),
      occ(5, 1685, 'Отырған кезде патологиялық процестің өршуіне әкелетін аурулар мен жарақаттардың салдары'),
    ],
  },
  {
    id: 'contra.consciousness-orientation-intellect-motivation',
    kind: 'contraindication',
    rows: [1, 2, 3, 4],
    textRu: 'абсолютное нарушение функций сознания, ориентации, интеллектуальных функций или функции мотивации',
    occurrences: [1625, 1638, 1647, 1668].map((line, i) =>
      occ(
        i + 1,
        line,
        'Сана функциясының, бағдарлаудың, зияткерлік функциялардың немесе мотивация функциясының абсолютті бұзылуының болуы',
      ),
    ),
  },
  {
    id: 'contra.both-hands-use',
    kind: 'contraindication',
    rows: [1],
    textRu: 'тяжёлое или абсолютное нарушение функции использования обеих рук',
    occurrences: [occ(1, 1627, 'Қолдың екі қолын пайдалану функциясының ауыр немесе абсолютті бұзылу')],
    doubtful: {
      kk: 'Бастапқы мәтін бұзылған ("Қолдың екі қолын … бұзылу"); мағынасы – екі қолды пайдалану функциясының ауыр немесе абсолютті бұзылуы.',
      ru: 'Текст оригинала искажён («Қолдың екі қолын … бұзылу»); по смыслу – тяжёлое или абсолютное нарушение функции использования обеих рук.',
    },
  },
  {
    id: 'contra.leg-muscle-tone-sitting-balance-movement',
    kind: 'contraindication',
    rows: [2, 3, 4],
    textRu:
      'абсолютное или тяжёлое нарушение функции мышечного тонуса ног (в оригинале «аяқтың» – ног), контроля положения сидя или равновесия, функций произвольных и непроизвольных движений',
    occurrences: [
      occ(
        2,
        1640,
        'Аяқтың бұлшық ет тонусы функциясының абсолютті немесе ауыр бұзылуы, отыру немесе тепе-теңдік жағдайын бақылау, ерікті және еріксіз қозғалыс функциялары',
      ),
      occ(
        3,
        1649,
        'Аяқтың бұлшық ет тонусы функциясының абсолютті немесе ауыр бұзылуы, отыру немесе тепе-теңдік жағдайын бақылау, ерікті және еріксіз қозғалыс функциялары',
      ),
      occ(
        4,
        1670,
        'аяқтың бұлшық ет тонусы функциясының абсолютті немесе ауыр бұзылуы, отыру немесе тепе-теңдік жағдайын бақылау, ерікті және еріксіз қозғалыс функциялары',
      ),
    ],
    doubtful: {
      kk: 'Мәтінде "аяқтың" (аяқ) деп жазылған, бірақ қолмен басқарылатын кресло-арбалар үшін "қолдың" (қол) күтіледі (5-жолда – "қолдардың"). Күмәнді: сөзбе-сөз сақталды.',
      ru: 'В тексте «аяқтың» (ног), хотя для колясок с ручным и рычажным управлением ожидалось бы «рук» (в строке 5 – «қолдардың», рук). Сомнительно: сохранено дословно.',
    },
  },
  {
    id: 'contra.bilateral-deafness',
    kind: 'contraindication',
    rows: [3, 4],
    textRu: 'двусторонняя неслухопротезируемая тугоухость, глухота, глухонемота',
    occurrences: [
      occ(3, 1651, 'Екі жақты протезделмейтін кереңдік, саңырау, керең-мылқаулық'),
      occ(4, 1672, 'Екі жақты протезделмейтін кереңдік, саңырау, керең-мылқаулық'),
    ],
  },
  {
    id: 'contra.absolute-visual-impairment',
    kind: 'contraindication',
    rows: [3, 4],
    textRu: 'абсолютное нарушение функции органа зрения',
    occurrences: [occ(3, 1653, 'Көру органы функциясының абсолютті бұзылуы'), occ(4, 1674, 'Көру органы функциясының абсолютті бұзылуы')],
  },
  {
    id: 'contra.epileptic-seizures',
    kind: 'contraindication',
    rows: [3, 4],
    textRu: 'эпилептические (судорожные) припадки с нарушением сознания',
    occurrences: [
      occ(3, 1655, 'Есінің бұзылуымен эпилептикалық (құрысу) ұстамалар'),
      occ(4, 1676, 'Есінің бұзылуымен эпилептикалық (құрысу) ұстамалар'),
    ],
  },
  {
    id: 'contra.age-under-6',
    kind: 'contraindication',
    rows: [4],
    textRu: 'возраст до 6 лет (с учётом сформированности навыков и умений в соответствии с биологическим возрастом)',
    occurrences: [occ(4, 1678, 'Жасы 6 жастан кем (биологиялық жасқа сәйкес Дағдылар мен қабілеттердің қалыптасуын ескере отырып)')],
    parameters: [
      {
        id: 'age',
        labelRu: 'возраст',
        comparison: 'less-than',
        low: 6,
        high: 6,
        unit: 'years',
        citation: at('L1678', 4, 'Жасы 6 жастан кем'),
      },
    ],
  },
  {
    id: 'contra.building-barriers',
    kind: 'contraindication',
    rows: [4],
    textRu:
      'абсолютные или тяжёлые барьеры, связанные с архитектурным дизайном, характером проектирования и обустройством зданий общественного пользования',
    occurrences: [
      occ(
        4,
        1680,
        'Қоғамның пайдалануы үшін ғимараттың құрылыс дизайнымен, жобалау сипатымен және жайласуымен байланысты абсолютті немесе ауыр кедергілер',
      ),
    ],
  },
];

export const wheelchairs: WheelchairRules = {
  tableCitation: c458('L1584-1685', { appendix: APPENDIX }),
  titleKk: 'Арнаулы жүріп-тұру құралдарын беруге медициналық-әлеуметтік көрсетілімдер мен қарсы көрсетілімдер',
  types,
  conditions,
  indications,
  contraindications,
  supplierResponse: {
    workingDays: 5,
    anchor: 'order-received-on-portal',
    direction: 'after',
    citation: c458('L673', { rules: RULES_458.mobility, paragraph: '28', quoteKk: 'бес жұмыс күні ішінде' }),
    alsoIn: [c458('L561', { rules: RULES_458.prostheticsAndAids, paragraph: '83', quoteKk: 'бес жұмыс күні ішінде' })],
  },
  returnBeforeReceipt: c458('L675', {
    rules: RULES_458.mobility,
    paragraph: '28',
    quoteKk: 'ОЖБ мерзімі өткен, көрсетілетін қызметті алушы қайтыс болған, кеткен жағдайда',
  }),
};

/**
 * Para 28 of the Rules on special means of movement, second sentence of 000 L673: the supplier hands
 * the chair over (delivery or pick-up) within the terms stated in the contract made on the Portal. The
 * rules set no term of their own, so the order carries the contract's date and deadline.
 * (Kept beside the rule set until `WheelchairRules` has a field for it.)
 */
export const handOverByContract: Citation = c458('L673', {
  rules: RULES_458.mobility,
  paragraph: '28',
  quoteKk: 'порталда жасалатын шартта көрсетілген мерзімдерге сәйкес',
});
