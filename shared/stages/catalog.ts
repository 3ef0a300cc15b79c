/**
 * The stages of service provision that the provider reports to the public-services monitoring
 * information system (Law "On Public Services" Art. 5(2)(11), as repeated in every service of Order
 * 458: paras 18-5, 32-5, 21-5, 20-5, 76-5, 20-5 of the services' rules, seed 000 L111, L205, L323,
 * L427, L551, L663; medical-social placement rules para 10, seed 001 L36).
 *
 * The sources name the obligation and some portal statuses (request accepted, 000 L103; refusal to
 * accept the application, 000 L105; result, 000 L107; refusal of the service, 000 L109) but publish no
 * list of stages and no file format. This list is therefore DATA, like a rule set: each stage says
 * which recorded action makes it a stage and which clause it rests on, and carries a `monitoringCode`
 * an administrator fills in when the authorised body publishes its list. Nothing here is typed twice:
 * every stage is derived from what the officer already recorded (derive.ts).
 */
import { z } from 'zod';
import type { Citation } from '../rules';
import { c458, cMsi } from '../rules/cite';

export const STAGE_SUBJECTS = ['application', 'intake', 'complaint'] as const;
export type StageSubject = (typeof STAGE_SUBJECTS)[number];

/** The recorded events a stage can be derived from (derive.ts maps each to the records' fields). */
export const STAGE_SOURCES = [
  'application-registered',
  'application-preliminary',
  'application-notice-sent',
  'application-hearing-held',
  'application-granted',
  'application-refused',
  'application-notified',
  'intake-accepted',
  'intake-refused',
  'intake-assessment',
  'intake-decision',
  'intake-portal-notice',
  'complaint-registered',
  'complaint-review',
  'complaint-forwarded',
  'complaint-decided',
  'complaint-withdrawn',
] as const;
export type StageSource = (typeof STAGE_SOURCES)[number];

export interface StageDefinition {
  readonly id: string;
  readonly subject: StageSubject;
  readonly source: StageSource;
  readonly nameKk: string;
  readonly nameRu: string;
  readonly citations: readonly Citation[];
  /** The monitoring system's code for this stage; null until the authorised body publishes its list. */
  readonly monitoringCode: string | null;
}

export interface StageCatalog {
  readonly id: string;
  readonly version: number;
  readonly stages: readonly StageDefinition[];
}

const A = 'Rules on personal-assistant and sign-language specialist services (Order 26)';

