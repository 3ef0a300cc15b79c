/**
 * Clauses of the hearing and service rules that can be read two ways (issue 18): each carries both
 * readings, the one the term arithmetic follows and why. The application page shows them next to
 * the dates they produce.
 */
import { c84, cMsi } from './cite';
import type { Citation, Interpretation } from './types';

/**
 * 004 L43 and L46: "екі жұмыс күнінен кешіктірмейтін мерзімде", "үш жұмыс күні ішінде". A window
 * closes at the end of its last day, so a decision on that day could precede an objection or remark
 * filed later the same day.
 */
export const windowEndReading = (citation: Citation): Interpretation => ({
  id: 'window-end',
  citation,
  question: {
    kk: 'Өтініш берушінің мерзімінің соңғы күні шешім қабылдауға бола ма?',
    ru: 'Можно ли принять решение в последний день срока, отведённого заявителю?',
  },
  readings: [
    {
      id: 'after-last-day',
      text: {
        kk: 'Мерзім соңғы күннің соңында жабылады: ештеңе түспесе, шешім келесі жұмыс күнінен ерте емес.',
        ru: 'Срок истекает в конце последнего дня: если ничего не поступило, решение не ранее следующего рабочего дня.',
      },
    },
    {
      id: 'on-last-day',
      text: {
        kk: 'Шешім мерзімнің соңғы күні қабылдануы мүмкін.',
        ru: 'Решение может быть принято в последний день срока.',
      },
    },
  ],
  chosen: 'after-last-day',
  why: {
    kk: 'Соңғы күні кешке берілген қарсылық не ескерту сол күнгі шешімнен кейін түсер еді; түскен қарсылық, ескерту немесе жазбаша бас тарту мерзімді ерте жабады.',
    ru: 'Возражение или замечание, поданное вечером последнего дня, пришло бы после решения того же дня; поступившее возражение, замечание или письменный отказ закрывает срок досрочно.',
  },
});

/** 004 L43: "қарсылықты алған күннен бастап" read literally counts from receipt of the objection itself. */
export const objectionFromReceiptReading: Interpretation = {
  id: 'objection-from-receipt',
  citation: c84('L43', { paragraph: '15', quoteKk: 'алдын ала шешімге қарсылықты алған күннен бастап' }),
  question: {
    kk: 'Қарсылық беру мерзімі қай күннен басталады?',
    ru: 'С какого дня считается срок на возражение?',
  },
  readings: [
    {
      id: 'preliminary-received',
      text: { kk: 'Алдын ала шешімді алған күннен.', ru: 'Со дня получения предварительного решения.' },
    },
    {
      id: 'objection-received',
      text: { kk: 'Сөзбе-сөз: қарсылықты алған күннен.', ru: 'Дословно: со дня получения возражения.' },
    },
  ],
  chosen: 'preliminary-received',
  why: {
    kk: 'Қарсылық өз мерзімінің басы бола алмайды; ӘРПК 73-бабының 3-тармағы алдын ала шешімді алған күнді атайды.',
    ru: 'Возражение не может открывать собственный срок; п. 3 ст. 73 АППК называет день получения предварительного решения.',
  },
};

/** 000 L47: Order 458 names no time for the applicant's disagreement. */
export const disagreementTimeReading = (citation: Citation): Interpretation => ({
  id: 'disagreement-time',
  citation,
  question: {
    kk: 'Өтініш беруші алдын ала шешіммен келіспеуін қанша уақыт ішінде білдіре алады?',
    ru: 'Сколько времени у заявителя, чтобы выразить несогласие с предварительным решением?',
  },
  readings: [
    {
      id: 'code-two-days',
      text: {
        kk: 'ӘРПК 73-бабының 3-тармағы бойынша алдын ала шешімді алған күннен бастап екі жұмыс күні (004 L43-те келтірілген).',
        ru: 'Два рабочих дня со дня получения предварительного решения по п. 3 ст. 73 АППК (приведён в 004 L43).',
      },
    },
    {
      id: 'no-term',
      text: {
        kk: 'Мерзім жоқ: қызметкер өтініш берушінің келіспеуі жоқ екенін өзі белгілейді.',
        ru: 'Срока нет: сотрудник сам отмечает, что несогласия нет.',
      },
    },
  ],
  chosen: 'code-two-days',
  why: {
    kk: 'Бұйрық 73-бапқа сілтейді (000 L47), ал 73-баптың 3-тармағының мерзімі бастапқы мәтіндерде тек 004 L43-те келтірілген; мерзім өткен соң тыңдаусыз бас тарту себепсіз тіркеледі.',
    ru: 'Приказ ссылается на ст. 73 (000 L47), а срок п. 3 ст. 73 в исходных текстах приведён только в 004 L43; по его истечении отказ без заслушивания записывается без обоснования.',
  },
});

/** 000 L145 "бір тәуліктен кешіктірмей", 001 L37 "бір күн бұрын": a day of 24 hours or a working day. */
export const stateCorpDayReading = (citation: Citation): Interpretation => ({
  id: 'state-corp-day',
  citation,
  question: {
    kk: 'Нәтижені Мемлекеттік корпорацияға мерзім аяқталғанға дейін «бір тәулік» («бір күн») бұрын беру: күнтізбелік пе, жұмыс күні ме?',
    ru: 'Результат передаётся в Госкорпорацию за «одни сутки» («один день») до окончания срока: календарные или рабочий день?',
  },
  readings: [
    {
      id: 'working-day',
      text: { kk: 'Мерзімнің соңғы күнінің алдындағы жұмыс күні.', ru: 'Рабочий день перед последним днём срока.' },
    },
    {
      id: 'calendar-day',
      text: {
        kk: 'Мерзімнің соңғы күнінен бір күнтізбелік күн бұрын (24 сағат).',
        ru: 'За одни календарные сутки до последнего дня срока (24 часа).',
      },
    },
  ],
  chosen: 'working-day',
  why: {
    kk: 'Бөлім нәтижені тек жұмыс күні бере алады; күнтізбелік оқылуы бойынша соңғы рұқсат етілген жұмыс күні дәл сол күн болады.',
    ru: 'Отдел передаёт результат только в рабочий день; последний допустимый рабочий день по календарному прочтению — тот же самый день.',
  },
});

export const order458Readings = (handOver: Citation, trigger: Citation): readonly Interpretation[] => [
  disagreementTimeReading(trigger),
  windowEndReading(c84('L43', { paragraph: '15', quoteKk: 'екі жұмыс күнінен кешіктірмейтін мерзімде' })),
  stateCorpDayReading(handOver),
];

export const msiReadings: readonly Interpretation[] = [
  stateCorpDayReading(cMsi('L37', { paragraph: '11', quoteKk: 'мерзімі аяқталғанға дейін бір күн бұрын ұсынады' })),
];

export const socialAssistanceReadings: readonly Interpretation[] = [
  objectionFromReceiptReading,
  windowEndReading(c84('L43-47', { paragraph: '15' })),
];
