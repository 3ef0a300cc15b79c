import type { RuleSet } from './types';
import { c458 } from './cite';
import { shippedActs } from './acts';
import { complaints } from './complaints';
import { kyzylordaAkimRoute, shippedServices } from './services';
import { medicalCard } from './medical-card';
import { wheelchairs } from './wheelchairs';

/**
 * Validity of the shipped set.
 *
 * From: Order 458 enters into force ten calendar days after its first official publication (000
 * L695); the publication date is not in the seeds. It was registered on 9 December 2021 (L9) and
 * cannot be published before registration, so the earliest possible day is 9 + 10 elapsed days =
 * 20 December 2021. The real entry into force cannot be earlier; if the official publication was
 * later, the days in between belonged to Order 26's previous wording, which is not in our sources,
 * and an administrator can move validFrom from the official publication record.
 *
 * To: repealed by Order No. 286 from 01.07.2023 (L11), so the last day is 30.06.2023.
 */
export const ruleSet2021: RuleSet = {
  id: 'order458-2021',
  version: 1,
  titleKk: '№ 458 бұйрық бойынша қағидалар жиынтығы (2021–2023)',
  titleRu: 'Набор правил по приказу № 458 (2021–2023)',
  validFrom: '2021-12-20',
  validTo: '2023-06-30',
  validityBasis: {
    kk: 'Басталуы: 2021 жылғы 9 желтоқсанда тіркелген, ресми жарияланғаннан кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі – жариялау күні мәтінде жоқ, сондықтан ең ерте мүмкін күн (20.12.2021) алынды. Аяқталуы: 01.07.2023 бастап күші жойылды.',
    ru: 'Начало: зарегистрирован 9 декабря 2021 года, вводится в действие по истечении десяти календарных дней после первого официального опубликования – дата опубликования в тексте отсутствует, поэтому принят самый ранний возможный день (20.12.2021). Окончание: утратил силу с 01.07.2023.',
    citations: [
      c458('L9', { quoteKk: '2021 жылғы 9 желтоқсанда № 25681 болып тіркелді' }),
      c458('L695', { paragraph: '4', quoteKk: 'күнтізбелік он күн өткен соң қолданысқа енгізіледі' }),
      c458('L11', { quoteKk: '(01.07.2023 бастап қолданысқа енгізіледі)' }),
    ],
  },
  provisional: false,
  provisionalNote: null,
  acts: shippedActs,
  complaints,
  services: shippedServices,
  medicalCard,
  wheelchairs,
  handOffTemplates: [kyzylordaAkimRoute],
  notes: [
    {
      kk: 'Медициналық-әлеуметтік мекемелер қағидаларының мәтіні 2022 жылғы 3 тамыздағы № 290 бұйрықтың редакциясында; 2022 жылдың тамызына дейінгі редакциясы бастапқы мәтіндерде жоқ, сондықтан бүкіл кезеңге осы сандар қолданылады.',
      ru: 'Правила по медико-социальным учреждениям – в редакции приказа от 3 августа 2022 года № 290; редакции до августа 2022 года в исходных текстах нет, поэтому эти числа применяются ко всему периоду.',
    },
  ],
};

/**
 * Offices keep registering cases after Order 458 was repealed, and the act that replaced it is not
 * in our sources. Without a set for today's date every new case would have no deadlines at all, so
 * the 2021 numbers are carried over, open-ended and visibly provisional, until an administrator
 * enters the successor act's numbers as a newer set (a later validFrom wins in ruleSetInForce).
 */
export const ruleSetCarryOver2023: RuleSet = {
  ...ruleSet2021,
  id: 'carry-over-2023',
  version: 1,
  titleKk: 'Уақытша жиынтық: 2021 жылғы сандар (2023 жылғы 1 шілдеден бастап)',
  titleRu: 'Временный набор: числа 2021 года (с 1 июля 2023 года)',
  validFrom: '2023-07-01',
  validTo: null,
  validityBasis: {
    kk: '№ 458 бұйрықтың күші 2023 жылғы 1 шілдеден бастап жойылды; жаңа акт бастапқы мәтіндерде жоқ.',
    ru: 'Приказ № 458 утратил силу с 1 июля 2023 года; новый акт в исходных текстах отсутствует.',
    citations: [c458('L11', { quoteKk: '(01.07.2023 бастап қолданысқа енгізіледі)' })],
  },
  provisional: true,
  provisionalNote: {
    kk: 'Уақытша: № 458 бұйрықтың орнына қабылданған акт бастапқы мәтіндерде жоқ. Әкімші жаңа сандарды енгізгенге дейін 2021 жылғы сандар сақталады.',
    ru: 'Временно: акт, пришедший на смену приказу № 458, отсутствует в исходных текстах. Числа 2021 года применяются, пока администратор не введёт новые.',
  },
};

export const shippedRuleSets: readonly RuleSet[] = [ruleSet2021, ruleSetCarryOver2023];