/** The default list. Para numbers cite the personal-assistant copy; every service repeats them (see MONITORING_CLAUSES). */
export const DEFAULT_STAGE_CATALOG: StageCatalog = {
  id: 'qamqor-default',
  version: 1,
  stages: [
    {
      id: 'application-accepted',
      subject: 'application',
      source: 'application-registered',
      nameKk: 'Сұрау салу қабылданды',
      nameRu: 'Запрос принят',
      citations: [c458('L103', { rules: A, paragraph: '18-2', quoteKk: 'сұрау салудың қабылданғаны туралы мәртебені' })],
      monitoringCode: null,
    },
    {
      id: 'application-preliminary',
      subject: 'application',
      source: 'application-preliminary',
      nameKk: 'Алдын ала шешім (тыңдау)',
      nameRu: 'Предварительное решение (заслушивание)',
      citations: [c458('L47', { rules: A, paragraph: '9' })],
      monitoringCode: null,
    },
    {
      id: 'application-hearing-notice',
      subject: 'application',
      source: 'application-notice-sent',
      nameKk: 'Тыңдау туралы хабарлама жіберілді',
      nameRu: 'Направлено уведомление о заслушивании',
      citations: [c458('L49', { rules: A, paragraph: '9' })],
      monitoringCode: null,
    },
    {
      id: 'application-hearing-held',
      subject: 'application',
      source: 'application-hearing-held',
      nameKk: 'Тыңдау өткізілді',
      nameRu: 'Заслушивание проведено',
      citations: [c458('L49', { rules: A, paragraph: '9' })],
      monitoringCode: null,
    },
    {
      id: 'application-result',
      subject: 'application',
      source: 'application-granted',
      nameKk: 'Мемлекеттік қызметті көрсету нәтижесі',
      nameRu: 'Результат оказания государственной услуги',
      citations: [c458('L107', { rules: A, paragraph: '18-3' })],
      monitoringCode: null,
    },
    {
      id: 'application-refusal',
      subject: 'application',
      source: 'application-refused',
      nameKk: 'Мемлекеттік қызмет көрсетуден бас тарту',
      nameRu: 'Отказ в оказании государственной услуги',
      citations: [c458('L109', { rules: A, paragraph: '18-4' })],
      monitoringCode: null,
    },
    {
      id: 'application-notified',
      subject: 'application',
      source: 'application-notified',
      nameKk: 'Нәтиже туралы хабарланды',
      nameRu: 'Заявитель уведомлён о результате',
      citations: [c458('L107', { rules: A, paragraph: '18-3' })],
      monitoringCode: null,
    },
    {
      id: 'intake-accepted',
      subject: 'intake',
      source: 'intake-accepted',
      nameKk: 'Құжаттар қабылданды',
      nameRu: 'Документы приняты',
      citations: [cMsi('L19', { paragraph: '5' })],
      monitoringCode: null,
    },
    {
      id: 'intake-refused',
      subject: 'intake',
      source: 'intake-refused',
      nameKk: 'Өтінішті қабылдаудан бас тартылды',
      nameRu: 'Отказ в приёме заявления',
      citations: [cMsi('L28', { paragraph: '8' })],
      monitoringCode: null,
    },
    {
      id: 'intake-assessment',
      subject: 'intake',
      source: 'intake-assessment',
      nameKk: 'Әлеуметтік қызметкердің қорытындысы алынды',
      nameRu: 'Получено заключение социального работника',
      citations: [cMsi('L38', { paragraph: '12' })],
      monitoringCode: null,
    },
    {
      id: 'intake-decision',
      subject: 'intake',
      source: 'intake-decision',
      nameKk: 'Шешім қабылданды',
      nameRu: 'Принято решение',
      citations: [cMsi('L41', { paragraph: '13' })],
      monitoringCode: null,
    },
    {
      id: 'intake-portal-notice',
      subject: 'intake',
      source: 'intake-portal-notice',
      nameKk: 'Порталда хабарлама жіберілді',
      nameRu: 'Направлено уведомление на портале',
      citations: [cMsi('L42', { paragraph: '14' })],
      monitoringCode: null,
    },
    {
      id: 'complaint-registered',
      subject: 'complaint',
      source: 'complaint-registered',
      nameKk: 'Шағымды тіркеу',
      nameRu: 'Регистрация жалобы',
      citations: [c458('L67', { rules: A, paragraph: '11' })],
      monitoringCode: null,
    },
    {
      id: 'complaint-review',
      subject: 'complaint',
      source: 'complaint-review',
      nameKk: 'Шағым қарауға алынды',
      nameRu: 'Жалоба принята к рассмотрению',
      citations: [c458('L79', { rules: A, paragraph: '11' })],
      monitoringCode: null,
    },
    {
      id: 'complaint-forwarded',
      subject: 'complaint',
      source: 'complaint-forwarded',
      nameKk: 'Шағым қарайтын органға жіберілді',
      nameRu: 'Жалоба направлена в рассматривающий орган',
      citations: [c458('L75', { rules: A, paragraph: '11' })],
      monitoringCode: null,
    },
    {
      id: 'complaint-decided',
      subject: 'complaint',
      source: 'complaint-decided',
      nameKk: 'Шағым бойынша шешім',
      nameRu: 'Решение по жалобе',
      citations: [c458('L79', { rules: A, paragraph: '11' }), c458('L81', { rules: A, paragraph: '11' })],
      monitoringCode: null,
    },
    {
      id: 'complaint-withdrawn',
      subject: 'complaint',
      source: 'complaint-withdrawn',
      nameKk: 'Шағым кері қайтарылды',
      nameRu: 'Жалоба отозвана',
      citations: [],
      monitoringCode: null,
    },
  ],
};

/**
 * The clause that obliges the provider to report stages, per service id: Order 458 paras 18-5 (000
 * L111), 32-5 (L205), 21-5 (L323), 20-5 (L427), 76-5 (L551), 20-5 (L663); the medical-social rules say
 * the stage data flow automatically from "E-Sobes" (001 L36, para 10). Social assistance: none in our seeds.
 */
export const MONITORING_CLAUSES: Readonly<Record<string, Citation>> = {
  'personal-assistant': c458('L111', { paragraph: '18-5' }),
  'sign-language': c458('L205', { paragraph: '32-5' }),
  sanatorium: c458('L323', { paragraph: '21-5' }),
  'prosthetic-orthopaedic': c458('L427', { paragraph: '20-5' }),
  'technical-aids': c458('L551', { paragraph: '76-5' }),
  wheelchair: c458('L663', { paragraph: '20-5' }),
  'msi-placement': cMsi('L36', { paragraph: '10' }),
};

const citationSchema = z.object({
  act: z.string().min(1),
  seed: z.string().min(1),
  lines: z.string().min(1),
  actTitle: z.string().optional(),
  rules: z.string().optional(),
  appendix: z.string().optional(),
  paragraph: z.string().optional(),
  item: z.string().optional(),
  row: z.string().optional(),
  quoteKk: z.string().optional(),
});

/** An administrator's catalog (edited or imported) is checked before use: one stage per source, unique ids. */
export const stageCatalogSchema = z
  .object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    stages: z.array(
      z.object({
        id: z.string().min(1),
        subject: z.enum(STAGE_SUBJECTS),
        source: z.enum(STAGE_SOURCES),
        nameKk: z.string().min(1),
        nameRu: z.string().min(1),
        citations: z.array(citationSchema),
        monitoringCode: z.string().min(1).nullable(),
      }),
    ),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    const sources = new Set<string>();
    for (const s of c.stages) {
      if (ids.has(s.id)) ctx.addIssue({ code: 'custom', message: `duplicate stage id ${s.id}` });
      if (sources.has(s.source)) ctx.addIssue({ code: 'custom', message: `two stages for source ${s.source}` });
      ids.add(s.id);
      sources.add(s.source);
    }
  });
